import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFs, fakeWebContents } from './test-fakes';
import { saveZip, type SaveZipDeps } from './zip-export';

const documents = path.resolve('/home/li/Documents');
const zip = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]);
const sender = fakeWebContents().contents;

function deps(chosen: string | null | Error, options: { failWrites?: string } = {}) {
  const files = fakeFs(options);
  const choosePath = vi.fn((_sender: unknown, _defaultPath: string) =>
    chosen instanceof Error ? Promise.reject(chosen) : Promise.resolve(chosen),
  );
  const zipDeps: SaveZipDeps = { choosePath, fs: files.fs, documentsFolder: documents };
  return { zipDeps, files, choosePath };
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('saveZip', () => {
  it('offers Documents/<name>.zip and writes the bytes where the user chose, through no leftover temp file', async () => {
    const { zipDeps, files, choosePath } = deps(path.join(documents, 'chosen.zip'));
    const response = await saveZip(sender, { suggestedName: '证书-电工-30份', bytes: zip }, zipDeps);
    expect(choosePath).toHaveBeenCalledWith(sender, path.join(documents, '证书-电工-30份.zip'));
    expect(response).toEqual({ saved: true, filePath: path.join(documents, 'chosen.zip') });
    expect([...files.files.entries()]).toEqual([[path.join(documents, 'chosen.zip'), zip]]);
  });

  it('sanitises the suggested name and does not double the extension', async () => {
    const { zipDeps, choosePath } = deps(null);
    await saveZip(sender, { suggestedName: '../证书:张三?.ZIP', bytes: zip }, zipDeps);
    expect(choosePath.mock.calls[0]?.[1]).toBe(path.join(documents, '.._证书_张三_.zip'));
  });

  it('adds .zip when the user typed a name without it', async () => {
    const { zipDeps, files } = deps(path.join(documents, '证书'));
    const response = await saveZip(sender, { suggestedName: 'x', bytes: zip }, zipDeps);
    expect(response).toEqual({ saved: true, filePath: path.join(documents, '证书.zip') });
    expect([...files.files.keys()]).toEqual([path.join(documents, '证书.zip')]);
  });

  it('writes nothing when the user cancels', async () => {
    const { zipDeps, files } = deps(null);
    await expect(saveZip(sender, { suggestedName: 'x', bytes: zip }, zipDeps)).resolves.toEqual({
      saved: false,
      reason: 'cancelled',
    });
    expect(files.files.size).toBe(0);
  });

  it('answers failed (and leaves no file) when the disk is full', async () => {
    const { zipDeps, files } = deps(path.join(documents, 'a.zip'), { failWrites: 'ENOSPC' });
    await expect(saveZip(sender, { suggestedName: 'x', bytes: zip }, zipDeps)).resolves.toEqual({
      saved: false,
      reason: 'failed',
    });
    expect(files.files.size).toBe(0);
  });

  it('answers failed when the dialog itself fails', async () => {
    const { zipDeps } = deps(new Error('no display'));
    await expect(saveZip(sender, { suggestedName: 'x', bytes: zip }, zipDeps)).resolves.toEqual({
      saved: false,
      reason: 'failed',
    });
  });
});
