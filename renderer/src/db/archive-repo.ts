import type { DbContext } from './context';
import { isLive } from './context';
import type { AssessmentResult, Enterprise, Person } from './records';
import { trainingHistory, tookPart, type TrainingRecord } from './history-repo';
import { getAppSettings } from './settings-repo';
import { creditedAttendance } from './credited-attendance';
import { hourLedger, obligationOf, type HourLedger, type LedgerAttendance } from '../domain/hour-ledger';
import { isHighRiskIndustry, type Audience, type HourRule } from '../domain/hour-rules';

/** How far the archive looks: today's date (the ledger runs to its year) and the horizon of "refresher due". */
export interface ArchiveOptions {
  today: string;
  dueWithinDays: number;
}

/** One line of a person's archive: a session with its content, hours, assessment and certificate. */
export interface ArchiveLine extends TrainingRecord {
  assessment?: AssessmentResult;
}

/** A person's hour standing: which rules apply, and the yearly ledger against them. */
export interface PersonStanding {
  person: Person;
  audience: Audience;
  highRisk: boolean;
  ledger: HourLedger;
  /** Hours credited in today's year, and that year's minimum (null: none). */
  hoursThisYear: number;
  requiredThisYear: number | null;
  /** Last day with credited hours. */
  lastTrainedOn?: string;
}

export interface PersonArchive extends PersonStanding {
  employer?: Enterprise;
  /** Enterprises naming the person as principal or safety officer. */
  leads: Enterprise[];
  lines: ArchiveLine[];
}

export interface WorkerTraining {
  person: Person;
  trainings: number;
  hours: number;
  lastTrainedOn: string;
}

export interface EnterpriseArchive {
  enterprise: Enterprise;
  highRisk: boolean;
  /**
   * The principal first, then the safety officers in their order on the enterprise, then people working there
   * whose own role is principal or safety officer.
   */
  managers: Array<PersonStanding & { roleHere: 'principal' | 'safety-officer' }>;
  /** Workers of the enterprise with credited hours, most recently trained first. */
  workersTrained: WorkerTraining[];
  /** All workers on the register for the enterprise. */
  workersTotal: number;
}

/** Enterprises naming each person as principal or safety officer, through the principalId and safetyOfficerIds indexes. */
export async function enterprisesLinkedTo(
  ctx: DbContext,
  personIds: readonly string[],
): Promise<Map<string, Enterprise[]>> {
  const linked = new Map<string, Enterprise[]>();
  if (personIds.length === 0) return linked;
  const { db } = ctx;
  const ids = [...personIds];
  const [asPrincipal, asOfficer] = await Promise.all([
    db.enterprises.where('principalId').anyOf(ids).toArray(),
    db.enterprises.where('safetyOfficerIds').anyOf(ids).distinct().toArray(),
  ]);
  const wanted = new Set(ids);
  for (const e of [...asPrincipal, ...asOfficer]) {
    if (!isLive(e)) continue;
    for (const id of [e.principalId, ...(e.safetyOfficerIds ?? [])]) {
      if (!id || !wanted.has(id)) continue;
      const list = linked.get(id) ?? [];
      if (!list.some((x) => x.id === e.id)) list.push(e);
      linked.set(id, list);
    }
  }
  return linked;
}

/** enterprisesLinkedTo, answered from enterprises already in memory. */
function linksAmong(
  enterprises: readonly Enterprise[],
  personIds: readonly string[],
): Map<string, Enterprise[]> {
  const wanted = new Set(personIds);
  const linked = new Map<string, Enterprise[]>();
  for (const e of enterprises) {
    if (!isLive(e)) continue;
    for (const id of new Set([e.principalId, ...(e.safetyOfficerIds ?? [])])) {
      if (!id || !wanted.has(id)) continue;
      const list = linked.get(id) ?? [];
      list.push(e);
      linked.set(id, list);
    }
  }
  return linked;
}

function roleIn(enterprise: Enterprise, personId: string): Audience | undefined {
  if (enterprise.principalId === personId) return 'principal';
  if (enterprise.safetyOfficerIds?.includes(personId)) return 'safety-officer';
  return undefined;
}

/**
 * The standing of some people: their obligation (role, high-risk) from their own role, their employer and the
 * enterprises that name them, and the yearly ledger. Credited hours from the maintained credit packs
 * (db/credited-attendance.ts).
 */
export async function standings(
  ctx: DbContext,
  people: readonly Person[],
  options: ArchiveOptions & {
    rules?: readonly HourRule[];
    /**
     * Every live enterprise, where the caller has already read them all (coverage): links and employers are then
     * found in memory instead of through the principalId/safetyOfficerIds indexes.
     */
    allEnterprises?: readonly Enterprise[];
    /** The people's credited attendance where the caller has it already (tests pass the attendance index's). */
    attendance?: ReadonlyMap<string, readonly LedgerAttendance[]>;
  },
): Promise<Map<string, PersonStanding>> {
  const { db } = ctx;
  const ids = people.map((p) => p.id);
  const rules = options.rules ?? (await getAppSettings(db)).hourRules;
  const known = options.allEnterprises;
  const [attendance, linked, employers] = await Promise.all([
    options.attendance ?? creditedAttendance(ctx, ids),
    known ? linksAmong(known, ids) : enterprisesLinkedTo(ctx, ids),
    known ??
      db.enterprises.bulkGet([...new Set(people.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : [])))]),
  ]);
  const employerById = new Map(employers.filter((e) => isLive(e)).map((e) => [e.id, e]));
  const thisYear = Number(options.today.slice(0, 4));
  const result = new Map<string, PersonStanding>();
  for (const person of people) {
    const leads = linked.get(person.id) ?? [];
    const employer = person.enterpriseId ? employerById.get(person.enterpriseId) : undefined;
    const { audience, highRisk } = obligationOf({
      role: person.role,
      linkedRoles: leads.flatMap((e) => roleIn(e, person.id) ?? []),
      enterprisesHighRisk: [...(employer ? [employer] : []), ...leads].map((e) =>
        isHighRiskIndustry(e.industry ?? ''),
      ),
    });
    const mine: readonly LedgerAttendance[] = attendance.get(person.id) ?? [];
    const ledger = hourLedger({
      audience,
      highRisk,
      attendance: mine,
      rules,
      today: options.today,
      dueWithinDays: options.dueWithinDays,
    });
    const yearRow = ledger.years.find((y) => y.year === thisYear);
    const lastTrainedOn = mine
      .map((a) => a.date)
      .sort()
      .at(-1);
    result.set(person.id, {
      person,
      audience,
      highRisk,
      ledger,
      hoursThisYear: yearRow?.hours ?? 0,
      requiredThisYear: yearRow ? yearRow.required : null,
      ...(lastTrainedOn ? { lastTrainedOn } : {}),
    });
  }
  return result;
}

/** A person's training archive (培训档案): every session with content, hours, assessment, certificate, and the ledger. */
export async function personArchive(
  ctx: DbContext,
  personId: string,
  options: ArchiveOptions,
): Promise<PersonArchive | undefined> {
  const { db } = ctx;
  const person = await db.people.get(personId);
  if (!isLive(person)) return undefined;
  const [standing, history, enrollments, linked, employer] = await Promise.all([
    standings(ctx, [person], options),
    trainingHistory(ctx, [personId]),
    db.enrollments.where('personId').equals(personId).toArray(),
    enterprisesLinkedTo(ctx, [personId]),
    person.enterpriseId ? db.enterprises.get(person.enterpriseId) : Promise.resolve(undefined),
  ]);
  const assessments = new Map(
    enrollments
      .filter((e) => isLive(e) && e.status === 'enrolled' && e.assessment)
      .map((e) => [e.sessionId, e.assessment!]),
  );
  const lines: ArchiveLine[] = history.map((h) => {
    const assessment = assessments.get(h.session.id);
    return assessment ? { ...h, assessment } : h;
  });
  return {
    ...standing.get(personId)!,
    ...(isLive(employer) ? { employer } : {}),
    leads: linked.get(personId) ?? [],
    lines,
  };
}

/** The lines of an archive that belong on paper: trainings the person took part in (not just enrolled in). */
export function archivedLines(lines: readonly ArchiveLine[]): ArchiveLine[] {
  return lines.filter(tookPart).sort((a, b) => a.session.startDate.localeCompare(b.session.startDate));
}

/**
 * An enterprise's archive: its principal and safety officers with their standing, and its workers trained (count
 * and list). Reads people through the enterprise's links and the enterpriseId index, attendance by personId.
 */
export async function enterpriseArchive(
  ctx: DbContext,
  enterpriseId: string,
  options: ArchiveOptions,
): Promise<EnterpriseArchive | undefined> {
  const { db } = ctx;
  const enterprise = await db.enterprises.get(enterpriseId);
  if (!isLive(enterprise)) return undefined;
  const managerIds = [
    ...(enterprise.principalId ? [enterprise.principalId] : []),
    ...(enterprise.safetyOfficerIds ?? []),
  ];
  const [managerRecords, staff] = await Promise.all([
    db.people.bulkGet(managerIds),
    db.people.where('enterpriseId').equals(enterpriseId).toArray(),
  ]);
  // Named on the enterprise, or working there with a manager's role (a roster may list them before anyone links them).
  const named = managerRecords.filter((p) => isLive(p));
  const namedSet = new Set(named.map((p) => p.id));
  const byRole = staff.filter((p) => isLive(p) && !namedSet.has(p.id) && p.role !== 'worker');
  const managers = [...named, ...byRole];
  const managerSet = new Set(managers.map((p) => p.id));
  const workers = staff.filter((p) => isLive(p) && !managerSet.has(p.id));
  const [managerStanding, workerAttendance] = await Promise.all([
    standings(ctx, managers, options),
    creditedAttendance(
      ctx,
      workers.map((w) => w.id),
    ),
  ]);
  const workersTrained = workers
    .flatMap((person): WorkerTraining[] => {
      const mine = workerAttendance.get(person.id) ?? [];
      if (mine.length === 0) return [];
      return [
        {
          person,
          trainings: new Set(mine.map((a) => a.sessionId)).size,
          hours: mine.reduce((sum, a) => sum + a.hours, 0),
          lastTrainedOn: mine
            .map((a) => a.date)
            .sort()
            .at(-1)!,
        },
      ];
    })
    .sort(
      (a, b) => b.lastTrainedOn.localeCompare(a.lastTrainedOn) || a.person.name.localeCompare(b.person.name),
    );
  return {
    enterprise,
    highRisk: isHighRiskIndustry(enterprise.industry ?? ''),
    managers: managers.map((person) => ({
      ...managerStanding.get(person.id)!,
      roleHere:
        enterprise.principalId === person.id
          ? 'principal'
          : enterprise.safetyOfficerIds?.includes(person.id) || person.role !== 'principal'
            ? 'safety-officer'
            : 'principal',
    })),
    workersTrained,
    workersTotal: workers.length,
  };
}
