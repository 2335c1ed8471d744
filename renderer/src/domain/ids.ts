/** A new random record id (UUID v4); unique across machines without coordination, so offline writes merge. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
