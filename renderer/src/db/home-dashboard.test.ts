import { describe, expect, it } from 'vitest';
import { homeReminderCounts } from './home-repo';
import { reminders } from './reminders-repo';
import { openTestApp } from './test-db';
import { district, sixDays, train } from './archive-fixture.test-support';

describe('homeReminderCounts', () => {
  it('counts the reminders page’s lists: overdue people, the rest, certificates ending', async () => {
    const app = await openTestApp({ start: new Date(2026, 10, 29, 9) });
    const d = await district(app);
    // The officer's initial year 2024 and no refresher in 2025: overdue. The principals were never trained.
    await train(app, { audience: 'safety-officer', kind: 'initial', dates: sixDays(2024), hoursPerDay: 8 }, [
      d.officer,
    ]);

    const counts = await homeReminderCounts(app.ctx, '2026-11-29', 60);
    const list = await reminders(app.ctx, { today: '2026-11-29', withinDays: 60 });

    expect(counts).toEqual({ overdue: 1, dueOrNeverTrained: 2, expiring: 0 });
    expect(list.people.filter((r) => r.status === 'overdue')).toHaveLength(counts.overdue);
  });
});
