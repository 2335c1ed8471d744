import { SafeTrainDb } from './database';
import type { DbContext } from './context';
import { getOperator } from './audit-repo';
import { ensureDevice, getAppSettings, saveAppSettings } from './settings-repo';

/**
 * Opens the database and makes sure this installation has its identity and the shared settings exist (the
 * verification secret must be created once, not on every read).
 */
export async function openAppDatabase(db = new SafeTrainDb()): Promise<DbContext> {
  await db.open();
  const device = await ensureDevice(db);
  // The operator chosen on this machine names every write in the audit log (settings, 数据与备份).
  const operator = await getOperator(db);
  const ctx: DbContext = {
    db,
    deviceId: device.deviceId,
    now: () => new Date(),
    ...(operator ? { operator } : {}),
  };
  if (!(await db.settings.get('app'))) await saveAppSettings(ctx, await getAppSettings(db));
  return ctx;
}
