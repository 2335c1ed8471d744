import { describe, expect, it } from 'vitest';
import {
  issueCertificates,
  listCertificates,
  SettingsIncompleteError,
  verifyPayload,
} from './certificates-repo';
import { sessionRoster, enrollPerson } from './enrollments-repo';
import { saveCourse } from './courses-repo';
import { getAppSettings, getDeviceSettings, saveAppSettings } from './settings-repo';
import type { Certificate, Person, Session } from './records';
import {
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  HOURS_PER_DAY,
  ISSUING_BODY,
  openTestApp,
  recordAttendance,
  tableCounts,
  type TestApp,
} from './test-db';
import { parseCertificateNumber } from '../domain/certificate-number';
import { canonicalJson, sha256Hex } from '../domain/canonical-hash';
import { verifyCertificateCode } from '../domain/verification-code';
import { maskIdNumber } from '../domain/resident-id';
import type { Audience } from '../domain/hour-rules';
import { DEFAULT_CERTIFICATE_TITLES } from '../domain/certificate-snapshot';

/** A session on DAY1 and DAY2 (10 class hours) with `hours[i]` credited to person i per day. */
async function sessionWithAttendance(
  app: TestApp,
  hours: Array<[number, number]>,
  options: { audience?: Audience; title?: string } = {},
): Promise<{ session: Session; people: Person[] }> {
  const { session } = await createSession(app, { days: [DAY1, DAY2], ...options });
  const first = (await app.db.people.count()) + 1;
  const people = await enrollPeople(app, session.id, hours.length, first);
  for (const [i, [day1, day2]] of hours.entries()) {
    await recordAttendance(app, session.id, people[i]!.id, DAY1.date, day1);
    await recordAttendance(app, session.id, people[i]!.id, DAY2.date, day2);
  }
  return { session, people };
}

const FULL: [number, number] = [HOURS_PER_DAY, HOURS_PER_DAY];

describe('issueCertificates', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '   '],
  ])('refuses with SettingsIncompleteError when the issuing body is %s, writing nothing', async (_, body) => {
    const app = await openTestApp({ settings: { issuingBody: body } });
    const { session } = await sessionWithAttendance(app, [FULL]);
    const before = await tableCounts(app.db);
    const attempt = issueCertificates(app.ctx, session.id);
    await expect(attempt).rejects.toThrow(SettingsIncompleteError);
    await expect(attempt).rejects.toMatchObject({ missing: 'issuing-body' });
    expect(await tableCounts(app.db)).toEqual(before);
  });

  // Session of 10 class hours; the default share is 0.8, so 8 hours earn a certificate.
  it.each<[string, [number, number], number, boolean]>([
    ['both days', FULL, 0.8, true],
    ['exactly the share', [5, 3], 0.8, true],
    ['half an hour short', [5, 2.5], 0.8, false],
    ['one day of two', [5, 0], 0.8, false],
    ['nothing', [0, 0], 0.8, false],
    ['one day, when half the hours suffice', [5, 0], 0.5, true],
    ['all but half an hour, when all hours are required', [5, 4.5], 1, false],
  ])('someone credited for %s (%j) at share %s: eligible %s', async (_, hours, minShare, eligible) => {
    const app = await openTestApp();
    const rules = (await getAppSettings(app.db)).attendanceRules;
    await saveAppSettings(app.ctx, { attendanceRules: { ...rules, minShareForCredit: minShare } });
    const { session, people } = await sessionWithAttendance(app, [hours]);

    const outcome = await issueCertificates(app.ctx, session.id);

    expect(outcome.issued.map((c) => c.personId)).toEqual(eligible ? [people[0]!.id] : []);
    expect(outcome).toMatchObject({ notEligible: eligible ? 0 : 1, alreadyIssued: 0 });
    expect(await app.db.certificates.count()).toBe(eligible ? 1 : 0);
  });

  it('numbers certificates in sequence per device, and each number parses back', async () => {
    const app = await openTestApp({ deviceCode: 'A1', settings: { certificatePrefix: 'AX' } });
    const first = await sessionWithAttendance(app, [FULL, FULL, [0, 0], FULL]);
    const second = await sessionWithAttendance(app, [FULL, FULL]);

    const a = await issueCertificates(app.ctx, first.session.id);
    const b = await issueCertificates(app.ctx, second.session.id);

    const numbers = [...a.issued, ...b.issued].map((c) => c.number);
    const parsed = numbers.map((n) => parseCertificateNumber(n.toLowerCase().replaceAll('-', ' ')));
    expect(parsed).toEqual(
      numbers.map((number, i) => ({
        ok: true,
        number,
        prefix: 'AX',
        year: 2026,
        deviceCode: 'A1',
        sequence: i + 1,
      })),
    );
    expect(a).toMatchObject({ notEligible: 1, alreadyIssued: 0 });
    expect((await listCertificates(app.ctx)).map((c) => c.number).sort()).toEqual([...numbers].sort());
  });

  it('a second run issues nothing new and uses up no numbers', async () => {
    const app = await openTestApp();
    const { session } = await sessionWithAttendance(app, [FULL, FULL, [0, 0]]);
    const first = await issueCertificates(app.ctx, session.id);
    const before = await tableCounts(app.db);
    const counters = await app.db.counters.toArray();

    const second = await issueCertificates(app.ctx, session.id);

    expect(first).toMatchObject({ notEligible: 1, alreadyIssued: 0 });
    expect(first.issued).toHaveLength(2);
    expect(second).toEqual({ issued: [], notEligible: 1, alreadyIssued: 2 });
    expect(await tableCounts(app.db)).toEqual(before);
    expect(await app.db.counters.toArray()).toEqual(counters);
  });

  it('two clicks at once give nobody two certificates', async () => {
    const app = await openTestApp();
    const { session, people } = await sessionWithAttendance(app, [FULL, FULL, FULL]);

    const outcomes = await Promise.all([
      issueCertificates(app.ctx, session.id),
      issueCertificates(app.ctx, session.id),
    ]);

    const stored = await app.db.certificates.toArray();
    expect(stored.map((c) => c.personId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(new Set(stored.map((c) => c.number)).size).toBe(stored.length);
    expect(outcomes.flatMap((o) => o.issued)).toHaveLength(3);
  });

  it.each<[Audience, Certificate['snapshot']['kind']]>([
    ['worker', 'attendance'],
    ['principal', 'qualification'],
    ['safety-officer', 'qualification'],
  ])('freezes what the certificate shows (%s: %s certificate)', async (audience, kind) => {
    const app = await openTestApp();
    const { session, people } = await sessionWithAttendance(app, [FULL], { audience, title: '  ' });
    const course = (await app.db.courses.get(session.courseId))!;
    const person = people[0]!;

    const [certificate] = (await issueCertificates(app.ctx, session.id)).issued as [Certificate];

    const { snapshot } = certificate;
    expect(snapshot).toEqual({
      kind,
      title: DEFAULT_CERTIFICATE_TITLES[kind],
      pageSize: 'A4',
      number: certificate.number,
      verificationCode: snapshot.verificationCode,
      personName: person.name,
      idNumberMasked: maskIdNumber(person.idNumber),
      courseName: course.name,
      courseOutline: course.outline,
      hours: 2 * HOURS_PER_DAY,
      dates: [DAY1.date, DAY2.date],
      issuingBody: ISSUING_BODY,
      issuedOn: '2026-03-10',
      verifyPayload: verifyPayload(certificate.number, snapshot.verificationCode),
    });
    expect(JSON.stringify(snapshot)).not.toContain(person.idNumber);
    expect(certificate).toMatchObject({
      personId: person.id,
      sessionId: session.id,
      courseId: course.id,
      status: 'valid',
      issuedAt: app.clock.now().toISOString(),
    });
    expect(await app.db.certificates.get(certificate.id)).toEqual(certificate);
  });

  it('prints the session title instead of the course name when the session has one', async () => {
    const app = await openTestApp();
    const { session } = await sessionWithAttendance(app, [FULL], { title: '柳桥五金厂专场' });
    const { issued } = await issueCertificates(app.ctx, session.id);
    expect(issued[0]!.snapshot.courseName).toBe('柳桥五金厂专场');
  });

  it('stores the SHA-256 of the canonical snapshot and a verification code that verifies', async () => {
    const app = await openTestApp();
    const { session } = await sessionWithAttendance(app, [FULL, FULL]);
    const { issued } = await issueCertificates(app.ctx, session.id);
    const { verificationSecret } = await getAppSettings(app.db);
    expect(issued).toHaveLength(2);

    for (const c of issued) {
      const { snapshot } = c;
      expect(c.snapshotHash).toBe(await sha256Hex(canonicalJson(snapshot)));
      expect(c.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
      // The payload the repository signs: number, name, masked ID and hours.
      const payload = [snapshot.number, snapshot.personName, snapshot.idNumberMasked, snapshot.hours].join(
        '|',
      );
      expect(snapshot.verificationCode).toMatch(/^[0-9A-Z]{8}$/);
      expect(await verifyCertificateCode(verificationSecret, payload, snapshot.verificationCode)).toBe(true);
      expect(await verifyCertificateCode(verificationSecret, `${payload}0`, snapshot.verificationCode)).toBe(
        false,
      );
      expect(await verifyCertificateCode('another bureau', payload, snapshot.verificationCode)).toBe(false);
      expect(snapshot.verifyPayload).toBe(`ST1|${snapshot.number}|${snapshot.verificationCode}`);
    }
  });

  it('is frozen: renaming the person, the course and the issuing body changes no issued certificate', async () => {
    const app = await openTestApp();
    const { session, people } = await sessionWithAttendance(app, [FULL]);
    const person = people[0]!;
    const [certificate] = (await issueCertificates(app.ctx, session.id)).issued as [Certificate];
    app.clock.advanceMinutes(60);

    await enrollPerson(app.ctx, session.id, { name: '张卫东', idNumber: person.idNumber });
    const course = (await app.db.courses.get(session.courseId))!;
    await saveCourse(app.ctx, { ...course, name: '更名后的课程', outline: '新大纲' }, course.id);
    await saveAppSettings(app.ctx, { issuingBody: '另一个机构' });

    expect((await app.db.people.get(person.id))?.name).toBe('张卫东');
    const stored = await app.db.certificates.get(certificate.id);
    expect(stored).toEqual(certificate);
    expect(stored!.snapshot).toMatchObject({
      personName: person.name,
      courseName: course.name,
      issuingBody: ISSUING_BODY,
    });
    expect(await sha256Hex(canonicalJson(stored!.snapshot))).toBe(certificate.snapshotHash);
    const [row] = await sessionRoster(app.ctx, session.id);
    expect(row!.certificate).toEqual(certificate);
  });

  it('two devices issuing offline never produce the same number', async () => {
    const office = await openTestApp({ deviceCode: 'A1' });
    const laptop = await openTestApp({ deviceCode: 'B2' });
    expect((await getDeviceSettings(office.db))?.deviceCode).toBe('A1');

    const issued: Certificate[] = [];
    for (const app of [office, laptop]) {
      const { session } = await sessionWithAttendance(app, [FULL, FULL, FULL]);
      issued.push(...(await issueCertificates(app.ctx, session.id)).issued);
    }

    const numbers = issued.map((c) => c.number);
    expect(numbers).toHaveLength(6);
    expect(new Set(numbers).size).toBe(6);
    // Both counted from 1: the device code alone keeps them apart.
    const parts = numbers.map((n) => parseCertificateNumber(n));
    expect(parts.map((p) => (p.ok ? `${p.deviceCode}:${p.sequence}` : p.error))).toEqual([
      'A1:1',
      'A1:2',
      'A1:3',
      'B2:1',
      'B2:2',
      'B2:3',
    ]);
  });

  it.each<[string, (app: TestApp) => Promise<string>]>([
    ['a session that does not exist', () => Promise.resolve('no-such-session')],
    [
      'a deleted session',
      async (app) => {
        const { session } = await sessionWithAttendance(app, [FULL]);
        await app.db.transaction('rw', app.db.sessions, app.db.statsDirty, () =>
          app.db.sessions.put({ ...session, deletedAt: app.clock.now().toISOString() }),
        );
        return session.id;
      },
    ],
  ])('refuses %s and issues nothing', async (_, sessionIdOf) => {
    const app = await openTestApp();
    const sessionId = await sessionIdOf(app);
    await expect(issueCertificates(app.ctx, sessionId)).rejects.toThrow(/not found/);
    expect(await app.db.certificates.count()).toBe(0);
  });
});
