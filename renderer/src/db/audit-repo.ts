import type { DbContext } from './context';
import type { SafeTrainDb } from './database';
import type { AuditEntry, SettingRecord } from './records';

/** The operator (操作员) chosen on this machine: a setting of the machine, never carried to another one. */
const OPERATOR = 'operator';

export async function getOperator(db: SafeTrainDb): Promise<string | undefined> {
  const record = (await db.settings.get(OPERATOR)) as SettingRecord<{ name: string }> | undefined;
  return record?.value.name || undefined;
}

/**
 * Sets who is working at this machine. The open context is updated too, so every write from now on names them in
 * the audit log (repositories read ctx.operator when they write).
 */
export async function setOperator(ctx: DbContext, name: string): Promise<void> {
  const trimmed = name.trim();
  const at = ctx.now().toISOString();
  const before = await ctx.db.settings.get(OPERATOR);
  await ctx.db.settings.put({
    id: OPERATOR,
    value: { name: trimmed },
    createdAt: before?.createdAt ?? at,
    updatedAt: at,
    deviceId: ctx.deviceId,
  });
  if (trimmed) ctx.operator = trimmed;
  else delete ctx.operator;
}

export interface AuditFilter {
  table?: string;
  operator?: string;
  /** ISO instants, inclusive. */
  from?: string;
  to?: string;
}

/** At most this many entries are listed (newest first); the filters narrow it. */
export const AUDIT_LIST_LIMIT = 5000;

/** Audit entries, newest first, through the `at` index. */
export async function listAuditEntries(ctx: DbContext, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const range = ctx.db.auditLog
    .where('at')
    .between(filter.from ?? '', filter.to ?? '\uffff', true, true)
    .reverse();
  const matching = range.filter(
    (e) =>
      (!filter.table || e.table === filter.table) &&
      (!filter.operator || (filter.operator === '-' ? !e.operator : e.operator === filter.operator)),
  );
  return matching.limit(AUDIT_LIST_LIMIT).toArray();
}

/** The operators and tables that appear in the log, for the filter lists. */
export async function auditFacets(ctx: DbContext): Promise<{ operators: string[]; tables: string[] }> {
  const operators = new Set<string>();
  const tables = new Set<string>();
  await ctx.db.auditLog.each((e) => {
    if (e.operator) operators.add(e.operator);
    tables.add(e.table);
  });
  return { operators: [...operators].sort(), tables: [...tables].sort() };
}
