import { requiredHours, type Audience, type HourRule, type TrainingKind } from './hour-rules';
import { addDays } from './calendar';

export { addDays };

/*
 * The yearly class-hour ledger (学时台账) of one person against the statutory minimums (hour-rules.ts).
 *
 * The rule chosen, stated here and on screen (archive.ledger.rule):
 * - Hours are counted per calendar year (1 January - 31 December), from the hours credited at attendance.
 * - The first calendar year with credited hours is the initial-training year (初训) when some of that year's hours
 *   come from an initial course; every later year is a refresher year (再培训). A person whose first hours on
 *   record are from refresher courses had their initial training elsewhere, so every year is a refresher year.
 * - Each year's minimum comes from the table for the person's role and their enterprise's industry (high-risk or
 *   not); a year with no rule (a worker outside the high-risk industries after the first year) has no minimum.
 * - Every year's obligation falls due on 31 December of that year.
 *
 * Status (what the reminders chase):
 * - never-trained: no hours on record;
 * - overdue: last year's minimum was missed and this year's is not met yet;
 * - due: this year's minimum is not met yet and 31 December is within `dueWithinDays`;
 * - current: otherwise (this year's minimum met, or time left, or no yearly refresher at all: a worker outside
 *   the high-risk industries is current once trained; the employer's pre-job training is shown, not chased).
 */

export type TrainingStatus = 'current' | 'due' | 'overdue' | 'never-trained';

/** Hours credited on one day of training. */
export interface LedgerAttendance {
  /** YYYY-MM-DD. */
  date: string;
  hours: number;
  /** The kind of the course attended. */
  kind: TrainingKind;
}

export interface LedgerInput {
  audience: Audience;
  highRisk: boolean;
  attendance: readonly LedgerAttendance[];
  rules: readonly HourRule[];
  /** YYYY-MM-DD: the ledger runs up to this day's year. */
  today: string;
  /** How far ahead a coming deadline counts as due. */
  dueWithinDays: number;
}

export interface LedgerYear {
  year: number;
  kind: TrainingKind;
  hours: number;
  /** The statutory minimum for the year, or null where no rule applies. */
  required: number | null;
  /** Whether the minimum was reached; null where there is none. */
  met: boolean | null;
}

export interface HourLedger {
  /** Every calendar year from the first with hours up to today's, oldest first; empty when never trained. */
  years: LedgerYear[];
  status: TrainingStatus;
  /** The deadline the status refers to (YYYY-MM-DD): the missed one when overdue, this year's when due. */
  dueDate?: string;
  /** Days from today to dueDate (negative when past). */
  daysUntilDue?: number;
}

// Float tolerance: credited hours are sums of halves and shares.
const EPSILON = 1e-9;

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

function endOfYear(year: number): string {
  return `${year}-12-31`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); time zones play no part. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => Date.UTC(yearOf(iso), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The person's ledger and status under the rule described at the top of this file. */
export function hourLedger(input: LedgerInput): HourLedger {
  const { audience, highRisk, rules, today, dueWithinDays } = input;
  const trained = input.attendance.filter((a) => a.hours > 0);
  if (trained.length === 0) return { years: [], status: 'never-trained' };

  const hoursByYear = new Map<number, number>();
  for (const a of trained) hoursByYear.set(yearOf(a.date), (hoursByYear.get(yearOf(a.date)) ?? 0) + a.hours);
  const firstYear = Math.min(...hoursByYear.keys());
  const firstYearHadInitial = trained.some((a) => yearOf(a.date) === firstYear && a.kind === 'initial');
  const thisYear = yearOf(today);
  const lastYear = Math.max(thisYear, ...hoursByYear.keys());

  const years: LedgerYear[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    const kind: TrainingKind = year === firstYear && firstYearHadInitial ? 'initial' : 'refresher';
    const hours = hoursByYear.get(year) ?? 0;
    const required = requiredHours(rules, { audience, kind, highRisk });
    years.push({ year, kind, hours, required, met: required === null ? null : hours + EPSILON >= required });
  }

  // Without a yearly refresher rule there is nothing to chase once trained.
  if (requiredHours(rules, { audience, kind: 'refresher', highRisk }) === null) {
    return { years, status: 'current' };
  }
  const current = years.find((y) => y.year === thisYear);
  if (!current || current.met !== false) return { years, status: 'current' };
  const previous = years.find((y) => y.year === thisYear - 1);
  if (previous?.met === false) {
    const dueDate = endOfYear(previous.year);
    return { years, status: 'overdue', dueDate, daysUntilDue: daysBetween(today, dueDate) };
  }
  const dueDate = endOfYear(thisYear);
  const daysUntilDue = daysBetween(today, dueDate);
  return { years, status: daysUntilDue <= dueWithinDays ? 'due' : 'current', dueDate, daysUntilDue };
}

const AUDIENCE_RANK: Record<Audience, number> = { worker: 0, 'safety-officer': 1, principal: 2 };

/**
 * Whose hour rules apply to a person: the strongest of their own role and the roles enterprises give them
 * (named as principal or safety officer), and high-risk when any enterprise they work for or lead is high-risk.
 * One person can lead a group and its branches; the strictest minimum is the one the law holds them to.
 */
export function obligationOf(input: {
  role: Audience;
  /** Roles given by enterprises that name the person. */
  linkedRoles: readonly Audience[];
  /** Whether each enterprise they work for or lead is high-risk. */
  enterprisesHighRisk: readonly boolean[];
}): { audience: Audience; highRisk: boolean } {
  const audience = [input.role, ...input.linkedRoles].reduce((best, r) =>
    AUDIENCE_RANK[r] > AUDIENCE_RANK[best] ? r : best,
  );
  return { audience, highRisk: input.enterprisesHighRisk.some(Boolean) };
}
