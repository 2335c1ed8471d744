import { describe, expect, it } from 'vitest';
import {
  countPeopleByEnterprise,
  searchPeople,
  subscribePeopleSearch,
  warmPeopleSearch,
} from './people-search';
import { savePerson, upsertPerson, type PersonFields } from './people-repo';
import { saveEnterprise } from './enterprises-repo';
import { stampNew, tombstone } from './context';
import type { Person } from './records';
import { openTestApp, residentId, type TestApp } from './test-db';
import { buildResidentId } from '../domain/resident-id';

const ZHANG = buildResidentId('320402', '1983-03-20', 663);

async function register(app: TestApp): Promise<Record<string, Person>> {
  const hardware = await saveEnterprise(app.ctx, { name: '柳桥五金制品厂' });
  const base = { idType: 'resident-id', role: 'worker' } as const;
  const people: Array<[string, PersonFields]> = [
    [
      'zhang',
      { ...base, name: '张三丰', idNumber: ZHANG, phone: '139 1234 5678', enterpriseId: hardware.id },
    ],
    ['zhangs', { ...base, name: '张三', idNumber: residentId(1), phone: '13800000001' }],
    [
      'zeng',
      { ...base, name: '曾国藩', idNumber: residentId(3), role: 'principal', enterpriseId: hardware.id },
    ],
    ['li', { ...base, name: '李娜', idNumber: residentId(2), phone: '13800000663' }],
    ['smith', { ...base, name: 'JOHN SMITH', idType: 'passport', idNumber: 'E12345678' }],
  ];
  const saved: Record<string, Person> = {};
  for (const [key, fields] of people) {
    saved[key] = await savePerson(app.ctx, fields);
    app.clock.advanceMinutes(1);
  }
  await warmPeopleSearch(app.ctx);
  return saved;
}

const names = (people: Person[]) => people.map((p) => p.name);

describe('searchPeople', () => {
  it.each([
    ['pinyin initials', 'zsf', ['张三丰']],
    ['initials as a prefix, exact match first', 'zs', ['张三', '张三丰']],
    ['a surname read as a surname or as a word', 'cgf', ['曾国藩']],
    ['the other reading too', 'ZGF', ['曾国藩']],
    ['part of a name', '三', ['张三', '张三丰']],
    ['a whole name before longer ones', '张三', ['张三', '张三丰']],
    ['the last four of an ID number', ZHANG.slice(-4), ['张三丰']],
    ['a fragment from the middle of an ID number', ZHANG.slice(6, 14), ['张三丰']],
    ['a lowercase x or full-width digits', '１９８３０３２０', ['张三丰']],
    ['phone digits, spaces ignored', '1391234', ['张三丰']],
    ['digits in the ID of one and the phone of another', '0663', ['张三丰', '李娜']],
    ['a passport number', 'e1234', ['JOHN SMITH']],
    ['a Latin name', 'smith', ['JOHN SMITH']],
    ['several words, all must match', '张 5678', ['张三丰']],
    ['nothing', '王', []],
  ])('finds by %s (%s)', async (_, text, expected) => {
    const app = await openTestApp();
    await register(app);
    const result = await searchPeople(app.ctx, { text });
    expect(names(result.people).sort()).toEqual([...expected].sort());
    expect(result.total).toBe(expected.length);
    if (expected.length > 1 && _.includes('first')) expect(names(result.people)).toEqual(expected);
  });

  it('filters by enterprise and role, sorts, pages and leaves people out on request', async () => {
    const app = await openTestApp();
    const saved = await register(app);
    const hardwareId = saved.zhang!.enterpriseId!;
    expect(names((await searchPeople(app.ctx, { enterpriseId: hardwareId })).people)).toEqual([
      '曾国藩',
      '张三丰',
    ]);
    expect(names((await searchPeople(app.ctx, { role: 'principal' })).people)).toEqual(['曾国藩']);
    // By pinyin initials: JOHNSMITH, LN, ZGF, ZS, ZSF.
    const all = await searchPeople(app.ctx, {});
    expect(names(all.people)).toEqual(['JOHN SMITH', '李娜', '曾国藩', '张三', '张三丰']);
    // Youngest first; the passport holder has no birth date and comes last.
    const byAge = await searchPeople(app.ctx, { sort: { field: 'age', order: 'ascend' } });
    expect(names(byAge.people)).toEqual(['李娜', '曾国藩', '张三', '张三丰', 'JOHN SMITH']);
    const recent = await searchPeople(app.ctx, { sort: { field: 'updatedAt', order: 'descend' } });
    expect(names(recent.people)[0]).toBe('JOHN SMITH');
    const page = await searchPeople(app.ctx, { offset: 2, limit: 2 });
    expect({ total: page.total, names: names(page.people) }).toEqual({ total: 5, names: ['曾国藩', '张三'] });
    const others = await searchPeople(app.ctx, { text: 'zs', excludeIds: [saved.zhangs!.id] });
    expect(names(others.people)).toEqual(['张三丰']);
  });

  it('follows every committed write, whoever made it, and tells subscribers', async () => {
    const app = await openTestApp();
    await register(app);
    await warmPeopleSearch(app.ctx);
    let notified = 0;
    const unsubscribe = subscribePeopleSearch(app.ctx, () => (notified += 1));

    // Through a repository (as check-in and import do).
    await app.db.transaction('rw', [app.db.people, app.db.enterprises, app.db.auditLog], () =>
      upsertPerson(app.ctx, { name: '王建国', idNumber: residentId(5) }),
    );
    expect(names((await searchPeople(app.ctx, { text: 'wjg' })).people)).toEqual(['王建国']);
    // Written directly in bulk (as the demo data does): the search keys are set on the way in.
    const bulk = stampNew<Person>(app.ctx, {
      name: '欧阳修',
      idNumber: residentId(7),
      idType: 'resident-id',
      role: 'worker',
    });
    await app.db.people.bulkAdd([bulk]);
    expect(await app.db.people.get(bulk.id)).toMatchObject({ nameInitials: ['OYX'] });
    expect(names((await searchPeople(app.ctx, { text: 'oyx' })).people)).toEqual(['欧阳修']);
    // Renamed: found by the new name only.
    const [li] = (await searchPeople(app.ctx, { text: '李娜' })).people;
    await savePerson(app.ctx, { ...li!, name: '李丽', idType: 'resident-id' }, li!.id);
    expect((await searchPeople(app.ctx, { text: 'ln' })).total).toBe(0);
    expect(names((await searchPeople(app.ctx, { text: 'll' })).people)).toEqual(['李丽']);
    // Tombstoned and deleted people leave the results.
    await app.db.people.put(tombstone(app.ctx, bulk));
    expect((await searchPeople(app.ctx, { text: 'oyx' })).total).toBe(0);
    await app.db.people.delete(li!.id);
    expect((await searchPeople(app.ctx, { text: '李' })).total).toBe(0);
    expect(notified).toBeGreaterThanOrEqual(5);
    unsubscribe();
  });

  it('ignores a write whose transaction was rolled back', async () => {
    const app = await openTestApp();
    await register(app);
    await warmPeopleSearch(app.ctx);
    await expect(
      app.db.transaction('rw', [app.db.people, app.db.enterprises, app.db.auditLog], async () => {
        await upsertPerson(app.ctx, { name: '王建国', idNumber: residentId(5) });
        throw new Error('the rest of the roster failed');
      }),
    ).rejects.toThrow('the rest of the roster failed');
    expect((await searchPeople(app.ctx, { text: 'wjg' })).total).toBe(0);
    expect(await app.db.people.count()).toBe(5);
  });

  it('misses nothing written while the index is being built', async () => {
    const app = await openTestApp();
    await register(app);
    const building = warmPeopleSearch(app.ctx);
    const writing = savePerson(app.ctx, {
      name: '王建国',
      idType: 'resident-id',
      idNumber: residentId(5),
      role: 'worker',
    });
    await Promise.all([building, writing]);
    expect(names((await searchPeople(app.ctx, { text: 'wjg' })).people)).toEqual(['王建国']);
  });

  it('builds the index a chunk at a time over a large register, missing no one written meanwhile', async () => {
    const app = await openTestApp();
    const base = { idType: 'resident-id', role: 'worker' } as const;
    // More than two chunks of the build.
    const people = Array.from({ length: 2500 }, (_, i) =>
      stampNew<Person>(app.ctx, {
        ...base,
        name: i === 1234 ? '欧阳修' : '王伟',
        nameInitials: [],
        idNumber: buildResidentId('320402', `19${70 + Math.floor(i / 1000)}-06-15`, i % 1000),
      }),
    );
    await app.db.people.bulkAdd(people);
    const building = warmPeopleSearch(app.ctx);
    const writing = savePerson(app.ctx, { ...base, name: '王建国', idNumber: residentId(5) });
    await Promise.all([building, writing]);
    expect((await searchPeople(app.ctx, { text: '王', limit: 1 })).total).toBe(2500);
    expect(names((await searchPeople(app.ctx, { text: 'oyx' })).people)).toEqual(['欧阳修']);
    expect(names((await searchPeople(app.ctx, { text: 'wjg' })).people)).toEqual(['王建国']);
  });

  it('rebuilds after the table is cleared (a backup being restored)', async () => {
    const app = await openTestApp();
    await register(app);
    await warmPeopleSearch(app.ctx);
    await app.db.people.clear();
    expect((await searchPeople(app.ctx, {})).total).toBe(0);
  });

  it('answers by prefix from the database while the index is still being built, then in full', async () => {
    const app = await openTestApp();
    for (const [name, seq] of [
      ['张三丰', 1],
      ['张三', 3],
      ['李娜', 2],
    ] as const) {
      await savePerson(app.ctx, { name, idType: 'resident-id', idNumber: residentId(seq), role: 'worker' });
    }
    let notified = 0;
    subscribePeopleSearch(app.ctx, () => (notified += 1));
    // A fresh start: nothing has built the index yet.
    const cold = await searchPeople(app.ctx, { text: 'zs' });
    expect({ partial: cold.partial, names: names(cold.people).sort() }).toEqual({
      partial: true,
      names: ['张三', '张三丰'],
    });
    expect(names((await searchPeople(app.ctx, { text: '张三' })).people).sort()).toEqual(['张三', '张三丰']);
    await warmPeopleSearch(app.ctx);
    expect(notified).toBeGreaterThan(0);
    const warm = await searchPeople(app.ctx, { text: '三' });
    expect({ partial: warm.partial, names: names(warm.people) }).toEqual({
      partial: undefined,
      names: ['张三', '张三丰'],
    });
  });

  it('counts the people of each enterprise', async () => {
    const app = await openTestApp();
    const saved = await register(app);
    expect(Object.fromEntries(await countPeopleByEnterprise(app.ctx))).toEqual({
      [saved.zhang!.enterpriseId!]: 2,
    });
  });
});
