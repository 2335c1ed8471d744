import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from './demo-data';
import { sessionRoster } from './enrollments-repo';
import { getAppSettings } from './settings-repo';
import type { Certificate, Enrollment, Person, Session } from './records';
import { openTestApp, TABLES, tableCounts, type TestApp } from './test-db';
import { parseResidentId } from '../domain/resident-id';
import { parseCreditCode } from '../domain/credit-code';
import { parseCertificateNumber } from '../domain/certificate-number';
import { isEligibleForCertificate } from '../domain/certificate-eligibility';
import { sessionTotalHours } from '../domain/session-days';
import { canonicalJson, sha256Hex } from '../domain/canonical-hash';

const TODAY = new Date(2026, 2, 10, 9, 0);

describe('loadDemoData', () => {
  let app: TestApp;
  let people: Person[];
  let sessions: Session[];
  let enrollments: Enrollment[];
  let certificates: Certificate[];

  beforeAll(async () => {
    app = await openTestApp({ start: TODAY, settings: { issuingBody: '' } });
    await loadDemoData(app.ctx);
    [people, sessions, enrollments, certificates] = await Promise.all([
      app.db.people.toArray(),
      app.db.sessions.toArray(),
      app.db.enrollments.toArray(),
      app.db.certificates.toArray(),
    ]);
  });

  it('fills every table of a fresh database', async () => {
    const counts = await tableCounts(app.db);
    // Merges record what coordinators did to their own register; a fresh district has none.
    expect(TABLES.filter((t) => t !== 'merges' && counts[t] === 0)).toEqual([]);
    expect(counts).toMatchObject({ enterprises: 5, people: 38, courses: 4, sessions: 5, enrollments: 48 });
  });

  it('points every enrollment and attendance at an existing person and session', async () => {
    const personIds = new Set(people.map((p) => p.id));
    const sessionIds = new Set(sessions.map((s) => s.id));
    const enrolled = new Set(enrollments.map((e) => `${e.sessionId}|${e.personId}`));
    const attendance = await app.db.attendance.toArray();
    expect(enrollments.filter((e) => !personIds.has(e.personId) || !sessionIds.has(e.sessionId))).toEqual([]);
    expect(attendance.filter((a) => !enrolled.has(`${a.sessionId}|${a.personId}`))).toEqual([]);
    const sessionDays = new Map(sessions.map((s) => [s.id, new Set(s.days.map((d) => d.date))]));
    expect(attendance.filter((a) => !sessionDays.get(a.sessionId)!.has(a.date))).toEqual([]);
    expect(enrolled.size).toBe(enrollments.length);
  });

  it('gives every person a valid ID whose birth date, gender and region match the record', () => {
    const today = '2026-03-10';
    const mismatched = people.filter((p) => {
      const parsed = parseResidentId(p.idNumber, { today });
      return !(
        parsed.ok &&
        parsed.id === p.idNumber &&
        parsed.birthDate === p.birthDate &&
        parsed.gender === p.gender &&
        parsed.regionCode === p.homeRegion
      );
    });
    expect(mismatched).toEqual([]);
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
  });

  it('gives every enterprise a valid credit code', async () => {
    const enterprises = await app.db.enterprises.toArray();
    expect(enterprises.map((e) => parseCreditCode(e.creditCode ?? '').ok)).toEqual(
      enterprises.map(() => true),
    );
  });

  it('completes the past sessions and leaves today and the upcoming ones planned', () => {
    const byStart = [...sessions].sort((a, b) => a.startDate.localeCompare(b.startDate));
    expect(byStart.map((s) => [s.startDate, s.status])).toEqual([
      ['2026-02-08', 'completed'],
      ['2026-02-24', 'completed'],
      ['2026-03-10', 'planned'],
      ['2026-03-20', 'planned'],
      ['2026-03-30', 'planned'],
    ]);
  });

  it('issues certificates in completed sessions to exactly the eligible people', async () => {
    const { minutesPerClassHour, attendanceRules } = await getAppSettings(app.db);
    const issuedTo = new Set(certificates.map((c) => `${c.sessionId}|${c.personId}`));
    const mismatched: string[] = [];
    for (const session of sessions) {
      const total = sessionTotalHours(session.days, minutesPerClassHour);
      for (const row of await sessionRoster(app.ctx, session.id)) {
        const eligible =
          session.status === 'completed' &&
          isEligibleForCertificate({
            hoursCredited: row.hoursCredited,
            sessionHours: total,
            minShare: attendanceRules.minShareForCredit,
          });
        if (eligible !== issuedTo.has(`${session.id}|${row.person.id}`)) mismatched.push(row.person.name);
      }
    }
    expect(mismatched).toEqual([]);
    // 12 of 14 site workers and 4 of 5 principals attended.
    expect(certificates).toHaveLength(16);
  });

  it('numbers, hashes and signs the demo certificates like any other', async () => {
    const { issuingBody } = await getAppSettings(app.db);
    expect(issuingBody).toBe('示范区应急管理局');
    const sequences = certificates.map((c) => {
      const parsed = parseCertificateNumber(c.number);
      return parsed.ok ? parsed.sequence : -1;
    });
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    for (const c of certificates) {
      expect(c.snapshotHash).toBe(await sha256Hex(canonicalJson(c.snapshot)));
      expect(c.snapshot.issuingBody).toBe(issuingBody);
    }
  });

  it.each([
    ['keeps an issuing body already set', '东湖街道安监站', '东湖街道安监站'],
    ['sets one when there is none', '', '示范区应急管理局'],
  ])('%s', async (_, before, after) => {
    const other = await openTestApp({ start: TODAY, settings: { issuingBody: before } });
    await loadDemoData(other.ctx);
    expect((await getAppSettings(other.db)).issuingBody).toBe(after);
  });

  it('builds the same district on every machine', async () => {
    const other = await openTestApp({ start: TODAY });
    await loadDemoData(other.ctx);
    const summary = (list: Person[]) => list.map((p) => `${p.name} ${p.idNumber}`).sort();
    expect(summary(await other.db.people.toArray())).toEqual(summary(people));
  });
});
