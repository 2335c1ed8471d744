import { describe, expect, it } from 'vitest';
import { sessionEligibility } from './eligibility-repo';
import { saveSessionAssessments } from './assessment-repo';
import { issueCertificates } from './certificates-repo';
import { saveCourse } from './courses-repo';
import { saveSession } from './sessions-repo';
import { enrollExistingPerson } from './enrollments-repo';
import { stampUpdate } from './context';
import {
  courseInput,
  createSession,
  DAY1,
  DAY2,
  enrollPeople,
  HOURS_PER_DAY,
  openTestApp,
  recordAttendance,
  sessionInput,
} from './test-db';

describe('sessionEligibility', () => {
  it('gives one row per enrolled person with hours summed over the days and the reasons', async () => {
    const app = await openTestApp();
    const { session } = await createSession(app, { days: [DAY1, DAY2] });
    const [full, short, absent] = await enrollPeople(app, session.id, 3);
    await recordAttendance(app, session.id, full!.id, DAY1.date, HOURS_PER_DAY);
    await recordAttendance(app, session.id, full!.id, DAY2.date, HOURS_PER_DAY);
    await recordAttendance(app, session.id, short!.id, DAY1.date, HOURS_PER_DAY);
    await recordAttendance(app, session.id, short!.id, DAY2.date, 0);

    const rows = await sessionEligibility(app.ctx, session.id);

    expect(rows.map((r) => [r.name, r.hoursCredited, r.sessionHours, r.eligible, r.reasons])).toEqual([
      [full!.name, 10, 10, true, []],
      [short!.name, 5, 10, false, ['hours-short']],
      [absent!.name, 0, 10, false, ['no-hours']],
    ]);
    expect(rows[0]).toMatchObject({
      personId: full!.id,
      idNumber: full!.idNumber,
      assessmentRequired: false,
    });
    expect(rows[0]!.certificateId).toBeUndefined();
  });

  it('leaves out cancelled enrollments', async () => {
    const app = await openTestApp();
    const { session } = await createSession(app);
    const [kept, cancelled] = await enrollPeople(app, session.id, 2);
    const enrollment = (await app.db.enrollments.where('personId').equals(cancelled!.id).first())!;
    await app.db.enrollments.put(stampUpdate(app.ctx, enrollment, { status: 'cancelled' }));

    const rows = await sessionEligibility(app.ctx, session.id);

    expect(rows.map((r) => r.personId)).toEqual([kept!.id]);
  });

  it('requires a passed assessment where the course asks for one', async () => {
    const app = await openTestApp();
    const course = await saveCourse(app.ctx, {
      ...courseInput('principal', '主要负责人初训'),
      assessmentRequired: true,
      passScore: 60,
    });
    const session = await saveSession(app.ctx, sessionInput(course.id, [DAY1]));
    const [passed, failed, missing] = await enrollPeople(app, session.id, 3);
    for (const p of [passed!, failed!, missing!]) {
      await recordAttendance(app, session.id, p.id, DAY1.date, HOURS_PER_DAY);
    }
    await saveSessionAssessments(app.ctx, session.id, [
      { personId: passed!.id, score: 80 },
      { personId: failed!.id, score: 45 },
    ]);

    const rows = await sessionEligibility(app.ctx, session.id);

    expect(rows.map((r) => [r.assessment?.score, r.assessment?.passed, r.eligible, r.reasons])).toEqual([
      [80, true, true, []],
      [45, false, false, ['assessment-failed']],
      [undefined, undefined, false, ['assessment-missing']],
    ]);
    expect(rows.every((r) => r.assessmentRequired)).toBe(true);
  });

  it('names the valid certificate a person already holds for the session', async () => {
    const app = await openTestApp();
    const { session } = await createSession(app);
    const [person] = await enrollPeople(app, session.id, 1);
    await recordAttendance(app, session.id, person!.id, DAY1.date, HOURS_PER_DAY);
    const { issued } = await issueCertificates(app.ctx, session.id);

    const rows = await sessionEligibility(app.ctx, session.id);

    expect(rows[0]!.certificateId).toBe(issued[0]!.id);
  });

  it('uses the share of hours from the settings', async () => {
    const app = await openTestApp({
      settings: { attendanceRules: { graceMinutes: 10, minShareForCredit: 0.5 } },
    });
    const { session } = await createSession(app, { days: [DAY1, DAY2] });
    const [person] = await enrollPeople(app, session.id, 1);
    await recordAttendance(app, session.id, person!.id, DAY1.date, HOURS_PER_DAY);

    expect((await sessionEligibility(app.ctx, session.id))[0]!.eligible).toBe(true);
  });

  it('lists a person enrolled from the register like one enrolled by ID', async () => {
    const app = await openTestApp();
    const { session } = await createSession(app);
    const { session: other } = await createSession(app, { days: [DAY2] });
    const [person] = await enrollPeople(app, other.id, 1);
    await enrollExistingPerson(app.ctx, session.id, person!.id);

    expect((await sessionEligibility(app.ctx, session.id)).map((r) => r.personId)).toEqual([person!.id]);
  });
});
