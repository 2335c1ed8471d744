import type { DbContext } from './context';
import { audit, isLive, stampNew, stampUpdate, tombstone, untombstone } from './context';
import type {
  Attendance,
  Enrollment,
  EnterpriseLinks,
  MergeFillField,
  MergeMovedTable,
  Person,
  PersonMerge,
  RecordMeta,
} from './records';
import { findPersonByIdNumber } from './people-repo';

export type MergeErrorReason = 'same-person' | 'not-found' | 'already-undone' | 'later-merge' | 'id-taken';

export class MergeError extends Error {
  constructor(
    readonly reason: MergeErrorReason,
    /** For 'id-taken': the live person who now holds the removed record's ID number. */
    readonly holder?: Person,
  ) {
    super(`merge refused: ${reason}`);
  }
}

/** Particulars the kept record takes from the removed one where it has none. Names and ID numbers never move. */
const FILL_FIELDS: readonly MergeFillField[] = [
  'phone',
  'enterpriseId',
  'trade',
  'birthDate',
  'gender',
  'homeRegion',
];

type PersonLinked = RecordMeta & { personId: string };

function tables(ctx: DbContext) {
  const { db } = ctx;
  return [
    db.people,
    db.enrollments,
    db.attendance,
    db.certificates,
    db.enterprises,
    db.merges,
    db.auditLog,
    db.statsDirty,
  ];
}

async function liveOf<T extends PersonLinked>(
  ctx: DbContext,
  table: MergeMovedTable,
  personId: string,
): Promise<T[]> {
  const rows = (await ctx.db.table(table).where('personId').equals(personId).toArray()) as T[];
  return rows.filter((r) => isLive(r));
}

async function write(ctx: DbContext, table: string, before: RecordMeta, after: RecordMeta): Promise<void> {
  await ctx.db.table(table).put(after);
  await audit(ctx, table, after.deletedAt && !before.deletedAt ? 'delete' : 'update', before, after);
}

/**
 * Merges two records of one person into `keptId`, in one transaction: the removed person's enrollments,
 * attendance and certificates move to the kept one (certificates keep their frozen snapshot, only the link
 * changes); where both had a record for the same session (or session day) the better one stays and the other is
 * tombstoned; blank particulars of the kept record are filled from the removed one; enterprises that named the
 * removed person as principal or safety officer name the kept one; the removed person is tombstoned. What was
 * changed is recorded in a PersonMerge so that undoMerge can put it all back.
 */
export async function mergePeople(ctx: DbContext, keptId: string, removedId: string): Promise<PersonMerge> {
  if (keptId === removedId) throw new MergeError('same-person');
  const { db } = ctx;
  return db.transaction('rw', tables(ctx), async () => {
    const [kept, removed] = await db.people.bulkGet([keptId, removedId]);
    if (!isLive(kept) || !isLive(removed)) throw new MergeError('not-found');
    const moved: PersonMerge['moved'] = [];
    const dropped: PersonMerge['dropped'] = [];
    const move = async (table: MergeMovedTable, record: PersonLinked) => {
      await write(ctx, table, record, stampUpdate(ctx, record, { personId: keptId }));
      moved.push({ table, id: record.id });
    };
    const drop = async (table: MergeMovedTable, record: PersonLinked) => {
      await write(ctx, table, record, tombstone(ctx, record));
      dropped.push({ table, id: record.id });
    };

    // Enrollments: one per session; the kept person's stays.
    const keptSessions = new Set(
      (await liveOf<Enrollment>(ctx, 'enrollments', keptId)).map((e) => e.sessionId),
    );
    for (const e of await liveOf<Enrollment>(ctx, 'enrollments', removedId)) {
      if (keptSessions.has(e.sessionId)) await drop('enrollments', e);
      else await move('enrollments', e);
    }

    // Attendance: one per session day; where both have one, the one with more hours credited stays.
    const keptDays = new Map(
      (await liveOf<Attendance>(ctx, 'attendance', keptId)).map((a) => [`${a.sessionId}|${a.date}`, a]),
    );
    for (const a of await liveOf<Attendance>(ctx, 'attendance', removedId)) {
      const other = keptDays.get(`${a.sessionId}|${a.date}`);
      if (!other) await move('attendance', a);
      else if (a.hoursCredited > other.hoursCredited) {
        await drop('attendance', other);
        await move('attendance', a);
      } else await drop('attendance', a);
    }

    // Certificates are issued documents: all of them move, none is dropped.
    for (const c of await liveOf(ctx, 'certificates', removedId)) await move('certificates', c);

    const links: PersonMerge['links'] = [];
    const enterprises = new Map(
      [
        ...(await db.enterprises.where('principalId').equals(removedId).toArray()),
        ...(await db.enterprises.where('safetyOfficerIds').equals(removedId).toArray()),
      ]
        .filter((e) => isLive(e))
        .map((e) => [e.id, e]),
    );
    for (const enterprise of enterprises.values()) {
      const before: EnterpriseLinks = pickLinks(enterprise);
      const after: EnterpriseLinks = {
        ...(enterprise.principalId
          ? { principalId: enterprise.principalId === removedId ? keptId : enterprise.principalId }
          : {}),
        ...(enterprise.safetyOfficerIds
          ? {
              safetyOfficerIds: [
                ...new Set(enterprise.safetyOfficerIds.map((id) => (id === removedId ? keptId : id))),
              ],
            }
          : {}),
      };
      await write(ctx, 'enterprises', enterprise, stampUpdate(ctx, enterprise, after));
      links.push({ enterpriseId: enterprise.id, before, after });
    }

    const filled: PersonMerge['filled'] = {};
    for (const field of FILL_FIELDS) {
      const value = removed[field];
      if (!value || kept[field]) continue;
      filled[field] = { ...(kept[field] !== undefined ? { before: kept[field] } : {}), after: value };
    }
    if (Object.keys(filled).length > 0) {
      const patch = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, v.after]));
      await write(ctx, 'people', kept, stampUpdate(ctx, kept, patch));
    }
    await write(ctx, 'people', removed, tombstone(ctx, removed));

    const merge = stampNew<PersonMerge>(ctx, {
      keptId,
      removedId,
      at: ctx.now().toISOString(),
      filled,
      moved,
      dropped,
      links,
    });
    await db.merges.add(merge);
    await audit(ctx, 'merges', 'create', undefined, merge);
    return merge;
  });
}

function pickLinks(e: EnterpriseLinks): EnterpriseLinks {
  return {
    ...(e.principalId ? { principalId: e.principalId } : {}),
    ...(e.safetyOfficerIds ? { safetyOfficerIds: e.safetyOfficerIds } : {}),
  };
}

const sameLinks = (a: EnterpriseLinks, b: EnterpriseLinks) =>
  JSON.stringify(pickLinks(a)) === JSON.stringify(pickLinks(b));

/**
 * Undoes a merge in one transaction: the removed person comes back with their records, the kept person loses
 * what was filled in from the other (where it was not edited since), dropped duplicates return, enterprise links
 * are restored. Refused when the merge was undone already, when a later merge involves either person (undo that
 * one first), or when another person has meanwhile been registered with the removed record's ID number.
 */
export async function undoMerge(ctx: DbContext, mergeId: string): Promise<PersonMerge> {
  const { db } = ctx;
  return db.transaction('rw', tables(ctx), async () => {
    const merge = await db.merges.get(mergeId);
    if (!isLive(merge)) throw new MergeError('not-found');
    if (merge.undoneAt) throw new MergeError('already-undone');
    const ids = [merge.keptId, merge.removedId];
    const related = [
      ...(await db.merges.where('keptId').anyOf(ids).toArray()),
      ...(await db.merges.where('removedId').anyOf(ids).toArray()),
    ];
    if (related.some((m) => isLive(m) && !m.undoneAt && m.id !== merge.id && m.at >= merge.at)) {
      throw new MergeError('later-merge');
    }
    const [kept, removed] = await db.people.bulkGet(ids);
    if (!kept || !removed) throw new MergeError('not-found');
    const holder = await findPersonByIdNumber(ctx, removed.idNumber);
    if (holder && holder.id !== removed.id) throw new MergeError('id-taken', holder);

    if (removed.deletedAt) await write(ctx, 'people', removed, untombstone(ctx, removed));
    const restored: Partial<Record<MergeFillField, string | undefined>> = {};
    for (const [field, change] of Object.entries(merge.filled) as Array<
      [MergeFillField, { before?: string; after: string }]
    >) {
      // A value edited since the merge is the coordinator's, not the merge's: it stays.
      if (kept[field] === change.after) restored[field] = change.before;
    }
    if (Object.keys(restored).length > 0) {
      const record = { ...kept };
      for (const [field, value] of Object.entries(restored)) {
        if (value === undefined) delete (record as Record<string, unknown>)[field];
        else (record as Record<string, unknown>)[field] = value;
      }
      await write(ctx, 'people', kept, stampUpdate(ctx, record, {}));
    }

    for (const { table, id } of merge.moved) {
      const record = (await db.table(table).get(id)) as PersonLinked | undefined;
      if (record && record.personId === merge.keptId) {
        await write(ctx, table, record, stampUpdate(ctx, record, { personId: merge.removedId }));
      }
    }
    for (const { table, id } of merge.dropped) {
      const record = (await db.table(table).get(id)) as PersonLinked | undefined;
      if (record?.deletedAt) await write(ctx, table, record, untombstone(ctx, record));
    }
    for (const link of merge.links) {
      const enterprise = await db.enterprises.get(link.enterpriseId);
      if (!isLive(enterprise) || !sameLinks(enterprise, link.after)) continue;
      const { principalId: _p, safetyOfficerIds: _s, ...rest } = enterprise;
      await write(ctx, 'enterprises', enterprise, stampUpdate(ctx, { ...rest, ...link.before }, {}));
    }

    const undone = stampUpdate(ctx, merge, { undoneAt: ctx.now().toISOString() });
    await db.merges.put(undone);
    await audit(ctx, 'merges', 'update', merge, undone);
    return undone;
  });
}

export interface MergeSummary {
  merge: PersonMerge;
  /** The people as they are now (the removed one tombstoned unless the merge was undone). */
  kept?: Person;
  removed?: Person;
}

/** Merges newest first, of one person (as kept or removed) or of everyone. */
export async function listMerges(ctx: DbContext, personId?: string): Promise<MergeSummary[]> {
  const { db } = ctx;
  const merges = personId
    ? [
        ...(await db.merges.where('keptId').equals(personId).toArray()),
        ...(await db.merges.where('removedId').equals(personId).toArray()),
      ]
    : await db.merges.toArray();
  const live = [...new Map(merges.filter((m) => isLive(m)).map((m) => [m.id, m])).values()].sort((a, b) =>
    b.at.localeCompare(a.at),
  );
  const people = new Map(
    (await db.people.bulkGet([...new Set(live.flatMap((m) => [m.keptId, m.removedId]))]))
      .filter((p) => p !== undefined)
      .map((p) => [p.id, p]),
  );
  return live.map((merge) => ({
    merge,
    ...(people.get(merge.keptId) ? { kept: people.get(merge.keptId)! } : {}),
    ...(people.get(merge.removedId) ? { removed: people.get(merge.removedId)! } : {}),
  }));
}
