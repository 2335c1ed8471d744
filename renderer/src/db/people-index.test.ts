import { describe, expect, it } from 'vitest';
import { PeopleIndex, type PeopleQuery } from './people-index';
import type { Person } from './records';
import { nameInitials } from '../domain/name-initials';
import { buildResidentId } from '../domain/resident-id';

const SURNAMES = '王李张刘陈曾单欧';
const GIVEN = '伟芳娜敏静丽强三丰';

function makePerson(i: number, version = 0): Person {
  const name = SURNAMES[(i * 7 + version) % SURNAMES.length]! + GIVEN[(i * 3 + version) % GIVEN.length]!;
  const at = new Date(Date.UTC(2026, 0, 1, 0, i, version)).toISOString();
  return {
    id: `p${i}`,
    createdAt: at,
    updatedAt: at,
    deviceId: 'test',
    name,
    nameInitials: nameInitials(name),
    idNumber: buildResidentId(
      i % 2 ? '320402' : '341225',
      `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      i % 1000,
    ),
    idType: 'resident-id',
    birthDate: i % 11 === 0 ? undefined! : `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    role: i % 5 === 0 ? 'principal' : 'worker',
    phone: `1380000${String(i * 13 + version).padStart(4, '0')}`,
    enterpriseId: `e${i % 4}`,
  };
}

const QUERIES: PeopleQuery[] = [
  {},
  { text: 'z' },
  { text: 'ws' },
  { text: '王' },
  { text: '三丰' },
  { text: '0402' },
  { text: '13800' },
  { text: '李 1' },
  { enterpriseId: 'e1', role: 'worker' },
  { text: 'c', sort: { field: 'age', order: 'descend' } },
  { sort: { field: 'updatedAt', order: 'descend' }, excludeIds: ['p3', 'p4'] },
];

describe('PeopleIndex', () => {
  it('answers after any mix of additions, edits and removals exactly as one built afresh from the result', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const people = new Map<string, Person>();
    const index = new PeopleIndex();
    const initial = Array.from({ length: 1500 }, (_, i) => makePerson(i));
    for (const p of initial) people.set(p.id, p);
    index.load(initial);
    for (const q of QUERIES) index.query(q); // builds the sort orders, which the changes must then keep right

    for (let step = 0; step < 40; step += 1) {
      const batch: Person[] = [];
      const size = step === 20 ? 2500 : 1 + Math.floor(random() * 30);
      for (let k = 0; k < size; k += 1) {
        const i = Math.floor(random() * 2000);
        const roll = random();
        const person =
          roll < 0.15 && people.has(`p${i}`)
            ? { ...people.get(`p${i}`)!, deletedAt: '2026-02-01T00:00:00.000Z' }
            : makePerson(i, step + 1);
        batch.push(person);
        if (person.deletedAt) people.delete(person.id);
        else people.set(person.id, person);
      }
      if (step % 7 === 3) {
        const gone = [...people.keys()].slice(0, 5);
        for (const id of gone) people.delete(id);
        index.remove(gone);
      }
      index.upsert(batch);
    }

    const fresh = new PeopleIndex();
    fresh.load(people.values());
    expect(index.size).toBe(people.size);
    for (const q of QUERIES) expect(index.query(q), JSON.stringify(q)).toEqual(fresh.query(q));
  });

  it.each([
    ['one chunk', [2000]],
    ['even chunks', [500, 500, 500, 500]],
    ['uneven chunks and an empty one', [1, 999, 0, 700, 300]],
  ])('answers after a build in chunks (%s) exactly as one built in one go', (_, sizes) => {
    const all = Array.from({ length: 2000 }, (_, i) =>
      i % 13 === 0 ? { ...makePerson(i), deletedAt: '2026-02-01T00:00:00.000Z' } : makePerson(i),
    );
    const chunked = new PeopleIndex();
    chunked.load([]);
    let from = 0;
    for (const size of sizes) {
      chunked.loadMore(all.slice(from, from + size));
      from += size;
    }
    const whole = new PeopleIndex();
    whole.load(all);
    expect(chunked.size).toBe(whole.size);
    for (const q of QUERIES) expect(chunked.query(q), JSON.stringify(q)).toEqual(whole.query(q));
  });

  it('pages through the groups of exact, starting and inner matches in order', () => {
    const index = new PeopleIndex();
    index.load([makePerson(1), makePerson(2), makePerson(9), makePerson(10)]);
    const all = index.query({ text: '1' });
    const pages = [0, 1, 2, 3].map((offset) => index.query({ text: '1' }, { offset, limit: 1 }));
    expect(pages.map((p) => p.total)).toEqual([all.total, all.total, all.total, all.total]);
    expect(pages.flatMap((p) => p.ids)).toEqual(all.ids);
  });
});
