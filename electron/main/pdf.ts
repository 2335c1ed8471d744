import path from 'node:path';
import type { WebContents } from 'electron';
import type {
  PrintLayout,
  PrintResponse,
  RenderPdfResponse,
  SavePdfRequest,
  SavePdfResponse,
} from '../contract';
import { pdfFileName, withPdfExtension } from './files';
import type { SaveFileKind } from './save-dialog';

/** The part of a window's WebContents that printing uses; fakes in tests implement just this. */
export type PrintTarget = Pick<WebContents, 'printToPDF' | 'print'>;

/** Asks where to save a PDF; resolves to null when the user cancels. */
export type ChooseSavePath = (sender: PrintTarget, defaultPath: string) => Promise<string | null>;

export interface SavePdfDeps {
  chooseSavePath: ChooseSavePath;
  writeFile: (filePath: string, data: Uint8Array) => Promise<void>;
  /** Folder the save dialog opens in: the user's Documents. */
  documentsFolder: string;
}

/** How a PDF is offered in the save dialog. */
export const PDF_FILE: SaveFileKind = { title: '保存为 PDF', filterName: 'PDF', extensions: ['pdf'] };

/**
 * Renders the sender's current page to PDF, asks where to save it and writes it. Rendering comes first so that
 * the PDF shows the page as it was when the user clicked, not after the dialog. Failures are answers, not
 * exceptions: the renderer shows a message either way.
 */
export async function savePdf(
  sender: PrintTarget,
  req: SavePdfRequest,
  deps: SavePdfDeps,
): Promise<SavePdfResponse> {
  try {
    const pdf = await sender.printToPDF({
      pageSize: req.pageSize,
      landscape: req.landscape,
      printBackground: true,
      preferCSSPageSize: true,
    });
    const chosen = await deps.chooseSavePath(
      sender,
      path.join(deps.documentsFolder, pdfFileName(req.suggestedName)),
    );
    if (chosen === null) return { saved: false, reason: 'cancelled' };
    const filePath = withPdfExtension(chosen);
    await deps.writeFile(filePath, pdf);
    return { saved: true, filePath };
  } catch (error) {
    console.error('print:save-pdf failed', error);
    return { saved: false, reason: 'failed' };
  }
}

/**
 * Renders the sender's current page to PDF with the same options as savePdf and answers with the bytes, for the
 * renderer to process (the certificate ZIP splits them per page). A failure is an answer with its message.
 */
export async function renderPdf(sender: PrintTarget, req: PrintLayout): Promise<RenderPdfResponse> {
  try {
    const pdf = await sender.printToPDF({
      pageSize: req.pageSize,
      landscape: req.landscape,
      printBackground: true,
      preferCSSPageSize: true,
    });
    // A Node Buffer may be a view into a shared pool: copy exactly its bytes, so no neighbouring memory is sent.
    return { ok: true, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice() };
  } catch (error) {
    console.error('print:render-pdf failed', error);
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Opens the system print dialog for the sender's current page and resolves when the user is done with it. */
export function printPage(sender: PrintTarget, req: PrintLayout): Promise<PrintResponse> {
  return new Promise((resolve) => {
    try {
      sender.print(
        { silent: false, printBackground: true, pageSize: req.pageSize, landscape: req.landscape },
        (success, failureReason) => {
          if (success) resolve({ printed: true });
          // Electron reports a closed dialog as "Print job canceled" (or "cancelled"): not an error to show.
          else if (/cancel/i.test(failureReason)) resolve({ printed: false, reason: 'cancelled' });
          else resolve({ printed: false, reason: 'failed', message: failureReason });
        },
      );
    } catch (error) {
      resolve({
        printed: false,
        reason: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
