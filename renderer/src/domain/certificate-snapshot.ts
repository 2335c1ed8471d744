export type CertificateKind = 'attendance' | 'qualification';

/** Everything printed on a certificate, frozen at issue so that a reprint is the same document forever. */
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
}
