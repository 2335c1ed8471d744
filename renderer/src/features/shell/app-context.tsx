import { createContext, useContext } from 'react';
import type { DbContext } from '../../db/context';
import type { Platform } from '../../platform/platform';

export interface AppServices {
  ctx: DbContext;
  platform: Platform;
}

export const AppServicesContext = createContext<AppServices | null>(null);

/** The database context and the platform, for features. */
export function useServices(): AppServices {
  const value = useContext(AppServicesContext);
  if (!value) throw new Error('useServices outside AppServicesContext');
  return value;
}
