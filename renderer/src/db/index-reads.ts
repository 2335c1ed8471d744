import type { InsertType, Table } from 'dexie';

/**
 * The records whose `index` has any of the values: one key-range read per value, all issued at once in one read
 * transaction (a sub-transaction of the caller's, when there is one). Dexie's anyOf() instead walks one cursor that
 * jumps from key to key, one IndexedDB round trip per step: 1.5 s for the 10,000 ID numbers of a roster, against a
 * few hundred milliseconds this way. Records come grouped by value, in the order of `values`.
 */
export async function readEachValue<T extends { id: string }>(
  table: Table<T, string, InsertType<T, 'id'>>,
  index: string,
  values: readonly string[],
): Promise<T[]> {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return [];
  return table.db.transaction('r', table, async () =>
    (await Promise.all(distinct.map((value) => table.where(index).equals(value).toArray()))).flat(),
  );
}
