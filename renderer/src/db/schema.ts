import type Dexie from 'dexie';

/**
 * Every schema version of the database, oldest first. Versions are add-only: a released version is never
 * edited; a change is a new `db.version(n)` here with its `.upgrade()` and a test that opens a database of the
 * previous version with data and checks it afterwards.
 *
 * Indexes serve the product's lookups: a person by ID number (check-in), people of an enterprise, a session's
 * enrollments and attendance per day, a person's history, a certificate by number. Uniqueness of ID numbers and
 * credit codes is enforced by the repositories, not by unique indexes, because records created on two machines
 * for the same person must still be storable side by side until they are merged.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
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
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function applySchema(db: Dexie): void {
  for (const { version, stores } of SCHEMA_VERSIONS) {
    db.version(version).stores(stores);
  }
}
