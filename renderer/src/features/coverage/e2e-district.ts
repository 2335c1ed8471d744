import type { DbContext } from '../../db/context';
import { saveCourse } from '../../db/courses-repo';
import { saveEnterprise } from '../../db/enterprises-repo';
import { enrollExistingPerson } from '../../db/enrollments-repo';
import { findPersonByIdNumber, savePerson } from '../../db/people-repo';
import { saveSession } from '../../db/sessions-repo';
import type { Audience, TrainingKind } from '../../domain/hour-rules';
import type { SessionDay } from '../../domain/session-days';

/** TEST-ONLY (e2e hook): a district described by the test, written through the app's own repository calls. */
export interface E2eDistrictSpec {
  enterprises: Array<{
    name: string;
    town: string;
    industry: string;
    aboveDesignatedSize: boolean;
    principal?: { name: string; idNumber: string };
    officers: Array<{ name: string; idNumber: string }>;
  }>;
  sessions: Array<{
    courseName: string;
    audience: Audience;
    kind: TrainingKind;
    hours: number;
    days: SessionDay[];
    venue: string;
    /** ID numbers of people (already written above) to enroll. */
    enroll: string[];
  }>;
}

/** Writes the district; returns the session ids in the order given. */
export async function seedE2eDistrict(ctx: DbContext, spec: E2eDistrictSpec): Promise<string[]> {
  for (const e of spec.enterprises) {
    const enterprise = await saveEnterprise(ctx, {
      name: e.name,
      town: e.town,
      industry: e.industry,
      aboveDesignatedSize: e.aboveDesignatedSize,
    });
    const person = (p: { name: string; idNumber: string }, role: 'principal' | 'safety-officer') =>
      savePerson(ctx, {
        name: p.name,
        idNumber: p.idNumber,
        idType: 'resident-id',
        role,
        enterpriseId: enterprise.id,
      });
    const principal = e.principal ? await person(e.principal, 'principal') : undefined;
    const officers = [];
    for (const o of e.officers) officers.push(await person(o, 'safety-officer'));
    const { id, createdAt: _c, updatedAt: _u, deviceId: _d, ...fields } = enterprise;
    await saveEnterprise(
      ctx,
      {
        ...fields,
        ...(principal ? { principalId: principal.id } : {}),
        safetyOfficerIds: officers.map((o) => o.id),
      },
      id,
    );
  }
  const ids: string[] = [];
  for (const s of spec.sessions) {
    const course = await saveCourse(ctx, {
      name: s.courseName,
      audience: s.audience,
      kind: s.kind,
      hours: s.hours,
      outline: '安全生产法律法规\n事故案例分析',
    });
    const session = await saveSession(ctx, {
      courseId: course.id,
      days: s.days,
      venue: s.venue,
      instructor: '周志明',
      capacity: 50,
    });
    for (const idNumber of s.enroll) {
      const p = await findPersonByIdNumber(ctx, idNumber);
      if (!p) throw new Error('e2e district: person not written');
      await enrollExistingPerson(ctx, session.id, p.id);
    }
    ids.push(session.id);
  }
  return ids;
}
