import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { unzipSync } from 'fflate';
import { certificateFileNames, PageCountMismatchError, splitPdfToZip } from './certificate-zip';

async function batchPdf(labels: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const label of labels) {
    const page = doc.addPage([841.89, 595.28]);
    page.drawText(label, { x: 50, y: 500, size: 24, font });
  }
  return doc.save();
}

describe('certificateFileNames', () => {
  it.each<[Array<{ number: string; name: string }>, string[]]>([
    [[{ number: 'AX-2026-G2-000014-F', name: '张三' }], ['AX-2026-G2-000014-F-张三.pdf']],
    [[{ number: 'AX-2026-G2-000015-K', name: 'a/b:c*?' }], ['AX-2026-G2-000015-K-a_b_c__.pdf']],
    [
      [
        { number: 'N1', name: '王芳' },
        { number: 'N1', name: '王芳' },
        { number: 'N1', name: '王芳' },
      ],
      ['N1-王芳.pdf', 'N1-王芳-2.pdf', 'N1-王芳-3.pdf'],
    ],
  ])('%j -> %j', (entries, names) => {
    expect(certificateFileNames(entries)).toEqual(names);
  });
});

describe('splitPdfToZip', () => {
  it('puts each page into its own one-page PDF, named in page order', async () => {
    const names = ['A-1-张三.pdf', 'A-2-李四.pdf', 'A-3-王五.pdf'];
    const progress: number[] = [];

    const zip = await splitPdfToZip(await batchPdf(['one', 'two', 'three']), names, (done) =>
      progress.push(done),
    );

    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(names);
    for (const name of names) {
      const single = await PDFDocument.load(files[name]!);
      expect(single.getPageCount()).toBe(1);
      expect(single.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
    }
    expect(progress).toEqual([1, 2, 3]);
  });

  it('refuses when pages and names do not match', async () => {
    await expect(splitPdfToZip(await batchPdf(['one', 'two']), ['only.pdf'])).rejects.toEqual(
      new PageCountMismatchError(2, 1),
    );
  });
});
