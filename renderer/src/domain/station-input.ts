/**
 * What the check-in station makes of one line of input: a card reader or scanner "types" a whole ID number or QR
 * payload in a burst of keystrokes and presses Enter; a person types slower and may be searching by name.
 */

/**
 * Prefix of the QR code that identifies a person: `ST1P|<person id>` on printed sheets (no ID number on paper beyond
 * the masked one), `ST1P|<idNumber>` on badges made elsewhere; both are accepted.
 */
export const BADGE_PREFIX = 'ST1P';
/** Prefix of a certificate's QR code: `ST1|<number>|<code>`. */
export const CERTIFICATE_PREFIX = 'ST1';

/** The QR payload that identifies a person on badges and sign-in sheets: their record id or their ID number. */
export function badgePayload(personIdOrIdNumber: string): string {
  return `${BADGE_PREFIX}|${personIdOrIdNumber}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type StationInput =
  | { kind: 'empty' }
  /** An ID number (typed, read from the card, or from a badge QR), still to be validated. */
  | { kind: 'id'; raw: string }
  /** A badge or sign-in sheet QR naming the person's record. */
  | { kind: 'person'; personId: string }
  /** A certificate QR: the holder is looked up by certificate number. */
  | { kind: 'certificate'; number: string }
  /** A QR code of some other kind, or a malformed one of ours. */
  | { kind: 'unknown-code'; raw: string }
  /** Anything else: a name, pinyin initials, the last digits of a phone. */
  | { kind: 'search'; text: string };

// Full-width digits, X and separators that a Chinese IME or a reader may produce.
const ID_LIKE = /^[\s0-9０-９xXｘＸ'’-]+$/;

/**
 * Classifies a line of input. A line of 15 or more ID characters is an ID number (validated later, so a wrong one
 * is reported as invalid rather than searched for); shorter digit strings are searches (phone or ID endings).
 */
export function classifyStationInput(line: string): StationInput {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  const fields = text.split('|').map((f) => f.trim());
  if (fields.length > 1) {
    if (fields[0]?.toUpperCase() === BADGE_PREFIX && fields.length === 2 && fields[1])
      return UUID.test(fields[1])
        ? { kind: 'person', personId: fields[1].toLowerCase() }
        : { kind: 'id', raw: fields[1] };
    if (fields[0]?.toUpperCase() === CERTIFICATE_PREFIX && fields.length === 3 && fields[1])
      return { kind: 'certificate', number: fields[1] };
    return { kind: 'unknown-code', raw: text };
  }
  if (ID_LIKE.test(text) && text.replace(/[^0-9０-９xXｘＸ]/g, '').length >= 15)
    return { kind: 'id', raw: text };
  return { kind: 'search', text };
}

export interface BurstOptions {
  /** The largest median gap between keystrokes (ms) that still reads as a device (default 35). */
  maxMedianGapMs: number;
  /** The fewest keystrokes that make a burst (default 8; an ID is 18). */
  minKeys: number;
}

const DEFAULT_BURST: BurstOptions = { maxMedianGapMs: 35, minKeys: 8 };

/**
 * Whether keystrokes at these times (ms, ascending) came from a reader or scanner rather than a person: at least
 * `minKeys` keys whose median gap is at most `maxMedianGapMs`. The median, not the largest gap, so that one stall
 * of the computer does not turn a scan into typing; people rarely type below 60 ms a key for long.
 */
export function isReaderBurst(timestamps: readonly number[], options: Partial<BurstOptions> = {}): boolean {
  const { maxMedianGapMs, minKeys } = { ...DEFAULT_BURST, ...options };
  if (timestamps.length < minKeys) return false;
  const gaps: number[] = [];
  for (let i = 1; i < timestamps.length; i += 1) gaps.push(timestamps[i]! - timestamps[i - 1]!);
  if (gaps.some((g) => g < 0)) return false;
  gaps.sort((a, b) => a - b);
  const mid = Math.floor(gaps.length / 2);
  const median = gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  return median <= maxMedianGapMs;
}
