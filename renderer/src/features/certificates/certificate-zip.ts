import { PDFDocument } from 'pdf-lib';
import { zipSync } from 'fflate';

/** Characters Windows and macOS refuse in file names, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `<number>-<name>.pdf`, safe on every file system, unique within the batch (a suffix when two collide). */
export function certificateFileNames(entries: ReadonlyArray<{ number: string; name: string }>): string[] {
  const used = new Set<string>();
  return entries.map(({ number, name }) => {
    const base = `${number}-${name}`.replace(UNSAFE, '_').trim() || 'certificate';
    let candidate = `${base}.pdf`;
    for (let i = 2; used.has(candidate.toLowerCase()); i += 1) candidate = `${base}-${i}.pdf`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

export class PageCountMismatchError extends Error {
  constructor(
    readonly pages: number,
    readonly names: number,
  ) {
    super(`the PDF has ${pages} pages for ${names} certificates`);
  }
}

/**
 * Splits a batch PDF (one certificate a page, as the print view makes it) into one PDF per page and packs them
 * into a ZIP, the files named as given, in page order. The pages are copied, not re-rendered, so each file is
 * exactly its page of the batch (fonts embedded). Stored without compression: PDFs are compressed already.
 * @param onProgress called after each page with (done, total), so a caller can show progress on 500 pages.
 * @throws PageCountMismatchError when the PDF's page count differs from the number of names.
 */
export async function splitPdfToZip(
  batch: Uint8Array,
  fileNames: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const source = await PDFDocument.load(batch);
  const total = source.getPageCount();
  if (total !== fileNames.length) throw new PageCountMismatchError(total, fileNames.length);
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (let i = 0; i < total; i += 1) {
    const single = await PDFDocument.create();
    const [page] = await single.copyPages(source, [i]);
    if (!page) throw new Error(`page ${i + 1} could not be copied`);
    single.addPage(page);
    single.setTitle(fileNames[i]!.replace(/\.pdf$/, ''));
    files[fileNames[i]!] = [await single.save(), { level: 0 }];
    onProgress?.(i + 1, total);
  }
  return zipSync(files);
}
