import { describe, expect, it } from 'vitest';
import {
  CertificateStateError,
  issueCertificates,
  listCertificates,
  reissueCertificate,
  verifyCertificate,
  voidCertificate,
} from './certificates-repo';
import {
  getSealImages,
  getTemplateSettings,
  pngSize,
  SealImageError,
  saveTemplateSettings,
  storeSealImage,
} from './certificate-template-repo';
import { enrollPerson } from './enrollments-repo';
import { saveCourse } from './courses-repo';
import type { Certificate } from './records';
import {
  createSession,
  DAY1,
  enrollPeople,
  HOURS_PER_DAY,
  openTestApp,
  recordAttendance,
  type TestApp,
} from './test-db';
import { formatCertificateNumber } from '../domain/certificate-number';
import { canonicalJson, sha256Hex } from '../domain/canonical-hash';
import type { Audience } from '../domain/hour-rules';

// The smallest valid PNG: 1x1 transparent.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

async function issuedSession(
  app: TestApp,
  count: number,
  options: { audience?: Audience; validityMonths?: number; assessmentRequired?: boolean } = {},
) {
  const { session, course } = await createSession(app, {
    days: [DAY1],
    ...(options.audience ? { audience: options.audience } : {}),
  });
  if (options.validityMonths || options.assessmentRequired) {
    await saveCourse(
      app.ctx,
      {
        ...course,
        ...(options.validityMonths ? { validityMonths: options.validityMonths } : {}),
        ...(options.assessmentRequired ? { assessmentRequired: true } : {}),
      },
      course.id,
    );
  }
  const people = await enrollPeople(app, session.id, count);
  for (const p of people) await recordAttendance(app, session.id, p.id, DAY1.date, HOURS_PER_DAY);
  return { session, course, people };
}

describe('template and seal', () => {
  it('reads the PNG size and refuses what is not a PNG or is too large, storing nothing', async () => {
    expect(pngSize(PNG)).toEqual({ width: 1, height: 1 });
    const app = await openTestApp();
    const before = await app.db.settings.count();
    await expect(storeSealImage(app.ctx, new TextEncoder().encode('GIF89a not a png'))).rejects.toEqual(
      new SealImageError('not-png'),
    );
    const huge = new Uint8Array(2 * 1024 * 1024);
    huge.set(PNG);
    await expect(storeSealImage(app.ctx, huge)).rejects.toMatchObject({ reason: 'too-large' });
    expect(await app.db.settings.count()).toBe(before);
  });

  it('stores a seal once under its SHA-256, however often it is uploaded', async () => {
    const app = await openTestApp();
    const hash = await storeSealImage(app.ctx, PNG);
    expect(await storeSealImage(app.ctx, PNG)).toBe(hash);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', PNG));
    expect(hash).toBe([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
    const seals = await getSealImages(app.db, [hash, hash, 'missing']);
    expect([...seals.keys()]).toEqual([hash]);
    expect(seals.get(hash)?.dataUrl).toMatch(/^data:image\/png;base64,iVBOR/);
  });

  it('freezes the template into certificates issued after it changed, and only those', async () => {
    const app = await openTestApp();
    const first = await issuedSession(app, 1);
    const [before] = (await issueCertificates(app.ctx, first.session.id)).issued as [Certificate];
    const sealHash = await storeSealImage(app.ctx, PNG);
    const template = await getTemplateSettings(app.db);
    await saveTemplateSettings(app.ctx, {
      ...template,
      pageSize: 'A5',
      signatureLine: '负责人签字：',
      sealHash,
      titles: { ...template.titles, attendance: '培训证明' },
    });
    const second = await issuedSession(app, 1);
    const [after] = (await issueCertificates(app.ctx, second.session.id)).issued as [Certificate];

    expect(before.snapshot).toMatchObject({ pageSize: 'A4', title: '安全生产培训证明' });
    expect(before.snapshot.sealHash).toBeUndefined();
    expect(after.snapshot).toMatchObject({
      pageSize: 'A5',
      title: '培训证明',
      signatureLine: '负责人签字：',
      sealHash,
    });
    expect(await app.db.certificates.get(before.id)).toEqual(before);
  });
});

describe('kinds, assessment and validity', () => {
  it('a qualification certificate carries the assessment and the validity; the record indexes the end', async () => {
    const app = await openTestApp();
    const { session, people } = await issuedSession(app, 2, {
      audience: 'principal',
      validityMonths: 36,
      assessmentRequired: true,
    });
    const passed = await app.db.enrollments.where('personId').equals(people[0]!.id).first();
    await app.db.enrollments.put({
      ...passed!,
      assessment: { score: 86, passed: true, recordedAt: app.clock.now().toISOString() },
    });
    const failed = await app.db.enrollments.where('personId').equals(people[1]!.id).first();
    await app.db.enrollments.put({
      ...failed!,
      assessment: { score: 41, passed: false, recordedAt: app.clock.now().toISOString() },
    });

    const outcome = await issueCertificates(app.ctx, session.id);

    expect(outcome.notEligible).toBe(1);
    const [certificate] = outcome.issued as [Certificate];
    expect(certificate.personId).toBe(people[0]!.id);
    expect(certificate.snapshot).toMatchObject({
      kind: 'qualification',
      assessment: { score: 86, passed: true },
      validFrom: '2026-03-10',
      validUntil: '2029-03-09',
    });
    expect(certificate.validUntil).toBe('2029-03-09');
  });

  it('nobody gets a certificate while a required assessment is not entered', async () => {
    const app = await openTestApp();
    const { session } = await issuedSession(app, 2, { audience: 'safety-officer', assessmentRequired: true });
    expect(await issueCertificates(app.ctx, session.id)).toEqual({
      issued: [],
      notEligible: 2,
      alreadyIssued: 0,
    });
  });
});

describe('void and re-issue', () => {
  it('voids with a reason, audited; a second void or a blank reason is refused', async () => {
    const app = await openTestApp();
    const { session } = await issuedSession(app, 1);
    const [certificate] = (await issueCertificates(app.ctx, session.id)).issued as [Certificate];
    await expect(voidCertificate(app.ctx, certificate.id, '  ')).rejects.toMatchObject({
      reason: 'reason-required',
    });
    app.clock.advanceMinutes(5);

    const voided = await voidCertificate(app.ctx, certificate.id, ' 姓名错误 ');

    expect(voided).toMatchObject({
      status: 'voided',
      voidReason: '姓名错误',
      voidedAt: app.clock.now().toISOString(),
    });
    expect(voided.snapshot).toEqual(certificate.snapshot);
    await expect(voidCertificate(app.ctx, certificate.id, 'again')).rejects.toEqual(
      new CertificateStateError('already-voided'),
    );
    const entries = await app.db.auditLog
      .where('[table+recordId]')
      .equals(['certificates', certificate.id])
      .sortBy('at');
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]!.changes).toMatchObject({ status: { before: 'valid', after: 'voided' } });
  });

  it('re-issues from the current name and template with a new number; both stay, linked', async () => {
    const app = await openTestApp();
    const { session, people } = await issuedSession(app, 1);
    const [old] = (await issueCertificates(app.ctx, session.id)).issued as [Certificate];
    await enrollPerson(app.ctx, session.id, { name: '张卫东', idNumber: people[0]!.idNumber });

    const { voided, replacement } = await reissueCertificate(app.ctx, old.id, '姓名有误');

    expect(replacement.number).not.toBe(old.number);
    expect(replacement).toMatchObject({ status: 'valid', replacesId: old.id, personId: old.personId });
    expect(replacement.snapshot.personName).toBe('张卫东');
    expect(replacement.snapshotHash).toBe(await sha256Hex(canonicalJson(replacement.snapshot)));
    expect(voided).toMatchObject({ status: 'voided', voidReason: '姓名有误', replacedById: replacement.id });
    expect(voided.snapshot).toEqual(old.snapshot);
    const all = await listCertificates(app.ctx);
    expect(all.map((c) => c.id).sort()).toEqual([old.id, replacement.id].sort());
    await expect(reissueCertificate(app.ctx, old.id, 'again')).rejects.toMatchObject({
      reason: 'already-voided',
    });
  });

  it('skips numbers already on record (a device code reused elsewhere) instead of giving one twice', async () => {
    const app = await openTestApp({ deviceCode: 'A1', settings: { certificatePrefix: 'AX' } });
    const { session } = await issuedSession(app, 2);
    const taken = formatCertificateNumber({ prefix: 'AX', year: 2026, deviceCode: 'A1', sequence: 2 });
    const other = await issuedSession(app, 1);
    const [foreign] = (await issueCertificates(app.ctx, other.session.id)).issued as [Certificate];
    // Pretend the first certificate came from another machine with the same code and sequence 2.
    await app.db.certificates.put({ ...foreign, number: taken });
    await app.db.counters.clear();

    const { issued } = await issueCertificates(app.ctx, session.id);

    expect(issued.map((c) => c.number.split('-')[3])).toEqual(['000003', '000004']);
  });
});

function alterLast(code: string): string {
  return code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
}

describe('verifyCertificate', () => {
  async function oneIssued() {
    const app = await openTestApp();
    const { session } = await issuedSession(app, 2);
    const [a, b] = (await issueCertificates(app.ctx, session.id)).issued as [Certificate, Certificate];
    return { app, a, b };
  }

  it('valid: the number typed loosely and the code in lower case', async () => {
    const { app, a } = await oneIssued();
    const result = await verifyCertificate(
      app.ctx,
      a.number.toLowerCase().replaceAll('-', ' '),
      a.snapshot.verificationCode.toLowerCase(),
    );
    expect(result.answer).toEqual({ answer: 'valid' });
    expect(result.certificate?.id).toBe(a.id);
  });

  it('voided, with the replacement', async () => {
    const { app, a } = await oneIssued();
    const { replacement } = await reissueCertificate(app.ctx, a.id, '学时有误');
    const result = await verifyCertificate(app.ctx, a.number, a.snapshot.verificationCode);
    expect(result.answer).toEqual({ answer: 'voided' });
    expect(result.certificate?.voidReason).toBe('学时有误');
    expect(result.replacement?.number).toBe(replacement.number);
  });

  it.each<[string, (a: Certificate, b: Certificate) => string]>([
    ["another certificate's code", (_, b) => b.snapshot.verificationCode],
    ['its own code with the last character changed', (a) => alterLast(a.snapshot.verificationCode)],
  ])('forged: %s', async (_, codeOf) => {
    const { app, a, b } = await oneIssued();
    expect((await verifyCertificate(app.ctx, a.number, codeOf(a, b))).answer).toEqual({
      answer: 'forged',
      why: 'code',
    });
  });

  it('forged: a record edited in the database after issue', async () => {
    const { app, a } = await oneIssued();
    await app.db.certificates.put({ ...a, snapshot: { ...a.snapshot, hours: 40 } });
    expect((await verifyCertificate(app.ctx, a.number, a.snapshot.verificationCode)).answer).toEqual({
      answer: 'forged',
      why: 'hash',
    });
  });

  it('unknown: a well-formed number not on record, and a typo caught by the check character', async () => {
    const { app, a } = await oneIssued();
    const next = formatCertificateNumber({
      prefix: 'AX',
      year: 2026,
      deviceCode: a.number.split('-')[2]!,
      sequence: 999,
    });
    expect((await verifyCertificate(app.ctx, next, 'AAAAAAAA')).answer).toEqual({
      answer: 'unknown',
      why: 'not-found',
    });
    const typo = a.number.replace(
      /-(\d{6})-/,
      (_, seq: string) => `-${seq.slice(0, 5)}${(Number(seq[5]) + 1) % 10}-`,
    );
    expect((await verifyCertificate(app.ctx, typo, a.snapshot.verificationCode)).answer).toEqual({
      answer: 'unknown',
      why: 'check',
    });
  });
});
