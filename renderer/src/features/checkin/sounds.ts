/** One sound per outcome, generated with the Web Audio API (no audio files): told apart without looking. */
export type StationSound = 'ok' | 'already' | 'attention' | 'error';

type Note = [frequency: number, seconds: number, wave: OscillatorType];

const NOTES: Record<StationSound, Note[]> = {
  // Rising pair: done.
  ok: [
    [880, 0.09, 'sine'],
    [1320, 0.14, 'sine'],
  ],
  // One soft mid note: nothing new, nothing wrong.
  already: [[660, 0.22, 'sine']],
  // Falling pair: someone must act (enroll, register).
  attention: [
    [740, 0.14, 'triangle'],
    [494, 0.22, 'triangle'],
  ],
  // Low buzz, twice: refused.
  error: [
    [196, 0.16, 'square'],
    [196, 0.22, 'square'],
  ],
};

let audio: AudioContext | null = null;

/**
 * Creates the audio context ahead of the first answer: creating it takes up to a hundred milliseconds on a slow
 * laptop, which the first scan of the day must not wait for. It starts suspended until a key is pressed.
 */
export function prepareStationSounds(): void {
  try {
    audio ??= new AudioContext();
  } catch {
    // No audio device: the screen still says it all.
  }
}

/** Lets a prepared context play: browsers start audio only after a key press or click, so call it from one. */
export function resumeStationSounds(): void {
  if (audio?.state === 'suspended') audio.resume().catch(() => undefined);
}

/** Plays the sound of an outcome; silently does nothing where audio is unavailable. */
export function playStationSound(sound: StationSound): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    let at = audio.currentTime + 0.01;
    for (const [frequency, seconds, wave] of NOTES[sound]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = wave;
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(wave === 'square' ? 0.12 : 0.35, at + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + seconds + 0.02);
      at += seconds + 0.04;
    }
  } catch {
    // No audio device: the screen still says it all.
  }
}
