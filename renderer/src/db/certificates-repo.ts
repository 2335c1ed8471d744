import type { DbContext } from './context';
import { audit, isLive, stampNew } from './context';
import type { Certificate, CertificateKind, CertificateSnapshot } from './records';
import { sessionRoster } from './enrollments-repo';
import { getAppSettings, getDeviceSettings } from './settings-repo';
import { toLocalIsoDate } from '../domain/calendar';
import { formatCertificateNumber } from '../domain/certificate-number';
import { certificateVerificationCode } from '../domain/verification-code';
import { maskIdNumber } from '../domain/resident-id';
import { sessionTotalHours } from '../domain/session-days';
import { isEligibleForCertificate } from '../domain/certificate-eligibility';
import { canonicalJson, sha256Hex } from '../domain/canonical-hash';

export interface IssueOutcome {
  issued: Certificate[];
  /** Enrolled people who were not eligible (not enough hours) and got nothing. */
  notEligible: number;
  /** Already held a valid certificate for this session. */
  alreadyIssued: number;
}

export class SettingsIncompleteError extends Error {
  constructor(readonly missing: 'issuing-body') {
    super(`settings incomplete: ${missing}`);
  }
}

/** Text in the QR code: ASCII only, so that a keyboard-wedge scanner types it back exactly. */
export function verifyPayload(number: string, code: string): string {
  return `ST1|${number}|${code}`;
}

/**
 * Issues certificates to everyone in a session who earned one. Numbers come from a per-device counter that
 * only moves forward: they are reserved in one transaction, the frozen snapshots are hashed and signed outside
 * it (Web Crypto is asynchronous and would end an IndexedDB transaction), and the certificates are written in a
 * second transaction. An interruption between the two leaves a gap in the sequence, never a duplicate.
 */
export async function issueCertificates(ctx: DbContext, sessionId: string): Promise<IssueOutcome> {
  const { db } = ctx;
  const settings = await getAppSettings(db);
  if (!settings.issuingBody.trim()) throw new SettingsIncompleteError('issuing-body');
  const device = await getDeviceSettings(db);
  if (!device) throw new Error('device settings missing');
  const session = await db.sessions.get(sessionId);
  if (!isLive(session)) throw new Error(`session ${sessionId} not found`);
  const course = await db.courses.get(session.courseId);
  if (!course) throw new Error(`course ${session.courseId} not found`);

  const roster = await sessionRoster(ctx, sessionId);
  const totalHours = sessionTotalHours(session.days, settings.minutesPerClassHour);
  const alreadyIssued = roster.filter((r) => r.certificate).length;
  const candidates = roster.filter(
    (r) =>
      !r.certificate &&
      isEligibleForCertificate({
        hoursCredited: r.hoursCredited,
        sessionHours: totalHours,
        minShare: settings.attendanceRules.minShareForCredit,
      }),
  );
  const notEligible = roster.length - alreadyIssued - candidates.length;
  if (candidates.length === 0) return { issued: [], notEligible, alreadyIssued };

  const issuedAt = ctx.now();
  const year = issuedAt.getFullYear();
  const counterId = `certificate:${settings.certificatePrefix}:${year}:${device.deviceCode}`;
  const firstSequence = await db.transaction('rw', db.counters, async () => {
    const current = (await db.counters.get(counterId))?.value ?? 0;
    await db.counters.put({ id: counterId, value: current + candidates.length });
    return current + 1;
  });

  const kind: CertificateKind = course.audience === 'worker' ? 'attendance' : 'qualification';
  const issuedOn = toLocalIsoDate(issuedAt);
  const prepared: Certificate[] = [];
  for (const [i, row] of candidates.entries()) {
    const number = formatCertificateNumber({
      prefix: settings.certificatePrefix,
      year,
      deviceCode: device.deviceCode,
      sequence: firstSequence + i,
    });
    const idNumberMasked = maskIdNumber(row.person.idNumber);
    const hours = Math.min(row.hoursCredited, totalHours);
    const verificationCode = await certificateVerificationCode(
      settings.verificationSecret,
      [number, row.person.name, idNumberMasked, hours].join('|'),
    );
    const snapshot: CertificateSnapshot = {
      kind,
      number,
      verificationCode,
      personName: row.person.name,
      idNumberMasked,
      courseName: session.title?.trim() || course.name,
      courseOutline: course.outline,
      hours,
      dates: session.days.map((d) => d.date),
      issuingBody: settings.issuingBody.trim(),
      issuedOn,
      verifyPayload: verifyPayload(number, verificationCode),
    };
    prepared.push(
      stampNew<Certificate>(ctx, {
        number,
        personId: row.person.id,
        sessionId,
        courseId: course.id,
        status: 'valid',
        issuedAt: issuedAt.toISOString(),
        snapshot,
        snapshotHash: await sha256Hex(canonicalJson(snapshot)),
      }),
    );
  }

  const issued = await db.transaction('rw', [db.certificates, db.auditLog], async () => {
    const written: Certificate[] = [];
    for (const certificate of prepared) {
      // Re-checked inside the write: a second click meanwhile must not give anyone two certificates.
      const held = (await db.certificates.where('sessionId').equals(sessionId).toArray()).some(
        (c) => isLive(c) && c.status === 'valid' && c.personId === certificate.personId,
      );
      if (held) continue;
      await db.certificates.add(certificate);
      await audit(ctx, 'certificates', 'create', undefined, certificate);
      written.push(certificate);
    }
    return written;
  });
  return { issued, notEligible, alreadyIssued: alreadyIssued + (prepared.length - issued.length) };
}

export async function getCertificates(ctx: DbContext, ids: string[]): Promise<Certificate[]> {
  return (await ctx.db.certificates.bulkGet(ids)).filter((c) => isLive(c));
}

export async function listCertificates(ctx: DbContext): Promise<Certificate[]> {
  return (await ctx.db.certificates.orderBy('issuedAt').reverse().toArray()).filter((c) => isLive(c));
}
