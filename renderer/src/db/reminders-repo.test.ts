import { describe, expect, it } from 'vitest';
import { reminders, remindersByEnterprise } from './reminders-repo';
import { stampNew } from './context';
import type { Certificate, Person, Session } from './records';
import { openTestApp, type TestApp } from './test-db';
import { addPerson, district, sixDays, train, type District } from './archive-fixture.test-support';

const TODAY = '2026-11-29';

async function trainedDistrict(): Promise<{ app: TestApp; initial: Session } & District> {
  const app = await openTestApp({ start: new Date(2026, 10, 29, 9) });
  const d = await district(app);
  await train(app, { audience: 'safety-officer', kind: 'initial', dates: sixDays(2024), hoursPerDay: 8 }, [
    d.officer,
  ]);
  const initial = await train(
    app,
    { audience: 'principal', kind: 'initial', dates: sixDays(2025), hoursPerDay: 8 },
    [d.principal],
  );
  await train(app, { audience: 'worker', kind: 'initial', dates: ['2025-03-10'], hoursPerDay: 4 }, [
    d.workers[0]!,
  ]);
  return { app, initial, ...d };
}

/** A certificate record as issuing writes it (only the fields reminders read matter here). */
async function certificate(
  app: TestApp,
  person: Person,
  session: Session,
  fields: Partial<Certificate> & { validUntil: string },
): Promise<Certificate> {
  const record = stampNew<Certificate>(app.ctx, {
    number: `AX-2025-${person.id.slice(0, 4)}-${fields.validUntil}`,
    personId: person.id,
    sessionId: session.id,
    courseId: session.courseId,
    status: 'valid',
    issuedAt: '2025-04-16T09:00:00.000Z',
    snapshot: {} as Certificate['snapshot'],
    snapshotHash: '',
    ...fields,
  });
  await app.db.certificates.add(record);
  return record;
}

const names = (list: Awaited<ReturnType<typeof reminders>>) =>
  list.people.map((r) => [r.person.name, r.status, r.enterprise?.name ?? null, r.ledger.dueDate ?? null]);

describe('reminders', () => {
  it('lists overdue and never-trained managers, due principals, and overdue high-risk workers, most urgent first', async () => {
    const { app, officer, principal, workers, builderPrincipal, chemicals, builder } =
      await trainedDistrict();

    const list = await reminders(app.ctx, { today: TODAY, withinDays: 60 });

    expect(names(list)).toEqual([
      [officer.name, 'overdue', chemicals.name, '2025-12-31'],
      [workers[0]!.name, 'overdue', chemicals.name, '2025-12-31'],
      [builderPrincipal.name, 'never-trained', builder.name, null],
      [principal.name, 'due', chemicals.name, '2026-12-31'],
    ]);
  });

  it('leaves out a refresher whose deadline is beyond the window', async () => {
    const { app, principal } = await trainedDistrict();

    const list = await reminders(app.ctx, { today: TODAY, withinDays: 30 });

    expect(list.people.map((r) => r.person.id)).not.toContain(principal.id);
  });

  it('filters by town and by industry', async () => {
    const { app, builderPrincipal, officer, workers, principal } = await trainedDistrict();

    const byTown = await reminders(app.ctx, { today: TODAY, withinDays: 60, town: '柳桥镇' });
    const byIndustry = await reminders(app.ctx, { today: TODAY, withinDays: 60, industry: 'construction' });

    expect(byTown.people.map((r) => r.person.id)).toEqual([officer.id, workers[0]!.id, principal.id]);
    expect(byIndustry.people.map((r) => r.person.id)).toEqual([builderPrincipal.id]);
  });

  it('finds managers by role whose employer is not linked to them', async () => {
    const { app, builder } = await trainedDistrict();
    const unlinked = await addPerson(app, '周安', 'safety-officer', builder.id);

    const list = await reminders(app.ctx, { today: TODAY, withinDays: 60, town: '湖塘镇' });

    expect(list.people.map((r) => [r.person.id, r.status])).toContainEqual([unlinked.id, 'never-trained']);
  });

  it('lists valid certificates ending within the window either side of today, unless renewed', async () => {
    const { app, principal, officer, initial, builderPrincipal } = await trainedDistrict();
    const soon = await certificate(app, principal, initial, { validUntil: '2026-12-20' });
    const expired = await certificate(app, officer, initial, { validUntil: '2026-11-01' });
    await certificate(app, principal, initial, { validUntil: '2027-06-01', courseId: 'another-course' });
    await certificate(app, officer, initial, { validUntil: '2026-12-05', status: 'voided' });
    await certificate(app, builderPrincipal, initial, { validUntil: '2026-12-10' });
    await certificate(app, builderPrincipal, initial, { validUntil: '2029-12-10' });

    const list = await reminders(app.ctx, { today: TODAY, withinDays: 60 });

    expect(
      list.certificates.map((c) => [c.certificate.id, c.daysLeft, c.person?.id, c.enterprise?.name]),
    ).toEqual([
      [expired.id, -28, officer.id, '青山精细化工有限公司'],
      [soon.id, 21, principal.id, '青山精细化工有限公司'],
    ]);
    const inBuilderTown = await reminders(app.ctx, { today: TODAY, withinDays: 60, town: '湖塘镇' });
    expect(inBuilderTown.certificates).toEqual([]);
  });

  it('groups reminders by the enterprise to notify', async () => {
    const { app, principal, initial, chemicals, builder } = await trainedDistrict();
    await certificate(app, principal, initial, { validUntil: '2026-12-20' });

    const groups = remindersByEnterprise(await reminders(app.ctx, { today: TODAY, withinDays: 60 }));

    expect(groups.map((g) => [g.enterprise.id, g.people.length, g.certificates.length])).toEqual([
      [builder.id, 1, 0],
      [chemicals.id, 3, 1],
    ]);
  });

  it('reads attendance only through the personId index', async () => {
    const { app } = await trainedDistrict();
    const attendanceTable = app.db.attendance;
    const scans: string[] = [];
    const original = attendanceTable.toArray.bind(attendanceTable);
    attendanceTable.toArray = ((...args: Parameters<typeof original>) => {
      scans.push('toArray');
      return original(...args);
    }) as typeof original;

    await reminders(app.ctx, { today: TODAY, withinDays: 60 });

    expect(scans).toEqual([]);
  });
});
