import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type Middleware,
} from 'dexie';
import type { DbContext } from './context';
import type { SafeTrainDb } from './database';
import type { Person } from './records';
import { PeopleIndex, type PeopleQuery } from './people-index';
import { nameInitials } from '../domain/name-initials';
import { normalizeCodeInput } from '../domain/code-input';
import { backgroundTurn } from './background-work';

export type { PeopleQuery, PeopleSortField, SortOrder } from './people-index';

export interface PeopleSearchResult {
  /** How many people match, over all pages. */
  total: number;
  /** The requested page, in order. */
  people: Person[];
  /**
   * Answered from the database's prefix indexes while the search index was still being built (the first seconds
   * after start on a large register): matches at the start of the name, initials, ID or phone number only.
   * Subscribers are told when the index is ready, and search again.
   */
  partial?: true;
}

type Listener = () => void;

/**
 * People read per step of a build: a few milliseconds of work, and a read short enough that a check-in's write,
 * which IndexedDB queues behind it, hardly waits (one read of 100,000 people held a check-in for over a second).
 */
const BUILD_CHUNK = 1000;

/**
 * The search index of one open database: built on first use from the people table, then kept in step by the
 * write middleware below, which applies every committed write of a person (whoever made it: the register, an
 * import, check-in, the demo data) once its transaction has completed. Writes committed while the index is being
 * built are queued and applied after it, so nothing committed is missed; an aborted write never reaches it.
 */
class PeopleSearch {
  readonly index = new PeopleIndex();
  private state: 'empty' | 'building' | 'ready' = 'empty';
  private building: Promise<void> | null = null;
  /** Someone waits for the index (a query the database's prefix indexes cannot answer): build without pauses. */
  private urgent = false;
  private queued: Array<(index: PeopleIndex) => void> = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly db: SafeTrainDb) {}

  get isReady(): boolean {
    return this.state === 'ready';
  }

  /**
   * The built index. In the background (`urgent` false: the warm-up at start) the build reads the register a chunk
   * at a time in idle moments and steps aside for the check-in station (db/background-work.ts); a caller that
   * needs the answer now makes it go on without pauses.
   */
  async ready(urgent = true): Promise<PeopleIndex> {
    if (this.state !== 'ready') {
      if (urgent) this.urgent = true;
      this.building ??= this.build();
      await this.building;
    }
    return this.index;
  }

  private async build(): Promise<void> {
    this.state = 'building';
    this.queued = [];
    this.index.load([]);
    let after: string | undefined;
    for (;;) {
      if (!this.urgent) await backgroundTurn();
      const from = after;
      // Outside any transaction of the caller: the build is a read of its own, not part of someone's write.
      const chunk = await Dexie.ignoreTransaction(() =>
        (from === undefined ? this.db.people.orderBy(':id') : this.db.people.where(':id').above(from))
          .limit(BUILD_CHUNK)
          .toArray(),
      );
      this.index.loadMore(chunk);
      if (chunk.length < BUILD_CHUNK) break;
      after = chunk[chunk.length - 1]!.id;
    }
    this.urgent = false;
    for (const change of this.queued) change(this.index);
    this.queued = [];
    this.state = 'ready';
    this.building = null;
    this.notify();
  }

  /** A committed change: applied now, queued during a build, ignored before the first build (it will read it). */
  apply(change: ((index: PeopleIndex) => void) | 'rebuild'): void {
    if (change === 'rebuild') {
      if (this.state === 'ready') this.state = 'empty';
      else if (this.state === 'building') this.queued.push(() => (this.state = 'empty'));
    } else if (this.state === 'ready') {
      change(this.index);
    } else if (this.state === 'building') {
      this.queued.push(change);
      return;
    } else {
      return;
    }
    this.notify();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const searches = new WeakMap<SafeTrainDb, PeopleSearch>();

function searchOf(db: SafeTrainDb): PeopleSearch {
  let search = searches.get(db);
  if (!search) {
    search = new PeopleSearch(db);
    searches.set(db, search);
  }
  return search;
}

/** Sets the derived search keys of a person about to be written (in place, as Dexie sets generated keys). */
function withSearchKeys(value: unknown): void {
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string') {
    (value as Person).nameInitials = nameInitials(value.name);
  }
}

/** What one transaction wrote to the people table: the last version of each person, or deletions by id. */
interface Written {
  people: Map<string, Person | null>;
  /** A range was deleted (a table cleared): the index is rebuilt rather than patched. */
  rebuild: boolean;
}

function record(written: Written, req: DBCoreMutateRequest, res: DBCoreMutateResponse): void {
  switch (req.type) {
    case 'add':
    case 'put':
      req.values.forEach((value, i) => {
        if (!(i in res.failures)) written.people.set((value as Person).id, value as Person);
      });
      return;
    case 'delete':
      if (req.keys.length === 0 && req.criteria) written.rebuild = true;
      for (const key of req.keys as string[]) written.people.set(key, null);
      return;
    default:
      written.rebuild = true;
  }
}

function changeOf(written: Written): ((index: PeopleIndex) => void) | 'rebuild' {
  if (written.rebuild) return 'rebuild';
  const upserts = [...written.people.values()].filter((p): p is Person => p !== null);
  const removed = [...written.people].filter(([, p]) => p === null).map(([id]) => id);
  return (index) => {
    index.remove(removed);
    index.upsert(upserts);
  };
}

const pending = new WeakMap<IDBTransaction, Written>();

/**
 * The DBCore middleware that keeps people's search keys and the search index right for every write to the
 * people table. Installed by SafeTrainDb.
 */
export function peopleSearchMiddleware(db: SafeTrainDb): Middleware<{ stack: 'dbcore' } & DBCore> {
  return {
    stack: 'dbcore',
    name: 'people-search',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'people') return table;
        return {
          ...table,
          mutate: async (req) => {
            if (req.type === 'add' || req.type === 'put') req.values.forEach(withSearchKeys);
            const res = await table.mutate(req);
            // At the bottom of the stack the DBCore transaction is the IndexedDB transaction. Its writes are
            // gathered and applied together once it has committed (an import of thousands is one change).
            const trans = req.trans as unknown as IDBTransaction;
            let written = pending.get(trans);
            if (!written) {
              const gathered: Written = { people: new Map(), rebuild: false };
              pending.set(trans, gathered);
              trans.addEventListener('complete', () => searchOf(db).apply(changeOf(gathered)));
              written = gathered;
            }
            record(written, req, res);
            return res;
          },
        };
      },
    }),
  };
}

/** Builds the index now (at start-up, so the first search does not wait for it). */
export async function warmPeopleSearch(ctx: DbContext): Promise<void> {
  await searchOf(ctx.db).ready(false);
}

/** Calls `listener` whenever the people in the index change (after the write committed), until unsubscribed. */
export function subscribePeopleSearch(ctx: DbContext, listener: Listener): () => void {
  return searchOf(ctx.db).subscribe(listener);
}

/**
 * Searches the register: by name, pinyin initials, a fragment of the ID or phone number, with filters, sorted,
 * one page at a time. Matching runs on the in-memory index; only the page's records are read from the database.
 */
export async function searchPeople(
  ctx: DbContext,
  query: PeopleQuery & { offset?: number; limit?: number },
): Promise<PeopleSearchResult> {
  const search = searchOf(ctx.db);
  if (!search.isReady) {
    void search.ready(false);
    const cold = await searchByPrefix(ctx, query);
    if (cold) return cold;
  }
  const index = await search.ready();
  const { total, ids } = index.query(query, { offset: query.offset ?? 0, limit: query.limit ?? 50 });
  const people = (await ctx.db.people.bulkGet(ids)).filter(
    (p): p is Person => p !== undefined && p.deletedAt === undefined,
  );
  return { total, people };
}

const HAN = /[\u3400-\u9fff]/;
// Enough for the first pages while the index is built; the full answer follows moments later.
const COLD_LIMIT = 500;

/** One word looked up by prefix in the database's indexes; null when the query needs the search index. */
async function searchByPrefix(
  ctx: DbContext,
  query: PeopleQuery & { offset?: number; limit?: number },
): Promise<PeopleSearchResult | null> {
  const words = (query.text ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length !== 1) return null;
  const word = words[0]!;
  const code = normalizeCodeInput(word);
  const { people } = ctx.db;
  const found = HAN.test(word)
    ? await people.where('name').startsWith(word).limit(COLD_LIMIT).toArray()
    : /^[A-Z]+$/.test(code)
      ? await people.where('nameInitials').startsWith(code).limit(COLD_LIMIT).toArray()
      : /^\d+X?$/.test(code)
        ? [
            ...(await people.where('idNumber').startsWith(code).limit(COLD_LIMIT).toArray()),
            ...(await people.where('phone').startsWith(code).limit(COLD_LIMIT).toArray()),
          ]
        : null;
  if (!found) return null;
  const exclude = new Set(query.excludeIds ?? []);
  const matches = [...new Map(found.map((p) => [p.id, p])).values()]
    .filter(
      (p) =>
        p.deletedAt === undefined &&
        !exclude.has(p.id) &&
        (query.enterpriseId === undefined || p.enterpriseId === query.enterpriseId) &&
        (query.role === undefined || p.role === query.role),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const offset = query.offset ?? 0;
  return {
    total: matches.length,
    people: matches.slice(offset, offset + (query.limit ?? 50)),
    partial: true,
  };
}

/** Live people per enterprise id, from the index. */
export async function countPeopleByEnterprise(ctx: DbContext): Promise<Map<string, number>> {
  return (await searchOf(ctx.db).ready()).countByEnterprise();
}
