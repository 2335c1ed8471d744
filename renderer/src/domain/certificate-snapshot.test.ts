import { describe, expect, it } from 'vitest';
import {
  buildCertificateSnapshot,
  certificateKindFor,
  type CertificateTemplate,
  type SnapshotInput,
} from './certificate-snapshot';

const TEMPLATE: CertificateTemplate = {
  issuingBody: ' 示范区应急管理局 ',
  titles: { attendance: '安全生产培训证明', qualification: '安全培训合格证明' },
  pageSize: 'A4',
  signatureLine: '',
};

const BASE: SnapshotInput = {
  kind: 'attendance',
  number: 'AX-2026-G2-000014-F',
  verificationCode: 'JF1DFFQE',
  person: { name: '张三', idNumber: '320402198001010663' },
  courseName: '农民工安全生产知识培训',
  courseOutline: '安全生产法律法规\n个人防护用品使用\n',
  hours: 4,
  dates: ['2026-03-10'],
  issuedOn: '2026-03-12',
  template: TEMPLATE,
};

describe('buildCertificateSnapshot', () => {
  it('an attendance certificate: masked ID, trimmed texts, QR payload, default layout, nothing optional', () => {
    expect(buildCertificateSnapshot(BASE)).toEqual({
      kind: 'attendance',
      title: '安全生产培训证明',
      number: 'AX-2026-G2-000014-F',
      verificationCode: 'JF1DFFQE',
      personName: '张三',
      idNumberMasked: '320402********0663',
      courseName: '农民工安全生产知识培训',
      courseOutline: '安全生产法律法规\n个人防护用品使用',
      hours: 4,
      dates: ['2026-03-10'],
      issuingBody: '示范区应急管理局',
      issuedOn: '2026-03-12',
      verifyPayload: 'ST1|AX-2026-G2-000014-F|JF1DFFQE',
      pageSize: 'A4',
    });
  });

  it.each<[string, Partial<SnapshotInput>, Record<string, unknown>]>([
    [
      'qualification with assessment and validity',
      { kind: 'qualification', validityMonths: 36, assessment: { passed: true, score: 86 } },
      { validFrom: '2026-03-12', validUntil: '2029-03-11', assessment: { passed: true, score: 86 } },
    ],
    [
      'qualification, pass entered without a score',
      { kind: 'qualification', assessment: { passed: true } },
      { assessment: { passed: true } },
    ],
    [
      'attendance drops the assessment',
      { assessment: { passed: true, score: 90 } },
      { assessment: undefined },
    ],
    [
      'validity of 0 months means none',
      { validityMonths: 0 },
      { validFrom: undefined, validUntil: undefined },
    ],
    [
      'template: A5, seal, signature, custom title',
      {
        template: {
          ...TEMPLATE,
          pageSize: 'A5',
          sealHash: 'ab'.repeat(32),
          signatureLine: ' 负责人签字： ',
          titles: { ...TEMPLATE.titles, attendance: '培训证明' },
        },
      },
      { pageSize: 'A5', sealHash: 'ab'.repeat(32), signatureLine: '负责人签字：', title: '培训证明' },
    ],
    [
      'a blank title falls back to the default of the kind',
      { kind: 'qualification', template: { ...TEMPLATE, titles: { attendance: '', qualification: '  ' } } },
      { title: '安全培训合格证明' },
    ],
  ])('%s', (_, patch, expected) => {
    const snapshot = buildCertificateSnapshot({ ...BASE, ...patch }) as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) expect(snapshot[key]).toEqual(value);
  });

  it('copies the dates, so later changes to the session do not reach the snapshot', () => {
    const dates = ['2026-03-10', '2026-03-11'];
    const snapshot = buildCertificateSnapshot({ ...BASE, dates });
    dates.push('2026-03-12');
    expect(snapshot.dates).toEqual(['2026-03-10', '2026-03-11']);
  });
});

describe('certificateKindFor', () => {
  it.each([
    ['worker', 'attendance'],
    ['principal', 'qualification'],
    ['safety-officer', 'qualification'],
  ])('%s -> %s', (audience, kind) => {
    expect(certificateKindFor(audience)).toBe(kind);
  });
});
