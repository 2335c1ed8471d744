/**
 * Runs `work` once the next frame has been drawn: a requestAnimationFrame callback runs just before the frame's
 * style, layout and paint, and a task queued from it runs just after them. The check-in station uses it so that
 * what follows an answer (the sound, the counters and the list of who has not arrived) never holds back the frame
 * that shows the answer. Where no frame comes (a hidden window draws none), the work runs after `fallbackMs`.
 * Returns a function that cancels it.
 */
export function afterNextPaint(work: () => void, fallbackMs = 100): () => void {
  let pending = true;
  let frame = 0;
  const cancel = () => {
    pending = false;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
  };
  const run = () => {
    if (!pending) return;
    cancel();
    work();
  };
  const fallback = setTimeout(run, fallbackMs);
  frame = requestAnimationFrame(() => setTimeout(run, 0));
  return cancel;
}
