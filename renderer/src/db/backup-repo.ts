import Dexie, { type IndexableType, type Table } from 'dexie';
import type { DbContext } from './context';
import type { SafeTrainDb } from './database';
import type { AuditEntry, Counter } from './records';
import { applySchema, CURRENT_SCHEMA_VERSION, DERIVED_TABLES, SCHEMA_VERSIONS } from './schema';
import { getDeviceSettings } from './settings-repo';
import {
  decodeBackup,
  encodeBackup,
  type BackupKind,
  type BackupReason,
  type BackupTables,
  type DecodeResult,
  type DecodedBackup,
  type ManifestInput,
} from '../domain/backup-format';
import { compareTables, type RecordStamp, type TableDifference } from '../domain/backup-diff';
import { newId } from '../domain/ids';

/** Every table of the current schema but the derived ones (statistics, rebuilt after a restore): a backup holds them all. */
export const ALL_TABLES: readonly string[] = Object.keys(
  SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.stores,
).filter((t) => !DERIVED_TABLES.includes(t));

/**
 * Settings that describe this installation rather than the bureau's data: a restore keeps the machine's own, so
 * that a backup from another machine never makes two machines issue certificate numbers with the same code.
 */
export const MACHINE_SETTINGS: readonly string[] = ['device', 'operator'];

/** Records per read while taking a snapshot: few requests, yet each result is a short task for the page. */
export const SNAPSHOT_CHUNK = 2000;

/** A table in primary-key order, SNAPSHOT_CHUNK records per request (inside the caller's transaction). */
async function readInChunks(table: Table<object, IndexableType>): Promise<unknown[]> {
  const keyPath = table.schema.primKey.keyPath as string;
  const rows: unknown[] = [];
  let chunk: object[] = await table.orderBy(':id').limit(SNAPSHOT_CHUNK).toArray();
  while (chunk.length > 0) {
    rows.push(...chunk);
    if (chunk.length < SNAPSHOT_CHUNK) break;
    const last = Dexie.getByKeyPath(chunk[chunk.length - 1]!, keyPath) as IndexableType;
    chunk = await table.where(':id').above(last).limit(SNAPSHOT_CHUNK).toArray();
  }
  return rows;
}

/**
 * Everything in the database, read in one transaction so that the copy is of one moment. Table after table in
 * chunks, not every table at once in one piece: the page gets to paint and take keys between the chunks, so a
 * backup of a large database does not freeze the screen while it is read.
 */
export async function snapshotTables(db: SafeTrainDb): Promise<BackupTables> {
  return db.transaction(
    'r',
    ALL_TABLES.map((t) => db.table(t)),
    async () => {
      const tables: BackupTables = {};
      for (const t of ALL_TABLES) tables[t] = await readInChunks(db.table(t));
      return tables;
    },
  );
}

export async function manifestBase(
  ctx: DbContext,
  kind: BackupKind,
  reason: BackupReason,
): Promise<ManifestInput> {
  const device = await getDeviceSettings(ctx.db);
  return {
    kind,
    reason,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: ctx.now().toISOString(),
    deviceId: device?.deviceId ?? ctx.deviceId,
    deviceCode: device?.deviceCode ?? '',
  };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A backup file of the whole database, ready to be written or downloaded. */
export async function createBackupFile(ctx: DbContext, reason: BackupReason): Promise<Uint8Array> {
  const tables = await snapshotTables(ctx.db);
  // A zero timeout between chunks: key presses and paints get their turn while a large database is written out.
  return encodeBackup(await manifestBase(ctx, 'backup', reason), tables, { pause: nextTask });
}

export function readBackupFile(bytes: Uint8Array, kind: BackupKind = 'backup'): Promise<DecodeResult> {
  return decodeBackup(bytes, { currentSchemaVersion: CURRENT_SCHEMA_VERSION, kind });
}

function dexieDeps(db: SafeTrainDb): { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } {
  // The factory this database was opened with (fake-indexeddb in tests), for the scratch database below.
  const options = (
    db as unknown as { _options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } }
  )._options;
  return { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange };
}

/**
 * A backup of an older schema brought to the current one by the upgrade functions of db/schema.ts themselves:
 * loaded into a scratch database of its own version, opened at the current version (the upgrades run), read back.
 * The scratch database is deleted afterwards, whatever happens.
 */
export async function upgradeBackupTables(db: SafeTrainDb, backup: DecodedBackup): Promise<BackupTables> {
  const from = backup.manifest.schemaVersion;
  if (from >= CURRENT_SCHEMA_VERSION) return backup.tables;
  const name = `safetrain-restore-${newId()}`;
  const deps = dexieDeps(db);
  const old = new Dexie(name, deps);
  applySchema(old, from);
  const current = new Dexie(name, deps);
  applySchema(current);
  try {
    await old.open();
    const known = old.tables.map((t) => t.name);
    await old.transaction('rw', old.tables, async () => {
      for (const table of known) await old.table(table).bulkAdd(backup.tables[table] ?? []);
    });
    old.close();
    await current.open();
    const entries = await Promise.all(
      current.tables.map(async (t): Promise<[string, unknown[]]> => [t.name, await t.toArray()]),
    );
    return Object.fromEntries(entries);
  } finally {
    old.close();
    await current.delete();
  }
}

function stamps(tables: BackupTables): Record<string, RecordStamp[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      (rows as RecordStamp[]).map(({ id, updatedAt, deletedAt }) => ({ id, updatedAt, deletedAt })),
    ]),
  );
}

/** Table by table, how the backup differs from the database now. Audit entries have no updatedAt; they are compared by `at`. */
export async function compareWithNow(ctx: DbContext, backup: DecodedBackup): Promise<TableDifference[]> {
  const now = await snapshotTables(ctx.db);
  const auditStamp = (rows: unknown[]) => (rows as AuditEntry[]).map((e) => ({ id: e.id, updatedAt: e.at }));
  const a = stamps(now);
  const b = stamps(backup.tables);
  a.auditLog = auditStamp(now.auditLog ?? []);
  b.auditLog = auditStamp(backup.tables.auditLog ?? []);
  return compareTables(
    Object.fromEntries(ALL_TABLES.map((t) => [t, a[t] ?? []])),
    Object.fromEntries(ALL_TABLES.map((t) => [t, b[t] ?? []])),
  );
}

/**
 * Replaces every table with the backup's records in ONE transaction: if the app is killed or a write fails
 * half-way, IndexedDB rolls the whole transaction back and the database is as it was. What the machine must keep
 * whatever the backup says: its own identity (MACHINE_SETTINGS), and certificate counters that never go
 * backwards (a number issued after the backup was taken must not be issued again).
 *
 * The caller takes a backup of the current state first (features/data), so a restore can itself be undone.
 */
export async function restoreBackup(ctx: DbContext, backup: DecodedBackup): Promise<void> {
  const { db } = ctx;
  const tables = await upgradeBackupTables(db, backup);
  await db.transaction(
    'rw',
    // The derived statistics tables too: clearing attendance marks every aggregate for a rebuild.
    [...ALL_TABLES, ...DERIVED_TABLES].map((t) => db.table(t)),
    async () => {
      // Settings are a few named records: the backup's win, ones it lacks (an older backup, the machine's own)
      // stay, so the machine never loses its identity or the shared settings to an empty backup.
      const settingsNow = await db.settings.toArray();
      const counters = new Map((await db.counters.toArray()).map((c) => [c.id, c.value]));
      for (const table of ALL_TABLES) {
        await db.table(table).clear();
        let rows = (tables[table] ?? []) as Array<{ id: string }>;
        if (table === 'settings') {
          const fromBackup = rows.filter((r) => !MACHINE_SETTINGS.includes(r.id));
          const ids = new Set(fromBackup.map((r) => r.id));
          rows = [...fromBackup, ...settingsNow.filter((r) => !ids.has(r.id))];
        }
        if (table === 'counters') {
          const merged: Counter[] = (rows as Counter[]).map((c) => ({
            ...c,
            value: Math.max(c.value, counters.get(c.id) ?? 0),
          }));
          for (const [id, value] of counters) {
            if (!merged.some((r) => r.id === id)) merged.push({ id, value });
          }
          rows = merged;
        }
        await db.table(table).bulkAdd(rows);
      }
      const entry: AuditEntry = {
        id: newId(),
        at: ctx.now().toISOString(),
        deviceId: ctx.deviceId,
        ...(ctx.operator ? { operator: ctx.operator } : {}),
        table: 'backup',
        recordId: backup.manifest.sha256.slice(0, 16),
        action: 'update',
        changes: {
          restoredFrom: { before: null, after: backup.manifest.createdAt },
          device: { before: null, after: backup.manifest.deviceCode },
        },
      };
      await db.auditLog.add(entry);
    },
  );
}
