import { describe, expect, it } from 'vitest';
import {
  attendanceOf,
  certificateCounters,
  certificatesOf,
  enrollmentsOf,
  enterpriseAt,
  personAt,
  personIdNumber,
  sessionAt,
  stationEnrollments,
  stationSession,
} from '../bench/seed-plan';
import { seededUuid } from '../bench/prng';
import { attendanceCount, certificateCount, SIZES } from '../bench/sizes';
import { parseResidentId } from '../renderer/src/domain/resident-id';
import { parseCreditCode } from '../renderer/src/domain/credit-code';
import { nameInitials } from '../renderer/src/domain/name-initials';
import { parseCertificateNumber } from '../renderer/src/domain/certificate-number';
import { canonicalJson, sha256Hex } from '../renderer/src/domain/canonical-hash';
import { validateSessionDays } from '../renderer/src/domain/session-days';

const tiny = SIZES.tiny;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('the benchmark seed', () => {
  it('is deterministic: the same records on every call', async () => {
    expect(personAt(tiny, 7)).toEqual(personAt(tiny, 7));
    expect(enterpriseAt(tiny, 3)).toEqual(enterpriseAt(tiny, 3));
    expect(attendanceOf(tiny, 5)).toEqual(attendanceOf(tiny, 5));
    expect(await certificatesOf(tiny, 2)).toEqual(await certificatesOf(tiny, 2));
    expect(personAt(tiny, 7)).not.toEqual(personAt(tiny, 8));
  });

  it('makes unique UUID-shaped ids across tables', () => {
    const ids = [1, 2, 3].flatMap((tag) => range(5000).map((i) => seededUuid(tag, i)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
  });

  it('gives people valid, unique ID numbers with the birth date, gender, region and initials read from them', () => {
    const people = range(tiny.people).map((i) => personAt(tiny, i));
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    for (const p of people) {
      const parsed = parseResidentId(p.idNumber, { today: '2026-11-29' });
      expect(parsed).toMatchObject({ ok: true, id: p.idNumber, birthDate: p.birthDate, gender: p.gender });
      expect(p.homeRegion).toBe(p.idNumber.slice(0, 6));
      expect(p.nameInitials).toEqual(nameInitials(p.name));
      expect(p.phone).toMatch(/^1\d{10}$/);
    }
    // Far beyond the register too (the import figure's rows): still unique and valid.
    const far = range(2000).map((i) => personIdNumber(tiny.people + 1_000_000 + i * 997));
    expect(new Set(far).size).toBe(far.length);
    expect(far.every((id) => parseResidentId(id).ok)).toBe(true);
  });

  it('gives enterprises unique names and valid credit codes, led by seeded principals and safety officers', () => {
    const enterprises = range(tiny.enterprises).map((i) => enterpriseAt(tiny, i));
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((e) => e.creditCode)).size).toBe(enterprises.length);
    for (const [i, e] of enterprises.entries()) {
      expect(parseCreditCode(e.creditCode)).toEqual({ ok: true, code: e.creditCode });
      expect(personAt(tiny, i)).toMatchObject({ id: e.principalId, role: 'principal', enterpriseId: e.id });
      expect(personAt(tiny, tiny.enterprises + i)).toMatchObject({
        role: 'safety-officer',
        enterpriseId: e.id,
      });
    }
  });

  it('enrolls distinct people per session, with two days of attendance each, as many as the size says', () => {
    let attendance = 0;
    for (const s of range(tiny.sessions)) {
      const session = sessionAt(tiny, s);
      expect(validateSessionDays(session.days)).toEqual({ ok: true });
      const enrolled = enrollmentsOf(tiny, s);
      expect(new Set(enrolled.map((e) => e.personId)).size).toBe(tiny.enrolledPerSession);
      const records = attendanceOf(tiny, s);
      attendance += records.length;
      const enrolledIds = new Set(enrolled.map((e) => e.personId));
      expect(records.every((a) => enrolledIds.has(a.personId) && a.sessionId === session.id)).toBe(true);
      expect(records.every((a) => session.days.some((d) => d.date === a.date))).toBe(true);
      expect(records.every((a) => (a.status === 'absent') === (a.checkInAt === undefined))).toBe(true);
    }
    expect(attendance).toBe(attendanceCount(tiny));
    const station = stationEnrollments(tiny);
    expect(new Set(station.map((e) => e.personId)).size).toBe(tiny.stationEnrolled);
    expect(station.every((e) => e.sessionId === stationSession().id)).toBe(true);
  });

  it('issues certificates with valid unique numbers and hashes of their snapshots, under the counters', async () => {
    const certificates = (await Promise.all(range(tiny.sessions).map((s) => certificatesOf(tiny, s)))).flat();
    expect(certificates).toHaveLength(certificateCount(tiny));
    expect(new Set(certificates.map((c) => c.number)).size).toBe(certificates.length);
    const counters = new Map(certificateCounters(tiny).map((c) => [c.id, c.value]));
    for (const c of certificates.slice(0, 50)) {
      const parsed = parseCertificateNumber(c.number);
      expect(parsed.ok).toBe(true);
      expect(c.snapshotHash).toBe(await sha256Hex(canonicalJson(c.snapshot)));
      const year = c.number.split('-')[1];
      expect(counters.get(`certificate:AX:${year}:BX`)).toBeGreaterThanOrEqual(
        Number(c.number.split('-')[3]),
      );
    }
  });
});
