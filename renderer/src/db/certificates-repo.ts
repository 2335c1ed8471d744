import type { DbContext } from './context';
import { audit, auditEntry, isLive, stampNew, stampUpdate } from './context';
import type { Certificate, Course, Person, Session } from './records';
import { findEnrollment, sessionRoster } from './enrollments-repo';
import { getAppSettings, getDeviceSettings } from './settings-repo';
import { currentTemplate } from './certificate-template-repo';
import { toLocalIsoDate } from '../domain/calendar';
import { formatCertificateNumber, parseCertificateNumber } from '../domain/certificate-number';
import { certificateVerificationCode, verifyCertificateCode } from '../domain/verification-code';
import { maskIdNumber } from '../domain/resident-id';
import { sessionTotalHours } from '../domain/session-days';
import { certificateEligibility } from '../domain/certificate-eligibility';
import { canonicalJson, sha256Hex } from '../domain/canonical-hash';
import {
  buildCertificateSnapshot,
  certificateKindFor,
  verificationCodePayload,
  type CertificateTemplate,
} from '../domain/certificate-snapshot';
import { decideVerification, type VerificationAnswer } from '../domain/certificate-verification';

export { verifyPayload } from '../domain/certificate-snapshot';

export interface IssueOutcome {
  issued: Certificate[];
  /** Enrolled people who were not eligible (hours short, assessment missing or failed) and got nothing. */
  notEligible: number;
  /** Already held a valid certificate for this session. */
  alreadyIssued: number;
}

export class SettingsIncompleteError extends Error {
  constructor(readonly missing: 'issuing-body') {
    super(`settings incomplete: ${missing}`);
  }
}

export class CertificateStateError extends Error {
  constructor(readonly reason: 'not-found' | 'already-voided' | 'reason-required') {
    super(`certificate: ${reason}`);
  }
}

interface IssueContext {
  secret: string;
  template: CertificateTemplate;
  prefix: string;
  deviceCode: string;
  issuedAt: Date;
}

async function issueContext(ctx: DbContext): Promise<IssueContext> {
  const settings = await getAppSettings(ctx.db);
  if (!settings.issuingBody.trim()) throw new SettingsIncompleteError('issuing-body');
  const device = await getDeviceSettings(ctx.db);
  if (!device) throw new Error('device settings missing');
  return {
    secret: settings.verificationSecret,
    template: await currentTemplate(ctx.db),
    prefix: settings.certificatePrefix,
    deviceCode: device.deviceCode,
    issuedAt: ctx.now(),
  };
}

/**
 * Reserves `count` consecutive numbers from this device's counter (per prefix and year), in a transaction of its
 * own. The counter only moves forward; should a number in the range be on record already (a device code reused
 * on another machine whose data came here), the range starts after it, so a number is never given twice.
 */
async function reserveNumbers(ctx: DbContext, issue: IssueContext, count: number): Promise<string[]> {
  const { db } = ctx;
  const year = issue.issuedAt.getFullYear();
  const counterId = `certificate:${issue.prefix}:${year}:${issue.deviceCode}`;
  const format = (sequence: number) =>
    formatCertificateNumber({ prefix: issue.prefix, year, deviceCode: issue.deviceCode, sequence });
  return db.transaction('rw', db.counters, db.certificates, async () => {
    let current = (await db.counters.get(counterId))?.value ?? 0;
    for (;;) {
      const numbers = Array.from({ length: count }, (_, i) => format(current + 1 + i));
      const taken = await db.certificates.where('number').anyOf(numbers).toArray();
      if (taken.length === 0) {
        await db.counters.put({ id: counterId, value: current + count });
        return numbers;
      }
      const highest = Math.max(...taken.map((c) => numbers.indexOf(c.number)));
      current += highest + 1;
    }
  });
}

interface CertificateSubject {
  person: Person;
  session: Session;
  course: Course;
  hours: number;
  assessment?: { passed: boolean; score?: number };
}

/** The frozen snapshot, its hash and its signed code: all the crypto, done outside any transaction. */
async function prepareCertificate(
  ctx: DbContext,
  issue: IssueContext,
  number: string,
  subject: CertificateSubject,
  extra: Partial<Pick<Certificate, 'replacesId'>> = {},
): Promise<Certificate> {
  const { person, session, course, hours } = subject;
  const verificationCode = await certificateVerificationCode(
    issue.secret,
    verificationCodePayload(number, person.name.trim(), maskIdNumber(person.idNumber), hours),
  );
  const snapshot = buildCertificateSnapshot({
    kind: certificateKindFor(course.audience),
    number,
    verificationCode,
    person,
    courseName: session.title?.trim() || course.name,
    courseOutline: course.outline,
    ...(course.validityMonths ? { validityMonths: course.validityMonths } : {}),
    hours,
    dates: session.days.map((d) => d.date),
    issuedOn: toLocalIsoDate(issue.issuedAt),
    template: issue.template,
    ...(subject.assessment ? { assessment: subject.assessment } : {}),
  });
  return stampNew<Certificate>(ctx, {
    number,
    personId: person.id,
    sessionId: session.id,
    courseId: course.id,
    status: 'valid',
    issuedAt: issue.issuedAt.toISOString(),
    ...(snapshot.validUntil ? { validUntil: snapshot.validUntil } : {}),
    ...extra,
    snapshot,
    snapshotHash: await sha256Hex(canonicalJson(snapshot)),
  });
}

async function sessionAndCourse(
  ctx: DbContext,
  sessionId: string,
): Promise<{ session: Session; course: Course }> {
  const session = await ctx.db.sessions.get(sessionId);
  if (!isLive(session)) throw new Error(`session ${sessionId} not found`);
  const course = await ctx.db.courses.get(session.courseId);
  if (!course) throw new Error(`course ${session.courseId} not found`);
  return { session, course };
}

/**
 * Issues certificates to everyone in a session who earned one (hours credited reach the share, a required
 * assessment passed), with the template as it is now. Numbers come from a per-device counter that only moves
 * forward: they are reserved in one transaction, the frozen snapshots are hashed and signed outside it (Web
 * Crypto is asynchronous and would end an IndexedDB transaction), and the whole batch is written in a second,
 * single transaction. An interruption between the two leaves a gap in the sequence, never a duplicate.
 */
export async function issueCertificates(ctx: DbContext, sessionId: string): Promise<IssueOutcome> {
  const { db } = ctx;
  const issue = await issueContext(ctx);
  const settings = await getAppSettings(db);
  const { session, course } = await sessionAndCourse(ctx, sessionId);

  const roster = await sessionRoster(ctx, sessionId);
  const totalHours = sessionTotalHours(session.days, settings.minutesPerClassHour);
  const alreadyIssued = roster.filter((r) => r.certificate).length;
  const candidates = roster.filter(
    (r) =>
      !r.certificate &&
      certificateEligibility({
        hoursCredited: r.hoursCredited,
        sessionHours: totalHours,
        minShare: settings.attendanceRules.minShareForCredit,
        assessmentRequired: course.assessmentRequired === true,
        ...(r.enrollment.assessment ? { assessment: r.enrollment.assessment } : {}),
      }).eligible,
  );
  const notEligible = roster.length - alreadyIssued - candidates.length;
  if (candidates.length === 0) return { issued: [], notEligible, alreadyIssued };

  const numbers = await reserveNumbers(ctx, issue, candidates.length);
  const prepared: Certificate[] = [];
  for (const [i, row] of candidates.entries()) {
    const assessment = row.enrollment.assessment;
    prepared.push(
      await prepareCertificate(ctx, issue, numbers[i]!, {
        person: row.person,
        session,
        course,
        hours: Math.min(row.hoursCredited, totalHours),
        ...(assessment
          ? {
              assessment: {
                passed: assessment.passed,
                ...(assessment.score !== undefined ? { score: assessment.score } : {}),
              },
            }
          : {}),
      }),
    );
  }

  const issued = await db.transaction('rw', [db.certificates, db.auditLog], async () => {
    // Re-checked inside the write: a second click meanwhile must not give anyone two certificates.
    const held = new Set(
      (await db.certificates.where('sessionId').equals(sessionId).toArray())
        .filter((c) => isLive(c) && c.status === 'valid')
        .map((c) => c.personId),
    );
    const written = prepared.filter((c) => !held.has(c.personId));
    await db.certificates.bulkAdd(written);
    await db.auditLog.bulkAdd(written.map((c) => auditEntry(ctx, 'certificates', 'create', undefined, c)));
    return written;
  });
  return { issued, notEligible, alreadyIssued: alreadyIssued + (prepared.length - issued.length) };
}

/** Voids a valid certificate with a reason (audited). The record stays, marked, with when and why. */
export async function voidCertificate(ctx: DbContext, id: string, reason: string): Promise<Certificate> {
  const why = reason.trim();
  if (!why) throw new CertificateStateError('reason-required');
  const { db } = ctx;
  return db.transaction('rw', [db.certificates, db.auditLog], async () => {
    const before = await db.certificates.get(id);
    if (!isLive(before)) throw new CertificateStateError('not-found');
    if (before.status !== 'valid') throw new CertificateStateError('already-voided');
    const after = stampUpdate(ctx, before, {
      status: 'voided',
      voidReason: why,
      voidedAt: ctx.now().toISOString(),
    });
    await db.certificates.put(after);
    await audit(ctx, 'certificates', 'update', before, after);
    return after;
  });
}

/**
 * A correction: a new certificate with a new number, drawn from the person, course and session as they are now
 * and the current template, and the old one voided with the reason; each names the other. Hours are recomputed
 * from attendance (the old certificate's hours when there is no attendance any more, e.g. after a merge).
 * Both are written in one transaction.
 */
export async function reissueCertificate(
  ctx: DbContext,
  id: string,
  reason: string,
): Promise<{ voided: Certificate; replacement: Certificate }> {
  const why = reason.trim();
  if (!why) throw new CertificateStateError('reason-required');
  const { db } = ctx;
  const old = await db.certificates.get(id);
  if (!isLive(old)) throw new CertificateStateError('not-found');
  if (old.status !== 'valid') throw new CertificateStateError('already-voided');
  const issue = await issueContext(ctx);
  const settings = await getAppSettings(db);
  const { session, course } = await sessionAndCourse(ctx, old.sessionId);
  const person = await db.people.get(old.personId);
  if (!isLive(person)) throw new CertificateStateError('not-found');
  const attendance = (await db.attendance.where('personId').equals(person.id).toArray()).filter(
    (a) => isLive(a) && a.sessionId === session.id,
  );
  const credited = attendance.reduce((sum, a) => sum + a.hoursCredited, 0);
  const totalHours = sessionTotalHours(session.days, settings.minutesPerClassHour);
  const hours = credited > 0 ? Math.min(credited, totalHours) : old.snapshot.hours;
  const assessment = (await findEnrollment(ctx, session.id, person.id))?.assessment;

  const [number] = await reserveNumbers(ctx, issue, 1);
  const replacement = await prepareCertificate(
    ctx,
    issue,
    number!,
    {
      person,
      session,
      course,
      hours,
      ...(assessment
        ? {
            assessment: {
              passed: assessment.passed,
              ...(assessment.score !== undefined ? { score: assessment.score } : {}),
            },
          }
        : {}),
    },
    { replacesId: old.id },
  );

  return db.transaction('rw', [db.certificates, db.auditLog], async () => {
    const before = await db.certificates.get(id);
    if (!isLive(before) || before.status !== 'valid') throw new CertificateStateError('already-voided');
    const voided = stampUpdate(ctx, before, {
      status: 'voided',
      voidReason: why,
      voidedAt: ctx.now().toISOString(),
      replacedById: replacement.id,
    });
    await db.certificates.put(voided);
    await db.certificates.add(replacement);
    await audit(ctx, 'certificates', 'update', before, voided);
    await audit(ctx, 'certificates', 'create', undefined, replacement);
    return { voided, replacement };
  });
}

export interface VerificationResult {
  answer: VerificationAnswer;
  /** The record, when the number is on file (also for a forgery: the holder's real record is what to compare with). */
  certificate?: Certificate;
  /** For a voided certificate: the one that replaced it, if any. */
  replacement?: Certificate;
}

/** Answers the verify screen: looks up the number and checks the code, the record's signature and its hash. */
export async function verifyCertificate(
  ctx: DbContext,
  numberInput: string,
  codeInput: string,
): Promise<VerificationResult> {
  const parsed = parseCertificateNumber(numberInput);
  if (!parsed.ok) {
    return {
      answer: decideVerification({
        number: parsed.error === 'format' ? 'malformed' : 'check',
        found: false,
        codeMatches: false,
        signatureMatches: false,
        hashMatches: false,
      }),
    };
  }
  const certificate = (await ctx.db.certificates.where('number').equals(parsed.number).toArray()).find((c) =>
    isLive(c),
  );
  if (!certificate) {
    const answer = decideVerification({
      number: 'ok',
      found: false,
      codeMatches: false,
      signatureMatches: false,
      hashMatches: false,
    });
    return { answer };
  }
  const { snapshot } = certificate;
  const { verificationSecret } = await getAppSettings(ctx.db);
  const payload = verificationCodePayload(
    snapshot.number,
    snapshot.personName,
    snapshot.idNumberMasked,
    snapshot.hours,
  );
  const [signatureMatches, hash] = await Promise.all([
    verifyCertificateCode(verificationSecret, payload, snapshot.verificationCode),
    sha256Hex(canonicalJson(snapshot)),
  ]);
  const answer = decideVerification({
    number: 'ok',
    found: true,
    codeMatches: sameCode(codeInput, snapshot.verificationCode),
    signatureMatches,
    hashMatches: hash === certificate.snapshotHash && snapshot.number === certificate.number,
    status: certificate.status,
  });
  const replacement = certificate.replacedById
    ? await ctx.db.certificates.get(certificate.replacedById)
    : undefined;
  return { answer, certificate, ...(isLive(replacement) ? { replacement } : {}) };
}

/** The typed code compared with the printed one as people type it (case, spaces, I/L/O for 1/1/0). */
function sameCode(typed: string, printed: string): boolean {
  const norm = (s: string) =>
    s.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replaceAll('O', '0');
  return norm(typed) === norm(printed);
}

export async function getCertificates(ctx: DbContext, ids: string[]): Promise<Certificate[]> {
  return (await ctx.db.certificates.bulkGet(ids)).filter((c) => isLive(c));
}

export async function getCertificate(ctx: DbContext, id: string): Promise<Certificate | undefined> {
  const certificate = await ctx.db.certificates.get(id);
  return isLive(certificate) ? certificate : undefined;
}

export async function listCertificates(ctx: DbContext): Promise<Certificate[]> {
  return (await ctx.db.certificates.orderBy('issuedAt').reverse().toArray()).filter((c) => isLive(c));
}
