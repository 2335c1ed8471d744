import type { DbContext } from './context';
import { auditEntry, diffForAudit } from './context';
import type { AuditEntry, RecordMeta, SettingRecord } from './records';
import { manifestBase, readBackupFile } from './backup-repo';
import {
  encodeBackup,
  type BackupManifest,
  type DecodeResult,
  type DecodedBackup,
} from '../domain/backup-format';
import { conflictKey, decideMerge, type MergeDecision } from '../domain/sync-merge';

/**
 * Moving data between machines with no network: a package file (the backup format, kind "sync") of the records
 * changed since the last export, merged on the other machine by record id (domain/sync-merge). What each machine
 * knows about its peers and the conflicts waiting for the coordinator live in the settings table as named records
 * (`sync-…`), so that they are part of every backup and never travel in a package themselves.
 */

/** The tables a package carries: the bureau's records. Counters and this machine's settings stay home. */
export const SYNC_TABLES = [
  'enterprises',
  'people',
  'courses',
  'sessions',
  'enrollments',
  'attendance',
  'certificates',
  'merges',
  'settings',
  'auditLog',
] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

/** The only setting that travels: the bureau's shared settings (issuing body, verification secret, rules). */
const SHARED_SETTING = 'app';
const STATE_ID = 'sync-state';
const PEER_PREFIX = 'sync-peer:';
const CONFLICT_PREFIX = 'sync-conflict:';

interface SyncState {
  /** ISO instant of the last package exported from here (this machine's clock). */
  lastExportAt?: string;
}

export interface PeerState {
  deviceId: string;
  deviceCode: string;
  /** `createdAt` of the newest package taken from that machine: what we have seen of its data. */
  lastPackageAt: string;
  /** When we last imported from it (this machine's clock). */
  lastImportAt: string;
}

export interface SyncConflict {
  table: SyncTable;
  recordId: string;
  /** The other machine's version, kept until the coordinator settles; the local version stays in its table. */
  theirs: RecordMeta;
  fromDeviceCode: string;
  detectedAt: string;
  settled?: { choice: 'mine' | 'theirs'; at: string; operator?: string };
}

type Stored<T> = SettingRecord<T>;

function setting<T>(ctx: DbContext, id: string, value: T, before?: Stored<T>): Stored<T> {
  const at = ctx.now().toISOString();
  return { id, value, createdAt: before?.createdAt ?? at, updatedAt: at, deviceId: ctx.deviceId };
}

async function readSetting<T>(ctx: DbContext, id: string): Promise<Stored<T> | undefined> {
  return (await ctx.db.settings.get(id)) as Stored<T> | undefined;
}

export async function getSyncState(ctx: DbContext): Promise<SyncState> {
  return (await readSetting<SyncState>(ctx, STATE_ID))?.value ?? {};
}

export async function listPeers(ctx: DbContext): Promise<PeerState[]> {
  const rows = await ctx.db.settings.where('id').startsWith(PEER_PREFIX).toArray();
  return rows.map((r) => r.value as PeerState);
}

export async function listConflicts(
  ctx: DbContext,
  options: { open?: boolean } = {},
): Promise<SyncConflict[]> {
  const rows = await ctx.db.settings.where('id').startsWith(CONFLICT_PREFIX).toArray();
  const all = rows.map((r) => r.value as SyncConflict);
  return options.open ? all.filter((c) => !c.settled) : all;
}

function travels(table: SyncTable, record: { id: string }): boolean {
  return table !== 'settings' || record.id === SHARED_SETTING;
}

/**
 * The package of what changed here since the last export (or everything), with what this machine has seen of
 * each peer. Nothing is marked as exported: call markExported once the file is safely written.
 */
export async function buildSyncPackage(
  ctx: DbContext,
  options: { everything: boolean },
): Promise<{
  bytes: Uint8Array;
  manifest: Omit<BackupManifest, 'counts' | 'sha256' | 'format' | 'formatVersion'>;
}> {
  const { db } = ctx;
  const state = await getSyncState(ctx);
  const since = options.everything ? undefined : state.lastExportAt;
  const tables = await db.transaction(
    'r',
    SYNC_TABLES.map((t) => db.table(t)),
    async () => {
      const entries = await Promise.all(
        SYNC_TABLES.map(async (table): Promise<[string, unknown[]]> => {
          const t = db.table<{ id: string }, string>(table);
          let rows: Array<{ id: string }>;
          if (table === 'auditLog') {
            rows = since ? await t.where('at').above(since).toArray() : await t.toArray();
          } else if (table === 'settings') {
            rows = ((await t.toArray()) as RecordMeta[]).filter((r) => !since || r.updatedAt > since);
          } else {
            rows = since ? await t.where('updatedAt').above(since).toArray() : await t.toArray();
          }
          return [table, rows.filter((r) => travels(table, r))];
        }),
      );
      return Object.fromEntries(entries);
    },
  );
  const peers = await listPeers(ctx);
  const manifest = {
    ...(await manifestBase(ctx, 'sync', 'export')),
    ...(since ? { since } : {}),
    seen: Object.fromEntries(peers.map((p) => [p.deviceId, p.lastPackageAt])),
  };
  return { bytes: await encodeBackup(manifest, tables), manifest };
}

export async function markExported(ctx: DbContext, at: string): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.settings, async () => {
    const before = await readSetting<SyncState>(ctx, STATE_ID);
    await ctx.db.settings.put(setting(ctx, STATE_ID, { ...before?.value, lastExportAt: at }, before));
  });
}

export function readSyncPackage(bytes: Uint8Array): Promise<DecodeResult> {
  return readBackupFile(bytes, 'sync');
}

export interface TableMergeSummary {
  table: SyncTable;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Older than the local version: kept local. */
  older: number;
  conflicts: number;
}

export interface SyncImportSummary {
  fromDeviceCode: string;
  tables: TableMergeSummary[];
  conflicts: number;
  /** Nothing would change (the same package again, or nothing new). */
  nothingNew: boolean;
}

export class OwnPackageError extends Error {
  override name = 'OwnPackageError';
}

function isSyncTable(name: string): name is SyncTable {
  return (SYNC_TABLES as readonly string[]).includes(name);
}

/**
 * Merges a package: plans every record with decideMerge and applies the plan in ONE transaction (the whole package
 * or nothing). With `dryRun` it only plans, for the preview shown before the coordinator confirms.
 */
export async function mergeSyncPackage(
  ctx: DbContext,
  pkg: DecodedBackup,
  options: { dryRun?: boolean } = {},
): Promise<SyncImportSummary> {
  const { db } = ctx;
  const { manifest } = pkg;
  if (manifest.deviceId === ctx.deviceId) throw new OwnPackageError('a package from this machine');
  const base = manifest.seen?.[ctx.deviceId] ?? '';
  // statsDirty: imported sessions and attendance mark their statistics for recomputation.
  const touched = [...SYNC_TABLES.map((t) => db.table(t)), db.statsDirty];
  return db.transaction(options.dryRun ? 'r' : 'rw', touched, async () => {
    const conflicts = await listConflicts(ctx);
    const settledKeys = new Set(
      conflicts.filter((c) => c.settled).map((c) => conflictKey(c.table, c.recordId, c.theirs.updatedAt)),
    );
    const openConflicts = new Map(
      conflicts.filter((c) => !c.settled).map((c) => [`${c.table}:${c.recordId}`, c]),
    );
    const summaries: TableMergeSummary[] = [];
    const audits: AuditEntry[] = [];
    for (const [table, rows] of Object.entries(pkg.tables)) {
      if (!isSyncTable(table)) continue;
      const summary: TableMergeSummary = {
        table,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        older: 0,
        conflicts: 0,
      };
      summaries.push(summary);
      const incoming = (rows as RecordMeta[]).filter((r) => travels(table, r));
      const locals = await db.table(table).bulkGet(incoming.map((r) => r.id));
      const writes: RecordMeta[] = [];
      for (const [i, theirs] of incoming.entries()) {
        const local = locals[i] as RecordMeta | undefined;
        if (table === 'auditLog') {
          // Audit entries are append-only: one is either known here or not.
          if (local) summary.unchanged += 1;
          else {
            summary.inserted += 1;
            writes.push(theirs);
          }
          continue;
        }
        const settled = settledKeys.has(conflictKey(table, theirs.id, theirs.updatedAt));
        const decision: MergeDecision = decideMerge(local, theirs, {
          base,
          sender: manifest.deviceId,
          settled,
        });
        switch (decision.action) {
          case 'insert':
          case 'update':
            summary[decision.action === 'insert' ? 'inserted' : 'updated'] += 1;
            writes.push(theirs);
            audits.push(
              auditEntry(
                ctx,
                table,
                theirs.deletedAt ? 'delete' : local ? 'update' : 'create',
                local,
                theirs,
              ),
            );
            break;
          case 'restamp':
            summary.unchanged += 1;
            writes.push(theirs);
            break;
          case 'skip':
            summary[decision.why === 'older' ? 'older' : 'unchanged'] += 1;
            break;
          case 'conflict': {
            const open = openConflicts.get(`${table}:${theirs.id}`);
            // The same conflict from the same package again is no change: it is listed already.
            if (open && open.theirs.updatedAt >= theirs.updatedAt) {
              summary.unchanged += 1;
              break;
            }
            summary.conflicts += 1;
            const conflict: SyncConflict = {
              table,
              recordId: theirs.id,
              theirs,
              fromDeviceCode: manifest.deviceCode,
              detectedAt: ctx.now().toISOString(),
            };
            if (!options.dryRun) {
              await db.settings.put(setting(ctx, `${CONFLICT_PREFIX}${table}:${theirs.id}`, conflict));
            }
            break;
          }
        }
      }
      if (!options.dryRun && writes.length > 0) await db.table(table).bulkPut(writes);
    }
    const changed = summaries.some((s) => s.inserted + s.updated > 0);
    const conflictCount = summaries.reduce((n, s) => n + s.conflicts, 0);
    if (!options.dryRun) {
      if (audits.length > 0) await db.auditLog.bulkAdd(audits);
      const peerId = `${PEER_PREFIX}${manifest.deviceId}`;
      const before = await readSetting<PeerState>(ctx, peerId);
      const lastPackageAt =
        before && before.value.lastPackageAt > manifest.createdAt
          ? before.value.lastPackageAt
          : manifest.createdAt;
      // A package already taken changes nothing, not even the peer's record.
      if (changed || !before || before.value.lastPackageAt !== lastPackageAt) {
        const peer: PeerState = {
          deviceId: manifest.deviceId,
          deviceCode: manifest.deviceCode,
          lastPackageAt,
          lastImportAt: ctx.now().toISOString(),
        };
        await db.settings.put(setting(ctx, peerId, peer, before));
      }
    }
    return {
      fromDeviceCode: manifest.deviceCode,
      tables: summaries,
      conflicts: conflictCount,
      nothingNew: !changed && conflictCount === 0,
    };
  });
}

/** The changed fields of a conflict (ID numbers masked), for the settle screen. */
export async function conflictDetails(
  ctx: DbContext,
  conflict: SyncConflict,
): Promise<{ mine: RecordMeta | undefined; changes: Record<string, { before: unknown; after: unknown }> }> {
  const mine = (await ctx.db.table(conflict.table).get(conflict.recordId)) as RecordMeta | undefined;
  return { mine, changes: diffForAudit(mine, conflict.theirs) };
}

/**
 * Settles a conflict: the chosen version is written as a new change of this machine (so it wins on every machine
 * it travels to next), and the conflict is remembered as settled so the same incoming version never raises it again.
 */
export async function settleConflict(
  ctx: DbContext,
  table: SyncTable,
  recordId: string,
  choice: 'mine' | 'theirs',
): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.table(table), db.settings, db.auditLog, db.statsDirty], async () => {
    const id = `${CONFLICT_PREFIX}${table}:${recordId}`;
    const stored = await readSetting<SyncConflict>(ctx, id);
    if (!stored || stored.value.settled) return;
    const mine = (await db.table(table).get(recordId)) as RecordMeta | undefined;
    const chosen = choice === 'theirs' ? stored.value.theirs : mine;
    if (chosen) {
      const at = ctx.now().toISOString();
      const written = { ...chosen, updatedAt: at, deviceId: ctx.deviceId };
      await db.table(table).put(written);
      await db.auditLog.add(auditEntry(ctx, table, written.deletedAt ? 'delete' : 'update', mine, written));
    }
    const settled: SyncConflict = {
      ...stored.value,
      settled: { choice, at: ctx.now().toISOString(), ...(ctx.operator ? { operator: ctx.operator } : {}) },
    };
    await db.settings.put(setting(ctx, id, settled, stored));
  });
}
