import type { DbContext } from '../../db/context';
import { saveCourse } from '../../db/courses-repo';
import { saveEnterprise } from '../../db/enterprises-repo';
import { enrollExistingPerson } from '../../db/enrollments-repo';
import { savePerson } from '../../db/people-repo';
import { saveSession } from '../../db/sessions-repo';
import { saveSheetEntries } from '../../db/checkin-repo';
import { saveAppSettings } from '../../db/settings-repo';
import type { AttendanceStatus } from '../../domain/attendance';
import type { Audience } from '../../domain/hour-rules';
import type { SessionDay } from '../../domain/session-days';

/** TEST-ONLY (e2e hook): a training history described by the test, written through the app's own repository calls. */
export interface E2eStatisticsSpec {
  /** The issuing body (the bureau), printed in the report's title block. */
  issuingBody?: string;
  enterprises: Array<{ name: string; town: string; industry: string }>;
  people: Array<{ name: string; idNumber: string; enterprise?: string }>;
  sessions: Array<{
    courseName: string;
    audience: Audience;
    days: SessionDay[];
    venue: string;
    /** Per person (by ID number) the status of each day, in the order of `days`. */
    attendance: Array<{ idNumber: string; statuses: AttendanceStatus[] }>;
  }>;
}

/** Writes the history: attendance is entered as signed sign-in sheets (saveSheetEntries), one per session day. */
export async function seedE2eStatistics(ctx: DbContext, spec: E2eStatisticsSpec): Promise<void> {
  if (spec.issuingBody) await saveAppSettings(ctx, { issuingBody: spec.issuingBody });
  const enterpriseIds = new Map<string, string>();
  for (const e of spec.enterprises) {
    const saved = await saveEnterprise(ctx, { name: e.name, town: e.town, industry: e.industry });
    enterpriseIds.set(e.name, saved.id);
  }
  const personIds = new Map<string, string>();
  for (const p of spec.people) {
    const enterpriseId = p.enterprise ? enterpriseIds.get(p.enterprise) : undefined;
    const saved = await savePerson(ctx, {
      name: p.name,
      idNumber: p.idNumber,
      idType: 'resident-id',
      role: 'worker',
      ...(enterpriseId ? { enterpriseId } : {}),
    });
    personIds.set(p.idNumber, saved.id);
  }
  const courses = new Map<string, string>();
  for (const s of spec.sessions) {
    let courseId = courses.get(s.courseName);
    if (!courseId) {
      courseId = (
        await saveCourse(ctx, {
          name: s.courseName,
          audience: s.audience,
          kind: 'initial',
          hours: 8,
          outline: '安全生产法律法规',
        })
      ).id;
      courses.set(s.courseName, courseId);
    }
    const session = await saveSession(ctx, {
      courseId,
      days: s.days,
      venue: s.venue,
      instructor: '周志明',
      capacity: 50,
    });
    for (const a of s.attendance) await enrollExistingPerson(ctx, session.id, personIds.get(a.idNumber)!);
    for (const [d, day] of s.days.entries()) {
      await saveSheetEntries(ctx, {
        sessionId: session.id,
        date: day.date,
        reason: '据签到表补录',
        rows: s.attendance.map((a) => ({ personId: personIds.get(a.idNumber)!, status: a.statuses[d]! })),
      });
    }
  }
}
