import { describe, expect, it } from 'vitest';
import { archivedLines, enterpriseArchive, personArchive } from './archive-repo';
import { saveSessionAssessments } from './assessment-repo';
import { saveEnterprise } from './enterprises-repo';
import { openTestApp, type TestApp } from './test-db';
import { addPerson, district, sixDays, train, type District } from './archive-fixture.test-support';

const OPTIONS = { today: '2026-11-29', dueWithinDays: 60 };

/** The district trained over two years: the principal fully, the officer once (2024), one worker a little. */
async function trainedDistrict(): Promise<{ app: TestApp } & District> {
  const app = await openTestApp({ start: new Date(2026, 10, 29, 9) });
  const d = await district(app);
  await train(app, { audience: 'safety-officer', kind: 'initial', dates: sixDays(2024), hoursPerDay: 8 }, [
    d.officer,
  ]);
  const initial = await train(
    app,
    { audience: 'principal', kind: 'initial', dates: sixDays(2025), hoursPerDay: 8, name: '主要负责人初训' },
    [d.principal],
  );
  await saveSessionAssessments(app.ctx, initial.id, [{ personId: d.principal.id, score: 86, passed: true }]);
  await train(
    app,
    {
      audience: 'principal',
      kind: 'refresher',
      dates: ['2026-05-06', '2026-05-07'],
      hoursPerDay: 8,
      name: '主要负责人再培训',
    },
    [d.principal],
  );
  await train(app, { audience: 'worker', kind: 'initial', dates: ['2025-03-10'], hoursPerDay: 4 }, [
    d.workers[0]!,
  ]);
  await train(app, { audience: 'worker', kind: 'initial', dates: ['2026-03-12'], hoursPerDay: 4 }, [
    d.workers[0]!,
  ]);
  return { app, ...d };
}

describe('personArchive', () => {
  it('gives a hazardous-chemicals principal 48 initial hours, then 16 refresher hours, against 48 and 16', async () => {
    const { app, principal, chemicals } = await trainedDistrict();

    const archive = (await personArchive(app.ctx, principal.id, OPTIONS))!;

    expect(archive).toMatchObject({
      audience: 'principal',
      highRisk: true,
      hoursThisYear: 16,
      requiredThisYear: 16,
    });
    expect(archive.employer?.id).toBe(chemicals.id);
    expect(archive.leads.map((e) => e.id)).toEqual([chemicals.id]);
    expect(archive.ledger.years.map((y) => [y.year, y.kind, y.hours, y.required, y.met])).toEqual([
      [2025, 'initial', 48, 48, true],
      [2026, 'refresher', 16, 16, true],
    ]);
    expect(archive.ledger.status).toBe('current');
    expect(archive.lastTrainedOn).toBe('2026-05-07');
    const lines = archivedLines(archive.lines);
    expect(
      lines.map((l) => [l.course?.name, l.hoursCredited, l.assessment?.score, l.assessment?.passed]),
    ).toEqual([
      ['主要负责人初训', 48, 86, true],
      ['主要负责人再培训', 16, undefined, undefined],
    ]);
    expect(lines[0]!.course?.outline).toContain('危险化学品安全管理');
  });

  it('gives a construction worker no yearly minimum after the first year', async () => {
    const { app, builder } = await trainedDistrict();
    const worker = await addPerson(app, '赵敏', 'worker', builder.id);
    await train(app, { audience: 'worker', kind: 'initial', dates: ['2025-09-01'], hoursPerDay: 4 }, [
      worker,
    ]);

    const archive = (await personArchive(app.ctx, worker.id, OPTIONS))!;

    expect(archive).toMatchObject({
      audience: 'worker',
      highRisk: false,
      hoursThisYear: 0,
      requiredThisYear: null,
    });
    expect(archive.ledger.years.map((y) => [y.year, y.kind, y.hours, y.required])).toEqual([
      [2025, 'initial', 4, 24],
      [2026, 'refresher', 0, null],
    ]);
    expect(archive.ledger.status).toBe('current');
  });

  it('holds a worker of a hazardous-chemicals company to 72 initial and 20 refresher hours', async () => {
    const { app, workers } = await trainedDistrict();

    const archive = (await personArchive(app.ctx, workers[0]!.id, OPTIONS))!;

    expect(archive.ledger.years.map((y) => [y.year, y.hours, y.required, y.met])).toEqual([
      [2025, 4, 72, false],
      [2026, 4, 20, false],
    ]);
    expect(archive.ledger.status).toBe('overdue');
  });

  it('takes the role an enterprise gives a person, and the strictest industry of the enterprises they lead', async () => {
    const { app, builder, chemicals } = await trainedDistrict();
    const person = await addPerson(app, '孙立', 'worker', builder.id);
    const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, ...fields } = chemicals;
    await saveEnterprise(
      app.ctx,
      { ...fields, safetyOfficerIds: [...(chemicals.safetyOfficerIds ?? []), person.id] },
      chemicals.id,
    );

    const archive = (await personArchive(app.ctx, person.id, OPTIONS))!;

    expect(archive).toMatchObject({ audience: 'safety-officer', highRisk: true });
    expect(archive.ledger.status).toBe('never-trained');
  });

  it('is undefined for an unknown person', async () => {
    const app = await openTestApp();
    expect(await personArchive(app.ctx, 'nobody', OPTIONS)).toBeUndefined();
  });
});

describe('enterpriseArchive', () => {
  it('lists the principal and safety officers with their status, and the workers trained', async () => {
    const { app, chemicals, principal, officer, workers } = await trainedDistrict();

    const archive = (await enterpriseArchive(app.ctx, chemicals.id, OPTIONS))!;

    expect(archive.highRisk).toBe(true);
    expect(
      archive.managers.map((m) => [m.person.name, m.roleHere, m.ledger.status, m.hoursThisYear]),
    ).toEqual([
      [principal.name, 'principal', 'current', 16],
      [officer.name, 'safety-officer', 'overdue', 0],
    ]);
    expect(archive.workersTotal).toBe(2);
    expect(archive.workersTrained.map((w) => [w.person.id, w.trainings, w.hours, w.lastTrainedOn])).toEqual([
      [workers[0]!.id, 2, 8, '2026-03-12'],
    ]);
  });

  it('shows a principal never trained', async () => {
    const { app, builder, builderPrincipal } = await trainedDistrict();

    const archive = (await enterpriseArchive(app.ctx, builder.id, OPTIONS))!;

    expect(archive.managers.map((m) => [m.person.id, m.ledger.status])).toEqual([
      [builderPrincipal.id, 'never-trained'],
    ]);
    expect(archive.workersTrained).toEqual([]);
  });

  it('counts people working there as principal or safety officer even when the enterprise does not name them', async () => {
    const { app, builder, builderPrincipal } = await trainedDistrict();
    const officer = await addPerson(app, '周安', 'safety-officer', builder.id);

    const archive = (await enterpriseArchive(app.ctx, builder.id, OPTIONS))!;

    expect(archive.managers.map((m) => [m.person.id, m.roleHere])).toEqual([
      [builderPrincipal.id, 'principal'],
      [officer.id, 'safety-officer'],
    ]);
    expect(archive.workersTotal).toBe(0);
  });
});
