import type { SessionDay } from '../renderer/src/domain/session-days';
import type { AttendanceStatus } from '../renderer/src/domain/attendance';
import type { Audience, TrainingKind } from '../renderer/src/domain/hour-rules';
import { buildResidentId, maskIdNumber } from '../renderer/src/domain/resident-id';
import { buildCreditCode } from '../renderer/src/domain/credit-code';
import { nameInitials } from '../renderer/src/domain/name-initials';
import { formatCertificateNumber } from '../renderer/src/domain/certificate-number';
import { certificateVerificationCode } from '../renderer/src/domain/verification-code';
import { canonicalJson, sha256Hex } from '../renderer/src/domain/canonical-hash';
import { DEFAULT_ATTENDANCE_RULES } from '../renderer/src/domain/attendance';
import { DEFAULT_HOUR_RULES, DEFAULT_MINUTES_PER_CLASS_HOUR } from '../renderer/src/domain/hour-rules';
import { hash32, mulberry32, seededUuid } from './prng';
import type { BenchSize } from './sizes';

/**
 * The benchmark's district, record by record, as pure functions of (size, index): any record can be rebuilt
 * without the others, so the harness writes it in chunks and the runner knows who is enrolled where without
 * reading the database. Records are shaped exactly as the app writes them (db/records.ts), with valid ID numbers
 * and credit codes, so the app opens the seeded database without an upgrade and every screen works on it.
 */

export const SEED_DEVICE_ID = '00000000-0000-4000-8000-00000000be4c';
export const SEED_DEVICE_CODE = 'BX';
export const SEED_PREFIX = 'AX';
export const SEED_ISSUING_BODY = '示范区应急管理局';
// Fixed so that verification codes are the same in every seeding (the app's secret is random per install).
export const SEED_SECRET = 'be4c'.repeat(16);
const SEEDED_AT = '2026-01-01T00:00:00.000Z';
const FIRST_SESSION_DAY = Date.UTC(2023, 11, 1);
const SESSION_SPAN_DAYS = 1090;
const DAY_MS = 86_400_000;
/** The check-in station's session: planned, ten days, enrolled but not yet attended. */
export const STATION_DAYS = 10;
const STATION_FIRST_DAY = Date.UTC(2026, 11, 1);

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红春梅兰海波宁斌鹏飞翔宇浩';
const HOME_REGIONS = ['341225', '511321', '500235', '520502', '342221', '411627', '320412', '341222'];
const TOWNS = ['东湖街道', '青山镇', '柳桥镇', '新港街道', '白塔镇', '石门镇', '西岭街道', '南塘镇'];
// Two-character words, so that every combination reads back to one index (names are unique).
const NAME_PLACES = [
  '宏达',
  '青山',
  '柳桥',
  '新港',
  '白塔',
  '石门',
  '西岭',
  '南塘',
  '金桥',
  '华信',
  '恒泰',
  '永安',
];
const NAME_CORES = ['建筑', '化工', '五金', '物流', '冶炼', '机械', '电力', '纺织', '食品', '包装'];
const NAME_KINDS = [
  '有限公司',
  '股份有限公司',
  '制品厂',
  '工程有限公司',
  '实业有限公司',
  '科技有限公司',
  '集团有限公司',
  '加工厂',
];
const INDUSTRIES = ['construction', 'hazardous-chemicals', 'manufacturing', 'transport', 'metal-smelting'];
const TRADES = ['钢筋工', '木工', '架子工', '电焊工', '普工', '混凝土工', '电工', '叉车司机', '质检员'];
const VENUES = [
  '区应急管理局三楼培训室',
  '宏达建筑东湖项目部会议室',
  '柳桥五金制品厂职工食堂',
  '新港物流培训中心',
];
const INSTRUCTORS = ['周志明', '林海波', '陈静', '王建国'];
const BASE31 = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const TAG = {
  enterprise: 1,
  person: 2,
  course: 3,
  session: 4,
  enrollment: 5,
  attendance: 6,
  certificate: 7,
  station: 8,
} as const;

function meta(tag: number, index: number) {
  return { id: seededUuid(tag, index), createdAt: SEEDED_AT, updatedAt: SEEDED_AT, deviceId: SEED_DEVICE_ID };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const initialsCache = new Map<string, string[]>();
function initialsOf(name: string): string[] {
  let found = initialsCache.get(name);
  if (!found) {
    found = nameInitials(name);
    initialsCache.set(name, found);
  }
  return found;
}

// Pairs of the bijection index -> (birth day, sequence): 14,000 birth days (1966 to 2004) times sequence blocks.
const BIRTH_DAYS = 14_000;
const FIRST_BIRTH_DAY = Date.UTC(1966, 0, 1);

/** The ID number of person `index`: unique for every index below 14,000 * 499 by construction. */
export function personIdNumber(index: number): string {
  const random = mulberry32(hash32(TAG.person, index));
  const birthDate = isoDay(FIRST_BIRTH_DAY + ((index * 7919) % BIRTH_DAYS) * DAY_MS);
  const sequence = 2 * Math.floor(index / BIRTH_DAYS) + 1 + (random() < 0.3 ? 1 : 0);
  const region = HOME_REGIONS[Math.floor(random() * HOME_REGIONS.length)]!;
  return buildResidentId(region, birthDate, sequence);
}

export function personId(index: number): string {
  return seededUuid(TAG.person, index);
}

export function enterpriseId(index: number): string {
  return seededUuid(TAG.enterprise, index);
}

export function courseId(index: number): string {
  return seededUuid(TAG.course, index);
}

export function sessionId(index: number): string {
  return seededUuid(TAG.session, index);
}

/** The check-in station's session id (one per size). */
export const STATION_SESSION_ID = seededUuid(TAG.station, 0);

type PersonRole = 'worker' | 'principal' | 'safety-officer';

function roleOf(size: BenchSize, index: number): PersonRole {
  if (index < size.enterprises) return 'principal';
  if (index < 2 * size.enterprises) return 'safety-officer';
  return 'worker';
}

/**
 * Person `index`. Indexes at and beyond `size.people` are people not in the register (the import figure's rows).
 */
export function personAt(size: BenchSize, index: number) {
  const random = mulberry32(hash32(TAG.person, index) ^ 0x5eed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const name = pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.5 ? pick([...GIVEN]) : '');
  const idNumber = personIdNumber(index);
  const phone = `1${pick(['38', '39', '58', '87', '35', '86'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
  const role = roleOf(size, index);
  return {
    ...meta(TAG.person, index),
    name,
    idNumber,
    idType: 'resident-id' as const,
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    gender: Number(idNumber[16]) % 2 === 1 ? ('M' as const) : ('F' as const),
    phone,
    enterpriseId: enterpriseId(index % size.enterprises),
    role,
    ...(role === 'worker' ? { trade: pick(TRADES) } : {}),
    homeRegion: idNumber.slice(0, 6),
    nameInitials: initialsOf(name),
  };
}

export function enterpriseAt(size: BenchSize, index: number) {
  const random = mulberry32(hash32(TAG.enterprise, index));
  const place = NAME_PLACES.length;
  const core = NAME_CORES.length;
  // A mixed-radix reading of the index: names are unique for every index below places * cores * kinds.
  const name =
    NAME_PLACES[index % place]! +
    NAME_PLACES[Math.floor(index / place) % place]! +
    NAME_CORES[Math.floor(index / (place * place)) % core]! +
    NAME_KINDS[Math.floor(index / (place * place * core)) % NAME_KINDS.length]!;
  let serial = '';
  for (let n = index, i = 0; i < 9; i++, n = Math.floor(n / 31)) serial = BASE31[n % 31]! + serial;
  return {
    ...meta(TAG.enterprise, index),
    name,
    creditCode: buildCreditCode(`91320412${serial}`),
    town: TOWNS[index % TOWNS.length]!,
    industry: INDUSTRIES[Math.floor(random() * INDUSTRIES.length)]!,
    aboveDesignatedSize: random() < 0.3,
    contactName:
      SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN[Math.floor(random() * GIVEN.length)]!,
    contactPhone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    principalId: personId(index),
    safetyOfficerIds: [personId(size.enterprises + index)],
  };
}

export function coursesOf() {
  const specs: Array<{
    name: string;
    audience: Audience;
    kind: TrainingKind;
    hours: number;
    outline: string;
    validityMonths?: number;
  }> = [
    {
      name: '农民工安全生产知识培训',
      audience: 'worker',
      kind: 'initial',
      hours: 8,
      outline: '安全生产法律法规常识\n施工现场危险源辨识\n个人防护用品的正确使用\n事故应急与自救互救',
    },
    {
      name: '建筑施工现场安全培训',
      audience: 'worker',
      kind: 'initial',
      hours: 8,
      outline: '高处作业安全\n临时用电安全\n起重吊装安全',
    },
    {
      name: '生产经营单位主要负责人安全培训（再培训）',
      audience: 'principal',
      kind: 'refresher',
      hours: 8,
      outline: '安全生产方针政策与法律法规\n重大危险源管理与应急救援\n典型事故案例分析',
      validityMonths: 36,
    },
    {
      name: '安全生产管理人员再培训',
      audience: 'safety-officer',
      kind: 'refresher',
      hours: 8,
      outline: '新颁布的法律法规与标准\n安全生产新技术新工艺\n事故案例分析',
      validityMonths: 12,
    },
  ];
  return specs.map((spec, i) => ({ ...meta(TAG.course, i), ...spec }));
}

function sessionDays(size: BenchSize, index: number): SessionDay[] {
  const first = FIRST_SESSION_DAY + Math.floor((index * SESSION_SPAN_DAYS) / size.sessions) * DAY_MS;
  return [0, 1].map((d) => ({ date: isoDay(first + d * DAY_MS), start: '09:00', end: '12:00' }));
}

export function sessionAt(size: BenchSize, index: number) {
  const random = mulberry32(hash32(TAG.session, index));
  const days = sessionDays(size, index);
  return {
    ...meta(TAG.session, index),
    courseId: courseId(index % 4),
    days,
    startDate: days[0]!.date,
    venue: VENUES[Math.floor(random() * VENUES.length)]!,
    instructor: INSTRUCTORS[Math.floor(random() * INSTRUCTORS.length)]!,
    capacity: 30,
    status: 'completed' as const,
    completedAt: `${days[1]!.date}T06:00:00.000Z`,
  };
}

/** The planned session the check-in figures use: ten days from 2026-12-01, `stationEnrolled` people enrolled. */
export function stationSession() {
  const days = Array.from({ length: STATION_DAYS }, (_, d) => ({
    date: isoDay(STATION_FIRST_DAY + d * DAY_MS),
    start: '08:30',
    end: '17:30',
  }));
  return {
    ...meta(TAG.station, 0),
    courseId: courseId(0),
    title: '基准测试签到班',
    days,
    startDate: days[0]!.date,
    venue: VENUES[0]!,
    instructor: INSTRUCTORS[0]!,
    capacity: 100_000,
    status: 'planned' as const,
  };
}

/** The person index of the k-th enrolled in session `index` (distinct within a session). */
export function enrolledPerson(size: BenchSize, index: number, k: number): number {
  return (index * size.enrolledPerSession + k) % size.people;
}

/** The person index of the k-th enrolled in the station session (37 is prime to every size's people count). */
export function stationPerson(size: BenchSize, k: number): number {
  return (k * 37) % size.people;
}

export function enrollmentsOf(size: BenchSize, index: number) {
  return Array.from({ length: size.enrolledPerSession }, (_, k) => ({
    ...meta(TAG.enrollment, index * size.enrolledPerSession + k),
    sessionId: sessionId(index),
    personId: personId(enrolledPerson(size, index, k)),
    walkIn: false,
    status: 'enrolled' as const,
  }));
}

export function stationEnrollments(size: BenchSize) {
  return Array.from({ length: size.stationEnrolled }, (_, k) => ({
    ...meta(TAG.station, k + 1),
    sessionId: STATION_SESSION_ID,
    personId: personId(stationPerson(size, k)),
    walkIn: false,
    status: 'enrolled' as const,
  }));
}

/** Two days of attendance for everyone enrolled; those who get certificates were there both days. */
export function attendanceOf(size: BenchSize, index: number) {
  const session = sessionAt(size, index);
  const hours = (3 * 60) / DEFAULT_MINUTES_PER_CLASS_HOUR;
  const records: Array<
    ReturnType<typeof meta> & {
      sessionId: string;
      personId: string;
      date: string;
      status: AttendanceStatus;
      checkInAt?: string;
      hoursCredited: number;
      source: 'scan';
    }
  > = [];
  for (let k = 0; k < size.enrolledPerSession; k++) {
    const random = mulberry32(hash32(TAG.attendance, index * size.enrolledPerSession + k));
    for (const [d, day] of session.days.entries()) {
      const draw = k < size.certificatesPerSession ? 0 : random();
      const status: AttendanceStatus = draw < 0.85 ? 'present' : draw < 0.93 ? 'late' : 'absent';
      const minute = status === 'late' ? 35 + Math.floor(random() * 20) : Math.floor(random() * 20);
      records.push({
        ...meta(TAG.attendance, (index * size.enrolledPerSession + k) * 2 + d),
        sessionId: session.id,
        personId: personId(enrolledPerson(size, index, k)),
        date: day.date,
        status,
        ...(status === 'absent'
          ? {}
          : { checkInAt: `${day.date}T00:${String(40 + (minute % 20)).padStart(2, '0')}:00.000Z` }),
        hoursCredited: status === 'absent' ? 0 : hours,
        source: 'scan' as const,
      });
    }
  }
  return records;
}

/** The global sequence of certificate `k` of session `index` (1-based, increasing with the session's date). */
function certificateSequence(size: BenchSize, index: number, k: number): number {
  return index * size.certificatesPerSession + k + 1;
}

/** Certificates of session `index`, frozen, numbered, signed and hashed as certificates-repo issues them. */
export async function certificatesOf(size: BenchSize, index: number) {
  const session = sessionAt(size, index);
  const course = coursesOf()[index % 4]!;
  const issuedOn = session.days[1]!.date;
  const year = Number(issuedOn.slice(0, 4));
  const hours = (2 * 3 * 60) / DEFAULT_MINUTES_PER_CLASS_HOUR;
  const validUntil = course.validityMonths
    ? `${year + Math.floor(course.validityMonths / 12)}${issuedOn.slice(4)}`
    : undefined;
  return Promise.all(
    Array.from({ length: size.certificatesPerSession }, async (_, k) => {
      const person = personAt(size, enrolledPerson(size, index, k));
      const number = formatCertificateNumber({
        prefix: SEED_PREFIX,
        year,
        deviceCode: SEED_DEVICE_CODE,
        sequence: certificateSequence(size, index, k),
      });
      const idNumberMasked = maskIdNumber(person.idNumber);
      const verificationCode = await certificateVerificationCode(
        SEED_SECRET,
        [number, person.name, idNumberMasked, hours].join('|'),
      );
      const snapshot = {
        kind: course.audience === 'worker' ? ('attendance' as const) : ('qualification' as const),
        number,
        verificationCode,
        personName: person.name,
        idNumberMasked,
        courseName: course.name,
        courseOutline: course.outline,
        hours,
        dates: session.days.map((d) => d.date),
        issuingBody: SEED_ISSUING_BODY,
        issuedOn,
        verifyPayload: `ST1|${number}|${verificationCode}`,
        ...(validUntil ? { validFrom: issuedOn, validUntil } : {}),
      };
      return {
        ...meta(TAG.certificate, index * size.certificatesPerSession + k),
        number,
        personId: person.id,
        sessionId: session.id,
        courseId: course.id,
        status: 'valid' as const,
        ...(validUntil ? { validUntil } : {}),
        issuedAt: `${issuedOn}T06:00:00.000Z`,
        snapshot,
        snapshotHash: await sha256Hex(canonicalJson(snapshot)),
      };
    }),
  );
}

/** The per-year certificate counters, so that certificates issued later never reuse a seeded number. */
export function certificateCounters(size: BenchSize): Array<{ id: string; value: number }> {
  const last = new Map<number, number>();
  for (let index = 0; index < size.sessions; index++) {
    const year = Number(sessionAt(size, index).days[1]!.date.slice(0, 4));
    last.set(year, certificateSequence(size, index, size.certificatesPerSession - 1));
  }
  return [...last].map(([year, value]) => ({
    id: `certificate:${SEED_PREFIX}:${year}:${SEED_DEVICE_CODE}`,
    value,
  }));
}

/** The installation's identity and the shared settings, as db/settings-repo keeps them. */
export function settingsRecords() {
  const stamps = { createdAt: SEEDED_AT, updatedAt: SEEDED_AT, deviceId: SEED_DEVICE_ID };
  return [
    { id: 'device', value: { deviceId: SEED_DEVICE_ID, deviceCode: SEED_DEVICE_CODE }, ...stamps },
    {
      id: 'app',
      value: {
        issuingBody: SEED_ISSUING_BODY,
        certificatePrefix: SEED_PREFIX,
        verificationSecret: SEED_SECRET,
        minutesPerClassHour: DEFAULT_MINUTES_PER_CLASS_HOUR,
        attendanceRules: { ...DEFAULT_ATTENDANCE_RULES },
        hourRules: DEFAULT_HOUR_RULES.map((rule) => ({ ...rule })),
      },
      ...stamps,
    },
  ];
}
