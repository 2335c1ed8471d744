import type { DbContext, NewRecord } from './context';
import { audit, isLive, stampNew, stampUpdate, tombstone } from './context';
import type { Course } from './records';

export type CourseInput = NewRecord<Course>;

export async function listCourses(ctx: DbContext): Promise<Course[]> {
  const all = await ctx.db.courses.orderBy('name').toArray();
  return all.filter((c) => isLive(c));
}

export async function getCourse(ctx: DbContext, id: string): Promise<Course | undefined> {
  const course = await ctx.db.courses.get(id);
  return isLive(course) ? course : undefined;
}

export async function saveCourse(ctx: DbContext, input: CourseInput, id?: string): Promise<Course> {
  const { db } = ctx;
  return db.transaction('rw', db.courses, db.auditLog, async () => {
    const before = id ? await db.courses.get(id) : undefined;
    if (id && !isLive(before)) throw new Error(`course ${id} not found`);
    const record = before ? stampUpdate(ctx, before, input) : stampNew<Course>(ctx, input);
    await db.courses.put(record);
    await audit(ctx, 'courses', before ? 'update' : 'create', before, record);
    return record;
  });
}

/** Tombstones a course that no session uses; a used course stays, since sessions and certificates refer to it. */
export async function deleteCourse(ctx: DbContext, id: string): Promise<'deleted' | 'in-use'> {
  const { db } = ctx;
  return db.transaction('rw', db.courses, db.sessions, db.auditLog, async () => {
    const used = await db.sessions
      .where('courseId')
      .equals(id)
      .filter((s) => s.deletedAt === undefined)
      .count();
    if (used > 0) return 'in-use';
    const before = await db.courses.get(id);
    if (!isLive(before)) return 'deleted';
    const record = tombstone(ctx, before);
    await db.courses.put(record);
    await audit(ctx, 'courses', 'delete', before, record);
    return 'deleted';
  });
}
