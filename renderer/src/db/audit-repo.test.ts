import { describe, expect, it } from 'vitest';
import { saveCourse } from './courses-repo';
import { openAppDatabase } from './open';
import { auditFacets, getOperator, listAuditEntries, setOperator } from './audit-repo';
import { courseInput, newTestDb, openTestApp } from './test-db';

describe('operator and audit list', () => {
  it('names the operator chosen in settings on every later write, and remembers them at the next start', async () => {
    const app = await openTestApp();
    await saveCourse(app.ctx, courseInput('worker', '无人'));
    await setOperator(app.ctx, ' 李红 ');
    app.clock.advanceMinutes(1);
    const course = await saveCourse(app.ctx, courseInput('worker', '李红的课程'));
    const [newest] = await listAuditEntries(app.ctx);
    expect(newest).toMatchObject({ table: 'courses', recordId: course.id, operator: '李红' });
    expect(await getOperator(app.db)).toBe('李红');

    app.db.close();
    const reopened = await openAppDatabase(newTestDb(app.name, app.factory));
    expect(reopened.operator).toBe('李红');
  });

  it('filters by table, operator and time, newest first', async () => {
    const app = await openTestApp();
    await saveCourse(app.ctx, courseInput('worker', 'A'));
    app.clock.advanceMinutes(60);
    const from = app.ctx.now().toISOString();
    await setOperator(app.ctx, '王强');
    await saveCourse(app.ctx, courseInput('worker', 'B'));
    app.clock.advanceMinutes(1);
    await saveCourse(app.ctx, courseInput('worker', 'C'));
    const byWang = await listAuditEntries(app.ctx, { operator: '王强' });
    expect(byWang).toHaveLength(2);
    expect(byWang[0]!.at > byWang[1]!.at).toBe(true);
    expect(await listAuditEntries(app.ctx, { operator: '-', table: 'courses' })).toHaveLength(1);
    expect(await listAuditEntries(app.ctx, { from })).toHaveLength(2);
    expect(await listAuditEntries(app.ctx, { table: 'people' })).toHaveLength(0);
    expect(await auditFacets(app.ctx)).toEqual({ operators: ['王强'], tables: ['courses'] });
  });
});
