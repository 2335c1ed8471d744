import type { DbContext } from './context';
import { isLive } from './context';
import type { AssessmentResult } from './records';
import { sessionRoster } from './enrollments-repo';
import { getAppSettings } from './settings-repo';
import { sessionTotalHours } from '../domain/session-days';
import { certificateEligibility, type IneligibleReason } from '../domain/certificate-eligibility';

/** One enrolled person of a session, and whether (or why not) they earned a certificate. */
export interface EligibilityRow {
  personId: string;
  name: string;
  /** Personal data: callers mask it on screen. */
  idNumber: string;
  enterpriseName?: string;
  /** Sum of the hours credited over the session's days. */
  hoursCredited: number;
  /** The session's planned class hours. */
  sessionHours: number;
  assessment?: AssessmentResult;
  assessmentRequired: boolean;
  eligible: boolean;
  reasons: IneligibleReason[];
  /** A valid certificate already issued to this person for this session. */
  certificateId?: string;
}

/**
 * Everyone enrolled in a session (cancelled enrollments left out), in enrollment order, with the eligibility rule
 * applied under the current settings (class-hour length, share of hours) and the course's assessment rule.
 */
export async function sessionEligibility(ctx: DbContext, sessionId: string): Promise<EligibilityRow[]> {
  const { db } = ctx;
  const session = await db.sessions.get(sessionId);
  if (!isLive(session)) throw new Error(`session ${sessionId} not found`);
  const course = await db.courses.get(session.courseId);
  const settings = await getAppSettings(db);
  const sessionHours = sessionTotalHours(session.days, settings.minutesPerClassHour);
  const assessmentRequired = course?.assessmentRequired === true;
  const roster = await sessionRoster(ctx, sessionId);
  return roster.map((row) => {
    const { assessment } = row.enrollment;
    const { eligible, reasons } = certificateEligibility({
      hoursCredited: row.hoursCredited,
      sessionHours,
      minShare: settings.attendanceRules.minShareForCredit,
      assessmentRequired,
      ...(assessment ? { assessment } : {}),
    });
    return {
      personId: row.person.id,
      name: row.person.name,
      idNumber: row.person.idNumber,
      ...(row.enterpriseName ? { enterpriseName: row.enterpriseName } : {}),
      hoursCredited: row.hoursCredited,
      sessionHours,
      ...(assessment ? { assessment } : {}),
      assessmentRequired,
      eligible,
      reasons,
      ...(row.certificate ? { certificateId: row.certificate.id } : {}),
    };
  });
}
