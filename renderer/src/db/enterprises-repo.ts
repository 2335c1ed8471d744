import type { DbContext, NewRecord } from './context';
import { audit, isLive, stampNew, stampReplace, tombstone, withoutEmpty } from './context';
import type { Enterprise, Person } from './records';
import { countPeopleByEnterprise } from './people-search';
import { listEnterprises } from './people-repo';
import { parseCreditCode, type CreditCodeError } from '../domain/credit-code';

export type EnterpriseInput = NewRecord<Enterprise>;

export class InvalidCreditCodeError extends Error {
  constructor(readonly reason: CreditCodeError) {
    super(`invalid credit code: ${reason}`);
  }
}

/** Another live enterprise already has this name or credit code: the register holds each enterprise once. */
export class DuplicateEnterpriseError extends Error {
  constructor(
    readonly field: 'name' | 'creditCode',
    readonly holder: Enterprise,
  ) {
    super(`enterprise ${field} already registered`);
  }
}

export async function getEnterprise(ctx: DbContext, id: string): Promise<Enterprise | undefined> {
  const enterprise = await ctx.db.enterprises.get(id);
  return isLive(enterprise) ? enterprise : undefined;
}

/**
 * Creates an enterprise, or edits one (`id`). The credit code, when given, is normalised and must be valid
 * (GB 32100); name and credit code must not belong to another live enterprise.
 */
export async function saveEnterprise(
  ctx: DbContext,
  input: EnterpriseInput,
  id?: string,
): Promise<Enterprise> {
  const officers = [...new Set(input.safetyOfficerIds ?? [])];
  const fields = withoutEmpty({
    ...input,
    name: input.name.trim(),
    safetyOfficerIds: officers.length > 0 ? officers : undefined,
  });
  if (fields.creditCode !== undefined) {
    const parsed = parseCreditCode(fields.creditCode);
    if (!parsed.ok) throw new InvalidCreditCodeError(parsed.error);
    fields.creditCode = parsed.code;
  }
  const { db } = ctx;
  return db.transaction('rw', [db.enterprises, db.auditLog], async () => {
    const before = id ? await db.enterprises.get(id) : undefined;
    if (id && !isLive(before)) throw new Error(`enterprise ${id} not found`);
    const sameName = (await db.enterprises.where('name').equals(fields.name).toArray()).find(
      (e) => isLive(e) && e.id !== id,
    );
    if (sameName) throw new DuplicateEnterpriseError('name', sameName);
    if (fields.creditCode) {
      const sameCode = (await db.enterprises.where('creditCode').equals(fields.creditCode).toArray()).find(
        (e) => isLive(e) && e.id !== id,
      );
      if (sameCode) throw new DuplicateEnterpriseError('creditCode', sameCode);
    }
    const record = before ? stampReplace(ctx, before, fields) : stampNew<Enterprise>(ctx, fields);
    if (!record) return before!;
    await db.enterprises.put(record);
    await audit(ctx, 'enterprises', before ? 'update' : 'create', before, record);
    return record;
  });
}

/**
 * Tombstones an enterprise that nothing refers to; one with people in the register or sessions hosted stays,
 * since their records name it.
 */
export async function deleteEnterprise(ctx: DbContext, id: string): Promise<'deleted' | 'in-use'> {
  const { db } = ctx;
  return db.transaction('rw', [db.enterprises, db.people, db.sessions, db.auditLog], async () => {
    const people = await db.people
      .where('enterpriseId')
      .equals(id)
      .filter((p) => isLive(p))
      .count();
    const sessions = await db.sessions.filter((s) => isLive(s) && s.hostEnterpriseId === id).count();
    if (people + sessions > 0) return 'in-use';
    const before = await db.enterprises.get(id);
    if (!isLive(before)) return 'deleted';
    const record = tombstone(ctx, before);
    await db.enterprises.put(record);
    await audit(ctx, 'enterprises', 'delete', before, record);
    return 'deleted';
  });
}

export interface EnterprisePeople {
  principal?: Person;
  safetyOfficers: Person[];
  /** Everyone whose employer is the enterprise, the linked principal and officers included where they work there. */
  people: Person[];
}

/** The principal, the safety officers and the people of an enterprise. */
export async function enterprisePeople(ctx: DbContext, enterprise: Enterprise): Promise<EnterprisePeople> {
  const { db } = ctx;
  const linkedIds = [enterprise.principalId, ...(enterprise.safetyOfficerIds ?? [])].filter(
    (id): id is string => !!id,
  );
  const [linked, people] = await Promise.all([
    db.people.bulkGet(linkedIds),
    db.people.where('enterpriseId').equals(enterprise.id).toArray(),
  ]);
  const byId = new Map(linked.filter((p) => isLive(p)).map((p) => [p.id, p]));
  const principal = enterprise.principalId ? byId.get(enterprise.principalId) : undefined;
  return {
    ...(principal ? { principal } : {}),
    safetyOfficers: (enterprise.safetyOfficerIds ?? []).flatMap((id) => byId.get(id) ?? []),
    people: people.filter((p) => isLive(p)),
  };
}

/** Enterprises that name the person as principal or safety officer. */
export async function enterprisesLedBy(ctx: DbContext, personId: string): Promise<Enterprise[]> {
  const { db } = ctx;
  const [asPrincipal, asOfficer] = await Promise.all([
    db.enterprises.where('principalId').equals(personId).toArray(),
    db.enterprises.where('safetyOfficerIds').equals(personId).toArray(),
  ]);
  const all = new Map([...asPrincipal, ...asOfficer].filter((e) => isLive(e)).map((e) => [e.id, e]));
  return [...all.values()];
}

export interface EnterpriseRow {
  enterprise: Enterprise;
  /** Live people whose employer it is. */
  peopleCount: number;
  principal?: Person;
}

/** The register of enterprises with their head count and principal, by name. */
export async function listEnterpriseRows(ctx: DbContext): Promise<EnterpriseRow[]> {
  const [enterprises, counts] = await Promise.all([listEnterprises(ctx), countPeopleByEnterprise(ctx)]);
  const principalIds = [...new Set(enterprises.flatMap((e) => (e.principalId ? [e.principalId] : [])))];
  const principals = new Map(
    (await ctx.db.people.bulkGet(principalIds)).filter((p) => isLive(p)).map((p) => [p.id, p]),
  );
  return enterprises.map((enterprise) => {
    const principal = enterprise.principalId ? principals.get(enterprise.principalId) : undefined;
    return { enterprise, peopleCount: counts.get(enterprise.id) ?? 0, ...(principal ? { principal } : {}) };
  });
}
