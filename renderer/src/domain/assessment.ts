/**
 * 考核: what one row of the assessment table means. Where a score is entered and the course has a pass score,
 * the score decides (so a typed 59 against a pass score of 60 can never be marked passed by a slip of the mouse);
 * otherwise the coordinator decides pass/fail directly (an oral or practical test often has no score).
 */
export interface AssessmentEntryInput {
  score?: number;
  /** The coordinator's own pass/fail, used when the score does not decide. */
  passed?: boolean;
}

export const MAX_ASSESSMENT_SCORE = 1000;

/** Whether a score may be stored: a finite number from 0 up to a generous maximum (some tests are out of 150). */
export function isValidScore(score: number): boolean {
  return Number.isFinite(score) && score >= 0 && score <= MAX_ASSESSMENT_SCORE;
}

/** Whether the score decides pass/fail for this course. */
export function scoreDecides(score: number | undefined, passScore: number | undefined): boolean {
  return score !== undefined && passScore !== undefined;
}

/**
 * The pass/fail to store for an entry, or undefined when nothing is recorded (no score, no decision): the person
 * then has no assessment result at all, which is different from a fail.
 */
export function assessmentPassed(
  entry: AssessmentEntryInput,
  passScore: number | undefined,
): boolean | undefined {
  if (entry.score !== undefined && passScore !== undefined) return entry.score >= passScore;
  return entry.passed;
}
