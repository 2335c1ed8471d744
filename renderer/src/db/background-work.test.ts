import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundTurn, holdBackgroundWork } from './background-work';

// Module state (the hold) carries over from test to test: the first test runs with nothing held.
describe('background work', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a step run at once when nothing holds it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    let turned = false;
    const turn = backgroundTurn().then(() => (turned = true));
    await vi.advanceTimersByTimeAsync(1);
    await turn;
    expect(turned).toBe(true);
  });

  it.each([
    ['one hold', [1000], 1000],
    ['a longer hold given later extends it', [300, 1000], 1000],
    ['a shorter hold given later does not shorten it', [1000, 300], 1000],
  ])('waits while the station holds it (%s)', async (_, holds, until) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    await vi.advanceTimersByTimeAsync(5000);
    for (const ms of holds) holdBackgroundWork(ms);
    let turned = false;
    const turn = backgroundTurn().then(() => (turned = true));
    await vi.advanceTimersByTimeAsync(until - 1);
    expect(turned).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    await turn;
    expect(turned).toBe(true);
  });
});
