import { attendeesOf, type SessionStats } from './statistics';

/** Class hours one person was credited for one day of a held session. */
export interface PersonCredit {
  sessionId: string;
  /** The session's course as it is now: its kind (initial/refresher) is looked up when the ledger is built. */
  courseId: string;
  /** YYYY-MM-DD. */
  date: string;
  hours: number;
}

/**
 * Every credited day of one person (id = the person's id), derived from the sessions' statistics aggregates: what a
 * person's yearly hour ledger counts, readable for thousands of managers at once without touching attendance.
 */
export interface PersonCredits {
  id: string;
  /** Ordered by date, then session (deterministic: a maintained record equals one built from scratch). */
  credits: PersonCredit[];
}

function byDateThenSession(a: PersonCredit, b: PersonCredit): number {
  return a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.sessionId < b.sessionId
        ? -1
        : a.sessionId > b.sessionId
          ? 1
          : 0;
}

/**
 * The credits one session's aggregate gives each of its attendees: days with hours credited, and only if the session
 * was held (a cancelled or deleted session credits nothing, as in the statistics).
 */
export function creditsOfSession(stats: SessionStats): Map<string, PersonCredit[]> {
  const result = new Map<string, PersonCredit[]>();
  if (!stats.held) return result;
  const attendees = attendeesOf(stats).personIds;
  const { marks, hours } = stats;
  for (let r = 0; r < hours.length; r += 1) {
    const credited = hours[r]!;
    if (!(credited > 0)) continue;
    const personId = attendees[marks[3 * r]!]!;
    const credit: PersonCredit = {
      sessionId: stats.id,
      courseId: stats.courseId,
      date: stats.dates[marks[3 * r + 1]!]!,
      hours: credited,
    };
    const list = result.get(personId);
    if (list) list.push(credit);
    else result.set(personId, [credit]);
  }
  return result;
}

/** Everyone who attended any of the sessions (whether credited or not): the people whose record may change. */
export function attendeesOfAll(stats: readonly SessionStats[]): Set<string> {
  const people = new Set<string>();
  for (const s of stats) for (const id of attendeesOf(s).personIds) people.add(id);
  return people;
}

/**
 * Brings some people's records in step with recomputed sessions: every credit from a session in `replaced` is
 * dropped, then the credits of the sessions' new aggregates (`after`, a subset of `replaced`; a session missing from
 * it no longer exists) are added. Returns the records to put and the ids of records left empty (to delete).
 */
export function replaceSessionCredits(
  personIds: readonly string[],
  current: ReadonlyMap<string, PersonCredits>,
  replaced: ReadonlySet<string>,
  after: readonly SessionStats[],
): { put: PersonCredits[]; deleted: string[] } {
  const added = new Map<string, PersonCredit[]>();
  for (const stats of after) {
    for (const [personId, credits] of creditsOfSession(stats)) {
      const list = added.get(personId);
      if (list) list.push(...credits);
      else added.set(personId, [...credits]);
    }
  }
  const put: PersonCredits[] = [];
  const deleted: string[] = [];
  for (const id of new Set(personIds)) {
    const kept = (current.get(id)?.credits ?? []).filter((c) => !replaced.has(c.sessionId));
    const credits = [...kept, ...(added.get(id) ?? [])].sort(byDateThenSession);
    if (credits.length > 0) put.push({ id, credits });
    else if (current.has(id)) deleted.push(id);
  }
  return { put, deleted };
}

/** Every person's record from all sessions' aggregates: what a full rebuild writes, and what tests compare with. */
export function personCreditsFromStats(all: Iterable<SessionStats>): PersonCredits[] {
  const byPerson = new Map<string, PersonCredit[]>();
  for (const stats of all) {
    for (const [personId, credits] of creditsOfSession(stats)) {
      const list = byPerson.get(personId);
      if (list) list.push(...credits);
      else byPerson.set(personId, credits);
    }
  }
  return [...byPerson]
    .map(([id, credits]) => ({ id, credits: credits.sort(byDateThenSession) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
