import type { Person, PersonRole } from './records';
import { normalizeCodeInput } from '../domain/code-input';

/** What the register can be sorted by. */
export type PeopleSortField = 'name' | 'age' | 'updatedAt';
export type SortOrder = 'ascend' | 'descend';

export interface PeopleQuery {
  /** Name, pinyin initials, a fragment of the ID number or of the phone number; several words must all match. */
  text?: string;
  enterpriseId?: string;
  role?: PersonRole;
  sort?: { field: PeopleSortField; order: SortOrder };
  excludeIds?: readonly string[];
}

/** The light fields of one live person that search, filters and sorting need. */
interface Entry {
  id: string;
  name: string;
  initials: readonly string[];
  idNumber: string;
  phone: string;
  enterpriseId: string | undefined;
  role: PersonRole;
  birthDate: string;
  updatedAt: string;
  /** Pinyin initials then the name: the order Chinese registers are read in (张 under Z). */
  nameKey: string;
}

function toEntry(person: Person): Entry {
  const initials = person.nameInitials ?? [];
  return {
    id: person.id,
    name: person.name,
    initials,
    idNumber: person.idNumber,
    phone: (person.phone ?? '').replace(/\D/g, ''),
    enterpriseId: person.enterpriseId,
    role: person.role,
    birthDate: person.birthDate ?? '',
    updatedAt: person.updatedAt,
    nameKey: `${initials[0] ?? ''}\u0000${person.name}`,
  };
}

type Compare = (a: Entry, b: Entry) => number;

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COMPARE: Record<PeopleSortField, Compare> = {
  name: (a, b) => compareStrings(a.nameKey, b.nameKey) || compareStrings(a.id, b.id),
  // Ascending age is the latest birth date first.
  age: (a, b) =>
    compareStrings(b.birthDate, a.birthDate) ||
    compareStrings(a.nameKey, b.nameKey) ||
    compareStrings(a.id, b.id),
  updatedAt: (a, b) => compareStrings(a.updatedAt, b.updatedAt) || compareStrings(a.id, b.id),
};

/** The order of a sort; people without a birth date come last by age whichever way round. */
function comparator(field: PeopleSortField, order: SortOrder): Compare {
  const compare = order === 'ascend' ? COMPARE[field] : (a: Entry, b: Entry) => COMPARE[field](b, a);
  if (field !== 'age') return compare;
  return (a, b) => (a.birthDate === '' ? 1 : 0) - (b.birthDate === '' ? 1 : 0) || compare(a, b);
}

/** Two sorted lists as one, stable: of equal items, those of `a` first. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Index of the last element of an ascending list that is <= value. */
function floorIndex(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where `item` goes in a list sorted by `compare`: after its equals, or before them with `beforeEquals`. */
function insertionPoint<T>(
  list: readonly T[],
  item: T,
  compare: (a: T, b: T) => number,
  beforeEquals = false,
): number {
  let lo = 0;
  let hi = list.length;
  const limit = beforeEquals ? -1 : 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, item) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One text field of every slot joined into one string, so that a fragment is found with indexOf over the whole
 * register at memory speed, and a hit is mapped back to its slot through the start offsets.
 */
class Haystack {
  private text: string;
  private readonly starts: number[] = [];

  constructor(
    private readonly field: (e: Entry) => string,
    entries: readonly Entry[] = [],
  ) {
    const parts: string[] = [];
    let length = 0;
    for (const entry of entries) {
      const part = `${field(entry)}\n`;
      this.starts.push(length);
      parts.push(part);
      length += part.length;
    }
    this.text = parts.join('');
  }

  /** Adds the next slot's text (slots are appended in order). */
  append(entry: Entry): void {
    this.starts.push(this.text.length);
    this.text += `${this.field(entry)}\n`;
  }

  /** Adds the next slots' texts at once (a chunk of a build). */
  appendAll(entries: readonly Entry[]): void {
    const parts: string[] = [];
    let length = this.text.length;
    for (const entry of entries) {
      const part = `${this.field(entry)}\n`;
      this.starts.push(length);
      parts.push(part);
      length += part.length;
    }
    this.text += parts.join('');
  }

  /**
   * Calls `hit(slot, offset)` for each occurrence of `needle`; offset is where it starts within the slot's text.
   */
  find(needle: string, hit: (slot: number, offset: number) => void): void {
    let slot = 0;
    for (let at = this.text.indexOf(needle); at !== -1; at = this.text.indexOf(needle, at + 1)) {
      // Hits come in order: walk forward, and only jump by binary search over a long gap.
      if (slot + 8 < this.starts.length && this.starts[slot + 8]! <= at) slot = floorIndex(this.starts, at);
      else while (slot + 1 < this.starts.length && this.starts[slot + 1]! <= at) slot += 1;
      hit(slot, at - this.starts[slot]!);
    }
  }
}

const idsField = (e: Entry) => `${e.idNumber}\u0001${e.phone}`;
const nameField = (e: Entry) => e.name;
const upperNameField = (e: Entry) => e.name.toUpperCase();

/** Ranks of a match: 0 the whole field, 1 its start, 2 inside it. Stored as rank + 1 so that 0 means no match. */
type Marks = Uint8Array;

function mark(marks: Marks, slot: number, rank: number): void {
  const current = marks[slot]!;
  if (current === 0 || rank + 1 < current) marks[slot] = rank + 1;
}

const HAN = /[\u3400-\u9fff]/;
const LETTERS = /^[A-Z]+$/;
const ALPHANUMERIC = /^[A-Z0-9]+$/;
// Above this many changes at once, rebuilding the derived structures beats inserting one by one.
const BULK_CHANGE = 2000;

/**
 * An in-memory index of the register for search as you type, kept in step with the database by
 * db/people-search.ts. Each person has a slot; a change kills the old slot and appends a new one, so that every
 * structure below is only ever appended to or inserted into:
 * - haystacks (ID and phone numbers; names) for fragments anywhere, found with indexOf over one string;
 * - the pinyin initials sorted, for prefixes by binary search;
 * - the slots in each requested sort order, so that results come out sorted by one pass over marks.
 * A query costs a few indexOf scans and one pass over a typed array, whatever it matches.
 */
export class PeopleIndex {
  /** Entries by slot; a dead slot keeps its entry (the sort orders still compare it) but is not alive. */
  private slots: Entry[] = [];
  private alive: number[] = [];
  /** Per slot, small numbers for the filters, so that a scan reads arrays rather than records. */
  private enterpriseCodes: number[] = [];
  private roleCodes: number[] = [];
  private readonly codes = new Map<string, number>();
  private readonly slotOf = new Map<string, number>();
  private ids = new Haystack(idsField);
  private names = new Haystack(nameField);
  private upperNames = new Haystack(upperNameField);
  private initialKeys: Array<{ key: string; slot: number }> = [];
  private readonly orders = new Map<string, number[]>();

  get size(): number {
    return this.slotOf.size;
  }

  /** Replaces the whole content. */
  load(people: Iterable<Person>): void {
    this.rebuild([...people].filter((p) => p.deletedAt === undefined).map(toEntry));
  }

  /**
   * Adds people who are not in the index yet, as one more chunk of a build that reads the register a chunk at a
   * time (db/people-search.ts): `load([])` then `loadMore` of every chunk gives the same index as one `load` of
   * them all, without one long task for the whole register.
   */
  loadMore(people: Iterable<Person>): void {
    const entries = [...people].filter((p) => p.deletedAt === undefined).map(toEntry);
    const keysBefore = this.initialKeys.length;
    for (const entry of entries) this.appendSlot(entry, false);
    this.ids.appendAll(entries);
    this.names.appendAll(entries);
    this.upperNames.appendAll(entries);
    const added = this.initialKeys.splice(keysBefore).sort(byKey);
    this.initialKeys = mergeSorted(this.initialKeys, added, byKey);
    // Sort orders are built again on the next query that needs one.
    this.orders.clear();
  }

  /** Adds or replaces people; a tombstoned person leaves the index. */
  upsert(people: readonly Person[]): void {
    if (people.length > BULK_CHANGE) {
      const changed = new Map(people.map((p) => [p.id, p]));
      const kept = this.live().filter((e) => !changed.has(e.id));
      this.rebuild([...kept, ...[...changed.values()].filter((p) => p.deletedAt === undefined).map(toEntry)]);
      return;
    }
    for (const person of people) {
      this.kill(person.id);
      if (person.deletedAt === undefined) this.add(toEntry(person));
    }
    this.compactIfSparse();
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) this.kill(id);
    this.compactIfSparse();
  }

  /**
   * The people matching the query, best matches first (the whole field, then its start, then anywhere), each group
   * in the requested order: how many there are, and the ids of one page (all of them without `page`).
   */
  query(
    q: PeopleQuery = {},
    page: { offset: number; limit: number } = { offset: 0, limit: Infinity },
  ): { total: number; ids: string[] } {
    const words = (q.text ?? '').trim().split(/\s+/).filter(Boolean);
    let ranks: Marks | null = null;
    for (const word of words) {
      const marks = this.match(word);
      if (ranks) {
        for (let s = 0; s < marks.length; s += 1) {
          const a = ranks[s]!;
          const b = marks[s]!;
          ranks[s] = a === 0 || b === 0 ? 0 : a < b ? a : b;
        }
      } else {
        ranks = marks;
      }
    }
    // No words: everyone, as one group.
    ranks ??= new Uint8Array(this.slots.length).fill(3);
    const exclude = new Set(q.excludeIds ?? []);
    // -1: no filter; a code no slot has (0) when the enterprise or role is unknown here.
    const enterprise = q.enterpriseId === undefined ? -1 : (this.codes.get(`e:${q.enterpriseId}`) ?? 0);
    const role = q.role === undefined ? -1 : (this.codes.get(`r:${q.role}`) ?? 0);
    const order = this.inOrder(q.sort?.field ?? 'name', q.sort?.order ?? 'ascend');
    const { alive, enterpriseCodes, roleCodes } = this;
    const counts = [0, 0, 0, 0];
    for (const slot of order) {
      const rank = ranks[slot]!;
      if (rank === 0) continue;
      const accepted =
        alive[slot] === 1 &&
        (enterprise === -1 || enterpriseCodes[slot] === enterprise) &&
        (role === -1 || roleCodes[slot] === role) &&
        (exclude.size === 0 || !exclude.has(this.slots[slot]!.id));
      if (accepted) counts[rank] = counts[rank]! + 1;
      else ranks[slot] = 0;
    }
    const ids: string[] = [];
    let skip = page.offset;
    for (let rank = 1; rank <= 3 && ids.length < page.limit; rank += 1) {
      if (skip >= counts[rank]!) {
        skip -= counts[rank]!;
        continue;
      }
      for (const slot of order) {
        if (ranks[slot] !== rank) continue;
        if (skip > 0) skip -= 1;
        else if (ids.push(this.slots[slot]!.id) === page.limit) break;
      }
    }
    return { total: counts[1]! + counts[2]! + counts[3]!, ids };
  }

  /** How many live people each enterprise has. */
  countByEnterprise(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const e of this.live()) {
      if (e.enterpriseId) counts.set(e.enterpriseId, (counts.get(e.enterpriseId) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * Marks the slots one word matches. Chinese searches names; letters search pinyin initials by prefix (and
   * Latin names and passport numbers anywhere); digits search ID and phone numbers anywhere.
   */
  private match(word: string): Marks {
    const marks: Marks = new Uint8Array(this.slots.length);
    if (HAN.test(word)) {
      this.names.find(word, (slot, offset) =>
        mark(marks, slot, offset > 0 ? 2 : this.slots[slot]?.name === word ? 0 : 1),
      );
      return marks;
    }
    const code = normalizeCodeInput(word);
    if (LETTERS.test(code)) {
      const keys = this.initialKeys;
      for (let i = insertionPoint(keys, { key: code, slot: -1 }, byKey, true); i < keys.length; i += 1) {
        const { key, slot } = keys[i]!;
        if (!key.startsWith(code)) break;
        mark(marks, slot, key === code ? 0 : 1);
      }
      this.upperNames.find(code, (slot) => mark(marks, slot, 2));
    }
    // A single letter is someone's initial; as a fragment of document numbers it would only add noise (the X
    // that ends many resident IDs).
    if (ALPHANUMERIC.test(code) && !(code.length === 1 && LETTERS.test(code))) {
      this.ids.find(code, (slot, offset) => {
        const e = this.slots[slot];
        if (!e) return;
        const phoneStart = e.idNumber.length + 1;
        const whole = offset === 0 ? e.idNumber : offset === phoneStart ? e.phone : null;
        mark(marks, slot, whole === null ? 2 : whole.length === code.length ? 0 : 1);
      });
    }
    if (ALPHANUMERIC.test(code)) return marks;
    const upper = word.toUpperCase();
    this.upperNames.find(upper, (slot) => mark(marks, slot, 2));
    return marks;
  }

  private live(): Entry[] {
    return this.slots.filter((_, slot) => this.alive[slot] === 1);
  }

  private code(key: string): number {
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.codes.size + 1;
      this.codes.set(key, code);
    }
    return code;
  }

  private rebuild(entries: Entry[]): void {
    this.slots = [];
    this.alive = [];
    this.enterpriseCodes = [];
    this.roleCodes = [];
    this.slotOf.clear();
    this.initialKeys = [];
    this.orders.clear();
    for (const entry of entries) this.appendSlot(entry, false);
    this.ids = new Haystack(idsField, entries);
    this.names = new Haystack(nameField, entries);
    this.upperNames = new Haystack(upperNameField, entries);
    this.initialKeys.sort(byKey);
  }

  private appendSlot(entry: Entry, withHaystacks = true): number {
    const slot = this.slots.length;
    this.slots.push(entry);
    this.alive.push(1);
    this.enterpriseCodes.push(entry.enterpriseId ? this.code(`e:${entry.enterpriseId}`) : -2);
    this.roleCodes.push(this.code(`r:${entry.role}`));
    this.slotOf.set(entry.id, slot);
    if (withHaystacks) {
      this.ids.append(entry);
      this.names.append(entry);
      this.upperNames.append(entry);
    }
    for (const key of entry.initials) this.initialKeys.push({ key, slot });
    return slot;
  }

  /** A new slot, inserted where it belongs in the sorted initials and in every sort order built so far. */
  private add(entry: Entry): void {
    const keysBefore = this.initialKeys.length;
    const slot = this.appendSlot(entry);
    const added = this.initialKeys.splice(keysBefore);
    for (const item of added) this.initialKeys.splice(insertionPoint(this.initialKeys, item, byKey), 0, item);
    for (const [key, order] of this.orders) {
      const [field, direction] = key.split(':') as [PeopleSortField, SortOrder];
      const compare = comparator(field, direction);
      const bySlot = (a: number, b: number) => compare(this.slots[a]!, this.slots[b]!);
      order.splice(insertionPoint(order, slot, bySlot), 0, slot);
    }
  }

  private kill(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    // The dead slot stays in the haystacks and orders, skipped by queries, until the next compaction.
    this.alive[slot] = 0;
    this.slotOf.delete(id);
  }

  /** Dead slots cost scan time; once they are a fifth of all, start afresh. */
  private compactIfSparse(): void {
    if (this.slots.length > 1000 && this.slotOf.size < this.slots.length * 0.8) this.rebuild(this.live());
  }

  private inOrder(field: PeopleSortField, order: SortOrder): number[] {
    const key = `${field}:${order}`;
    let slots = this.orders.get(key);
    if (!slots) {
      const compare = comparator(field, order);
      slots = [...this.slotOf.values()].sort((a, b) => compare(this.slots[a]!, this.slots[b]!));
      this.orders.set(key, slots);
    }
    return slots;
  }
}

function byKey(a: { key: string }, b: { key: string }): number {
  return compareStrings(a.key, b.key);
}
