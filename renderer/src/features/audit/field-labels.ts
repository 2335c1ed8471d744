import type { MessageKey, Translate } from '../../i18n/i18n';

/**
 * Fields of records named in words, for the audit log and the sync conflicts, which list changes field by field.
 * A field without a name here (a new one, or an internal one) is shown as it is stored rather than hidden.
 */
const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  name: 'field.name',
  idNumber: 'field.idNumber',
  idType: 'field.idType',
  birthDate: 'field.birthDate',
  gender: 'field.gender',
  phone: 'field.phone',
  enterpriseId: 'field.enterpriseId',
  role: 'field.role',
  trade: 'field.trade',
  homeRegion: 'field.homeRegion',
  creditCode: 'field.creditCode',
  town: 'field.town',
  industry: 'field.industry',
  aboveDesignatedSize: 'field.aboveDesignatedSize',
  contactName: 'field.contactName',
  contactPhone: 'field.contactPhone',
  address: 'field.address',
  principalId: 'field.principalId',
  safetyOfficerIds: 'field.safetyOfficerIds',
  audience: 'field.audience',
  kind: 'field.kind',
  hours: 'field.hours',
  outline: 'field.outline',
  validityMonths: 'field.validityMonths',
  assessmentRequired: 'field.assessmentRequired',
  passScore: 'field.passScore',
  courseId: 'field.courseId',
  title: 'field.title',
  days: 'field.days',
  startDate: 'field.startDate',
  venue: 'field.venue',
  instructor: 'field.instructor',
  capacity: 'field.capacity',
  status: 'field.status',
  completedAt: 'field.completedAt',
  hostEnterpriseId: 'field.hostEnterpriseId',
  sessionId: 'field.sessionId',
  personId: 'field.personId',
  walkIn: 'field.walkIn',
  assessment: 'field.assessment',
  date: 'field.date',
  checkInAt: 'field.checkInAt',
  checkOutAt: 'field.checkOutAt',
  hoursCredited: 'field.hoursCredited',
  source: 'field.source',
  note: 'field.note',
  number: 'field.number',
  voidReason: 'field.voidReason',
  voidedAt: 'field.voidedAt',
  replacesId: 'field.replacesId',
  replacedById: 'field.replacedById',
  validUntil: 'field.validUntil',
  issuedAt: 'field.issuedAt',
  deletedAt: 'field.deletedAt',
};

/** The name of a record's field in the UI language: a person's `name` is 姓名, any other record's 名称. */
export function fieldLabel(t: Translate, table: string, field: string): string {
  if (field === 'name' && table === 'people') return t('field.personName');
  const key = Object.hasOwn(FIELD_KEYS, field) ? FIELD_KEYS[field] : undefined;
  return key ? t(key) : field;
}
