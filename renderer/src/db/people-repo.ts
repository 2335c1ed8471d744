import type { DbContext } from './context';
import { audit, diffForAudit, isLive, stampNew, stampUpdate } from './context';
import type { Enterprise, Person, PersonRole } from './records';
import { toLocalIsoDate } from '../domain/calendar';
import { parseResidentId } from '../domain/resident-id';

export interface PersonInput {
  name: string;
  /** As typed or scanned; normalised here. */
  idNumber: string;
  phone?: string;
  /** Name of the employer; matched to an existing enterprise or created. */
  enterpriseName?: string;
  role?: PersonRole;
  trade?: string;
}

export async function findPersonByIdNumber(ctx: DbContext, idNumber: string): Promise<Person | undefined> {
  const matches = await ctx.db.people.where('idNumber').equals(idNumber).toArray();
  return matches.find((p) => isLive(p));
}

export async function getPerson(ctx: DbContext, id: string): Promise<Person | undefined> {
  const person = await ctx.db.people.get(id);
  return isLive(person) ? person : undefined;
}

export async function listEnterprises(ctx: DbContext): Promise<Enterprise[]> {
  return (await ctx.db.enterprises.orderBy('name').toArray()).filter((e) => isLive(e));
}

/** Finds an enterprise by exact name or creates it; call inside a transaction that includes enterprises. */
export async function findOrCreateEnterprise(ctx: DbContext, name: string): Promise<Enterprise> {
  const trimmed = name.trim();
  const existing = (await ctx.db.enterprises.where('name').equals(trimmed).toArray()).find((e) => isLive(e));
  if (existing) return existing;
  const created = stampNew<Enterprise>(ctx, { name: trimmed });
  await ctx.db.enterprises.add(created);
  await audit(ctx, 'enterprises', 'create', undefined, created);
  return created;
}

export class InvalidIdNumberError extends Error {
  constructor(readonly reason: string) {
    super(`invalid ID number: ${reason}`);
  }
}

/**
 * Creates a person, or updates the one with the same ID number (an ID number is one person). Call inside a
 * transaction over people, enterprises and auditLog.
 */
export async function upsertPerson(
  ctx: DbContext,
  input: PersonInput,
): Promise<{ person: Person; created: boolean }> {
  const parsed = parseResidentId(input.idNumber, { today: toLocalIsoDate(ctx.now()) });
  if (!parsed.ok) throw new InvalidIdNumberError(parsed.error);
  const enterpriseId = input.enterpriseName?.trim()
    ? (await findOrCreateEnterprise(ctx, input.enterpriseName)).id
    : undefined;
  const fields = {
    name: input.name.trim(),
    idNumber: parsed.id,
    idType: 'resident-id' as const,
    birthDate: parsed.birthDate,
    gender: parsed.gender,
    homeRegion: parsed.regionCode,
    ...(input.phone?.trim() ? { phone: input.phone.trim() } : {}),
    ...(enterpriseId ? { enterpriseId } : {}),
    ...(input.trade?.trim() ? { trade: input.trade.trim() } : {}),
  };
  const existing = await findPersonByIdNumber(ctx, parsed.id);
  if (existing) {
    const updated = stampUpdate(ctx, existing, { ...fields, role: input.role ?? existing.role });
    // Nothing changed (same roster scanned again): no write, so the record does not turn newer than edits elsewhere.
    if (Object.keys(diffForAudit(existing, updated)).length === 0)
      return { person: existing, created: false };
    await ctx.db.people.put(updated);
    await audit(ctx, 'people', 'update', existing, updated);
    return { person: updated, created: false };
  }
  const person = stampNew<Person>(ctx, { ...fields, role: input.role ?? 'worker' });
  await ctx.db.people.add(person);
  await audit(ctx, 'people', 'create', undefined, person);
  return { person, created: true };
}
