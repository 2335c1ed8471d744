import { describe, expect, it } from 'vitest';
import { listMerges, mergePeople, MergeError, undoMerge } from './merges-repo';
import { savePerson, type PersonFields } from './people-repo';
import { saveEnterprise } from './enterprises-repo';
import { enrollExistingPerson } from './enrollments-repo';
import { completeSession } from './sessions-repo';
import { issueCertificates } from './certificates-repo';
import { searchPeople } from './people-search';
import type { Enterprise, Person, Session } from './records';
import {
  auditedBy,
  createSession,
  DAY1,
  DAY2,
  openTestApp,
  recordAttendance,
  residentId,
  type TestApp,
} from './test-db';

const MERGED_TABLES = ['people', 'enrollments', 'attendance', 'certificates', 'enterprises'] as const;

interface Fixture {
  kept: Person;
  removed: Person;
  enterprise: Enterprise;
  both: Session;
  removedOnly: Session;
}

/**
 * One person registered twice: once from a site roster (kept: no phone, no trade) and once at the door with a
 * passport by mistake (removed). Both were enrolled in one session, where only the second record was checked in;
 * the second record alone attended another session and holds its certificate, and is the enterprise's principal.
 */
async function fixture(app: TestApp): Promise<Fixture> {
  const base: PersonFields = {
    name: '王建国',
    idType: 'resident-id',
    idNumber: residentId(1),
    role: 'worker',
  };
  const kept = await savePerson(app.ctx, base);
  const removed = await savePerson(app.ctx, {
    ...base,
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13912345678',
    trade: '电工',
  });
  const enterprise = await saveEnterprise(app.ctx, {
    name: '柳桥五金制品厂',
    principalId: removed.id,
    safetyOfficerIds: [kept.id, removed.id],
  });
  const { session: both } = await createSession(app, { days: [DAY1] });
  const { session: removedOnly } = await createSession(app, {
    days: [DAY2],
    courseName: '建筑施工现场安全培训',
  });
  await enrollExistingPerson(app.ctx, both.id, kept.id);
  await enrollExistingPerson(app.ctx, both.id, removed.id);
  await recordAttendance(app, both.id, kept.id, DAY1.date, 0);
  await recordAttendance(app, both.id, removed.id, DAY1.date, 5);
  await enrollExistingPerson(app.ctx, removedOnly.id, removed.id);
  await recordAttendance(app, removedOnly.id, removed.id, DAY2.date, 5);
  await completeSession(app.ctx, removedOnly.id);
  await issueCertificates(app.ctx, removedOnly.id);
  app.clock.advanceMinutes(10);
  return { kept, removed, enterprise, both, removedOnly };
}

/** Every record the merge touches, without the stamps that any write renews. */
async function contents(app: TestApp): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of MERGED_TABLES) {
    const rows = (await app.db.table(table).orderBy('id').toArray()) as Array<Record<string, unknown>>;
    out[table] = rows.map(({ updatedAt: _u, deviceId: _d, ...rest }) => rest);
  }
  return out;
}

describe('mergePeople', () => {
  it('moves enrollments, attendance and certificates to the kept person and tombstones the other', async () => {
    const app = await openTestApp();
    const f = await fixture(app);
    const [certificate] = await app.db.certificates.toArray();

    const merge = await mergePeople(app.ctx, f.kept.id, f.removed.id);

    const live = <T extends { deletedAt?: string }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
    const enrollments = live(await app.db.enrollments.toArray());
    expect(enrollments.map((e) => [e.sessionId, e.personId]).sort()).toEqual(
      [
        [f.both.id, f.kept.id],
        [f.removedOnly.id, f.kept.id],
      ].sort(),
    );
    // The day the second record was checked in wins over the kept record's absence.
    const attendance = live(await app.db.attendance.toArray());
    expect(attendance.map((a) => [a.sessionId, a.personId, a.hoursCredited]).sort()).toEqual(
      [
        [f.both.id, f.kept.id, 5],
        [f.removedOnly.id, f.kept.id, 5],
      ].sort(),
    );
    // The certificate now belongs to the kept person; what it says, as issued, is untouched.
    const moved = await app.db.certificates.get(certificate!.id);
    expect(moved!.personId).toBe(f.kept.id);
    expect(moved!.snapshot).toEqual(certificate!.snapshot);
    expect(moved!.snapshotHash).toBe(certificate!.snapshotHash);
    // Blank particulars filled from the other record; name and ID number stay the kept person's.
    expect(await app.db.people.get(f.kept.id)).toMatchObject({
      name: '王建国',
      idNumber: f.kept.idNumber,
      phone: '13912345678',
      trade: '电工',
    });
    expect((await app.db.people.get(f.removed.id))!.deletedAt).toBeDefined();
    expect(await app.db.enterprises.get(f.enterprise.id)).toMatchObject({
      principalId: f.kept.id,
      safetyOfficerIds: [f.kept.id],
    });
    expect(merge).toMatchObject({ keptId: f.kept.id, removedId: f.removed.id });
    expect(merge.moved).toHaveLength(4);
    expect(merge.dropped.map((d) => d.table).sort()).toEqual(['attendance', 'enrollments']);
    expect((await searchPeople(app.ctx, { text: 'E1234' })).total).toBe(0);
    expect((await searchPeople(app.ctx, { text: 'wjg' })).people.map((p) => p.id)).toEqual([f.kept.id]);
  });

  it('writes one transaction, audited record by record, and the merge holds no ID numbers', async () => {
    const app = await openTestApp();
    const f = await fixture(app);
    let mergeId = '';
    const audited = await auditedBy(app.db, async () => {
      mergeId = (await mergePeople(app.ctx, f.kept.id, f.removed.id)).id;
    });
    const tables = audited.map(([table]) => table);
    expect(tables.filter((t) => t === 'people')).toHaveLength(2);
    expect(audited).toContainEqual(['people', f.removed.id, 'delete']);
    expect(audited).toContainEqual(['merges', mergeId, 'create']);
    expect(audited).toContainEqual(['enterprises', f.enterprise.id, 'update']);
    expect(audited).toHaveLength(2 + 4 + 2 + 1 + 1);
    const stored = JSON.stringify([await app.db.merges.get(mergeId), await app.db.auditLog.toArray()]);
    expect(stored).not.toContain(f.kept.idNumber);
    expect(stored).not.toContain(f.removed.idNumber);
  });

  it('undo restores exactly what was there before, in one audited transaction', async () => {
    const app = await openTestApp();
    const f = await fixture(app);
    const before = await contents(app);
    const merge = await mergePeople(app.ctx, f.kept.id, f.removed.id);
    app.clock.advanceMinutes(1);

    const undone = await undoMerge(app.ctx, merge.id);

    expect(await contents(app)).toEqual(before);
    expect(undone.undoneAt).toBe(app.clock.now().toISOString());
    expect((await searchPeople(app.ctx, { text: 'E1234' })).people.map((p) => p.id)).toEqual([f.removed.id]);
    // Undone records are written anew (not rewound), so that the undo reaches the other machines too.
    expect((await app.db.people.get(f.removed.id))!.updatedAt).toBe(app.clock.now().toISOString());
    const [summary, ...others] = await listMerges(app.ctx, f.kept.id);
    expect(others).toEqual([]);
    expect(summary!.merge).toEqual(undone);
    expect([summary!.kept?.id, summary!.removed?.id]).toEqual([f.kept.id, f.removed.id]);
  });

  it('keeps edits made after the merge when undoing it', async () => {
    const app = await openTestApp();
    const f = await fixture(app);
    const merge = await mergePeople(app.ctx, f.kept.id, f.removed.id);
    const kept = (await app.db.people.get(f.kept.id))!;
    await savePerson(app.ctx, { ...kept, phone: '13800000000', idType: 'resident-id' }, kept.id);
    await undoMerge(app.ctx, merge.id);
    expect(await app.db.people.get(f.kept.id)).toMatchObject({ phone: '13800000000' });
    expect((await app.db.people.get(f.kept.id))!.trade).toBeUndefined();
  });

  it.each<[string, (app: TestApp, f: Fixture) => Promise<unknown>, string]>([
    ['a person with themself', (app, f) => mergePeople(app.ctx, f.kept.id, f.kept.id), 'same-person'],
    [
      'a person already merged away',
      async (app, f) => {
        await mergePeople(app.ctx, f.kept.id, f.removed.id);
        return mergePeople(app.ctx, f.removed.id, f.kept.id);
      },
      'not-found',
    ],
    [
      'undoing twice',
      async (app, f) => {
        const merge = await mergePeople(app.ctx, f.kept.id, f.removed.id);
        await undoMerge(app.ctx, merge.id);
        return undoMerge(app.ctx, merge.id);
      },
      'already-undone',
    ],
    [
      'undoing a merge before a later one of the same person',
      async (app, f) => {
        const merge = await mergePeople(app.ctx, f.kept.id, f.removed.id);
        const third = await savePerson(app.ctx, {
          name: '王建国',
          idType: 'resident-id',
          idNumber: residentId(3),
          role: 'worker',
        });
        app.clock.advanceMinutes(1);
        await mergePeople(app.ctx, third.id, f.kept.id);
        return undoMerge(app.ctx, merge.id);
      },
      'later-merge',
    ],
    [
      'undoing when the freed ID number was registered again meanwhile',
      async (app, f) => {
        const merge = await mergePeople(app.ctx, f.kept.id, f.removed.id);
        await savePerson(app.ctx, {
          name: '王建华',
          idType: 'passport',
          idNumber: 'E12345678',
          role: 'worker',
        });
        return undoMerge(app.ctx, merge.id);
      },
      'id-taken',
    ],
  ])('refuses %s, changing nothing', async (_, attempt, reason) => {
    const app = await openTestApp();
    const f = await fixture(app);
    const error = await attempt(app, f).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergeError);
    expect((error as MergeError).reason).toBe(reason);
    if (reason === 'id-taken') expect((error as MergeError).holder?.name).toBe('王建华');
  });

  it('leaves nothing half done when the transaction fails', async () => {
    const app = await openTestApp();
    const f = await fixture(app);
    const before = await contents(app);
    // A certificate whose record cannot be written makes the whole merge fail.
    const broken = () => {
      throw new Error('disk full');
    };
    app.db.certificates.hook('updating', broken);
    await expect(mergePeople(app.ctx, f.kept.id, f.removed.id)).rejects.toThrow('disk full');
    app.db.certificates.hook('updating').unsubscribe(broken);
    expect(await contents(app)).toEqual(before);
    expect(await app.db.merges.count()).toBe(0);
  });
});
