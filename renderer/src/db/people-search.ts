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

export type { PeopleQuery, PeopleSortField, SortOrder } from './people-index';

export interface PeopleSearchResult {
  /** How many people match, over all pages. */
  total: number;
  /** The requested page, in order. */
  people: Person[];
}

type Listener = () => void;

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
  private queued: Array<(index: PeopleIndex) => void> = [];
  private readonly listeners = new Set<Listener>();

  constructor(private readonly db: SafeTrainDb) {}

  async ready(): Promise<PeopleIndex> {
    if (this.state !== 'ready') {
      this.building ??= this.build();
      await this.building;
    }
    return this.index;
  }

  private async build(): Promise<void> {
    this.state = 'building';
    this.queued = [];
    // Outside any transaction of the caller: the build is a read of its own, not part of someone's write.
    const people = await Dexie.ignoreTransaction(() => this.db.people.toArray());
    this.index.load(people);
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

function onCommit(
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
): ((index: PeopleIndex) => void) | 'rebuild' {
  switch (req.type) {
    case 'add':
    case 'put': {
      const written = req.values.filter((_, i) => !(i in res.failures)) as Person[];
      return (index) => index.upsert(written);
    }
    case 'delete':
      return req.keys.length > 0 || !req.criteria ? (index) => index.remove(req.keys as string[]) : 'rebuild';
    default:
      return 'rebuild';
  }
}

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
            const change = onCommit(req, res);
            // At the bottom of the stack the DBCore transaction is the IndexedDB transaction.
            const trans = req.trans as unknown as IDBTransaction;
            trans.addEventListener('complete', () => searchOf(db).apply(change));
            return res;
          },
        };
      },
    }),
  };
}

/** Builds the index now (at start-up, so the first search does not wait for it). */
export async function warmPeopleSearch(ctx: DbContext): Promise<void> {
  await searchOf(ctx.db).ready();
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
  const index = await searchOf(ctx.db).ready();
  const { total, ids } = index.query(query, { offset: query.offset ?? 0, limit: query.limit ?? 50 });
  const people = (await ctx.db.people.bulkGet(ids)).filter(
    (p): p is Person => p !== undefined && p.deletedAt === undefined,
  );
  return { total, people };
}

/** Live people per enterprise id, from the index. */
export async function countPeopleByEnterprise(ctx: DbContext): Promise<Map<string, number>> {
  return (await searchOf(ctx.db).ready()).countByEnterprise();
}
