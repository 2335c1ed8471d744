import { canonicalJson } from './canonical-hash';

/**
 * Merging a record from another machine's package into this one, by id. The rules, in order:
 * - a record this machine lacks is taken;
 * - the same content changes nothing the user sees (later stamps are adopted, so both machines hold the same
 *   version), and importing a package twice changes nothing;
 * - a conflict the coordinator already settled for exactly this incoming version is not raised again;
 * - when both sides changed the record since they last met (`base`: what the sender had seen of our data), it is
 *   a conflict: the local version stays until the coordinator settles it. A local version written by the sender
 *   itself is not a change of ours: the sender's newer version simply supersedes it;
 * - otherwise the later change wins; an older incoming version never overwrites a newer local one, so an
 *   attendance record or a certificate is never replaced by older data, and a tombstone deletes only when it is
 *   the later change.
 */
export interface SyncStamp {
  id: string;
  updatedAt: string;
  deviceId?: string;
  deletedAt?: string;
}

export type MergeDecision =
  | { action: 'insert' }
  | { action: 'update' }
  | { action: 'skip'; why: 'same' | 'older' | 'settled' }
  /** Same content with later stamps (a settled conflict coming back): stamps adopted so both machines hold one version. */
  | { action: 'restamp' }
  | { action: 'conflict' };

/** The fields that say who wrote a version and when, not what it holds. */
const STAMP_FIELDS = new Set(['updatedAt', 'deviceId', 'nameInitials']);

export function sameContent(a: object, b: object): boolean {
  const strip = (r: object) =>
    Object.fromEntries(Object.entries(r).filter(([key]) => !STAMP_FIELDS.has(key)));
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

/**
 * @param base what the sender had seen of this machine's data (ISO instant), or '' when the two never met: then
 *   every difference is a conflict, because neither side's version descends from the other's.
 * @param sender the device that made the package.
 * @param settled the incoming version was already settled by the coordinator.
 */
export function decideMerge<T extends SyncStamp>(
  local: T | undefined,
  incoming: T,
  context: { base: string; sender: string; settled?: boolean },
): MergeDecision {
  if (!local) return { action: 'insert' };
  if (sameContent(local, incoming)) {
    return incoming.updatedAt > local.updatedAt ? { action: 'restamp' } : { action: 'skip', why: 'same' };
  }
  if (context.settled) return { action: 'skip', why: 'settled' };
  const { base } = context;
  const localChanged = local.updatedAt > base && local.deviceId !== context.sender;
  const incomingChanged = incoming.updatedAt > base;
  if (localChanged && incomingChanged) return { action: 'conflict' };
  return incoming.updatedAt > local.updatedAt ? { action: 'update' } : { action: 'skip', why: 'older' };
}

/** The key under which a settled conflict is remembered: the record and the incoming version. */
export function conflictKey(table: string, id: string, incomingUpdatedAt: string): string {
  return `${table}:${id}:${incomingUpdatedAt}`;
}
