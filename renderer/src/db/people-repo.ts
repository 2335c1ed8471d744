import type { DbContext, NewRecord } from './context';
import { audit, diffForAudit, isLive, stampNew, stampReplace, stampUpdate, withoutEmpty } from './context';
import type { Enterprise, Person, PersonRole } from './records';
import { toLocalIsoDate } from '../domain/calendar';
import { parsePersonId, type IdDocumentType } from '../domain/id-document';

export interface PersonInput {
  name: string;
  /** As typed or scanned; normalised here. */
  idNumber: string;
  /** Resident ID unless told otherwise. */
  idType?: IdDocumentType;
  phone?: string;
  /** Name of the employer; matched to an existing enterprise or created. */
  enterpriseName?: string;
  role?: PersonRole;
  trade?: string;
}

// Promise chains rather than async/await in these lookups of the check-in path: inside a Dexie transaction each
// native await costs Dexie a zone echo (db/checkin-repo.ts).
export function findPersonByIdNumber(ctx: DbContext, idNumber: string): Promise<Person | undefined> {
  return ctx.db.people
    .where('idNumber')
    .equals(idNumber)
    .toArray()
    .then((matches) => matches.find((p) => isLive(p)));
}

export function getPerson(ctx: DbContext, id: string): Promise<Person | undefined> {
  return ctx.db.people.get(id).then((person) => (isLive(person) ? person : undefined));
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
  const parsed = parsePersonId(input.idType ?? 'resident-id', input.idNumber, {
    today: toLocalIsoDate(ctx.now()),
  });
  if (!parsed.ok) throw new InvalidIdNumberError(parsed.error);
  const enterpriseId = input.enterpriseName?.trim()
    ? (await findOrCreateEnterprise(ctx, input.enterpriseName)).id
    : undefined;
  const fields = {
    name: input.name.trim(),
    idNumber: parsed.id,
    idType: parsed.idType,
    ...(parsed.birthDate ? { birthDate: parsed.birthDate } : {}),
    ...(parsed.gender ? { gender: parsed.gender } : {}),
    ...(parsed.regionCode ? { homeRegion: parsed.regionCode } : {}),
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

/** What the register's form edits. */
export interface PersonFields {
  name: string;
  idType: IdDocumentType;
  /** As typed or scanned; normalised here. */
  idNumber: string;
  /** Read from a resident ID (what is given here is then ignored); entered by hand for other documents. */
  birthDate?: string;
  gender?: 'M' | 'F';
  phone?: string;
  enterpriseId?: string;
  role: PersonRole;
  trade?: string;
}

/** Another live person already holds the ID number: one number is one person, so the write is refused. */
export class DuplicateIdNumberError extends Error {
  constructor(readonly holder: Person) {
    super('ID number already registered to another person');
  }
}

/**
 * Creates a person in the register, or edits one (`id`). The ID number is normalised and checked for its type,
 * and refused with DuplicateIdNumberError when another live person has it. For resident IDs the birth date, gender
 * and home region are read from the number.
 */
export async function savePerson(ctx: DbContext, input: PersonFields, id?: string): Promise<Person> {
  const parsed = parsePersonId(input.idType, input.idNumber, { today: toLocalIsoDate(ctx.now()) });
  if (!parsed.ok) throw new InvalidIdNumberError(parsed.error);
  const { db } = ctx;
  return db.transaction('rw', [db.people, db.auditLog], async () => {
    const before = id ? await db.people.get(id) : undefined;
    if (id && !isLive(before)) throw new Error(`person ${id} not found`);
    const holder = await findPersonByIdNumber(ctx, parsed.id);
    if (holder && holder.id !== id) throw new DuplicateIdNumberError(holder);
    const fromId = parsed.idType === 'resident-id';
    const fields: NewRecord<Person> = withoutEmpty({
      name: input.name.trim(),
      idType: parsed.idType,
      idNumber: parsed.id,
      birthDate: fromId ? parsed.birthDate : input.birthDate,
      gender: fromId ? parsed.gender : input.gender,
      homeRegion: fromId ? parsed.regionCode : undefined,
      phone: input.phone?.trim(),
      enterpriseId: input.enterpriseId,
      role: input.role,
      trade: input.trade?.trim(),
    });
    const record = before ? stampReplace(ctx, before, fields) : stampNew<Person>(ctx, fields);
    if (!record) return before!;
    await db.people.put(record);
    await audit(ctx, 'people', before ? 'update' : 'create', before, record);
    return record;
  });
}

/** The live people whose enterprise is `enterpriseId`. */
export async function listPeopleOfEnterprise(ctx: DbContext, enterpriseId: string): Promise<Person[]> {
  return (await ctx.db.people.where('enterpriseId').equals(enterpriseId).toArray()).filter((p) => isLive(p));
}
