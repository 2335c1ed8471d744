import type { AutoBackupReason } from '../../platform/platform';

/**
 * Screens at the door: the check-in station and the sheet entry. An automatic backup serialises the whole
 * database in the page; while people queue at the station that must not hold up a scan, so backups wait.
 */
export function isAtTheDoor(hash: string): boolean {
  return /^#\/checkin\//.test(hash);
}

export interface AutoBackupSchedulerDeps {
  /** Writes one automatic backup (the caller shows failures). */
  write(reason: AutoBackupReason): Promise<void>;
  /** Whether a daily backup is due now (none yet, or the newest is a day old). */
  dailyDue(): Promise<boolean>;
  /** Whether a screen at the door is open now. */
  atTheDoor(): boolean;
}

/**
 * When automatic backups run: the daily one is postponed while the station or the sheet entry is open and runs as
 * soon as that screen is left; the one on quit always runs (the window is closing; nothing waits at the door).
 */
export class AutoBackupScheduler {
  private postponed = false;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: AutoBackupSchedulerDeps) {}

  /** The periodic look: writes the daily backup if one is due, unless a door screen is open. */
  async tick(): Promise<void> {
    if (this.deps.atTheDoor()) {
      this.postponed = true;
      return;
    }
    if (await this.deps.dailyDue()) await this.run('daily');
  }

  /** The screen changed: a backup postponed at the door runs once the door screens are left. */
  async screenChanged(): Promise<void> {
    if (!this.postponed || this.deps.atTheDoor()) return;
    this.postponed = false;
    await this.tick();
  }

  /** The window is closing: the quit backup, which also covers a postponed daily one. */
  async quit(): Promise<void> {
    this.postponed = false;
    await this.run('quit');
  }

  /** Whether a daily backup is waiting for the door screens to close (shown nowhere; for tests and logs). */
  get isPostponed(): boolean {
    return this.postponed;
  }

  private async run(reason: AutoBackupReason): Promise<void> {
    // One at a time: a quit during a daily backup waits for it rather than reading the database twice at once.
    if (this.running) await this.running;
    this.running = this.deps.write(reason);
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }
}
