/**
 * Background work of the database layer (building the people search index over the whole register) runs in small
 * steps while the screen is idle, and steps aside while a screen that answers people at once is busy: the check-in
 * station holds it while keys arrive and a scan is answered, so that neither a step's reads (IndexedDB queues a
 * check-in's write behind a read of the same table) nor its work on the main thread ever delay a confirmation.
 */

const now = () => performance.now();
let quietFrom = 0;

/** Keeps background work from starting a step for the next `ms` milliseconds (a step already running finishes). */
export function holdBackgroundWork(ms: number): void {
  quietFrom = Math.max(quietFrom, now() + ms);
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

/** Resolves when a background step may run: nothing holds it, and the main thread is idle. */
export async function backgroundTurn(): Promise<void> {
  for (;;) {
    const wait = quietFrom - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await idle();
    if (quietFrom <= now()) return;
  }
}
