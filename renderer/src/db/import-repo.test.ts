import { describe, expect, it } from 'vitest';
import { analyzeRoster, type RosterAnalysis } from '../import/analyze-roster';
import { generateManagersRoster, generatePeopleRoster } from '../import/testing/roster-generator';
import { findRegisteredIdNumbers, saveRosterImport } from './import-repo';
import { sessionRoster } from './enrollments-repo';
import { createSession, openTestApp, openWithSession, tableCounts } from './test-db';

const accepted = (analysis: RosterAnalysis) =>
  analysis.rows.filter((r) => !r.problems.some((p) => p.severity === 'error'));

async function analysedPeople(people: number, seed = 3) {
  const roster = await generatePeopleRoster({ people, format: 'xlsx', seed, decorations: true });
  return analyzeRoster({ name: roster.name, bytes: roster.bytes }, { today: '2026-11-20' });
}

describe('saveRosterImport: people', () => {
  it('adds every accepted row once; the same file again changes nothing', async () => {
    const app = await openTestApp();
    const analysis = await analysedPeople(30);
    const rows = accepted(analysis);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(analysis.rows.length);

    const first = await saveRosterImport(app.ctx, { kind: 'people', rows });
    expect(first).toMatchObject({ added: rows.length, updated: 0, unchanged: 0 });
    const registered = await findRegisteredIdNumbers(
      app.ctx,
      rows.map((r) => r.values.idNumber ?? ''),
    );
    expect(registered.size).toBe(rows.length);

    const before = await tableCounts(app.db);
    app.clock.advanceMinutes(5);
    const second = await saveRosterImport(app.ctx, { kind: 'people', rows });
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: rows.length });
    expect(await tableCounts(app.db)).toEqual(before);
  });

  it('updates a known person whose phone changed, and counts it as updated', async () => {
    const app = await openTestApp();
    const rows = accepted(await analysedPeople(12)).slice(0, 4);
    await saveRosterImport(app.ctx, { kind: 'people', rows });
    app.clock.advanceMinutes(1);
    const changed = rows.map((r, i) =>
      i === 0 ? { ...r, values: { ...r.values, phone: '13900000000' } } : r,
    );
    expect(await saveRosterImport(app.ctx, { kind: 'people', rows: changed })).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 3,
    });
  });

  it('enrolls everyone in a session, once', async () => {
    const { app, session } = await openWithSession();
    const rows = accepted(await analysedPeople(20));
    const report = await saveRosterImport(app.ctx, { kind: 'people', rows, sessionId: session.id });
    expect(report).toMatchObject({ enrolled: rows.length, alreadyEnrolled: 0 });
    // The test clock stands still, so every row is saved "at the same millisecond": the roster keeps the file's order.
    expect((await sessionRoster(app.ctx, session.id)).map((r) => r.person.idNumber)).toEqual(
      rows.map((r) => r.values.idNumber),
    );
    const again = await saveRosterImport(app.ctx, { kind: 'people', rows, sessionId: session.id });
    expect(again).toMatchObject({ enrolled: 0, alreadyEnrolled: rows.length });
    expect(await sessionRoster(app.ctx, session.id)).toHaveLength(rows.length);
  });

  it('writes nothing at all when the import fails part-way (one transaction)', async () => {
    const app = await openTestApp();
    await createSession(app);
    const rows = accepted(await analysedPeople(10));
    const before = await tableCounts(app.db);
    await expect(
      saveRosterImport(app.ctx, { kind: 'people', rows, sessionId: 'no-such-session' }),
    ).rejects.toThrow();
    const broken = [...rows, { sourceRow: 999, values: { name: '坏行', idNumber: '123' } }];
    await expect(saveRosterImport(app.ctx, { kind: 'people', rows: broken })).rejects.toThrow();
    expect(await tableCounts(app.db)).toEqual(before);
  });
});

describe('saveRosterImport: enterprise managers', () => {
  it('creates the enterprises with their principals and safety officers; a principal of two is one person', async () => {
    const app = await openTestApp();
    const roster = await generateManagersRoster({ enterprises: 6, format: 'xlsx', seed: 5 });
    const analysis = await analyzeRoster({ name: roster.name, bytes: roster.bytes }, { today: '2026-11-20' });
    expect(analysis.kind).toBe('enterprise-managers');
    const rows = accepted(analysis);
    const report = await saveRosterImport(app.ctx, { kind: 'enterprise-managers', rows });
    expect(report.enterprisesAdded).toBeGreaterThan(0);

    const enterprises = (await app.db.enterprises.toArray()).filter((e) => !e.deletedAt);
    const people = await app.db.people.toArray();
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const row of rows.filter((r) => r.values.role === 'principal')) {
      const enterprise = enterprises.find(
        (e) =>
          e.name === row.values.enterpriseName ||
          (row.values.creditCode && e.creditCode === row.values.creditCode),
      );
      expect(enterprise, `enterprise of row ${row.sourceRow}`).toBeDefined();
      expect(byId.get(enterprise!.principalId ?? '')?.idNumber).toBe(row.values.idNumber);
    }
    for (const row of rows.filter((r) => r.values.role === 'safety-officer')) {
      const person = people.find((p) => p.idNumber === row.values.idNumber)!;
      expect(enterprises.some((e) => e.safetyOfficerIds?.includes(person.id))).toBe(true);
    }
    // One person per ID number, however many enterprises list them.
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);

    const counts = await tableCounts(app.db);
    const again = await saveRosterImport(app.ctx, { kind: 'enterprise-managers', rows });
    expect(again).toMatchObject({ added: 0, enterprisesAdded: 0 });
    expect(await tableCounts(app.db)).toEqual(counts);
  });
});
