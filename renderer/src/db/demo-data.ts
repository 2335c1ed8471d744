import type { DbContext } from './context';
import { audit, stampNew } from './context';
import type { Attendance, Course, Enrollment, Enterprise, Person, Session } from './records';
import { completeSession } from './sessions-repo';
import { issueCertificates } from './certificates-repo';
import { getAppSettings, saveAppSettings } from './settings-repo';
import { toLocalIsoDate } from '../domain/calendar';
import { buildResidentId } from '../domain/resident-id';
import { buildCreditCode } from '../domain/credit-code';
import { classHoursForDay } from '../domain/attendance';
import type { SessionDay } from '../domain/session-days';

/** Small deterministic generator, so the demo district is the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红春梅兰海波宁斌鹏飞翔宇浩';
const HOME_REGIONS = ['341225', '511321', '500235', '520502', '342221', '411627', '320412', '341222'];
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function addDays(date: Date, days: number): string {
  return toLocalIsoDate(new Date(date.getFullYear(), date.getMonth(), date.getDate() + days));
}

interface DemoPlan {
  enterprises: Enterprise[];
  people: Person[];
  courses: Course[];
  sessions: Session[];
  enrollments: Enrollment[];
  attendance: Attendance[];
  completed: string[];
}

/** Builds a sample district relative to `today`: past sessions with attendance, one today, upcoming ones. */
export function buildDemoPlan(ctx: DbContext, minutesPerClassHour: number): DemoPlan {
  const random = seeded(20261129);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const today = ctx.now();

  const enterpriseSpecs: Array<[string, string, string, boolean]> = [
    ['示范区宏达建筑工程有限公司', '东湖街道', 'construction', true],
    ['青山精细化工有限公司', '青山镇', 'hazardous-chemicals', true],
    ['柳桥五金制品厂', '柳桥镇', 'manufacturing', false],
    ['新港物流有限公司', '新港街道', 'transport', false],
    ['白塔金属冶炼有限公司', '白塔镇', 'metal-smelting', true],
  ];
  const enterprises = enterpriseSpecs.map(([name, town, industry, above]) =>
    stampNew<Enterprise>(ctx, {
      name,
      town,
      industry,
      aboveDesignatedSize: above,
      creditCode: buildCreditCode(
        '91320412' + Array.from({ length: 9 }, () => pick([...CODE_ALPHABET])).join(''),
      ),
      contactName: pick([...SURNAMES]) + pick([...GIVEN]),
      contactPhone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    }),
  );

  const used = new Set<string>();
  const makePerson = (role: Person['role'], enterprise: Enterprise, trade?: string): Person => {
    let idNumber = '';
    let birthDate = '';
    do {
      const year = 1965 + Math.floor(random() * 38);
      birthDate = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      idNumber = buildResidentId(pick(HOME_REGIONS), birthDate, 1 + Math.floor(random() * 998));
    } while (used.has(idNumber));
    used.add(idNumber);
    const genderDigit = Number(idNumber[16]);
    return stampNew<Person>(ctx, {
      name: pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.5 ? pick([...GIVEN]) : ''),
      idNumber,
      idType: 'resident-id',
      birthDate,
      gender: genderDigit % 2 === 1 ? 'M' : 'F',
      homeRegion: idNumber.slice(0, 6),
      phone: `1${pick(['38', '39', '58', '87', '35'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      enterpriseId: enterprise.id,
      role,
      ...(trade ? { trade } : {}),
    });
  };

  const [builder, , hardware] = enterprises as [Enterprise, Enterprise, Enterprise];
  const trades = ['钢筋工', '木工', '架子工', '电焊工', '普工', '混凝土工', '电工'];
  const siteWorkers = Array.from({ length: 16 }, () => makePerson('worker', builder, pick(trades)));
  const factoryWorkers = Array.from({ length: 12 }, () =>
    makePerson('worker', hardware, pick(['冲压工', '普工', '叉车司机', '质检员'])),
  );
  const managers = enterprises.flatMap((e) => {
    const principal = makePerson('principal', e);
    const officer = makePerson('safety-officer', e);
    e.principalId = principal.id;
    e.safetyOfficerIds = [officer.id];
    return [principal, officer];
  });

  const courses = [
    stampNew<Course>(ctx, {
      name: '农民工安全生产知识培训',
      audience: 'worker',
      kind: 'initial',
      hours: 4,
      outline: '安全生产法律法规常识\n施工现场危险源辨识\n个人防护用品的正确使用\n事故应急与自救互救',
    }),
    stampNew<Course>(ctx, {
      name: '建筑施工现场安全培训',
      audience: 'worker',
      kind: 'initial',
      hours: 3,
      outline: '高处作业安全\n临时用电安全\n起重吊装安全',
    }),
    stampNew<Course>(ctx, {
      name: '生产经营单位主要负责人安全培训（初训）',
      audience: 'principal',
      kind: 'initial',
      hours: 32,
      outline: '安全生产方针政策与法律法规\n安全生产管理基本知识\n重大危险源管理与应急救援\n典型事故案例分析',
      validityMonths: 36,
    }),
    stampNew<Course>(ctx, {
      name: '安全生产管理人员再培训',
      audience: 'safety-officer',
      kind: 'refresher',
      hours: 12,
      outline: '新颁布的法律法规与标准\n安全生产新技术新工艺\n事故案例分析',
      validityMonths: 12,
    }),
  ] as [Course, Course, Course, Course];

  const day = (offset: number, start: string, end: string): SessionDay => ({
    date: addDays(today, offset),
    start,
    end,
  });
  const session = (
    course: Course,
    days: SessionDay[],
    venue: string,
    instructor: string,
    capacity: number,
    host?: Enterprise,
  ) =>
    stampNew<Session>(ctx, {
      courseId: course.id,
      days,
      startDate: days[0]!.date,
      venue,
      instructor,
      capacity,
      status: 'planned',
      ...(host ? { hostEnterpriseId: host.id } : {}),
    });
  const pastSite = session(
    courses[0],
    [day(-14, '08:30', '11:30')],
    '宏达建筑东湖项目部会议室',
    '周志明',
    40,
    builder,
  );
  const pastPrincipal = session(
    courses[2],
    [
      day(-30, '09:00', '15:00'),
      day(-29, '09:00', '15:00'),
      day(-28, '09:00', '15:00'),
      day(-27, '09:00', '15:00'),
    ],
    '区应急管理局三楼培训室',
    '林海波',
    60,
  );
  const todaySession = session(
    courses[0],
    [day(0, '14:00', '17:00')],
    '柳桥五金制品厂职工食堂',
    '周志明',
    30,
    hardware,
  );
  const upcomingOfficers = session(
    courses[3],
    [day(10, '09:00', '13:30'), day(11, '09:00', '13:30')],
    '区应急管理局三楼培训室',
    '陈静',
    50,
  );
  const upcomingSite = session(
    courses[1],
    [day(20, '14:00', '17:00')],
    '宏达建筑白塔项目部',
    '周志明',
    40,
    builder,
  );
  const sessions = [pastSite, pastPrincipal, todaySession, upcomingOfficers, upcomingSite];

  const enrollments: Enrollment[] = [];
  const attendance: Attendance[] = [];
  const enroll = (s: Session, people: Person[]) =>
    people.forEach((p) =>
      enrollments.push(
        stampNew<Enrollment>(ctx, { sessionId: s.id, personId: p.id, walkIn: false, status: 'enrolled' }),
      ),
    );
  const attend = (s: Session, people: Person[]) => {
    for (const d of s.days) {
      for (const p of people) {
        const [h, m] = d.start.split(':').map(Number) as [number, number];
        const [y, mo, da] = d.date.split('-').map(Number) as [number, number, number];
        const late = random() < 0.1;
        const at = new Date(y, mo - 1, da, h, m - 20 + Math.floor(random() * 18) + (late ? 35 : 0));
        attendance.push(
          stampNew<Attendance>(ctx, {
            sessionId: s.id,
            personId: p.id,
            date: d.date,
            status: late ? 'late' : 'present',
            checkInAt: at.toISOString(),
            hoursCredited: classHoursForDay(d, minutesPerClassHour),
            source: 'scan',
          }),
        );
      }
    }
  };
  enroll(pastSite, siteWorkers.slice(0, 14));
  attend(pastSite, siteWorkers.slice(0, 12));
  const principals = managers.filter((p) => p.role === 'principal');
  enroll(pastPrincipal, principals);
  attend(pastPrincipal, principals.slice(0, 4));
  enroll(todaySession, factoryWorkers);
  enroll(
    upcomingOfficers,
    managers.filter((p) => p.role === 'safety-officer'),
  );
  enroll(upcomingSite, siteWorkers.slice(4));

  return {
    enterprises,
    people: [...siteWorkers, ...factoryWorkers, ...managers],
    courses,
    sessions,
    enrollments,
    attendance,
    completed: [pastSite.id, pastPrincipal.id],
  };
}

/** Fills an empty database with the demo district; the records are ordinary records, editable and deletable. */
export async function loadDemoData(ctx: DbContext): Promise<void> {
  const { db } = ctx;
  const settings = await getAppSettings(db);
  const plan = buildDemoPlan(ctx, settings.minutesPerClassHour);
  const tables = [
    db.enterprises,
    db.people,
    db.courses,
    db.sessions,
    db.enrollments,
    db.attendance,
    db.auditLog,
    db.statsDirty,
  ];
  await db.transaction('rw', tables, async () => {
    const groups: Array<[string, { bulkAdd(items: never[]): Promise<unknown> }, Array<{ id: string }>]> = [
      ['enterprises', db.enterprises, plan.enterprises],
      ['people', db.people, plan.people],
      ['courses', db.courses, plan.courses],
      ['sessions', db.sessions, plan.sessions],
      ['enrollments', db.enrollments, plan.enrollments],
      ['attendance', db.attendance, plan.attendance],
    ];
    for (const [name, table, records] of groups) {
      await table.bulkAdd(records as never[]);
      for (const record of records) await audit(ctx, name, 'create', undefined, record as never);
    }
  });
  if (!settings.issuingBody.trim()) await saveAppSettings(ctx, { issuingBody: '示范区应急管理局' });
  for (const id of plan.completed) {
    await completeSession(ctx, id);
    await issueCertificates(ctx, id);
  }
}
