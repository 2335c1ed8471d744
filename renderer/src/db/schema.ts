import type { Dexie, Transaction } from 'dexie';
import { nameInitials } from '../domain/name-initials';

export interface SchemaVersion {
  version: number;
  /** Every table of this version, restated in full (so a version reads as the whole schema at that point). */
  stores: Record<string, string>;
  /** Fills what the version adds into the records of the previous one; runs once, inside the version change. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version of the database, oldest first. Versions are add-only: a released version is never
 * edited; a change is a new version here with its `upgrade` and a test that opens a database of the previous
 * version with data and checks it afterwards (schema.test.ts).
 *
 * Indexes serve the product's lookups: a person by ID number (check-in), people of an enterprise, a session's
 * enrollments and attendance per day, a person's history, a certificate by number. Uniqueness of ID numbers and
 * credit codes is enforced by the repositories, not by unique indexes, because records created on two machines
 * for the same person must still be storable side by side until they are merged.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      enterprises: 'id, name, creditCode, town, industry, updatedAt',
      people: 'id, idNumber, name, phone, enterpriseId, updatedAt',
      courses: 'id, name, updatedAt',
      sessions: 'id, courseId, startDate, status, updatedAt',
      enrollments: 'id, sessionId, personId, [sessionId+personId], updatedAt',
      attendance: 'id, personId, [sessionId+date], [sessionId+personId+date], updatedAt',
      certificates: 'id, number, personId, sessionId, issuedAt, updatedAt',
      settings: 'id',
      auditLog: 'id, at, [table+recordId]',
      counters: 'id',
    },
  },
  {
    // The registers: people found by pinyin initials (a prefix index while the in-memory search warms up),
    // enterprises' principal and safety officers as links to people (found back when two people are merged),
    // and the record of each merge so that it can be undone.
    version: 2,
    stores: {
      enterprises: 'id, name, creditCode, town, industry, updatedAt, principalId, *safetyOfficerIds',
      people: 'id, idNumber, name, phone, enterpriseId, updatedAt, *nameInitials',
      courses: 'id, name, updatedAt',
      sessions: 'id, courseId, startDate, status, updatedAt',
      enrollments: 'id, sessionId, personId, [sessionId+personId], updatedAt',
      attendance: 'id, personId, [sessionId+date], [sessionId+personId+date], updatedAt',
      certificates: 'id, number, personId, sessionId, issuedAt, updatedAt',
      settings: 'id',
      auditLog: 'id, at, [table+recordId]',
      counters: 'id',
      merges: 'id, keptId, removedId, at, updatedAt',
    },
    // A derived search key, not a change of the person: updatedAt stays, so the upgrade does not make every
    // record look newer than edits made meanwhile on another machine.
    upgrade: async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((person: { name?: unknown; nameInitials?: string[] }) => {
          person.nameInitials = nameInitials(typeof person.name === 'string' ? person.name : '');
        });
    },
  },
  {
    // Certificates and archives: people by role (principals and safety officers for reminders), certificates by
    // status and by end of validity (expiry reminders), attendance by date (yearly ledgers and reports).
    version: 3,
    stores: {
      enterprises: 'id, name, creditCode, town, industry, updatedAt, principalId, *safetyOfficerIds',
      people: 'id, idNumber, name, phone, enterpriseId, updatedAt, *nameInitials, role',
      courses: 'id, name, updatedAt',
      sessions: 'id, courseId, startDate, status, updatedAt',
      enrollments: 'id, sessionId, personId, [sessionId+personId], updatedAt',
      attendance: 'id, personId, [sessionId+date], [sessionId+personId+date], updatedAt, date',
      certificates: 'id, number, personId, sessionId, issuedAt, updatedAt, status, validUntil',
      settings: 'id',
      auditLog: 'id, at, [table+recordId]',
      counters: 'id',
      merges: 'id, keptId, removedId, at, updatedAt',
    },
  },
  {
    // Statistics at volume: one maintained aggregate per session (sessionStats, found by any of its dates), the same
    // aggregates packed by calendar month (statsMonths: a year's report reads 12 records, not thousands), and the
    // sessions whose aggregate must be recomputed (statsDirty), marked in the same transaction as every write of
    // attendance or sessions (db/statistics-dirty.ts). Both are derived: not backed up, rebuilt after a restore.
    version: 4,
    stores: {
      enterprises: 'id, name, creditCode, town, industry, updatedAt, principalId, *safetyOfficerIds',
      people: 'id, idNumber, name, phone, enterpriseId, updatedAt, *nameInitials, role',
      courses: 'id, name, updatedAt',
      sessions: 'id, courseId, startDate, status, updatedAt',
      enrollments: 'id, sessionId, personId, [sessionId+personId], updatedAt',
      attendance: 'id, personId, [sessionId+date], [sessionId+personId+date], updatedAt, date',
      certificates: 'id, number, personId, sessionId, issuedAt, updatedAt, status, validUntil',
      settings: 'id',
      auditLog: 'id, at, [table+recordId]',
      counters: 'id',
      merges: 'id, keptId, removedId, at, updatedAt',
      sessionStats: 'id, *dates',
      statsMonths: 'id',
      statsDirty: 'id',
    },
    // The aggregate of existing data is built on first use (a full rebuild, marked by '*'), not inside the version
    // change: at a million attendance records that would hold the app's start for minutes.
    upgrade: async (tx) => {
      await tx.table('statsDirty').put({ id: STATS_REBUILD_ALL, token: 'upgrade' });
    },
  },
  {
    // Managers' yearly hours at volume: every person's credited days, derived from the sessions' aggregates and kept
    // in step with them, packed by a hash of the person's id into 64 records of typed arrays (creditPacks) with the
    // sessions numbered once (creditSessions): coverage and reminders read the hours of 100,000 people in 65 reads
    // instead of every session's aggregate or every person's attendance (domain/credit-packs.ts). Derived.
    version: 5,
    stores: {
      enterprises: 'id, name, creditCode, town, industry, updatedAt, principalId, *safetyOfficerIds',
      people: 'id, idNumber, name, phone, enterpriseId, updatedAt, *nameInitials, role',
      courses: 'id, name, updatedAt',
      sessions: 'id, courseId, startDate, status, updatedAt',
      enrollments: 'id, sessionId, personId, [sessionId+personId], updatedAt',
      attendance: 'id, personId, [sessionId+date], [sessionId+personId+date], updatedAt, date',
      certificates: 'id, number, personId, sessionId, issuedAt, updatedAt, status, validUntil',
      settings: 'id',
      auditLog: 'id, at, [table+recordId]',
      counters: 'id',
      merges: 'id, keptId, removedId, at, updatedAt',
      sessionStats: 'id, *dates',
      statsMonths: 'id',
      statsDirty: 'id',
      creditPacks: 'id',
      creditSessions: 'id',
    },
    // Built from the existing aggregates on first use (seconds; no attendance is read), not inside the version change.
    upgrade: async (tx) => {
      await tx.table('statsDirty').put({ id: CREDITS_REBUILD, token: 'upgrade' });
    },
  },
];

/** Tables derived from the others (statistics): rebuilt rather than backed up, restored or synchronised. */
export const DERIVED_TABLES: readonly string[] = [
  'sessionStats',
  'statsMonths',
  'statsDirty',
  'creditPacks',
  'creditSessions',
];

/** The statsDirty marker that asks for every session's aggregate to be rebuilt (after an upgrade or a restore). */
export const STATS_REBUILD_ALL = '*';

/**
 * The statsDirty marker that asks for the credit packs to be rebuilt from the sessions' aggregates; while it is
 * there, they are not maintained session by session (a full rebuild follows) and readers use the attendance index.
 */
export const CREDITS_REBUILD = '*credits';

/** Whether a statsDirty id is one of the markers above rather than a session's id (session ids never start with '*'). */
export function isRebuildMarker(id: string): boolean {
  return id.startsWith('*');
}

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declares the versions up to `upTo` (all by default; tests pass an older one to build a database of that version). */
export function applySchema(db: Dexie, upTo = CURRENT_SCHEMA_VERSION): void {
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    if (version > upTo) break;
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}
