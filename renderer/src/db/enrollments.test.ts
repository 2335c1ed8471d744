import { describe, expect, it } from 'vitest';
import { enrollExistingPerson, enrollPerson, sessionRoster } from './enrollments-repo';
import { findPersonByIdNumber, InvalidIdNumberError } from './people-repo';
import { checkIn } from './checkin-repo';
import { completeSession } from './sessions-repo';
import { issueCertificates } from './certificates-repo';
import {
  at,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  HOURS_PER_DAY,
  ID_WITH_X,
  openWithSession,
  residentId,
  tableCounts,
} from './test-db';

describe('enrollPerson', () => {
  it.each([
    ['as printed', ID_WITH_X],
    ['with a lowercase x', ID_WITH_X.toLowerCase()],
    ['with spaces from a roster', ' 370281 19850225 721x '],
    ['with an Excel apostrophe', `'${ID_WITH_X}`],
    ['in full-width characters', '３７０２８１１９８５０２２５７２１Ｘ'],
  ])('stores the person (ID %s) with birth date, gender and home region from the ID', async (_, rawId) => {
    const { app, session } = await openWithSession();

    const result = await enrollPerson(app.ctx, session.id, {
      name: '  王建国 ',
      idNumber: rawId,
      phone: ' 13912345678 ',
      enterpriseName: '青山精细化工有限公司',
      trade: '电工',
    });

    expect(result).toMatchObject({ personCreated: true, alreadyEnrolled: false });
    expect(result.person).toMatchObject({
      name: '王建国',
      idNumber: ID_WITH_X,
      idType: 'resident-id',
      birthDate: '1985-02-25',
      gender: 'M',
      homeRegion: '370281',
      phone: '13912345678',
      role: 'worker',
      trade: '电工',
    });
    expect(result.enrollment).toMatchObject({
      sessionId: session.id,
      personId: result.person.id,
      walkIn: false,
      status: 'enrolled',
    });
    expect(await app.db.people.get(result.person.id)).toEqual(result.person);
    expect(await app.db.enrollments.get(result.enrollment.id)).toEqual(result.enrollment);
    expect(await findPersonByIdNumber(app.ctx, ID_WITH_X)).toEqual(result.person);
  });

  it.each([
    [residentId(1), 'M'],
    [residentId(2), 'F'],
  ])('derives the gender of %s as %s', async (idNumber, gender) => {
    const { app, session } = await openWithSession();
    const { person } = await enrollPerson(app.ctx, session.id, { name: '赵敏', idNumber });
    expect(person.gender).toBe(gender);
  });

  it('records a walk-in as such', async () => {
    const { app, session } = await openWithSession();
    const { enrollment } = await enrollPerson(
      app.ctx,
      session.id,
      { name: '刘强', idNumber: residentId(3) },
      { walkIn: true },
    );
    expect(enrollment.walkIn).toBe(true);
  });

  it('enrolling the same ID again reports alreadyEnrolled and adds nothing', async () => {
    const { app, session } = await openWithSession();
    const input = { name: '王建国', idNumber: ID_WITH_X, enterpriseName: '青山精细化工有限公司' };
    const first = await enrollPerson(app.ctx, session.id, input);
    const before = await tableCounts(app.db);
    app.clock.advanceMinutes(10);

    const again = await enrollPerson(app.ctx, session.id, { ...input, idNumber: ID_WITH_X.toLowerCase() });

    expect(again).toMatchObject({ personCreated: false, alreadyEnrolled: true });
    expect(again.person.id).toBe(first.person.id);
    expect(again.enrollment).toEqual(first.enrollment);
    expect(await tableCounts(app.db)).toEqual(before);
    // Nothing changed, so nothing was rewritten: the record does not look newer to the other machines.
    expect(await app.db.people.get(first.person.id)).toEqual(first.person);
  });

  it('a known person enrolled in a second session is the same person with a second enrollment', async () => {
    const { app, session: a } = await openWithSession();
    const { session: b } = await createSession(app, { days: [DAY2] });
    const first = await enrollPerson(app.ctx, a.id, { name: '王建国', idNumber: ID_WITH_X });
    const second = await enrollPerson(app.ctx, b.id, { name: '王建国', idNumber: ID_WITH_X });
    expect(second).toMatchObject({ personCreated: false, alreadyEnrolled: false });
    expect(second.person.id).toBe(first.person.id);
    expect(await app.db.people.count()).toBe(1);
    expect(await app.db.enrollments.count()).toBe(2);
  });

  it.each([
    ['a wrong check character', '370281198502257211', 'checksum'],
    ['an Excel-rounded number', '4.11627E+17', 'precision-lost'],
    ['digits Excel cut to 15 significant', '411627198205173000', 'precision-lost'],
    ['too few digits', '3702811985022', 'length'],
    ['letters', '37028119850225721A', 'characters'],
    ['nothing', '   ', 'empty'],
    ['a birth date in the future', residentIdBornOn('2099-01-01'), 'birth-date'],
  ])('an ID with %s throws InvalidIdNumberError and writes nothing', async (_, idNumber, reason) => {
    const { app, session } = await openWithSession();
    const before = await tableCounts(app.db);

    const attempt = enrollPerson(app.ctx, session.id, {
      name: '王建国',
      idNumber,
      enterpriseName: '新港物流有限公司',
    });

    await expect(attempt).rejects.toThrow(InvalidIdNumberError);
    await expect(attempt).rejects.toMatchObject({ reason });
    const after = await tableCounts(app.db);
    for (const table of ['people', 'enterprises', 'enrollments', 'auditLog']) {
      expect(after[table], table).toBe(before[table]);
    }
  });

  it('is one transaction: when the enrollment cannot be written, the person and enterprise are not either', async () => {
    const { app, session } = await openWithSession();
    const before = await tableCounts(app.db);
    app.db.enrollments.hook('creating', () => {
      throw new Error('disk full');
    });

    await expect(
      enrollPerson(app.ctx, session.id, {
        name: '王建国',
        idNumber: ID_WITH_X,
        enterpriseName: '新港物流有限公司',
      }),
    ).rejects.toThrow('disk full');
    expect(await tableCounts(app.db)).toEqual(before);
  });

  it.each([
    ['the same name', '青山精细化工有限公司'],
    ['the name with padding', '  青山精细化工有限公司 '],
  ])('finds the enterprise by %s instead of creating it again', async (_, secondName) => {
    const { app, session } = await openWithSession();
    const a = await enrollPerson(app.ctx, session.id, {
      name: '张伟',
      idNumber: residentId(1),
      enterpriseName: '青山精细化工有限公司',
    });
    const b = await enrollPerson(app.ctx, session.id, {
      name: '王芳',
      idNumber: residentId(2),
      enterpriseName: secondName,
    });
    const enterprises = await app.db.enterprises.toArray();
    expect(enterprises.map((e) => e.name)).toEqual(['青山精细化工有限公司']);
    expect(a.person.enterpriseId).toBe(enterprises[0]!.id);
    expect(b.person.enterpriseId).toBe(enterprises[0]!.id);
  });

  it('enrollExistingPerson enrolls once however often it is called', async () => {
    const { app, session: a } = await openWithSession();
    const { session: b } = await createSession(app, { days: [DAY2] });
    const [person] = await enrollPeople(app, a.id, 1);
    const first = await enrollExistingPerson(app.ctx, b.id, person!.id);
    const second = await enrollExistingPerson(app.ctx, b.id, person!.id);
    expect(second).toEqual(first);
    expect(await app.db.enrollments.where('sessionId').equals(b.id).count()).toBe(1);
  });
});

function residentIdBornOn(birthDate: string): string {
  return residentId(1).slice(0, 6) + birthDate.replaceAll('-', '') + residentId(1).slice(14);
}

describe('sessionRoster', () => {
  it('lists the enrolled in enrollment order with attendance per day, hours summed and certificates', async () => {
    const { app, session } = await openWithSession({ days: [DAY1, DAY2] });
    const [full, half, none] = await enrollPeople(app, session.id, 3);
    const scans: Array<[typeof full, typeof DAY1, string]> = [
      [full, DAY1, '07:55'],
      [full, DAY2, '08:30'],
      [half, DAY1, '08:05'],
    ];
    for (const [person, day, time] of scans) {
      app.clock.set(at(day, time));
      await checkIn(app.ctx, { sessionId: session.id, date: day.date, rawId: person!.idNumber });
    }
    await completeSession(app.ctx, session.id);
    const { issued } = await issueCertificates(app.ctx, session.id);

    const roster = await sessionRoster(app.ctx, session.id);

    expect(roster.map((r) => r.person.id)).toEqual([full!.id, half!.id, none!.id]);
    expect(roster.map((r) => r.enterpriseName)).toEqual(Array(3).fill('柳桥五金制品厂'));
    const statuses = roster.map((r) => [r.attendance[DAY1.date]?.status, r.attendance[DAY2.date]?.status]);
    expect(statuses).toEqual([
      ['present', 'late'],
      ['present', 'absent'],
      ['absent', 'absent'],
    ]);
    expect(roster.map((r) => r.hoursCredited)).toEqual([2 * HOURS_PER_DAY, HOURS_PER_DAY, 0]);
    expect(issued).toHaveLength(1);
    expect(roster.map((r) => r.certificate)).toEqual([issued[0], undefined, undefined]);
  });

  it('leaves out people of other sessions and deleted enrollments', async () => {
    const { app, session } = await openWithSession();
    const { session: other } = await createSession(app, { days: [DAY2] });
    const [stays, leaves] = await enrollPeople(app, session.id, 2);
    await enrollPeople(app, other.id, 1, 5);
    const cancelled = (await app.db.enrollments
      .where({ sessionId: session.id, personId: leaves!.id })
      .first())!;
    await app.db.enrollments.put({ ...cancelled, status: 'cancelled' });

    const roster = await sessionRoster(app.ctx, session.id);
    expect(roster.map((r) => r.person.id)).toEqual([stays!.id]);
    expect(roster[0]).toMatchObject({ attendance: {}, hoursCredited: 0 });
    expect(roster[0]!.certificate).toBeUndefined();
  });
});
