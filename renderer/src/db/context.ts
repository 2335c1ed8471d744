import type { SafeTrainDb } from './database';
import type { AuditEntry, RecordMeta } from './records';
import { newId } from '../domain/ids';
import { maskIdNumber } from '../domain/resident-id';

/** What every repository function needs: the database, who is writing, and a clock (injectable for tests). */
export interface DbContext {
  db: SafeTrainDb;
  deviceId: string;
  operator?: string;
  now: () => Date;
}

export type NewRecord<T extends RecordMeta> = Omit<T, keyof RecordMeta>;

export function stampNew<T extends RecordMeta>(ctx: DbContext, data: NewRecord<T>): T {
  const at = ctx.now().toISOString();
  return { ...data, id: newId(), createdAt: at, updatedAt: at, deviceId: ctx.deviceId } as T;
}

export function stampUpdate<T extends RecordMeta>(
  ctx: DbContext,
  record: T,
  patch: Partial<NewRecord<T>>,
): T {
  return { ...record, ...patch, updatedAt: ctx.now().toISOString(), deviceId: ctx.deviceId };
}

/**
 * The record with its fields replaced by `fields` as a form saves them (a field left out is removed), stamped as
 * updated; undefined when nothing changed, so that saving an untouched form writes nothing.
 */
export function stampReplace<T extends RecordMeta>(
  ctx: DbContext,
  before: T,
  fields: NewRecord<T>,
): T | undefined {
  const { id, createdAt, updatedAt, deviceId } = before;
  const record = stampUpdate(ctx, { ...fields, id, createdAt, updatedAt, deviceId } as T, {});
  return Object.keys(diffForAudit(before, record)).length === 0 ? undefined : record;
}

/** Leaves out empty values (undefined, null, blank strings), so that clearing a field in a form removes it. */
export function withoutEmpty<T extends object>(fields: T): T {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, v]) => v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== ''),
    ),
  ) as T;
}

/** The record brought back from its tombstone (merge undone), stamped as a new change so that it travels. */
export function untombstone<T extends RecordMeta>(ctx: DbContext, record: T): T {
  const { deletedAt: _deletedAt, ...rest } = record;
  return { ...rest, updatedAt: ctx.now().toISOString(), deviceId: ctx.deviceId } as T;
}

export function tombstone<T extends RecordMeta>(ctx: DbContext, record: T): T {
  const at = ctx.now().toISOString();
  return { ...record, deletedAt: at, updatedAt: at, deviceId: ctx.deviceId };
}

export function isLive<T extends RecordMeta>(record: T | undefined): record is T {
  return record !== undefined && record.deletedAt === undefined;
}

// The masked ID keeps its first 6 and last 4 characters; the birth date is the 8 in between, so it is hidden too.
const PERSONAL_FIELDS = new Map<string, (value: string) => string>([
  ['idNumber', maskIdNumber],
  ['birthDate', (value) => value.replace(/\d/g, '*')],
]);
// Not changes of their own: the record's stamps, and search keys derived from other fields (people's initials).
const META_FIELDS = new Set(['updatedAt', 'deviceId', 'createdAt', 'nameInitials']);

/**
 * Field-level differences for the audit log, with ID numbers masked and birth dates hidden (together with the
 * masked ID they would spell out the whole number): the log must not hold personal data.
 */
export function diffForAudit(
  before: object | undefined,
  after: object | undefined,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (META_FIELDS.has(key)) continue;
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const masker = PERSONAL_FIELDS.get(key);
    const mask = (v: unknown) => (masker && typeof v === 'string' ? masker(v) : v);
    changes[key] = { before: mask(b[key]), after: mask(a[key]) };
  }
  return changes;
}

/** The audit entry describing one write; for bulk writes that add their entries in one go. */
export function auditEntry(
  ctx: DbContext,
  table: string,
  action: AuditEntry['action'],
  before: RecordMeta | undefined,
  after: RecordMeta,
): AuditEntry {
  return {
    id: newId(),
    at: ctx.now().toISOString(),
    deviceId: ctx.deviceId,
    ...(ctx.operator ? { operator: ctx.operator } : {}),
    table,
    recordId: after.id,
    action,
    changes: diffForAudit(before, after),
  };
}

/** Adds an audit entry; call inside the transaction of the write it describes. */
export async function audit(
  ctx: DbContext,
  table: string,
  action: AuditEntry['action'],
  before: RecordMeta | undefined,
  after: RecordMeta,
): Promise<void> {
  await ctx.db.auditLog.add(auditEntry(ctx, table, action, before, after));
}
