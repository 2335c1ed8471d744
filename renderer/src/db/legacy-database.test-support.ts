/**
 * TEST-ONLY (e2e/migrations.spec.ts bundles it and loads it into a page of the app's origin; the app never imports
 * it). Builds the app's database as an older version of the app left it, through Dexie with only that version's
 * schema declared, and reads it back after the app has opened (and upgraded) it, with the current schema.
 */
import Dexie from 'dexie';
import { applySchema, CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema';
import { DATABASE_NAME } from './database';
import { nameInitials } from '../domain/name-initials';

export { CURRENT_SCHEMA_VERSION, nameInitials };

/** The tables that schema version `version` has. */
export function tablesOf(version: number): string[] {
  return Object.keys(SCHEMA_VERSIONS.find((v) => v.version === version)!.stores);
}

/** Creates the database at `version` (no app middleware, no upgrade) and fills it; returns Dexie's version. */
export async function buildDatabaseAtVersion(
  version: number,
  tables: Record<string, unknown[]>,
): Promise<number> {
  const db = new Dexie(DATABASE_NAME);
  applySchema(db, version);
  await db.open();
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.bulkAdd(tables[table.name] ?? []);
    });
    return db.verno;
  } finally {
    db.close();
  }
}

export interface UpgradedDatabase {
  /** The version the database had on disk before this read opened it (what the app upgraded it to). */
  storedVersion: number;
  verno: number;
  tables: Record<string, unknown[]>;
  /** Answers of the indexes later versions added, over the upgraded records. */
  index: {
    peopleByInitials: Record<string, string[]>;
    attendanceByYear: Record<string, number>;
    certificatesByStatus: Record<string, number>;
    peopleByRole: Record<string, number>;
  };
}

/** The database as the app left it after opening it, read with the current schema. */
export async function readUpgradedDatabase(
  initials: string[],
  years: string[],
  statuses: string[],
  roles: string[],
): Promise<UpgradedDatabase> {
  const storedVersion = await new Promise<number>((resolve, reject) => {
    const req = indexedDB.open(DATABASE_NAME);
    req.onsuccess = () => {
      // Dexie stores version n as IndexedDB version n * 10.
      resolve(req.result.version / 10);
      req.result.close();
    };
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  const db = new Dexie(DATABASE_NAME);
  applySchema(db);
  await db.open();
  try {
    const entries = await Promise.all(
      db.tables.map(async (t): Promise<[string, unknown[]]> => [t.name, await t.toArray()]),
    );
    const by = async <T>(keys: string[], read: (key: string) => Promise<T>) =>
      Object.fromEntries(await Promise.all(keys.map(async (k): Promise<[string, T]> => [k, await read(k)])));
    return {
      storedVersion,
      verno: db.verno,
      tables: Object.fromEntries(entries),
      index: {
        peopleByInitials: await by(initials, async (k) =>
          (await db.table('people').where('nameInitials').startsWith(k).primaryKeys()).map(String),
        ),
        attendanceByYear: await by(years, (y) =>
          db.table('attendance').where('date').between(`${y}-01-01`, `${y}-12-31`, true, true).count(),
        ),
        certificatesByStatus: await by(statuses, (s) =>
          db.table('certificates').where('status').equals(s).count(),
        ),
        peopleByRole: await by(roles, (r) => db.table('people').where('role').equals(r).count()),
      },
    };
  } finally {
    db.close();
  }
}
