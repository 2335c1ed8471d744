import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printPage, renderPdf, savePdf, type SavePdfDeps } from './pdf';
import { fakePrintTarget } from './test-fakes';

const documents = path.resolve('/home/li/Documents');
const request = { pageSize: 'A4', landscape: true, suggestedName: '合格证书 张三' } as const;

function deps(chosen: string | null | Error) {
  const writes: { filePath: string; data: Uint8Array }[] = [];
  const chooseSavePath = vi.fn((_sender: unknown, _defaultPath: string) =>
    chosen instanceof Error ? Promise.reject(chosen) : Promise.resolve(chosen),
  );
  const print: SavePdfDeps = {
    chooseSavePath,
    writeFile: (filePath, data) => {
      writes.push({ filePath, data });
      return Promise.resolve();
    },
    documentsFolder: documents,
  };
  return { print, writes, chooseSavePath };
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('savePdf', () => {
  it('renders the page with the requested layout, offers Documents/<name>.pdf and writes the PDF there', async () => {
    const pdf = new Uint8Array([37, 80, 68, 70, 45]);
    const target = fakePrintTarget({ pdf });
    const { print, writes, chooseSavePath } = deps(path.join(documents, 'chosen.pdf'));

    const response = await savePdf(target.contents, request, print);

    expect(target.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(chooseSavePath).toHaveBeenCalledWith(target.contents, path.join(documents, '合格证书 张三.pdf'));
    expect(writes).toEqual([{ filePath: path.join(documents, 'chosen.pdf'), data: pdf }]);
    expect(response).toEqual({ saved: true, filePath: path.join(documents, 'chosen.pdf') });
  });

  it('sanitises the suggested name before it reaches the dialog', async () => {
    const { print, chooseSavePath } = deps(null);
    await savePdf(fakePrintTarget().contents, { ...request, suggestedName: '../../证书:张三?' }, print);
    expect(chooseSavePath.mock.calls[0]?.[1]).toBe(path.join(documents, '.._.._证书_张三_.pdf'));
  });

  it('adds .pdf when the user typed a name without it', async () => {
    const { print, writes } = deps(path.join(documents, '证书'));
    const response = await savePdf(fakePrintTarget().contents, request, print);
    expect(writes[0]?.filePath).toBe(path.join(documents, '证书.pdf'));
    expect(response).toEqual({ saved: true, filePath: path.join(documents, '证书.pdf') });
  });

  it('writes nothing when the user cancels', async () => {
    const { print, writes } = deps(null);
    expect(await savePdf(fakePrintTarget().contents, request, print)).toEqual({
      saved: false,
      reason: 'cancelled',
    });
    expect(writes).toEqual([]);
  });

  it('reports a failed render without asking or writing', async () => {
    const { print, writes, chooseSavePath } = deps(path.join(documents, 'x.pdf'));
    const target = fakePrintTarget({ pdf: new Error('renderer gone') });
    expect(await savePdf(target.contents, request, print)).toEqual({ saved: false, reason: 'failed' });
    expect(chooseSavePath).not.toHaveBeenCalled();
    expect(writes).toEqual([]);
  });

  it('reports a failed write', async () => {
    const { print } = deps(path.join(documents, 'x.pdf'));
    print.writeFile = () => Promise.reject(new Error('EACCES'));
    expect(await savePdf(fakePrintTarget().contents, request, print)).toEqual({
      saved: false,
      reason: 'failed',
    });
  });
});

describe('renderPdf', () => {
  it('renders the page with the same options as savePdf and answers with exactly its bytes', async () => {
    // A view into a larger buffer, as a pooled Node Buffer may be: only the view's bytes are answered.
    const backing = new Uint8Array([9, 9, 37, 80, 68, 70, 9]);
    const target = fakePrintTarget({ pdf: backing.subarray(2, 6) });
    const response = await renderPdf(target.contents, { pageSize: 'A5', landscape: true });
    expect(target.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A5',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(response).toEqual({ ok: true, pdf: new Uint8Array([37, 80, 68, 70]) });
    expect(response.ok && response.pdf.buffer.byteLength).toBe(4);
  });

  it('answers a failed render with its message instead of rejecting', async () => {
    const target = fakePrintTarget({ pdf: new Error('renderer gone') });
    await expect(renderPdf(target.contents, { pageSize: 'A4', landscape: true })).resolves.toEqual({
      ok: false,
      message: 'renderer gone',
    });
  });
});

describe('printPage', () => {
  const layout = { pageSize: 'A5', landscape: false } as const;

  it('opens the system dialog (not silent) with the layout and backgrounds', async () => {
    const target = fakePrintTarget();
    await expect(printPage(target.contents, layout)).resolves.toEqual({ printed: true });
    expect(target.print).toHaveBeenCalledWith(
      { silent: false, printBackground: true, pageSize: 'A5', landscape: false },
      expect.any(Function),
    );
  });

  it.each([
    [[false, 'Print job canceled'], { printed: false, reason: 'cancelled' }],
    [[false, 'cancelled'], { printed: false, reason: 'cancelled' }],
    [[false, 'Print job failed'], { printed: false, reason: 'failed', message: 'Print job failed' }],
    [
      [false, 'Invalid printer settings'],
      { printed: false, reason: 'failed', message: 'Invalid printer settings' },
    ],
  ] as const)('maps %j to %j', async (outcome, expected) => {
    const target = fakePrintTarget({ printOutcome: [...outcome] });
    await expect(printPage(target.contents, layout)).resolves.toEqual(expected);
  });

  it('reports a synchronous throw as a failure instead of rejecting', async () => {
    const target = fakePrintTarget();
    target.print.mockImplementation(() => {
      throw new Error('Invalid deviceName provided');
    });
    await expect(printPage(target.contents, layout)).resolves.toEqual({
      printed: false,
      reason: 'failed',
      message: 'Invalid deviceName provided',
    });
  });
});
