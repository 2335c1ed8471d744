import { readEachValue } from './index-reads';
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

// One collator for tens of thousands of comparisons: localeCompare with a locale builds one per call.
const byName = new Intl.Collator('zh-CN');

function matches(enterprise: Enterprise | undefined, filter: ReminderFilter): boolean {
  if (filter.town && enterprise?.town !== filter.town) return false;
  if (filter.industry && enterprise?.industry !== filter.industry) return false;
  return true;
}

/**
 * Who needs reminding: principals and safety officers whose yearly training is overdue, due within the window, or
 * never done; workers of high-risk enterprises whose yearly refresher is overdue or due (untrained workers are the
 * employer's pre-job matter and are not chased); and certificates whose validity ends within the window either
 * side of today, unless the person already holds a renewal. Filtered by the enterprise's town and industry.
 *
 * Reads the register of enterprises, people by role, by enterpriseId and by the enterprises' links, their hours from
 * the credit packs (db/credited-attendance.ts), certificates by validUntil and by person; never the attendance table.
 */
export async function reminders(ctx: DbContext, filter: ReminderFilter): Promise<Reminders> {
  const { db } = ctx;
  // The whole register of enterprises (5,000 in a large district: one read): the filter's, and every enterprise
  // that names a manager, whatever its town, for the managers' obligations (standings).
  const allEnterprises = (await db.enterprises.toArray()).filter((e) => isLive(e));
  const allById = new Map(allEnterprises.map((e) => [e.id, e]));
  const enterprises = allEnterprises.filter((e) => matches(e, filter));
  const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));

  // (person, enterprise to notify) pairs: the enterprises' named managers, then managers by role via their employer.
  const pairs = new Map<string, { personId: string; enterpriseId?: string }>();
  const addPair = (personId: string, enterpriseId?: string) =>
    pairs.set(`${personId}|${enterpriseId ?? ''}`, { personId, ...(enterpriseId ? { enterpriseId } : {}) });
  for (const e of enterprises) {
    for (const id of [e.principalId, ...(e.safetyOfficerIds ?? [])]) if (id) addPair(id, e.id);
  }
  const namedIds = new Set([...pairs.values()].map((p) => p.personId));
  const highRiskIds = enterprises.filter((e) => isHighRiskIndustry(e.industry ?? '')).map((e) => e.id);
  const [withRole, ofHighRisk] = await Promise.all([
    readEachValue(db.people, 'role', ['principal', 'safety-officer']),
    readEachValue(db.people, 'enterpriseId', highRiskIds),
  ]);
  const inHand = new Map([...withRole, ...ofHighRisk].filter((p) => isLive(p)).map((p) => [p.id, p]));
  for (const p of withRole) {
    if (!isLive(p) || namedIds.has(p.id)) continue;
    const employer = p.enterpriseId ? allById.get(p.enterpriseId) : undefined;
    if (!matches(employer, filter)) continue;
    if (employer) enterpriseById.set(employer.id, employer);
    addPair(p.id, employer?.id);
  }
  const highRiskWorkers = ofHighRisk.filter((p) => isLive(p) && p.role === 'worker');
  const workerIds = new Set(highRiskWorkers.map((p) => p.id));
  for (const p of highRiskWorkers) addPair(p.id, p.enterpriseId);

  // Named managers not read above (a person named on an enterprise whose own role says worker, or who works elsewhere).
  const toRead = [...namedIds].filter((id) => !inHand.has(id));
  for (const p of await db.people.bulkGet(toRead)) if (isLive(p)) inHand.set(p.id, p);
  const managers = [...new Set([...pairs.values()].map((p) => p.personId))].flatMap(
    (id) => inHand.get(id) ?? [],
  );
  const standingOf = await standings(ctx, managers, {
    today: filter.today,
    dueWithinDays: filter.withinDays,
    allEnterprises,
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
      byName.compare(a.enterprise?.name ?? '', b.enterprise?.name ?? '') ||
      AUDIENCE_ORDER[a.audience] - AUDIENCE_ORDER[b.audience] ||
      byName.compare(a.person.name, b.person.name),
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
  const [people, held] = await db.transaction('r', [db.people, db.certificates], () =>
    Promise.all([
      db.people.bulkGet(personIds),
      Promise.all(personIds.map((id) => db.certificates.where('personId').equals(id).toArray())).then((l) =>
        l.flat(),
      ),
    ]),
  );
  // The newest valid validity per person and course: a certificate ending earlier has been renewed.
  const latest = new Map<string, string>();
  for (const other of held) {
    if (!isLive(other) || other.status !== 'valid') continue;
    const key = `${other.personId}|${other.courseId}`;
    const until = other.validUntil ?? '9999-12-31';
    if (until > (latest.get(key) ?? '')) latest.set(key, until);
  }
  const personById = new Map(people.filter((p) => isLive(p)).map((p) => [p.id, p]));
  const [employers, courses] = await Promise.all([
    db.enterprises.bulkGet([...new Set([...personById.values()].flatMap((p) => p.enterpriseId ?? []))]),
    db.courses.bulkGet([...new Set(ending.map((c) => c.courseId))]),
  ]);
  const employerById = new Map(employers.filter((e) => isLive(e)).map((e) => [e.id, e]));
  const courseById = new Map(courses.filter((c) => c !== undefined).map((c) => [c.id, c]));
  const renewed = (c: Certificate) => (latest.get(`${c.personId}|${c.courseId}`) ?? '') > c.validUntil!;
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
