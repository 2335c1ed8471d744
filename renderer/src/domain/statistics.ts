import type { AttendanceStatus } from './attendance';

/** A reporting period: both ends inclusive, YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

/**
 * The headline figures of training over a period. A person-day is one attendance record (one person on one
 * session day); only days inside the period count, so a session spanning the period's edge contributes the days
 * inside it.
 */
export interface TrainingSummary {
  /** Sessions held: not cancelled (and not deleted), with at least one day in the period. */
  sessions: number;
  /** Distinct people credited with attendance (present, late or left early) on at least one day in the period. */
  people: number;
  /** 人次: distinct (person, session) pairs with at least one attended day in the period. */
  personTimes: number;
  /** Class hours (学时) credited on the period's days, summed over everyone. */
  personHours: number;
  /**
   * Attended person-days / (attended + absent) person-days in the period; excused days count on neither side.
   * null when there is no attended or absent day.
   */
  attendanceRate: number | null;
}

/** Statuses that credit attendance (the person was there). */
export const ATTENDED_STATUSES: ReadonlySet<AttendanceStatus> = new Set(['present', 'late', 'left-early']);

/** Compact status codes stored in the aggregate: the index in this list. */
export const STATUS_CODES: readonly AttendanceStatus[] = Object.freeze([
  'present',
  'late',
  'left-early',
  'absent',
  'excused',
]);
/** Codes 0 to 2 (present, late, left early) credit attendance. */
const LAST_ATTENDED_CODE = 2;
const ABSENT_CODE = 3;

/**
 * The maintained aggregate of one session (the database keeps one per session in `sessionStats` and recomputes it
 * whenever the session or its attendance changes). Attendees are compact columns; the employer and home region are
 * those at the time of computation, since training statistics count the employer at training time.
 *
 * Columns are stored as joined strings and typed arrays rather than arrays of values: IndexedDB deserialises one
 * string or one typed array far faster than hundreds of small values, and a year's report reads thousands of these.
 */
export interface SessionStats {
  /** The session's id. */
  id: string;
  /** Every date of the session: its days, plus any date attendance was recorded for. Sorted. */
  dates: string[];
  /** Held: the session is live and not cancelled. */
  held: boolean;
  courseId: string;
  venue: string;
  hostEnterpriseId?: string;
  /** Attendees (everyone with a live attendance record): their person ids joined by spaces. */
  people: string;
  /** Each attendee's employer when computed ('' for none), joined by spaces. */
  employers: string;
  /** Each attendee's home region code (6 digits, from the ID) when computed ('' for unknown), joined by spaces. */
  regions: string;
  /** One triple per live attendance record: attendee index, index into `dates`, status code (STATUS_CODES). */
  marks: Uint16Array;
  /** Class hours credited per attendance record, in the order of `marks`. */
  hours: Float64Array;
}

/** The attendee columns of an aggregate as arrays (index = attendee). */
export function attendeesOf(stats: Pick<SessionStats, 'people' | 'employers' | 'regions'>): {
  personIds: string[];
  enterpriseIds: string[];
  homeRegions: string[];
} {
  if (stats.people === '') return { personIds: [], enterpriseIds: [], homeRegions: [] };
  return {
    personIds: stats.people.split(' '),
    enterpriseIds: stats.employers.split(' '),
    homeRegions: stats.regions.split(' '),
  };
}

/**
 * The aggregates of every session with a date in one calendar month, packed into one record (id YYYY-MM): reading a
 * record from IndexedDB costs far more than its size, so a year's report reads twelve of these rather than
 * thousands of sessions. A session spanning two months is in both.
 */
export interface StatsMonth {
  id: string;
  sessions: SessionStats[];
}

/** The calendar months (YYYY-MM) a session's aggregate belongs to. */
export function monthsOf(stats: Pick<SessionStats, 'dates'>): string[] {
  return [...new Set(stats.dates.map((d) => d.slice(0, 7)))];
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOfPeriod(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const id = `${year}-${String(month).padStart(2, '0')}`;
    if (id > last) return months;
    months.push(id);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** A month's sessions with some replaced or removed (by id) and others added; kept ordered by session id. */
export function replaceInMonth(
  sessions: readonly SessionStats[],
  removed: ReadonlySet<string>,
  added: readonly SessionStats[],
): SessionStats[] {
  const replaced = new Set([...removed, ...added.map((s) => s.id)]);
  return [...sessions.filter((s) => !replaced.has(s.id)), ...added].sort((a, b) => a.id.localeCompare(b.id));
}

/** What the aggregate needs of a session. */
export interface StatsSessionInput {
  id: string;
  days: readonly { date: string }[];
  status: string;
  courseId: string;
  venue: string;
  hostEnterpriseId?: string;
  deletedAt?: string;
}

/** What the aggregate needs of an attendance record. */
export interface StatsAttendanceInput {
  personId: string;
  date: string;
  status: AttendanceStatus;
  hoursCredited: number;
  deletedAt?: string;
}

/** What the aggregate needs of a person. */
export interface StatsPersonInput {
  enterpriseId?: string;
  homeRegion?: string;
}

/**
 * Builds one session's aggregate from its records (tombstoned attendance left out). Deterministic: attendees are
 * ordered by person id and marks by attendee then date, so a recomputation from scratch equals the maintained one.
 */
export function buildSessionStats(
  session: StatsSessionInput,
  attendance: readonly StatsAttendanceInput[],
  personOf: (personId: string) => StatsPersonInput | undefined,
): SessionStats {
  const live = attendance.filter((a) => a.deletedAt === undefined);
  const dates = [...new Set([...session.days.map((d) => d.date), ...live.map((a) => a.date)])].sort();
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const personIds = [...new Set(live.map((a) => a.personId))].sort();
  const personIndex = new Map(personIds.map((p, i) => [p, i]));
  const sorted = [...live].sort(
    (a, b) => a.personId.localeCompare(b.personId) || a.date.localeCompare(b.date),
  );
  const marks = new Uint16Array(sorted.length * 3);
  const hours = new Float64Array(sorted.length);
  sorted.forEach((a, i) => {
    marks[i * 3] = personIndex.get(a.personId)!;
    marks[i * 3 + 1] = dateIndex.get(a.date)!;
    marks[i * 3 + 2] = STATUS_CODES.indexOf(a.status);
    hours[i] = a.hoursCredited;
  });
  const people = personIds.map(personOf);
  return {
    id: session.id,
    dates,
    held: session.deletedAt === undefined && session.status !== 'cancelled',
    courseId: session.courseId,
    venue: session.venue,
    ...(session.hostEnterpriseId ? { hostEnterpriseId: session.hostEnterpriseId } : {}),
    people: personIds.join(' '),
    employers: people.map((p) => p?.enterpriseId ?? '').join(' '),
    regions: people.map((p) => p?.homeRegion ?? '').join(' '),
    marks,
    hours,
  };
}

/** Whether a session has at least one date in the period. */
export function inPeriod(stats: Pick<SessionStats, 'dates'>, period: Period): boolean {
  return stats.dates.some((d) => d >= period.from && d <= period.to);
}

/**
 * Each attendee's days and hours in one session over the period, in columns indexed by attendee; `counted` marks
 * attendees with any record inside the period.
 */
interface AttendeeColumns {
  counted: Uint8Array;
  attended: Int32Array;
  absent: Int32Array;
  hours: Float64Array;
}

/** Reused column buffers: a year's report visits thousands of sessions, and allocating four arrays each costs. */
let buffers: AttendeeColumns = {
  counted: new Uint8Array(64),
  attended: new Int32Array(64),
  absent: new Int32Array(64),
  hours: new Float64Array(64),
};

/** The columns of one session's attendees (valid until the next call: they share one buffer). */
function attendeeColumns(stats: SessionStats, count: number, period: Period): AttendeeColumns {
  const inside = stats.dates.map((d) => d >= period.from && d <= period.to);
  if (buffers.counted.length < count) {
    const size = Math.max(count, buffers.counted.length * 2);
    buffers = {
      counted: new Uint8Array(size),
      attended: new Int32Array(size),
      absent: new Int32Array(size),
      hours: new Float64Array(size),
    };
  }
  const columns = buffers;
  columns.counted.fill(0, 0, count);
  columns.attended.fill(0, 0, count);
  columns.absent.fill(0, 0, count);
  columns.hours.fill(0, 0, count);
  const { marks, hours } = stats;
  for (let i = 0, r = 0; i < marks.length; i += 3, r += 1) {
    if (!inside[marks[i + 1]!]) continue;
    const attendee = marks[i]!;
    const code = marks[i + 2]!;
    columns.counted[attendee] = 1;
    if (code <= LAST_ATTENDED_CODE) columns.attended[attendee]! += 1;
    else if (code === ABSENT_CODE) columns.absent[attendee]! += 1;
    columns.hours[attendee]! += hours[r]!;
  }
  return columns;
}

function attendeeCount(stats: Pick<SessionStats, 'people'>): number {
  if (stats.people === '') return 0;
  let count = 1;
  for (let i = stats.people.indexOf(' '); i !== -1; i = stats.people.indexOf(' ', i + 1)) count += 1;
  return count;
}

/**
 * The rows of a report being accumulated. Distinct counts are where the time goes at volume (a year has a million
 * (row, person) pairs), so no row keeps a Set: sessions are counted with a per-row stamp (sessions arrive one after
 * another), and people by gathering (person, row) pairs and counting them grouped by person, once at the end.
 */
class Tally {
  readonly rows: SummaryBuilder[] = [];
  private readonly pairPeople: number[] = [];
  private readonly pairRows: number[] = [];

  newRow(): SummaryBuilder {
    const builder = new SummaryBuilder(this, this.rows.length);
    this.rows.push(builder);
    return builder;
  }

  attended(person: number, row: number): void {
    this.pairPeople.push(person);
    this.pairRows.push(row);
  }

  /** Fills in every row's distinct people; `people` is how many distinct people were numbered. */
  countPeople(people: number): void {
    const start = new Int32Array(people + 1);
    for (const p of this.pairPeople) start[p + 1]! += 1;
    for (let p = 0; p < people; p += 1) start[p + 1]! += start[p]!;
    const next = start.slice(0, people);
    const rowsByPerson = new Int32Array(this.pairRows.length);
    this.pairPeople.forEach((p, k) => (rowsByPerson[next[p]!++] = this.pairRows[k]!));
    const stamp = new Int32Array(this.rows.length).fill(-1);
    for (let p = 0; p < people; p += 1) {
      for (let k = start[p]!; k < start[p + 1]!; k += 1) {
        const row = rowsByPerson[k]!;
        if (stamp[row] === p) continue;
        stamp[row] = p;
        this.rows[row]!.people += 1;
      }
    }
  }
}

/** Accumulates one row's TrainingSummary (see Tally for how the distinct counts are made). */
class SummaryBuilder {
  sessions = 0;
  people = 0;
  personTimes = 0;
  hours = 0;
  attended = 0;
  absent = 0;
  private lastSession = -1;

  constructor(
    private readonly tally: Tally,
    private readonly id: number,
  ) {}

  countSession(session: number): void {
    if (this.lastSession === session) return;
    this.lastSession = session;
    this.sessions += 1;
  }

  /** One attendee of session `session` over the period; `countSession` counts the session when they attended. */
  add(columns: AttendeeColumns, a: number, person: number, session: number, countSession: boolean): void {
    const attended = columns.attended[a]!;
    this.attended += attended;
    this.absent += columns.absent[a]!;
    this.hours += columns.hours[a]!;
    if (attended > 0) {
      this.tally.attended(person, this.id);
      this.personTimes += 1;
      if (countSession) this.countSession(session);
    }
  }

  result(): TrainingSummary {
    const days = this.attended + this.absent;
    return {
      sessions: this.sessions,
      people: this.people,
      personTimes: this.personTimes,
      personHours: Math.round(this.hours * 100) / 100,
      attendanceRate: days === 0 ? null : this.attended / days,
    };
  }
}

/** Numbers strings (person ids) in order of first sight. */
class Interner {
  private readonly numbers = new Map<string, number>();
  get size(): number {
    return this.numbers.size;
  }
  of(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(value, n);
    }
    return n;
  }
}

/** The breakdowns a statistics report shows. */
export type BreakdownDimension =
  'audience' | 'course' | 'town' | 'industry' | 'enterprise' | 'province' | 'site';

/** Dimensions that group sessions (a row counts the sessions held in it); the others group people. */
export const SESSION_DIMENSIONS: ReadonlySet<BreakdownDimension> = new Set(['audience', 'course', 'site']);

/** One row of a breakdown: `key` is an audience code, course id, town, industry code, enterprise id, province code or site; '' = not known. */
export interface BreakdownRow extends TrainingSummary {
  key: string;
}

/** The lookups a report needs beyond the aggregate (current, small tables). */
export interface StatisticsLookups {
  /** A course's audience. */
  audienceOf: (courseId: string) => string | undefined;
  /** An enterprise's town and industry. */
  enterpriseOf: (enterpriseId: string) => { town?: string; industry?: string } | undefined;
}

export interface StatisticsReport {
  period: Period;
  summary: TrainingSummary;
  /**
   * Rows per dimension, largest first by person-times. Session dimensions (audience, course, site) count the
   * sessions held in the row; people dimensions (town, industry, enterprise, province) count the sessions a row's
   * people attended. `province` and `site` cover migrant workers only: attendees of worker-audience courses.
   * A site is the host enterprise's id prefixed `enterprise:` where the session is hosted, else `venue:` and the venue.
   */
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
}

/** The 2-digit province code of a 6-digit region code ('' when unknown). */
export function provinceCodeOf(region: string): string {
  return /^\d{2}/.test(region) ? region.slice(0, 2) : '';
}

/** Every breakdown, in the order the page and the printed report show them. */
export const DIMENSIONS: readonly BreakdownDimension[] = [
  'audience',
  'course',
  'town',
  'industry',
  'enterprise',
  'province',
  'site',
];

/**
 * The statistics of a period from the sessions' aggregates (those without a date in the period are skipped):
 * the summary and every breakdown. See {@link TrainingSummary} for the definitions.
 */
export function statisticsReport(
  all: readonly SessionStats[],
  period: Period,
  lookups: StatisticsLookups,
): StatisticsReport {
  const tally = new Tally();
  const total = tally.newRow();
  const rows = new Map<BreakdownDimension, Map<string, SummaryBuilder>>(
    DIMENSIONS.map((d) => [d, new Map()]),
  );
  const row = (dimension: BreakdownDimension, key: string): SummaryBuilder => {
    const byKey = rows.get(dimension)!;
    const found = byKey.get(key);
    if (found) return found;
    const builder = tally.newRow();
    byKey.set(key, builder);
    return builder;
  };
  // An employer's three rows, looked up once per employer rather than once per attendee.
  const employerRows = new Map<string, SummaryBuilder[]>();
  const rowsOfEmployer = (enterpriseId: string): SummaryBuilder[] => {
    let found = employerRows.get(enterpriseId);
    if (!found) {
      const enterprise = enterpriseId ? lookups.enterpriseOf(enterpriseId) : undefined;
      found = [
        row('town', enterprise?.town ?? ''),
        row('industry', enterprise?.industry ?? ''),
        row('enterprise', enterpriseId),
      ];
      employerRows.set(enterpriseId, found);
    }
    return found;
  };
  const people = new Interner();

  all.forEach((stats, session) => {
    if (!stats.held || !inPeriod(stats, period)) return;
    const audience = lookups.audienceOf(stats.courseId) ?? '';
    const workers = audience === 'worker';
    const sessionRows = [row('audience', audience), row('course', stats.courseId)];
    if (workers) {
      sessionRows.push(
        row('site', stats.hostEnterpriseId ? `enterprise:${stats.hostEnterpriseId}` : `venue:${stats.venue}`),
      );
    }
    total.countSession(session);
    for (const r of sessionRows) r.countSession(session);

    const count = attendeeCount(stats);
    if (count === 0) return;
    const columns = attendeeColumns(stats, count, period);
    const { personIds, enterpriseIds, homeRegions } = attendeesOf(stats);
    for (let a = 0; a < count; a += 1) {
      if (!columns.counted[a]) continue;
      const person = people.of(personIds[a]!);
      total.add(columns, a, person, session, false);
      for (const r of sessionRows) r.add(columns, a, person, session, false);
      // The people rows count the sessions their people attended (session rows counted theirs above).
      for (const r of rowsOfEmployer(enterpriseIds[a] ?? '')) r.add(columns, a, person, session, true);
      if (workers)
        row('province', provinceCodeOf(homeRegions[a] ?? '')).add(columns, a, person, session, true);
    }
  });
  tally.countPeople(people.size);

  const breakdowns = Object.fromEntries(
    DIMENSIONS.map((dimension) => [
      dimension,
      [...rows.get(dimension)!]
        .map(([key, builder]) => ({ key, ...builder.result() }))
        .sort(
          (a, b) => b.personTimes - a.personTimes || b.sessions - a.sessions || a.key.localeCompare(b.key),
        ),
    ]),
  ) as Record<BreakdownDimension, BreakdownRow[]>;
  return { period, summary: total.result(), breakdowns };
}

/** The summary alone (the dashboard's figures). */
export function trainingSummaryOf(all: readonly SessionStats[], period: Period): TrainingSummary {
  const tally = new Tally();
  const total = tally.newRow();
  const people = new Interner();
  all.forEach((stats, session) => {
    if (!stats.held || !inPeriod(stats, period)) return;
    total.countSession(session);
    const count = attendeeCount(stats);
    if (count === 0) return;
    const columns = attendeeColumns(stats, count, period);
    const personIds = stats.people.split(' ');
    for (let a = 0; a < count; a += 1) {
      if (columns.counted[a]) total.add(columns, a, people.of(personIds[a]!), session, false);
    }
  });
  tally.countPeople(people.size);
  return total.result();
}
