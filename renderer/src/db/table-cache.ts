import Dexie, { type ObservabilitySet } from 'dexie';

/**
 * Values read from a table and kept in memory until a transaction that writes that table commits: for the few
 * records the check-in station reads on every scan and that hardly ever change (the shared settings, the session
 * being checked into). Reading them inside every check-in's write transaction cost one request each on the path
 * the benchmark holds to within 2x of a raw IndexedDB write.
 *
 * Invalidation follows Dexie's `storagemutated` event, which Dexie fires for every committed write: for a
 * transaction of this window synchronously on its commit (before the writer's own promise resolves, so a read
 * after an awaited write never sees the old value), and for another window of the same origin through Dexie's
 * broadcast a moment later. A value read while a write commits is used once and not kept.
 */

/** Generation of each `database/table`, raised by every committed write of that table. */
const generations = new Map<string, number>();
/** Raised when Dexie reports that anything may have changed (a page restored from the back-forward cache). */
let everything = 0;
let listening = false;

/** `idb://<database>/<table>/<index>`: the parts of an observability set that name a table. */
const PART = /^idb:\/\/(.*)\/([^/]*)\/[^/]*$/;

function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    for (const part of Object.keys(parts)) {
      const match = PART.exec(part);
      if (!match) {
        everything += 1;
        continue;
      }
      const key = `${match[1]}/${match[2]}`;
      generations.set(key, (generations.get(key) ?? 0) + 1);
    }
  });
}

function generation(db: Dexie, table: string): string {
  return `${everything}:${generations.get(`${db.name}/${table}`) ?? 0}`;
}

interface Entry {
  generation: string;
  value: Promise<unknown>;
}

const caches = new WeakMap<Dexie, Map<string, Entry>>();

/**
 * The value `read` gives for `key` of `table`, from memory unless `table` was written since it was read. `read`
 * runs outside any transaction of the caller. The value is shared between callers: treat it as read-only.
 */
export function readUntilWritten<T>(
  db: Dexie,
  table: string,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  listen();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const id = `${table}/${key}`;
  const current = generation(db, table);
  const entry = cache.get(id);
  if (entry && entry.generation === current) return entry.value as Promise<T>;
  const value = Dexie.ignoreTransaction(read);
  const kept: Entry = { generation: current, value };
  cache.set(id, kept);
  // A failed read is not kept; nor is a value whose table was written while it was being read (checked on use).
  value.catch(() => {
    if (cache.get(id) === kept) cache.delete(id);
  });
  return value;
}
