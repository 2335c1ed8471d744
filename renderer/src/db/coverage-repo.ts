import type { DbContext } from './context';
import { isLive } from './context';
import type { Enterprise, Person } from './records';
import { standings } from './archive-repo';
import { getAppSettings } from './settings-repo';
import { refreshStatistics } from './statistics-repo';
import { readEachValue } from './index-reads';
import type { TrainingStatus } from '../domain/hour-ledger';
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
 * Coverage of the district's enterprises: per enterprise whether its principal and safety officers all have
 * current training (domain/coverage.ts), and the shares per category against the targets in settings.
 *
 * Reads the register of enterprises, the managers (people by the role index and by the enterprises' links), their
 * credited hours from the statistics aggregate, and judges them with the archive's standings (the same ledger as
 * the archive and the reminders). Brings the statistics up to date first (a write): not for a live query.
 */
export async function coverageReport(ctx: DbContext, options: { today: string }): Promise<CoverageReport> {
  const { db } = ctx;
  // Everything read at once: deserialising one result overlaps with reading the next.
  const [allEnterprises, byRole, settings] = await Promise.all([
    db.enterprises.toArray(),
    readEachValue(db.people, 'role', ['principal', 'safety-officer']),
    getAppSettings(db),
    // Credits of sessions written since the last refresh would otherwise be read from their attendance.
    refreshStatistics(db),
  ]);
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
  // dueWithinDays 0: "due" and "current" both count as current training; only the status matters here.
  const standingOf = await standings(ctx, [...involved.values()], {
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
