import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup, peekManifest, type ManifestInput } from './backup-format';

const INPUT: ManifestInput = {
  kind: 'backup',
  reason: 'manual',
  schemaVersion: 3,
  createdAt: '2026-11-29T08:00:00.000Z',
  deviceId: 'dev-1',
  deviceCode: 'K7',
};
const TABLES = {
  people: [{ id: 'p1', name: '张三' }],
  courses: [
    { id: 'c1', name: '农民工安全生产知识培训' },
    { id: 'c2', name: '有限空间' },
  ],
};
const OPTIONS = { currentSchemaVersion: 3 };

async function good(input: Partial<ManifestInput> = {}) {
  return encodeBackup({ ...INPUT, ...input }, TABLES);
}

function unzipText(bytes: Uint8Array): string {
  return new TextDecoder().decode(gunzipSync(bytes));
}

function rezip(text: string): Uint8Array {
  return gzipSync(new TextEncoder().encode(text));
}

describe('encodeBackup / decodeBackup', () => {
  it('round-trips the tables with a manifest of counts, device, time and hash', async () => {
    const result = await decodeBackup(await good(), OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.tables).toEqual(TABLES);
    expect(result.backup.manifest).toMatchObject({
      ...INPUT,
      format: 'safetrain-backup',
      formatVersion: 1,
      counts: { people: 1, courses: 2 },
    });
    expect(result.backup.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a file someone unpacked by hand', async () => {
    const text = unzipText(await good());
    expect((await decodeBackup(new TextEncoder().encode(text), OPTIONS)).ok).toBe(true);
  });

  it('builds a large file a chunk at a time, pausing in between, with the same data line as one stringify', async () => {
    const many = {
      people: Array.from({ length: 4500 }, (_, i) => ({ id: `p${i}`, name: `学员${i}`, tags: [i] })),
      empty: [],
      courses: TABLES.courses,
    };
    let pauses = 0;
    const bytes = await encodeBackup(INPUT, many, {
      pause: () => {
        pauses += 1;
        return Promise.resolve();
      },
    });
    // 3 chunks of people, 1 of courses, then one per piece while compressing.
    expect(pauses).toBeGreaterThanOrEqual(4);
    const [, data] = unzipText(bytes).split('\n');
    expect(data).toBe(JSON.stringify(many));
    const result = await decodeBackup(bytes, OPTIONS);
    expect(result.ok && result.backup.tables).toEqual(many);
  });

  it('reads the manifest alone', async () => {
    expect(peekManifest(await good())?.counts).toEqual({ people: 1, courses: 2 });
    expect(peekManifest(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('refused files', () => {
  const cases: Array<[string, () => Promise<Uint8Array>, string]> = [
    ['an empty file', () => Promise.resolve(new Uint8Array()), 'empty'],
    ['an .xlsx (zip) file', () => Promise.resolve(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])), 'not-ours'],
    ['some other JSON', () => Promise.resolve(new TextEncoder().encode('{"hello":1}\n')), 'not-ours'],
    ['some other gzip', () => Promise.resolve(rezip('just text\n')), 'not-ours'],
    ['a file cut in half', async () => (await good()).slice(0, 40), 'truncated'],
    [
      'a file whose data line was cut',
      async () => rezip(unzipText(await good()).split('\n')[0]!),
      'truncated',
    ],
    [
      'a file with one character of data changed',
      async () => rezip(unzipText(await good()).replace('张三', '张四')),
      'corrupted',
    ],
    [
      'a file whose counts were edited',
      async () => rezip(unzipText(await good()).replace('"people":1', '"people":2')),
      'corrupted',
    ],
    ['a backup of a newer schema', () => good({ schemaVersion: 4 }), 'newer-schema'],
    ['a sync package where a backup is expected', () => good({ kind: 'sync' }), 'wrong-kind'],
    [
      'a file of a newer format',
      async () => rezip(unzipText(await good()).replace('"formatVersion":1', '"formatVersion":2')),
      'newer-format',
    ],
  ];
  it.each(cases)('%s', async (_name, make, code) => {
    const result = await decodeBackup(await make(), { ...OPTIONS, kind: 'backup' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe(code);
  });

  it('says which schema the newer backup needs', async () => {
    const result = await decodeBackup(await good({ schemaVersion: 5 }), OPTIONS);
    expect(result).toEqual({ ok: false, problem: { code: 'newer-schema', schemaVersion: 5, supported: 3 } });
  });

  it('accepts an older schema (the restore upgrades it)', async () => {
    expect((await decodeBackup(await good({ schemaVersion: 1 }), OPTIONS)).ok).toBe(true);
  });
});
