import { useEffect, useState } from 'react';
import {
  searchPeople,
  subscribePeopleSearch,
  type PeopleQuery,
  type PeopleSearchResult,
} from '../../db/people-search';
import { useServices } from '../shell/app-context';

/**
 * Searches the register as the query changes, and again whenever a person is written (by this screen or any
 * other). The previous result stays on screen until the next one arrives, so the table does not flicker.
 */
export function usePeopleSearch(
  query: PeopleQuery & { offset?: number; limit?: number },
): PeopleSearchResult | undefined {
  const { ctx } = useServices();
  const [result, setResult] = useState<PeopleSearchResult>();
  const [changes, setChanges] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => subscribePeopleSearch(ctx, () => setChanges((n) => n + 1)), [ctx]);

  useEffect(() => {
    let current = true;
    void searchPeople(ctx, JSON.parse(key) as typeof query).then((next) => {
      if (current) setResult(next);
    });
    return () => {
      current = false;
    };
  }, [ctx, key, changes]);

  return result;
}
