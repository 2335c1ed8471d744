import type { DbContext } from '../../db/context';
import { checkIn } from '../../db/checkin-repo';
import { sessionRoster } from '../../db/enrollments-repo';
import { holdBackgroundWork } from '../../db/background-work';
import { seedE2eDistrict, type E2eDistrictSpec } from '../coverage/e2e-district';
import { seedE2eStatistics, type E2eStatisticsSpec } from '../statistics/e2e-statistics';

/** localStorage key that end-to-end tests set (before the app loads) to get the hook; nothing in the app sets it. */
export const E2E_HOOK_FLAG = 'safetrain.e2e';

export interface E2eHook {
  /** Checks in everyone enrolled in a session on one day, through the same repository call the station uses. */
  checkInEveryone(sessionId: string, date: string): Promise<number>;
  /**
   * Runs the batch-PDF splitter in the browser (where the desktop app runs it) on a PDF the test made with
   * page.pdf: base64 in, base64 ZIP out, files named from (number, name) pairs in page order.
   */
  zipCertificates(pdfBase64: string, entries: Array<{ number: string; name: string }>): Promise<string>;
  /** Issue 8: enterprises with their managers, and sessions with people enrolled; returns the session ids. */
  seedDistrict(spec: E2eDistrictSpec): Promise<string[]>;
  /** Issue 8 (statistics): enterprises, workers, sessions and their attendance entered as sign-in sheets. */
  seedStatistics(spec: E2eStatisticsSpec): Promise<void>;
  /**
   * Holds background work (the statistics refresh among it) for `ms` of the page clock, so that a test sees a
   * screen wait for the statistics for as long as it likes; the test's clock.fastForward releases it.
   */
  holdBackgroundWork(ms: number): void;
}

declare global {
  interface Window {
    safetrainE2e?: E2eHook;
  }
}

/**
 * TEST-ONLY. A bulk seeding hook for end-to-end tests that need hundreds of checked-in trainees (100 scans at the
 * station take minutes on a busy CI machine). It only calls the app's own db functions, so what it writes is what
 * the station would write; and it exists only when the tests set the flag in this browser profile.
 */
export function installE2eHook(ctx: DbContext, win: Window = window): void {
  if (win.localStorage.getItem(E2E_HOOK_FLAG) !== '1') return;
  win.safetrainE2e = {
    async checkInEveryone(sessionId, date) {
      const roster = await sessionRoster(ctx, sessionId);
      for (const row of roster) await checkIn(ctx, { sessionId, date, personId: row.person.id });
      return roster.length;
    },
    async zipCertificates(pdfBase64, entries) {
      // Loaded on demand: pdf-lib is large and only needed for this export.
      const { certificateFileNames, splitPdfToZip } = await import('./certificate-zip');
      const pdf = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
      const zip = await splitPdfToZip(pdf, certificateFileNames(entries));
      let binary = '';
      for (let i = 0; i < zip.length; i += 0x8000)
        binary += String.fromCharCode(...zip.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    seedDistrict: (spec) => seedE2eDistrict(ctx, spec),
    seedStatistics: (spec) => seedE2eStatistics(ctx, spec),
    holdBackgroundWork,
  };
}
