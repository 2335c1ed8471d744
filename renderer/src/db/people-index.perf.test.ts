/**
 * Measures search as you type over a register of 100,000 people, in memory as the app runs it (the database only
 * serves the 50 records of the page shown). Prints the numbers; asserts only the results, never the timings,
 * since a test machine's speed is not the product's behaviour.
 */
import { describe, expect, it } from 'vitest';
import { PeopleIndex } from './people-index';
import type { Person } from './records';
import { nameInitials } from '../domain/name-initials';
import { buildResidentId } from '../domain/resident-id';

const COUNT = 100_000;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红春梅兰海波宁斌鹏飞翔宇浩';
const REGIONS = ['341225', '511321', '500235', '520502', '342221', '411627', '320412', '341222', '320402'];

function syntheticPeople(): Person[] {
  // mulberry32: integer maths only, so the sequence does not collapse into a short cycle as a float LCG would.
  let seed = 20261129;
  const random = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (s: string) => s[Math.floor(random() * s.length)]!;
  const initials = new Map<string, string[]>();
  return Array.from({ length: COUNT }, (_, i) => {
    const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
    if (!initials.has(name)) initials.set(name, nameInitials(name));
    const birth = `${1960 + Math.floor(random() * 45)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();
    return {
      id: `p${String(i).padStart(6, '0')}`,
      createdAt: at,
      updatedAt: at,
      deviceId: 'bench',
      name,
      nameInitials: initials.get(name)!,
      idNumber: buildResidentId(REGIONS[i % REGIONS.length]!, birth, i % 1000),
      idType: 'resident-id',
      birthDate: birth,
      role: i % 50 === 0 ? 'principal' : 'worker',
      phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
      enterpriseId: `e${i % 800}`,
    };
  });
}

/** What a coordinator types, keystroke by keystroke. */
const TYPED = [
  'z',
  'zs',
  'zsf',
  '张',
  '张伟',
  '王芳',
  'w',
  'wjg',
  '0',
  '06',
  '066',
  '0663',
  '3204',
  '32041219',
  '1985',
  '138',
  '1381234',
  '13812345678',
  '张 0663',
  'lnn',
];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('people search at 100,000 people', () => {
  it('answers each keystroke from the in-memory index; prints build and query times', () => {
    const people = syntheticPeople();
    const index = new PeopleIndex();
    let t = performance.now();
    index.load(people);
    const loadMs = performance.now() - t;
    t = performance.now();
    index.query({ text: '' }, { offset: 0, limit: 50 });
    const firstSortMs = performance.now() - t;

    const samples: number[] = [];
    const filtered: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const text of TYPED) {
        t = performance.now();
        const { total } = index.query({ text }, { offset: 0, limit: 50 });
        samples.push(performance.now() - t);
        expect(total).toBeGreaterThanOrEqual(0);
        t = performance.now();
        index.query({ text, enterpriseId: 'e7', role: 'worker' }, { offset: 0, limit: 50 });
        filtered.push(performance.now() - t);
      }
    }
    const one = people[4242]!;
    expect(index.query({ text: one.idNumber.slice(-8) }).ids).toContain(one.id);
    expect(index.query({ text: one.idNumber }).ids[0]).toBe(one.id);
    expect(index.query({ text: one.nameInitials![0]!.toLowerCase() }).ids).toContain(one.id);

    const fmt = (n: number) => `${n.toFixed(1)} ms`;
    console.info(
      [
        `people search, ${COUNT} people, ${samples.length} queries:`,
        `  index load ${fmt(loadMs)}, first sort ${fmt(firstSortMs)}`,
        `  query p50 ${fmt(percentile(samples, 50))}, p95 ${fmt(percentile(samples, 95))}, max ${fmt(Math.max(...samples))}`,
        `  with enterprise and role filters p95 ${fmt(percentile(filtered, 95))}`,
      ].join('\n'),
    );
  }, 60_000);
});
