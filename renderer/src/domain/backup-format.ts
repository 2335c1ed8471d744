import { Gzip, gunzipSync } from 'fflate';
import { sha256Hex } from './canonical-hash';

/**
 * The one file format for backups and for sync packages: gzip of two lines of JSON. Line 1 is the manifest
 * (readable without parsing the data, so a list of backups can show what each holds); line 2 is the data, an
 * object of table name -> records. The manifest carries the SHA-256 of line 2 exactly as written, so a flipped
 * byte or a cut file is found before anything is restored.
 */
export const BACKUP_FORMAT = 'safetrain-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupKind = 'backup' | 'sync';

/** Why a backup was written: shown in the list, and the rotation keeps safety copies apart from routine ones. */
export type BackupReason = 'manual' | 'quit' | 'daily' | 'before-restore' | 'before-import' | 'export';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  kind: BackupKind;
  reason: BackupReason;
  /** The database schema version the records are shaped for (db/schema.ts). */
  schemaVersion: number;
  /** ISO instant the file was written. */
  createdAt: string;
  /** The device that wrote it: its installation id and the two-character code of its certificate numbers. */
  deviceId: string;
  deviceCode: string;
  /** Records per table in the data line. */
  counts: Record<string, number>;
  /** SHA-256 (hex) of the data line's UTF-8 bytes. */
  sha256: string;
  /** Sync packages: records changed after this instant (absent: everything). */
  since?: string;
  /**
   * Sync packages: for each device whose data the sender has received, the export time of the newest package it
   * took from that device. The receiver reads its own entry as "what the sender had seen of my data".
   */
  seen?: Record<string, string>;
}

export type BackupTables = Record<string, unknown[]>;

export interface DecodedBackup {
  manifest: BackupManifest;
  tables: BackupTables;
}

export type BackupProblem =
  | { code: 'empty' }
  | { code: 'not-ours' }
  | { code: 'truncated' }
  | { code: 'corrupted' }
  | { code: 'newer-format'; formatVersion: number }
  | { code: 'newer-schema'; schemaVersion: number; supported: number }
  | { code: 'wrong-kind'; kind: BackupKind };

export type DecodeResult = { ok: true; backup: DecodedBackup } | { ok: false; problem: BackupProblem };

export type ManifestInput = Omit<BackupManifest, 'format' | 'formatVersion' | 'counts' | 'sha256'>;

/** Records serialised between two pauses of encodeBackup. */
const ENCODE_CHUNK = 2000;

export interface EncodeOptions {
  /**
   * Awaited between chunks of records while the file is built (e.g. a zero timeout), so that the page can paint
   * and take key presses while a large database is written out. Without it the work runs straight through.
   */
  pause?: () => Promise<void>;
}

/**
 * The data line, exactly JSON.stringify(tables), built a chunk of records at a time with a pause in between.
 */
async function dataPieces(tables: BackupTables, pause?: () => Promise<void>): Promise<string[]> {
  const pieces: string[] = ['{'];
  for (const [i, [name, rows]] of Object.entries(tables).entries()) {
    pieces.push(`${i > 0 ? ',' : ''}${JSON.stringify(name)}:[`);
    for (let start = 0; start < rows.length; start += ENCODE_CHUNK) {
      const chunk = rows.slice(start, start + ENCODE_CHUNK).map((row) => JSON.stringify(row) ?? 'null');
      pieces.push(`${start > 0 ? ',' : ''}${chunk.join(',')}`);
      if (pause) await pause();
    }
    pieces.push(']');
  }
  pieces.push('}');
  return pieces;
}

/**
 * Writes tables into the file format; the counts and the hash are computed here, never trusted from the caller.
 * Serialising and compressing go piece by piece (options.pause between pieces) so that a large backup does not
 * hold the page for seconds in one go.
 */
export async function encodeBackup(
  input: ManifestInput,
  tables: BackupTables,
  options: EncodeOptions = {},
): Promise<Uint8Array> {
  const { pause } = options;
  const pieces = await dataPieces(tables, pause);
  const data = pieces.join('');
  const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...input,
    counts,
    sha256: await sha256Hex(data),
  };
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  const gzip = new Gzip({ level: 6 }, (chunk) => out.push(chunk));
  gzip.push(encoder.encode(`${JSON.stringify(manifest)}\n`));
  for (const piece of pieces) {
    gzip.push(encoder.encode(piece));
    if (pause) await pause();
  }
  gzip.push(encoder.encode('\n'), true);
  const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of out) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

const GZIP_MAGIC = [0x1f, 0x8b];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unzip(bytes: Uint8Array): { text: string } | { problem: BackupProblem } {
  const zipped = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  if (!zipped) {
    // A backup someone unpacked by hand is still accepted; anything else that is not gzip is not ours.
    return bytes[0] === 0x7b ? { text: new TextDecoder().decode(bytes) } : { problem: { code: 'not-ours' } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes)) };
  } catch (error) {
    // fflate says "unexpected EOF" for a cut file; other errors (bad block, bad UTF-8) mean damaged bytes.
    const cut = error instanceof Error && /EOF/i.test(error.message);
    return { problem: { code: cut ? 'truncated' : 'corrupted' } };
  }
}

function readManifest(line: string): BackupManifest | BackupProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { code: 'not-ours' };
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) return { code: 'not-ours' };
  const m = parsed as Partial<BackupManifest>;
  if (typeof m.formatVersion !== 'number') return { code: 'corrupted' };
  if (m.formatVersion > BACKUP_FORMAT_VERSION)
    return { code: 'newer-format', formatVersion: m.formatVersion };
  const wellFormed =
    (m.kind === 'backup' || m.kind === 'sync') &&
    typeof m.schemaVersion === 'number' &&
    Number.isInteger(m.schemaVersion) &&
    m.schemaVersion >= 1 &&
    typeof m.createdAt === 'string' &&
    typeof m.deviceId === 'string' &&
    typeof m.deviceCode === 'string' &&
    typeof m.sha256 === 'string' &&
    isObject(m.counts);
  return wellFormed ? (m as BackupManifest) : { code: 'corrupted' };
}

/**
 * Reads and checks a file: ours, whole, unaltered, of a kind this build understands. Nothing is restored or
 * merged from a file that fails any check; the problem says which check failed, for a message to the user.
 */
export async function decodeBackup(
  bytes: Uint8Array,
  options: { currentSchemaVersion: number; kind?: BackupKind },
): Promise<DecodeResult> {
  if (bytes.length === 0) return { ok: false, problem: { code: 'empty' } };
  const unzipped = unzip(bytes);
  if ('problem' in unzipped) return { ok: false, problem: unzipped.problem };
  const { text } = unzipped;
  const firstBreak = text.indexOf('\n');
  const manifest = readManifest(firstBreak < 0 ? text : text.slice(0, firstBreak));
  if ('code' in manifest) return { ok: false, problem: manifest };
  if (manifest.schemaVersion > options.currentSchemaVersion) {
    const problem = {
      code: 'newer-schema',
      schemaVersion: manifest.schemaVersion,
      supported: options.currentSchemaVersion,
    } as const;
    return { ok: false, problem };
  }
  if (options.kind && manifest.kind !== options.kind) {
    return { ok: false, problem: { code: 'wrong-kind', kind: manifest.kind } };
  }
  if (firstBreak < 0 || !text.endsWith('\n')) return { ok: false, problem: { code: 'truncated' } };
  const data = text.slice(firstBreak + 1, -1);
  if ((await sha256Hex(data)) !== manifest.sha256) return { ok: false, problem: { code: 'corrupted' } };
  let tables: unknown;
  try {
    tables = JSON.parse(data);
  } catch {
    return { ok: false, problem: { code: 'corrupted' } };
  }
  if (!isObject(tables)) return { ok: false, problem: { code: 'corrupted' } };
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows) || manifest.counts[name] !== rows.length) {
      return { ok: false, problem: { code: 'corrupted' } };
    }
    if (!rows.every((row) => isObject(row) && typeof row.id === 'string')) {
      return { ok: false, problem: { code: 'corrupted' } };
    }
  }
  return { ok: true, backup: { manifest, tables: tables as BackupTables } };
}

/** Only the manifest (for a list of backups), or null when the file is not a readable backup. */
export function peekManifest(bytes: Uint8Array): BackupManifest | null {
  const unzipped = unzip(bytes);
  if ('problem' in unzipped) return null;
  const firstBreak = unzipped.text.indexOf('\n');
  const manifest = readManifest(firstBreak < 0 ? unzipped.text : unzipped.text.slice(0, firstBreak));
  return 'code' in manifest ? null : manifest;
}
