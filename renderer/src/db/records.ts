import type { CertificateSnapshot } from '../domain/certificate-snapshot';
import type { Audience, TrainingKind } from '../domain/hour-rules';
import type { AttendanceStatus } from '../domain/attendance';
import type { SessionDay } from '../domain/session-days';
import type { IdDocumentType } from '../domain/id-document';

/**
 * What every stored record carries so that data written on two machines (the office PC and a site laptop) can
 * be merged later by id, newest change first, without guessing: a UUID, timestamps, the writing device, and a
 * tombstone instead of a delete.
 */
export interface RecordMeta {
  id: string;
  /** ISO 8601 instant. */
  createdAt: string;
  /** ISO 8601 instant; also the merge clock (newest wins). */
  updatedAt: string;
  /** The device (installation) that wrote this version. */
  deviceId: string;
  /** Tombstone: set when deleted; the record stays so that the deletion travels to other machines. */
  deletedAt?: string;
}

export interface Enterprise extends RecordMeta {
  name: string;
  /** Unified social credit code, normalised; optional because small sites often lack one on the roster. */
  creditCode?: string;
  town?: string;
  /** Industry code from domain/hour-rules INDUSTRIES. */
  industry?: string;
  aboveDesignatedSize?: boolean;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  /** The principal (主要负责人): a person in the register, who may lead several enterprises (a group and its branches). */
  principalId?: string;
  /** The safety officers (安全生产管理人员), people in the register. */
  safetyOfficerIds?: string[];
}

export type PersonRole = 'worker' | 'principal' | 'safety-officer';
export type { IdDocumentType } from '../domain/id-document';

export interface Person extends RecordMeta {
  name: string;
  /** Normalised document number; for resident IDs the 18-character form. Personal data: masked on screen. */
  idNumber: string;
  idType: IdDocumentType;
  /** YYYY-MM-DD, derived from the resident ID; entered by hand for other documents. */
  birthDate?: string;
  gender?: 'M' | 'F';
  phone?: string;
  enterpriseId?: string;
  role: PersonRole;
  trade?: string;
  /** The 6-digit region code of the ID (home region). */
  homeRegion?: string;
  /**
   * Pinyin initials of the name for search (`ZSF` for 张三丰; see domain/name-initials). Derived: the database
   * layer sets it on every write of a person (db/people-search.ts), so writers need not.
   */
  nameInitials?: string[];
}

export interface Course extends RecordMeta {
  name: string;
  audience: Audience;
  kind: TrainingKind;
  /** Class hours (学时) the course is planned for. */
  hours: number;
  /** Main content, one topic per line; printed on certificates. */
  outline: string;
  /** Months a certificate stays valid, where the course defines it. */
  validityMonths?: number;
  /** An assessment (考核) must be passed for a certificate. */
  assessmentRequired?: boolean;
  /** The lowest passing score, where scores are kept (passing may also be entered directly). */
  passScore?: number;
}

export type SessionStatus = 'planned' | 'completed' | 'cancelled';

export interface Session extends RecordMeta {
  courseId: string;
  /** Optional title; defaults to the course name on screens and printouts. */
  title?: string;
  /** One entry per day, sorted by date. */
  days: SessionDay[];
  /** First day's date (YYYY-MM-DD), kept as its own field so that sessions can be listed by date through an index. */
  startDate: string;
  venue: string;
  instructor: string;
  capacity: number;
  status: SessionStatus;
  completedAt?: string;
  /** The enterprise or site that hosts it, when training is given on site. */
  hostEnterpriseId?: string;
}

export interface Enrollment extends RecordMeta {
  sessionId: string;
  personId: string;
  /** Registered on the spot at the door rather than beforehand. */
  walkIn: boolean;
  status: 'enrolled' | 'cancelled';
  /** The assessment result for this session, where one was held. */
  assessment?: AssessmentResult;
}

/** 考核结果: a score where one was given, and whether it was passed (the decision the certificate depends on). */
export interface AssessmentResult {
  score?: number;
  passed: boolean;
  /** ISO instant when it was entered. */
  recordedAt: string;
}

export type AttendanceSource = 'scan' | 'manual' | 'sheet';

export interface Attendance extends RecordMeta {
  sessionId: string;
  personId: string;
  /** The session day (YYYY-MM-DD). */
  date: string;
  status: AttendanceStatus;
  checkInAt?: string;
  checkOutAt?: string;
  hoursCredited: number;
  source: AttendanceSource;
  /** Why a manual correction was made. */
  note?: string;
}

export type { CertificateKind, CertificateSnapshot } from '../domain/certificate-snapshot';

export interface Certificate extends RecordMeta {
  number: string;
  personId: string;
  sessionId: string;
  courseId: string;
  status: 'valid' | 'voided';
  voidReason?: string;
  /** ISO instant of the voiding. */
  voidedAt?: string;
  /** A re-issue names the voided certificate it corrects, and the voided one names its replacement. */
  replacesId?: string;
  replacedById?: string;
  /** Last day of validity (YYYY-MM-DD) where the course defines one: a copy of the snapshot's, kept indexed for reminders. */
  validUntil?: string;
  issuedAt: string;
  snapshot: CertificateSnapshot;
  /** SHA-256 of the canonical JSON of the snapshot, hex: shows that the frozen record was not altered. */
  snapshotHash: string;
}

/** Settings are a few named records (id = setting name) that still merge like everything else. */
export interface SettingRecord<T = unknown> extends RecordMeta {
  value: T;
}

/**
 * Two records of one person merged into one, kept so that the merge can be undone exactly. It names the records
 * it changed rather than copying them, so it holds no ID numbers.
 */
export interface PersonMerge extends RecordMeta {
  keptId: string;
  removedId: string;
  /** ISO instant of the merge. */
  at: string;
  /** Blank fields of the kept person filled from the removed one: field -> value before and after. */
  filled: Partial<Record<MergeFillField, { before?: string; after: string }>>;
  /** Enrollments, attendance and certificates whose personId moved from the removed to the kept person. */
  moved: Array<{ table: MergeMovedTable; id: string }>;
  /** Records of the removed person that duplicated one of the kept person's (same session, same day): tombstoned. */
  dropped: Array<{ table: MergeMovedTable; id: string }>;
  /** Enterprise links (principal, safety officers) that pointed at the removed person: before and after. */
  links: Array<{ enterpriseId: string; before: EnterpriseLinks; after: EnterpriseLinks }>;
  undoneAt?: string;
}

export type EnterpriseLinks = Pick<Enterprise, 'principalId' | 'safetyOfficerIds'>;
export type MergeFillField = 'phone' | 'enterpriseId' | 'trade' | 'birthDate' | 'gender' | 'homeRegion';
export type MergeMovedTable = 'enrollments' | 'attendance' | 'certificates';

export interface AuditEntry {
  id: string;
  at: string;
  deviceId: string;
  operator?: string;
  table: string;
  recordId: string;
  action: 'create' | 'update' | 'delete';
  /** Changed fields, with ID numbers masked. */
  changes?: Record<string, { before: unknown; after: unknown }>;
}

/** Per-device counters (certificate sequences) that must never go backwards. */
export interface Counter {
  id: string;
  value: number;
}
