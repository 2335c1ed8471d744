import type { DbContext } from './context';
import { isLive } from './context';
import type { Certificate, Course, Enterprise, Person } from './records';
import { standings, type PersonStanding } from './archive-repo';
import { addDays, daysBetween, type TrainingStatus } from '../domain/hour-ledger';
import { isHighRiskIndustry } from '../domain/hour-rules';

export interface ReminderFilter {
  /** YYYY-MM-DD. */
  today: string;
  /** Refreshers falling due, and certificates expiring, within this many days. */
  withinDays: number;
  town?: string;
  industry?: string;
}

/** A person to remind, with the enterprise to notify (one row per enterprise that names or employs them). */
export interface PersonReminder extends PersonStanding {
  status: Exclude<TrainingStatus, 'current'>;
  enterprise?: Enterprise;
}

/** A valid certificate whose validity ends within the window (or ended within it: already expired). */
export interface CertificateReminder {
  certificate: Certificate;
  person?: Person;
  course?: Course;
  enterprise?: Enterprise;
  /** Days from today to the last valid day; negative once expired. */
  daysLeft: number;
}

export interface Reminders {
  people: PersonReminder[];
  certificates: CertificateReminder[];
}

const AUDIENCE_ORDER: Record<PersonReminder['audience'], number> = {
  principal: 0,
  'safety-officer': 1,
  worker: 2,
};
const STATUS_ORDER: Record<PersonReminder['status'], number> = { overdue: 0, 'never-trained': 1, due: 2 };

function matches(enterprise: Enterprise | undefined, filter: ReminderFilter): boolean {
  if (filter.town && enterprise?.town !== filter.town) return false;
  if (filter.industry && enterprise?.industry !== filter.industry) return false;
  return true;
}

async function filteredEnterprises(ctx: DbContext, filter: ReminderFilter): Promise<Enterprise[]> {
  const { db } = ctx;
  const found = filter.town
    ? await db.enterprises.where('town').equals(filter.town).toArray()
    : filter.industry
      ? await db.enterprises.where('industry').equals(filter.industry).toArray()
      : await db.enterprises.toArray();
  return found.filter((e) => isLive(e) && matches(e, filter));
}

/** People whose indexed field has any of the values: one key-range read per value, issued together. */
async function peopleWhere(
  ctx: DbContext,
  index: 'role' | 'enterpriseId',
  values: readonly string[],
): Promise<Person[]> {
  const { db } = ctx;
  return (await Promise.all(values.map((v) => db.people.where(index).equals(v).toArray()))).flat();
}

/**
 * Who needs reminding: principals and safety officers whose yearly training is overdue, due within the window, or
 * never done; workers of high-risk enterprises whose yearly refresher is overdue or due (untrained workers are the
 * employer's pre-job matter and are not chased); and certificates whose validity ends within the window either
 * side of today, unless the person already holds a renewal. Filtered by the enterprise's town and industry.
 *
 * Reads by index only: enterprises by town/industry (the register of enterprises otherwise), people by the
 * enterprises' principal/safety-officer links, by role and by enterpriseId, attendance by personId, certificates
 * by validUntil; never the whole attendance table.
 */
export async function reminders(ctx: DbContext, filter: ReminderFilter): Promise<Reminders> {
  const { db } = ctx;
  const enterprises = await filteredEnterprises(ctx, filter);
  const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));

  // (person, enterprise to notify) pairs: the enterprises' named managers, then managers by role via their employer.
  const pairs = new Map<string, { personId: string; enterpriseId?: string }>();
  const addPair = (personId: string, enterpriseId?: string) =>
    pairs.set(`${personId}|${enterpriseId ?? ''}`, { personId, ...(enterpriseId ? { enterpriseId } : {}) });
  for (const e of enterprises) {
    for (const id of [e.principalId, ...(e.safetyOfficerIds ?? [])]) if (id) addPair(id, e.id);
  }
  const namedIds = new Set([...pairs.values()].map((p) => p.personId));
  // equals() per role and per enterprise rather than anyOf(): one key-range read each instead of a cursor that
  // steps record by record (one IndexedDB round trip per step).
  const byRole = (await peopleWhere(ctx, 'role', ['principal', 'safety-officer'])).filter(
    (p) => isLive(p) && !namedIds.has(p.id),
  );
  const employersOfRole = new Map(
    (
      await db.enterprises.bulkGet([
        ...new Set(byRole.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : []))),
      ])
    )
      .filter((e) => isLive(e))
      .map((e) => [e.id, e]),
  );
  for (const p of byRole) {
    const employer = p.enterpriseId ? employersOfRole.get(p.enterpriseId) : undefined;
    if (!matches(employer, filter)) continue;
    if (employer) enterpriseById.set(employer.id, employer);
    addPair(p.id, employer?.id);
  }
  const highRiskIds = enterprises.filter((e) => isHighRiskIndustry(e.industry ?? '')).map((e) => e.id);
  const highRiskWorkers = (await peopleWhere(ctx, 'enterpriseId', highRiskIds)).filter(
    (p) => isLive(p) && p.role === 'worker',
  );
  const workerIds = new Set(highRiskWorkers.map((p) => p.id));
  for (const p of highRiskWorkers) addPair(p.id, p.enterpriseId);

  const managers = (await db.people.bulkGet([...new Set([...pairs.values()].map((p) => p.personId))])).filter(
    (p) => isLive(p),
  );
  const standingOf = await standings(ctx, managers, {
    today: filter.today,
    dueWithinDays: filter.withinDays,
  });
  const people: PersonReminder[] = [];
  for (const { personId, enterpriseId } of pairs.values()) {
    const standing = standingOf.get(personId);
    if (!standing) continue;
    const { status } = standing.ledger;
    if (status === 'current') continue;
    if (status === 'never-trained' && workerIds.has(personId) && standing.audience === 'worker') continue;
    const enterprise = enterpriseId ? enterpriseById.get(enterpriseId) : undefined;
    people.push({ ...standing, status, ...(enterprise ? { enterprise } : {}) });
  }
  people.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.ledger.dueDate ?? '').localeCompare(b.ledger.dueDate ?? '') ||
      (a.enterprise?.name ?? '').localeCompare(b.enterprise?.name ?? '', 'zh-CN') ||
      AUDIENCE_ORDER[a.audience] - AUDIENCE_ORDER[b.audience] ||
      a.person.name.localeCompare(b.person.name, 'zh-CN'),
  );

  return { people, certificates: await expiringCertificates(ctx, filter) };
}

async function expiringCertificates(ctx: DbContext, filter: ReminderFilter): Promise<CertificateReminder[]> {
  const { db } = ctx;
  const from = addDays(filter.today, -filter.withinDays);
  const to = addDays(filter.today, filter.withinDays);
  const ending = (await db.certificates.where('validUntil').between(from, to, true, true).toArray()).filter(
    (c) => isLive(c) && c.status === 'valid',
  );
  if (ending.length === 0) return [];
  const personIds = [...new Set(ending.map((c) => c.personId))];
  const [people, held] = await Promise.all([
    db.people.bulkGet(personIds),
    db.certificates.where('personId').anyOf(personIds).toArray(),
  ]);
  const personById = new Map(people.filter((p) => isLive(p)).map((p) => [p.id, p]));
  const [employers, courses] = await Promise.all([
    db.enterprises.bulkGet([...new Set([...personById.values()].flatMap((p) => p.enterpriseId ?? []))]),
    db.courses.bulkGet([...new Set(ending.map((c) => c.courseId))]),
  ]);
  const employerById = new Map(employers.filter((e) => isLive(e)).map((e) => [e.id, e]));
  const courseById = new Map(courses.filter((c) => c !== undefined).map((c) => [c.id, c]));
  const renewed = (c: Certificate) =>
    held.some(
      (other) =>
        other.id !== c.id &&
        isLive(other) &&
        other.status === 'valid' &&
        other.personId === c.personId &&
        other.courseId === c.courseId &&
        (other.validUntil === undefined || other.validUntil > c.validUntil!),
    );
  return ending
    .flatMap((certificate): CertificateReminder[] => {
      const person = personById.get(certificate.personId);
      const enterprise = person?.enterpriseId ? employerById.get(person.enterpriseId) : undefined;
      if (!matches(enterprise, filter) || renewed(certificate)) return [];
      const course = courseById.get(certificate.courseId);
      return [
        {
          certificate,
          ...(person ? { person } : {}),
          ...(course ? { course } : {}),
          ...(enterprise ? { enterprise } : {}),
          daysLeft: daysBetween(filter.today, certificate.validUntil!),
        },
      ];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

/** The reminders grouped by the enterprise to notify, for the printed notices (people without one are left out). */
export function remindersByEnterprise(
  list: Reminders,
): Array<{ enterprise: Enterprise; people: PersonReminder[]; certificates: CertificateReminder[] }> {
  const groups = new Map<
    string,
    { enterprise: Enterprise; people: PersonReminder[]; certificates: CertificateReminder[] }
  >();
  const groupOf = (enterprise: Enterprise) => {
    let group = groups.get(enterprise.id);
    if (!group) {
      group = { enterprise, people: [], certificates: [] };
      groups.set(enterprise.id, group);
    }
    return group;
  };
  for (const r of list.people) if (r.enterprise) groupOf(r.enterprise).people.push(r);
  for (const c of list.certificates) if (c.enterprise) groupOf(c.enterprise).certificates.push(c);
  return [...groups.values()].sort((a, b) => a.enterprise.name.localeCompare(b.enterprise.name, 'zh-CN'));
}
