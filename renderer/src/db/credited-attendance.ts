import Dexie from 'dexie';
import type { DbContext } from './context';
import { isLive } from './context';
import type { Attendance, Session } from './records';
import { isRebuildMarker } from './schema';
import { readEachValue } from './index-reads';
import type { LedgerAttendance } from '../domain/hour-ledger';
import { creditsInPacks, EMPTY_SESSIONS, packsOfPeople } from '../domain/credit-packs';

/** A credited day with its session: what a person's yearly ledger counts. */
export type CreditedDay = LedgerAttendance & { sessionId: string };

/** Whether a session credits hours: live and not cancelled (the statistics' "held"). */
function isHeld(session: Session | undefined): session is Session {
  return isLive(session) && session.status !== 'cancelled';
}

/**
 * Credited attendance of some people read through the personId index (never the whole attendance table): the
 * reference path, and the one used while the maintained credit packs are being rebuilt.
 */
export async function creditedAttendanceByIndex(
  ctx: DbContext,
  personIds: readonly string[],
): Promise<Map<string, CreditedDay[]>> {
  const byPerson = new Map<string, CreditedDay[]>();
  if (personIds.length === 0) return byPerson;
  const { db } = ctx;
  // One key-range read per person (readEachValue): anyOf() walks a cursor that jumps key by key, one IndexedDB
  // round trip per step, which took a minute for the 10,000 managers of a large district.
  const { attendance, sessions, kinds } = await db.transaction(
    'r',
    [db.attendance, db.sessions, db.courses],
    async () => {
      const attendance = (await readEachValue(db.attendance, 'personId', personIds)).filter(
        (a) => isLive(a) && a.hoursCredited > 0,
      );
      const sessions = new Map(
        (await db.sessions.bulkGet([...new Set(attendance.map((a) => a.sessionId))]))
          .filter(isHeld)
          .map((s) => [s.id, s]),
      );
      return { attendance, sessions, kinds: await courseKinds(ctx) };
    },
  );
  for (const a of attendance) {
    const session = sessions.get(a.sessionId);
    if (!session) continue;
    push(byPerson, a.personId, {
      date: a.date,
      hours: a.hoursCredited,
      kind: kinds.get(session.courseId) ?? 'initial',
      sessionId: a.sessionId,
    });
  }
  return byPerson;
}

async function courseKinds(ctx: DbContext): Promise<Map<string, LedgerAttendance['kind']>> {
  return new Map((await ctx.db.courses.toArray()).map((c) => [c.id, c.kind]));
}

function push(byPerson: Map<string, CreditedDay[]>, personId: string, day: CreditedDay): void {
  const list = byPerson.get(personId);
  if (list) list.push(day);
  else byPerson.set(personId, [day]);
}

/** Above this many people every pack is read in one request; below, only the packs holding them. */
const READ_ALL_PACKS_FROM = 200;

/**
 * Credited attendance of some people, as creditedAttendanceByIndex gives it, read from the maintained credit packs
 * (domain/credit-packs.ts: the whole district's in 65 reads). Read-only and always current, so it can run in a live
 * query: the sessions written since the last statistics refresh (marked dirty) are read from their attendance
 * instead of their possibly stale credits. While the packs are being rebuilt (after an upgrade or a restore) it
 * falls back to the personId index.
 */
export async function creditedAttendance(
  ctx: DbContext,
  personIds: readonly string[],
): Promise<Map<string, CreditedDay[]>> {
  const { db } = ctx;
  const wanted = new Set(personIds);
  if (wanted.size === 0) return new Map();
  return db.transaction(
    'r',
    [db.statsDirty, db.creditPacks, db.creditSessions, db.sessions, db.attendance, db.courses],
    async () => {
      const dirty = await db.statsDirty.toCollection().primaryKeys();
      if (dirty.some(isRebuildMarker)) return creditedAttendanceByIndex(ctx, [...wanted]);
      const [packs, table, kinds, dirtySessions, dirtyAttendance] = await Promise.all([
        wanted.size >= READ_ALL_PACKS_FROM
          ? db.creditPacks.toArray()
          : db.creditPacks.bulkGet(packsOfPeople(wanted)),
        db.creditSessions.get('all'),
        courseKinds(ctx),
        db.sessions.bulkGet(dirty),
        Promise.all(
          dirty.map((id): Promise<Attendance[]> =>
            db.attendance.where('[sessionId+date]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
          ),
        ),
      ]);
      const byPerson = new Map<string, CreditedDay[]>();
      const stored = creditsInPacks(packs, table ?? EMPTY_SESSIONS, wanted, new Set(dirty));
      for (const [personId, credits] of stored) {
        byPerson.set(
          personId,
          credits.map((c) => ({
            date: c.date,
            hours: c.hours,
            kind: kinds.get(c.courseId) ?? 'initial',
            sessionId: c.sessionId,
          })),
        );
      }
      dirtySessions.forEach((session, i) => {
        if (!isHeld(session)) return;
        const kind = kinds.get(session.courseId) ?? 'initial';
        for (const a of dirtyAttendance[i]!) {
          if (!isLive(a) || !(a.hoursCredited > 0) || !wanted.has(a.personId)) continue;
          push(byPerson, a.personId, { date: a.date, hours: a.hoursCredited, kind, sessionId: a.sessionId });
        }
      });
      return byPerson;
    },
  );
}
