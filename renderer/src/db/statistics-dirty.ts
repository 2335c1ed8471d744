import type { DBCore, DBCoreMutateResponse, DBCoreTransaction, Middleware } from 'dexie';
import type { SafeTrainDb } from './database';
import { STATS_REBUILD_ALL } from './schema';

/**
 * A session whose statistics aggregate must be recomputed (or STATS_REBUILD_ALL). The token changes with every
 * marking, so that a recomputation that read the session before a newer write does not clear the newer mark.
 */
export interface StatsDirtyMarker {
  id: string;
  token: string;
}

/** Thrown when attendance or sessions are written in a transaction that cannot mark the statistics dirty. */
export class StatsScopeError extends Error {
  constructor(table: string) {
    super(
      `a write of ${table} must include the statsDirty table in its transaction (statistics are derived from it)`,
    );
    this.name = 'StatsScopeError';
  }
}

/** The tables whose writes change statistics. */
const WATCHED = new Set(['attendance', 'sessions']);

let tokenCounter = 0;
function newToken(): string {
  tokenCounter += 1;
  return `${Date.now().toString(36)}-${tokenCounter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function hasStore(trans: DBCoreTransaction, name: string): boolean {
  // At the bottom of the stack the DBCore transaction is the IndexedDB transaction.
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  for (let i = 0; i < names.length; i += 1) if (names.item(i) === name) return true;
  return false;
}

function sessionIdsOf(tableName: string, values: readonly unknown[]): string[] {
  return values
    .map((value) => {
      const v = value as { id?: unknown; sessionId?: unknown } | undefined;
      return tableName === 'sessions' ? v?.id : v?.sessionId;
    })
    .filter((id): id is string => typeof id === 'string');
}

type DirtyListener = () => void;
const listeners = new WeakMap<SafeTrainDb, Set<DirtyListener>>();

/** Calls `listener` after every committed transaction that marked statistics dirty (to recompute on idle). */
export function subscribeStatsDirty(db: SafeTrainDb, listener: DirtyListener): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

const notified = new WeakSet<IDBTransaction>();

function notifyOnCommit(db: SafeTrainDb, dbcoreTrans: DBCoreTransaction): void {
  const trans = dbcoreTrans as unknown as IDBTransaction;
  if (notified.has(trans)) return;
  notified.add(trans);
  trans.addEventListener('complete', () => {
    for (const listener of listeners.get(db) ?? []) listener();
  });
}

/**
 * Marks the statistics of a session dirty in the same transaction as every write of its attendance or of the
 * session itself, whoever writes (check-in, corrections, sheet entry, end of day, merges, sync, restore, demo data):
 * one extra put per write request. A write whose transaction does not include statsDirty fails with
 * StatsScopeError rather than leaving the statistics silently stale: the write path must add the table to its scope.
 */
export function statsDirtyMiddleware(db: SafeTrainDb): Middleware<{ stack: 'dbcore' } & DBCore> {
  return {
    stack: 'dbcore',
    name: 'statistics-dirty',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (!WATCHED.has(tableName)) return table;
        return {
          ...table,
          // Promise chains rather than async/await: Dexie's promises keep the transaction zone that the layers
          // below read; a native await before calling down would lose it.
          mutate: (req) => {
            if (!hasStore(req.trans, 'statsDirty')) return Promise.reject(new StatsScopeError(tableName));
            /** Issues the marker's put now; the caller issues its own write in the same tick, not after it. */
            const putMarker = (sessions: string[]) => {
              if (sessions.length === 0) return undefined;
              const token = newToken();
              notifyOnCommit(db, req.trans);
              return down.table('statsDirty').mutate({
                type: 'put',
                trans: req.trans,
                values: [...new Set(sessions)].map((id): StatsDirtyMarker => ({ id, token })),
              });
            };
            const mark = (sessions: string[]) => (res: DBCoreMutateResponse) => {
              const marked = putMarker(sessions);
              return marked ? marked.then(() => res) : res;
            };
            switch (req.type) {
              case 'add':
              case 'put': {
                // An attendance record never moves to another session: the new value names the only one touched.
                // Both puts are issued at once (one round trip, not two): the check-in write waits for this.
                const marked = putMarker(sessionIdsOf(tableName, req.values));
                const written = table.mutate(req);
                return marked ? written.then((res) => marked.then(() => res)) : written;
              }
              case 'delete':
                if (tableName === 'sessions') return table.mutate(req).then(mark(req.keys as string[]));
                return table
                  .getMany({ trans: req.trans, keys: req.keys })
                  .then((before) => table.mutate(req).then(mark(sessionIdsOf(tableName, before))));
              case 'deleteRange':
                return table.mutate(req).then(mark([STATS_REBUILD_ALL]));
            }
          },
        };
      },
    }),
  };
}
