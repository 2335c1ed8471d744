import { attendeesOf, type SessionStats } from './statistics';

/**
 * Every person's credited days, derived from the sessions' statistics aggregates and packed for reading at volume.
 *
 * Reading a record from IndexedDB costs far more than its size (about 40-80 µs a record here, whether by key or by
 * range), so the credits of 100,000 people are not stored one record per person: people are spread over
 * PACK_COUNT packs by a hash of their id, and a pack holds its people's credits as typed arrays (copied, not parsed,
 * when read). Coverage or reminders read every pack (about 14 bytes a credited day: 14 MB for a million) in about
 * 0.1 s; one person's archive reads one pack. Sessions are numbered in a table of their own (CreditSessions), so a
 * credit stores a number rather than two 36-character ids.
 */

/** How many packs people are spread over: fewer packs read faster, smaller packs rewrite faster. */
export const PACK_COUNT = 64;

/** Class hours one person was credited for one day of a held session. */
export interface PersonCredit {
  sessionId: string;
  /** The session's course as it is now: its kind (initial/refresher) is looked up when the ledger is built. */
  courseId: string;
  /** YYYY-MM-DD. */
  date: string;
  hours: number;
}

/** The credits of the people of one pack (id: its number). */
export interface CreditPack {
  id: number;
  /** The people's ids, sorted, joined by spaces. */
  people: string;
  /** people + 1 entries: the credits of person i are [offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
  /** Per credit: the session's number in CreditSessions. */
  sessions: Uint32Array;
  /** Per credit: the day, as days since 1970-01-01. */
  days: Uint16Array;
  hours: Float64Array;
}

/** The numbering of sessions in the packs (id 'all'): number → session id and its course. Append-only numbers. */
export interface CreditSessions {
  id: 'all';
  sessionIds: string[];
  courseIds: string[];
}

export const EMPTY_SESSIONS: CreditSessions = { id: 'all', sessionIds: [], courseIds: [] };

/** FNV-1a over the id's UTF-16 units: stable, and spreads random UUIDs evenly. */
export function packOf(personId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < personId.length; i += 1) {
    hash ^= personId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % PACK_COUNT;
}

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const dayNames = new Map<number, string>();
export function dayName(day: number): string {
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(day, name);
  }
  return name;
}

/** A credit as the packs store it: session number, day number, hours. */
interface PackedCredit {
  session: number;
  day: number;
  hours: number;
}

function byDayThenSession(a: PackedCredit, b: PackedCredit): number {
  return a.day - b.day || a.session - b.session;
}

/** Session numbers: existing ones kept, new sessions appended (numbers already stored never change meaning). */
export class SessionNumbers {
  private readonly index = new Map<string, number>();
  private changed = false;
  readonly table: CreditSessions;

  constructor(table: CreditSessions = EMPTY_SESSIONS) {
    this.table = { id: 'all', sessionIds: [...table.sessionIds], courseIds: [...table.courseIds] };
    this.table.sessionIds.forEach((id, i) => this.index.set(id, i));
  }

  /** The session's number, numbering it if new; records its course as it is now. */
  numberOf(sessionId: string, courseId: string): number {
    let n = this.index.get(sessionId);
    if (n === undefined) {
      n = this.table.sessionIds.length;
      this.table.sessionIds.push(sessionId);
      this.table.courseIds.push(courseId);
      this.index.set(sessionId, n);
      this.changed = true;
    } else if (this.table.courseIds[n] !== courseId) {
      this.table.courseIds[n] = courseId;
      this.changed = true;
    }
    return n;
  }

  known(sessionId: string): number | undefined {
    return this.index.get(sessionId);
  }

  /** Whether the table must be written back. */
  get dirty(): boolean {
    return this.changed;
  }
}

/**
 * The credits one session's aggregate gives each of its attendees: days with hours credited, and only if the session
 * was held (a cancelled or deleted session credits nothing, as in the statistics).
 */
function packedCreditsOf(stats: SessionStats, numbers: SessionNumbers): Map<string, PackedCredit[]> {
  const result = new Map<string, PackedCredit[]>();
  if (!stats.held) return result;
  const attendees = attendeesOf(stats).personIds;
  const { marks, hours } = stats;
  let session: number | undefined;
  for (let r = 0; r < hours.length; r += 1) {
    const credited = hours[r]!;
    if (!(credited > 0)) continue;
    session ??= numbers.numberOf(stats.id, stats.courseId);
    const personId = attendees[marks[3 * r]!]!;
    const credit = { session, day: dayNumber(stats.dates[marks[3 * r + 1]!]!), hours: credited };
    const list = result.get(personId);
    if (list) list.push(credit);
    else result.set(personId, [credit]);
  }
  return result;
}

function encodePack(id: number, byPerson: ReadonlyMap<string, readonly PackedCredit[]>): CreditPack {
  const people = [...byPerson.keys()].filter((p) => byPerson.get(p)!.length > 0).sort();
  const total = people.reduce((n, p) => n + byPerson.get(p)!.length, 0);
  const pack: CreditPack = {
    id,
    people: people.join(' '),
    offsets: new Uint32Array(people.length + 1),
    sessions: new Uint32Array(total),
    days: new Uint16Array(total),
    hours: new Float64Array(total),
  };
  let at = 0;
  people.forEach((p, i) => {
    pack.offsets[i] = at;
    for (const c of [...byPerson.get(p)!].sort(byDayThenSession)) {
      pack.sessions[at] = c.session;
      pack.days[at] = c.day;
      pack.hours[at] = c.hours;
      at += 1;
    }
  });
  pack.offsets[people.length] = at;
  return pack;
}

function peopleOf(pack: CreditPack): string[] {
  return pack.people === '' ? [] : pack.people.split(' ');
}

/**
 * Brings packs in step with recomputed sessions: every credit from a session in `replaced` is dropped, then the
 * credits of the sessions' new aggregates (`after`, a subset of `replaced`; a missing one no longer exists) are
 * added. `packs` must hold, for every pack number that the sessions' old or new attendees fall in (packsToRead),
 * the pack as stored (undefined: none yet). Returns the packs to write (an emptied pack is written empty).
 */
export function replaceSessionCredits(
  packs: ReadonlyMap<number, CreditPack | undefined>,
  numbers: SessionNumbers,
  replaced: ReadonlySet<string>,
  after: readonly SessionStats[],
): CreditPack[] {
  const dropped = new Set([...replaced].flatMap((id) => numbers.known(id) ?? []));
  const added = new Map<number, Map<string, PackedCredit[]>>();
  for (const stats of after) {
    for (const [personId, credits] of packedCreditsOf(stats, numbers)) {
      const pack = packOf(personId);
      const inPack = added.get(pack) ?? new Map<string, PackedCredit[]>();
      inPack.set(personId, [...(inPack.get(personId) ?? []), ...credits]);
      added.set(pack, inPack);
    }
  }
  for (const id of added.keys()) {
    // Writing a pack that was not read would lose the credits of everyone else in it.
    if (!packs.has(id)) throw new Error(`credit pack ${id} was not read before being rewritten`);
  }
  return [...packs.keys()]
    .sort((a, b) => a - b)
    .flatMap((id): CreditPack[] => {
      const current = packs.get(id);
      const adding = added.get(id);
      if (!adding && (!current || !current.sessions.some((s) => dropped.has(s)))) return [];
      const byPerson = new Map<string, PackedCredit[]>();
      if (current) {
        peopleOf(current).forEach((personId, i) => {
          const kept: PackedCredit[] = [];
          for (let c = current.offsets[i]!; c < current.offsets[i + 1]!; c += 1) {
            const session = current.sessions[c]!;
            if (!dropped.has(session))
              kept.push({ session, day: current.days[c]!, hours: current.hours[c]! });
          }
          byPerson.set(personId, kept);
        });
      }
      for (const [personId, credits] of adding ?? []) {
        byPerson.set(personId, [...(byPerson.get(personId) ?? []), ...credits]);
      }
      return [encodePack(id, byPerson)];
    });
}

/** Every pack and the session numbering from all sessions' aggregates: what a full rebuild writes. */
export function packsFromStats(all: Iterable<SessionStats>): {
  packs: CreditPack[];
  sessions: CreditSessions;
} {
  const numbers = new SessionNumbers();
  const byPack = Array.from({ length: PACK_COUNT }, () => new Map<string, PackedCredit[]>());
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const stats of sorted) {
    for (const [personId, credits] of packedCreditsOf(stats, numbers)) {
      const inPack = byPack[packOf(personId)]!;
      const list = inPack.get(personId);
      if (list) list.push(...credits);
      else inPack.set(personId, credits);
    }
  }
  return { packs: byPack.map((byPerson, id) => encodePack(id, byPerson)), sessions: numbers.table };
}

/**
 * The credits of the wanted people found in the packs (people without credits are absent), with their sessions
 * and courses from the numbering. `skip`: sessions whose credits are not to be trusted (written since).
 */
export function creditsInPacks(
  packs: Iterable<CreditPack | undefined>,
  sessions: CreditSessions,
  wanted: ReadonlySet<string>,
  skip: ReadonlySet<string> = new Set(),
): Map<string, PersonCredit[]> {
  const result = new Map<string, PersonCredit[]>();
  for (const pack of packs) {
    if (!pack) continue;
    peopleOf(pack).forEach((personId, i) => {
      if (!wanted.has(personId)) return;
      const list: PersonCredit[] = [];
      for (let c = pack.offsets[i]!; c < pack.offsets[i + 1]!; c += 1) {
        const n = pack.sessions[c]!;
        const sessionId = sessions.sessionIds[n]!;
        if (skip.has(sessionId)) continue;
        list.push({
          sessionId,
          courseId: sessions.courseIds[n]!,
          date: dayName(pack.days[c]!),
          hours: pack.hours[c]!,
        });
      }
      if (list.length > 0) result.set(personId, list);
    });
  }
  return result;
}

/** The packs that recomputing these sessions may change: those of everyone who attended them, before or after. */
export function packsToRead(stats: readonly SessionStats[]): number[] {
  const packs = new Set<number>();
  for (const s of stats) for (const id of attendeesOf(s).personIds) packs.add(packOf(id));
  return [...packs].sort((a, b) => a - b);
}

/** The packs holding these people. */
export function packsOfPeople(personIds: Iterable<string>): number[] {
  return [...new Set([...personIds].map(packOf))].sort((a, b) => a - b);
}
