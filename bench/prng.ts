/** Deterministic pseudo-random numbers for the benchmark's seed: the same district on every machine and run. */

/** Mixes two integers into one 32-bit hash (murmur3's finaliser over a simple combination). */
export function hash32(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a small, fast generator of numbers in [0, 1), the same one db/demo-data.ts uses. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A UUID v4-shaped id that is a pure function of (table tag, index): records can reference each other by index
 * without a lookup, and the seed is reproducible.
 */
export function seededUuid(tag: number, index: number): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  const a = hex(hash32(tag, index));
  const b = hex(hash32(tag + 0x100, index));
  const c = hex(hash32(tag + 0x200, index));
  // The tag and index themselves in the last field keep ids unique whatever the hashes do.
  const tail = (tag & 0xffff).toString(16).padStart(4, '0') + hex(index);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${(8 + (parseInt(c[0]!, 16) & 3)).toString(16)}${c.slice(1, 4)}-${tail}`;
}
