import { validityEnd } from './certificate-validity';
import { maskIdNumber } from './resident-id';

export type CertificateKind = 'attendance' | 'qualification';
export type CertificatePageSize = 'A4' | 'A5';

/** The title printed for a kind when the template does not name one (and on certificates issued before it could). */
export const DEFAULT_CERTIFICATE_TITLES: Readonly<Record<CertificateKind, string>> = {
  attendance: '安全生产培训证明',
  qualification: '安全培训合格证明',
};

/**
 * Everything printed on a certificate, frozen at issue so that a reprint is the same document forever. The fields
 * marked optional were added after the first certificates were issued: a snapshot without them prints as those
 * did (default title, A4, no seal image, no signature line), and its hash still verifies because canonical JSON
 * leaves absent fields out.
 */
export interface CertificateSnapshot {
  kind: CertificateKind;
  number: string;
  verificationCode: string;
  personName: string;
  idNumberMasked: string;
  courseName: string;
  courseOutline: string;
  hours: number;
  /** Training dates, YYYY-MM-DD. */
  dates: string[];
  issuingBody: string;
  issuedOn: string;
  /** Text encoded in the QR code. */
  verifyPayload: string;
  /** Validity (自...至...), YYYY-MM-DD, where the course defines one. */
  validFrom?: string;
  validUntil?: string;
  /** The printed title (培训证明 / 培训合格证明 as the template named it). */
  title?: string;
  pageSize?: CertificatePageSize;
  /** Text under the issuing body, e.g. 负责人签字：________. */
  signatureLine?: string;
  /** SHA-256 (hex) of the seal PNG, stored once as a content-addressed settings record; absent: no seal image. */
  sealHash?: string;
  /** The assessment result (qualification certificates), where one was recorded. */
  assessment?: { passed: boolean; score?: number };
}

/** The template a certificate is issued with: frozen into each snapshot. */
export interface CertificateTemplate {
  issuingBody: string;
  titles: Record<CertificateKind, string>;
  pageSize: CertificatePageSize;
  signatureLine: string;
  sealHash?: string;
}

export interface SnapshotInput {
  kind: CertificateKind;
  number: string;
  verificationCode: string;
  person: { name: string; idNumber: string };
  /** The name printed: the session's title or the course's name. */
  courseName: string;
  courseOutline: string;
  validityMonths?: number;
  hours: number;
  dates: readonly string[];
  issuedOn: string;
  template: CertificateTemplate;
  assessment?: { passed: boolean; score?: number };
}

/** Text in the QR code: ASCII only, so that a keyboard-wedge scanner types it back exactly. */
export function verifyPayload(number: string, code: string): string {
  return `ST1|${number}|${code}`;
}

/** What the verification code signs: the number and what identifies the holder and the training. */
export function verificationCodePayload(
  number: string,
  personName: string,
  idNumberMasked: string,
  hours: number,
): string {
  return [number, personName, idNumberMasked, hours].join('|');
}

/** The kind a course's audience receives: workers a 培训证明, principals and safety officers a 培训合格证明. */
export function certificateKindFor(audience: string): CertificateKind {
  return audience === 'worker' ? 'attendance' : 'qualification';
}

/**
 * The frozen record of one certificate. Validity runs from the day of issue for the course's validityMonths;
 * the assessment is kept only on qualification certificates (the attendance certificate's text has no place
 * for it). Blank template fields fall back to the default title and leave the signature line out.
 */
export function buildCertificateSnapshot(input: SnapshotInput): CertificateSnapshot {
  const { template, kind } = input;
  const idNumberMasked = maskIdNumber(input.person.idNumber);
  const title = template.titles[kind].trim() || DEFAULT_CERTIFICATE_TITLES[kind];
  const signatureLine = template.signatureLine.trim();
  const months = input.validityMonths;
  const validity =
    months !== undefined && months > 0
      ? { validFrom: input.issuedOn, validUntil: validityEnd(input.issuedOn, months) }
      : {};
  const assessment =
    kind === 'qualification' && input.assessment
      ? {
          passed: input.assessment.passed,
          ...(input.assessment.score !== undefined ? { score: input.assessment.score } : {}),
        }
      : undefined;
  return {
    kind,
    title,
    number: input.number,
    verificationCode: input.verificationCode,
    personName: input.person.name.trim(),
    idNumberMasked,
    courseName: input.courseName.trim(),
    courseOutline: input.courseOutline.trim(),
    hours: input.hours,
    dates: [...input.dates],
    issuingBody: template.issuingBody.trim(),
    issuedOn: input.issuedOn,
    verifyPayload: verifyPayload(input.number, input.verificationCode),
    pageSize: template.pageSize,
    ...validity,
    ...(signatureLine ? { signatureLine } : {}),
    ...(template.sealHash ? { sealHash: template.sealHash } : {}),
    ...(assessment ? { assessment } : {}),
  };
}
