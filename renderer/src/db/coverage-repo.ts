import type { DbContext } from './context';
import { isLive } from './context';
import type { Enterprise, Person } from './records';
import { standings } from './archive-repo';
import { getAppSettings } from './settings-repo';
import { refreshStatistics } from './statistics-repo';
import type { LedgerAttendance, TrainingStatus } from '../domain/hour-ledger';
import { attendeesOf } from '../domain/statistics';
import {
  coverageByCategory,
  enterpriseCoverage,
  normaliseTargets,
  type CategoryCoverage,
  type CoverageReason,
  type CoverageTargets,
} from '../domain/coverage';

// One collator for 5,000 names: localeCompare builds one per call.
const byName = new Intl.Collator('zh-CN');

export interface CoveredManager {
  person: Person;
  status: TrainingStatus;
}

export interface EnterpriseCoverageRow {
  enterprise: Enterprise;
  covered: boolean;
  reasons: CoverageReason[];
  principals: CoveredManager[];
  officers: CoveredManager[];
}

export interface CoverageReport {
  /** Every live enterprise, by name. */
  rows: EnterpriseCoverageRow[];
  categories: CategoryCoverage[];
  targets: CoverageTargets;
}

/**
 * The managers each enterprise has on record, as its page lists them (enterpriseArchive): the people it names as
 * principal and safety officers, then people working there whose own role is principal or safety officer.
 */
function managersOf(
  enterprise: Enterprise,
  people: ReadonlyMap<string, Person>,
  staffByEnterprise: ReadonlyMap<string, Person[]>,
): { principals: Person[]; officers: Person[] } {
  const principals: Person[] = [];
  const officers: Person[] = [];
  const named = new Set<string>();
  const principal = enterprise.principalId ? people.get(enterprise.principalId) : undefined;
  if (principal) {
    principals.push(principal);
    named.add(principal.id);
  }
  for (const id of enterprise.safetyOfficerIds ?? []) {
    const officer = people.get(id);
    if (!officer || named.has(id)) continue;
    officers.push(officer);
    named.add(id);
  }
  for (const person of staffByEnterprise.get(enterprise.id) ?? []) {
    if (named.has(person.id)) continue;
    (person.role === 'principal' ? principals : officers).push(person);
  }
  return { principals, officers };
}

/**
 * Credited class hours of some people, per day and kind of course, from the maintained statistics aggregate
 * (one record per session, kept up to date in every write path: db/statistics-dirty.ts) instead of the attendance
 * table: one read of every session's aggregate costs far less than one index read per person (10,000 managers took
 * 25 s that way at 100,000 people). Sessions not held (cancelled or deleted) are left out.
 */
async function readStatistics(ctx: DbContext) {
  const { db } = ctx;
  await refreshStatistics(db);
  const [stats, courses] = await Promise.all([db.sessionStats.toArray(), db.courses.toArray()]);
  return { stats, courses };
}

function creditedHours(
  { stats, courses }: Awaited<ReturnType<typeof readStatistics>>,
  personIds: ReadonlySet<string>,
): Map<string, LedgerAttendance[]> {
  const kindOf = new Map(courses.map((c) => [c.id, c.kind]));
  const byPerson = new Map<string, LedgerAttendance[]>();
  for (const s of stats) {
    if (!s.held) continue;
    const kind = kindOf.get(s.courseId) ?? 'initial';
    // Attendees in the aggregate's columns: marks are (attendee, date index, status) triples, hours run beside them.
    const attendees = attendeesOf(s).personIds;
    const { marks, hours } = s;
    for (let r = 0; r < hours.length; r += 1) {
      const credited = hours[r]!;
      if (!(credited > 0)) continue;
      const personId = attendees[marks[3 * r]!]!;
      if (!personIds.has(personId)) continue;
      const list = byPerson.get(personId) ?? [];
      list.push({ date: s.dates[marks[3 * r + 1]!]!, hours: credited, kind });
      byPerson.set(personId, list);
    }
  }
  return byPerson;
}

/**
 * Coverage of the district's enterprises: per enterprise whether its principal and safety officers all have
 * current training (domain/coverage.ts), and the shares per category against the targets in settings.
 *
 * Reads the register of enterprises, the managers (people by the role index and by the enterprises' links), their
 * credited hours from the statistics aggregate, and judges them with the archive's standings (the same ledger as
 * the archive and the reminders). Brings the statistics up to date first (a write): not for a live query.
 */
export async function coverageReport(ctx: DbContext, options: { today: string }): Promise<CoverageReport> {
  const { db } = ctx;
  // equals() per role rather than anyOf(): one key-range read each instead of a cursor stepping record by record.
  // Everything read at once: deserialising one result overlaps with reading the next.
  const [allEnterprises, principalsByRole, officersByRole, settings, statistics] = await Promise.all([
    db.enterprises.toArray(),
    db.people.where('role').equals('principal').toArray(),
    db.people.where('role').equals('safety-officer').toArray(),
    getAppSettings(db),
    readStatistics(ctx),
  ]);
  const byRole = [...principalsByRole, ...officersByRole];
  const enterprises = allEnterprises.filter((e) => isLive(e)).sort((a, b) => byName.compare(a.name, b.name));
  const people = new Map(byRole.filter((p) => isLive(p)).map((p) => [p.id, p]));
  const linkedIds = new Set(
    enterprises.flatMap((e) => [...(e.principalId ? [e.principalId] : []), ...(e.safetyOfficerIds ?? [])]),
  );
  const missing = [...linkedIds].filter((id) => !people.has(id));
  if (missing.length > 0) {
    for (const p of await db.people.bulkGet(missing)) if (isLive(p)) people.set(p.id, p);
  }
  const staffByEnterprise = new Map<string, Person[]>();
  for (const p of people.values()) {
    if (p.role === 'worker' || !p.enterpriseId) continue;
    const list = staffByEnterprise.get(p.enterpriseId) ?? [];
    list.push(p);
    staffByEnterprise.set(p.enterpriseId, list);
  }
  const managers = enterprises.map((e) => managersOf(e, people, staffByEnterprise));
  const involved = new Map<string, Person>();
  for (const m of managers) for (const p of [...m.principals, ...m.officers]) involved.set(p.id, p);
  const attendance = creditedHours(statistics, new Set(involved.keys()));
  // dueWithinDays 0: "due" and "current" both count as current training; only the status matters here.
  const standingOf = await standings(ctx, [...involved.values()], {
    attendance,
    today: options.today,
    dueWithinDays: 0,
    rules: settings.hourRules,
    allEnterprises: enterprises,
  });
  const statusOf = (p: Person): CoveredManager => ({
    person: p,
    status: standingOf.get(p.id)?.ledger.status ?? 'never-trained',
  });
  const rows = enterprises.map((enterprise, i): EnterpriseCoverageRow => {
    const m = managers[i]!;
    const principals = m.principals.map(statusOf);
    const officers = m.officers.map(statusOf);
    const verdict = enterpriseCoverage({
      principals: principals.map((x) => ({ personId: x.person.id, status: x.status })),
      officers: officers.map((x) => ({ personId: x.person.id, status: x.status })),
    });
    return { enterprise, ...verdict, principals, officers };
  });
  const targets = normaliseTargets(settings.coverageTargets);
  const categories = coverageByCategory(
    rows.map((r) => ({
      ...(r.enterprise.town ? { town: r.enterprise.town } : {}),
      ...(r.enterprise.industry ? { industry: r.enterprise.industry } : {}),
      ...(r.enterprise.aboveDesignatedSize ? { aboveDesignatedSize: true } : {}),
      covered: r.covered,
    })),
    targets,
  );
  return { rows, categories, targets };
}
