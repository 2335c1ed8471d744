import { describe, expect, it } from 'vitest';
import { AutoBackupScheduler, isAtTheDoor } from './auto-backup-scheduler';

function harness(due = true) {
  const state = { hash: '#/sessions', due, written: [] as string[] };
  const scheduler = new AutoBackupScheduler({
    write: (reason) => {
      state.written.push(reason);
      state.due = false;
      return Promise.resolve();
    },
    dailyDue: () => Promise.resolve(state.due),
    atTheDoor: () => isAtTheDoor(state.hash),
  });
  return { state, scheduler };
}

describe('isAtTheDoor', () => {
  it.each([
    ['#/checkin/s1', true],
    ['#/checkin/s1?date=2026-11-29', true],
    ['#/checkin/s1/sheet', true],
    ['#/sessions/s1', false],
    ['#/print/signin/s1', false],
    ['', false],
  ])('%s → %s', (hash, expected) => {
    expect(isAtTheDoor(hash)).toBe(expected);
  });
});

describe('AutoBackupScheduler', () => {
  it('writes the daily backup when it is due and no door screen is open', async () => {
    const { state, scheduler } = harness();
    await scheduler.tick();
    expect(state.written).toEqual(['daily']);
    await scheduler.tick();
    expect(state.written).toEqual(['daily']);
  });

  it('postpones the daily backup while the station is open and writes it when the station is left', async () => {
    const { state, scheduler } = harness();
    state.hash = '#/checkin/s1';
    await scheduler.tick();
    expect(state.written).toEqual([]);
    expect(scheduler.isPostponed).toBe(true);
    // Moving between door screens (station to sheet entry) still waits.
    state.hash = '#/checkin/s1/sheet';
    await scheduler.screenChanged();
    expect(state.written).toEqual([]);
    state.hash = '#/sessions/s1';
    await scheduler.screenChanged();
    expect(state.written).toEqual(['daily']);
    expect(scheduler.isPostponed).toBe(false);
  });

  it('writes nothing on leaving the station when nothing was postponed', async () => {
    const { state, scheduler } = harness(false);
    state.hash = '#/checkin/s1';
    state.hash = '#/sessions';
    await scheduler.screenChanged();
    expect(state.written).toEqual([]);
  });

  it('writes the quit backup even at the door, and it stands for the postponed daily one', async () => {
    const { state, scheduler } = harness();
    state.hash = '#/checkin/s1';
    await scheduler.tick();
    await scheduler.quit();
    expect(state.written).toEqual(['quit']);
    state.hash = '#/';
    await scheduler.screenChanged();
    expect(state.written).toEqual(['quit']);
  });

  it('runs one backup at a time', async () => {
    let release: () => void = () => undefined;
    const order: string[] = [];
    const scheduler = new AutoBackupScheduler({
      write: (reason) => {
        order.push(`start ${reason}`);
        return reason === 'daily'
          ? new Promise<void>((resolve) => {
              release = () => {
                order.push('end daily');
                resolve();
              };
            })
          : Promise.resolve().then(() => void order.push(`end ${reason}`));
      },
      dailyDue: () => Promise.resolve(true),
      atTheDoor: () => false,
    });
    const daily = scheduler.tick();
    await Promise.resolve();
    await Promise.resolve();
    const quit = scheduler.quit();
    await Promise.resolve();
    expect(order).toEqual(['start daily']);
    release();
    await Promise.all([daily, quit]);
    expect(order).toEqual(['start daily', 'end daily', 'start quit', 'end quit']);
  });
});
