import { describe, expect, it } from 'vitest';
import { coverageReport } from './coverage-repo';
import { saveAppSettings } from './settings-repo';
import { saveEnterprise } from './enterprises-repo';
import { tombstone } from './context';
import { openTestApp } from './test-db';
import { addPerson, district, sixDays, train } from './archive-fixture.test-support';
import { standings } from './archive-repo';
import { creditedAttendanceByIndex } from './credited-attendance';

const TODAY = '2026-11-29';

/**
 * The archive fixture's district, trained so that every reason shows: the hazardous-chemicals enterprise's
 * principal is current (initial 2025), its officer overdue (initial 2024, no refresher in 2025); the builder has
 * a principal never trained and no safety officer.
 */
async function trainedDistrict() {
  const app = await openTestApp({ start: new Date(2026, 10, 29, 9) });
  const d = await district(app);
  await train(app, { audience: 'safety-officer', kind: 'initial', dates: sixDays(2024), hoursPerDay: 8 }, [
    d.officer,
  ]);
  await train(app, { audience: 'principal', kind: 'initial', dates: sixDays(2025), hoursPerDay: 8 }, [
    d.principal,
  ]);
  return { app, ...d };
}

const summary = (report: Awaited<ReturnType<typeof coverageReport>>) =>
  report.rows.map((r) => [
    r.enterprise.name,
    r.covered,
    r.reasons,
    r.principals.map((p) => [p.person.name, p.status]),
    r.officers.map((o) => [o.person.name, o.status]),
  ]);

describe('coverageReport', () => {
  it('judges every enterprise by its managers’ ledgers and says why one is not covered', async () => {
    const { app, chemicals, builder } = await trainedDistrict();

    const report = await coverageReport(app.ctx, { today: TODAY });

    // Sorted by name in Chinese collation: 湖塘 (hú) before 青山 (qīng).
    expect(summary(report)).toEqual([
      [builder.name, false, ['no-officer', 'principal-never-trained'], [['陈建华', 'never-trained']], []],
      [chemicals.name, false, ['officer-overdue'], [['王建国', 'current']], [['李安全', 'overdue']]],
    ]);
    expect(report.categories[0]).toMatchObject({
      enterprises: 2,
      covered: 0,
      share: 0,
      target: 50,
      met: false,
    });
  });

  it('covers an enterprise once its overdue officer has trained this year; counts categories against the set targets', async () => {
    const { app, chemicals, officer } = await trainedDistrict();
    await train(
      app,
      { audience: 'safety-officer', kind: 'refresher', dates: ['2026-05-10', '2026-05-11'], hoursPerDay: 8 },
      [officer],
    );
    await saveAppSettings(app.ctx, {
      coverageTargets: { all: 50, aboveDesignatedSize: null, hazardousChemicals: 100, eachTown: 100 },
    });

    const report = await coverageReport(app.ctx, { today: TODAY });

    expect(report.rows.find((r) => r.enterprise.id === chemicals.id)).toMatchObject({
      covered: true,
      reasons: [],
    });
    const rows = report.categories.map((c) => [
      c.category.kind === 'town' ? c.category.town : c.category.kind,
      c.enterprises,
      c.covered,
      c.target,
      c.met,
    ]);
    expect(rows).toEqual([
      ['all', 2, 1, 50, true],
      ['above-designated-size', 0, 0, null, null],
      ['hazardous-chemicals', 1, 1, 100, true],
      ['湖塘镇', 1, 0, 100, false],
      ['柳桥镇', 1, 1, 100, true],
    ]);
  });

  it('counts staff whose own role is safety officer, leaves out deleted enterprises, reads above designated size', async () => {
    const { app, builder, builderPrincipal, chemicals } = await trainedDistrict();
    const staffOfficer = await addPerson(app, '赵安', 'safety-officer', builder.id);
    await train(app, { audience: 'principal', kind: 'initial', dates: sixDays(2026), hoursPerDay: 6 }, [
      builderPrincipal,
    ]);
    await train(app, { audience: 'safety-officer', kind: 'initial', dates: sixDays(2026), hoursPerDay: 6 }, [
      staffOfficer,
    ]);
    const { id: _id, createdAt: _c, updatedAt: _u, deviceId: _d, ...fields } = builder;
    await saveEnterprise(app.ctx, { ...fields, aboveDesignatedSize: true }, builder.id);
    await app.db.enterprises.put(tombstone(app.ctx, (await app.db.enterprises.get(chemicals.id))!));

    const report = await coverageReport(app.ctx, { today: TODAY });

    expect(summary(report)).toEqual([
      [builder.name, true, [], [['陈建华', 'current']], [['赵安', 'current']]],
    ]);
    expect(report.categories[1]).toMatchObject({
      enterprises: 1,
      covered: 1,
      share: 1,
      target: 60,
      met: true,
    });
  });

  it('reads the same statuses from the maintained credits as the attendance index gives', async () => {
    const { app, principal, officer, builderPrincipal } = await trainedDistrict();
    await train(app, { audience: 'principal', kind: 'refresher', dates: ['2026-02-02'], hoursPerDay: 4 }, [
      builderPrincipal,
    ]);
    const people = [principal, officer, builderPrincipal];

    const report = await coverageReport(app.ctx, { today: TODAY });
    const fromAttendance = await standings(app.ctx, people, {
      today: TODAY,
      dueWithinDays: 0,
      attendance: await creditedAttendanceByIndex(
        app.ctx,
        people.map((p) => p.id),
      ),
    });

    const fromReport = new Map(
      report.rows.flatMap((r) => [...r.principals, ...r.officers]).map((m) => [m.person.id, m.status]),
    );
    expect(people.map((p) => fromReport.get(p.id))).toEqual(
      people.map((p) => fromAttendance.get(p.id)!.ledger.status),
    );
    expect(people.map((p) => fromReport.get(p.id))).toEqual(['current', 'overdue', 'current']);
  });
});
