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
const META_FIELDS = new Set(['updatedAt', 'deviceId', 'createdAt']);

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

/** Adds an audit entry; call inside the transaction of the write it describes. */
export async function audit(
  ctx: DbContext,
  table: string,
  action: AuditEntry['action'],
  before: RecordMeta | undefined,
  after: RecordMeta,
): Promise<void> {
  await ctx.db.auditLog.add({
    id: newId(),
    at: ctx.now().toISOString(),
    deviceId: ctx.deviceId,
    ...(ctx.operator ? { operator: ctx.operator } : {}),
    table,
    recordId: after.id,
    action,
    changes: diffForAudit(before, after),
  });
}
