/**
 * What the benchmark seeds. Bump SEED_VERSION whenever the generator or the schema changes what is written: the
 * seeded browser profiles are cached under bench/.cache/<SEED_VERSION>/ and a new version seeds afresh.
 */
export const SEED_VERSION = 'seed-v5b-schema5';

/**
 * The seed version a cache of SEED_VERSION can be derived from instead of seeding afresh (50 minutes at full size):
 * the same records, opened by the current app (its schema upgrade runs) and with the statistics aggregate rebuilt
 * (`window.bench.upgrade`). Set it when a schema change only adds what the app derives from the seeded records.
 */
export const DERIVED_FROM_SEED_VERSION = 'seed-v4-schema4';

export interface BenchSize {
  /** Folder name of the cached profile and key in results.json. */
  name: 'full' | 'tenth' | 'tiny';
  people: number;
  enterprises: number;
  sessions: number;
  /** Enrolled per session; sessions have two days, so attendance = sessions * enrolled * 2. */
  enrolledPerSession: number;
  /** Certificates per session: the first N enrolled. */
  certificatesPerSession: number;
  /** People enrolled in the check-in station's session (no attendance yet), the pool the check-in figures scan. */
  stationEnrolled: number;
}

export const SIZES: Readonly<Record<BenchSize['name'], BenchSize>> = {
  // 100,000 people, 5,000 enterprises, 20,000 sessions, 1,000,000 attendance records, 200,000 certificates.
  full: {
    name: 'full',
    people: 100_000,
    enterprises: 5_000,
    sessions: 20_000,
    enrolledPerSession: 25,
    certificatesPerSession: 10,
    stationEnrolled: 2_000,
  },
  tenth: {
    name: 'tenth',
    people: 10_000,
    enterprises: 500,
    sessions: 2_000,
    enrolledPerSession: 25,
    certificatesPerSession: 10,
    stationEnrolled: 2_000,
  },
  // For tests and for checking that the app opens a seeded database.
  tiny: {
    name: 'tiny',
    people: 300,
    enterprises: 20,
    sessions: 40,
    enrolledPerSession: 25,
    certificatesPerSession: 10,
    stationEnrolled: 100,
  },
};

export function attendanceCount(size: BenchSize): number {
  return size.sessions * size.enrolledPerSession * 2;
}

export function certificateCount(size: BenchSize): number {
  return size.sessions * size.certificatesPerSession;
}
