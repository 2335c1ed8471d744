import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './after-paint';

// A frame is simulated: requestAnimationFrame callbacks wait until the test draws one.
let frameCallbacks: Array<() => void> = [];
const drawFrame = () => {
  const callbacks = frameCallbacks;
  frameCallbacks = [];
  for (const callback of callbacks) callback();
};

describe('afterNextPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    frameCallbacks = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frameCallbacks.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs the work in a task after the next frame, not before it and not in it', async () => {
    const work = vi.fn();
    afterNextPaint(work);
    await vi.advanceTimersByTimeAsync(50);
    expect(work).not.toHaveBeenCalled();
    drawFrame();
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work once when no frame comes (a hidden window)', async () => {
    const work = vi.fn();
    afterNextPaint(work, 100);
    await vi.advanceTimersByTimeAsync(100);
    expect(work).toHaveBeenCalledTimes(1);
    drawFrame();
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled', async () => {
    const work = vi.fn();
    const cancel = afterNextPaint(work);
    cancel();
    drawFrame();
    await vi.advanceTimersByTimeAsync(500);
    expect(work).not.toHaveBeenCalled();
  });
});
