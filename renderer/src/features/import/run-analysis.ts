import {
  analyzeRoster,
  RosterReadError,
  type AnalyzeRosterOptions,
  type RosterAnalysis,
  type RosterReadErrorCode,
} from '../../import/analyze-roster';

export interface AnalysisRequest {
  name: string;
  bytes: Uint8Array;
  options: AnalyzeRosterOptions;
}

export type AnalysisResponse =
  | { ok: true; analysis: RosterAnalysis }
  | { ok: false; code: RosterReadErrorCode; detail?: RosterReadError['detail']; message: string };

/** Runs the roster analysis in a Web Worker (so a large file never freezes the screen), or inline if none. */
export function runAnalysis(request: AnalysisRequest): Promise<AnalysisResponse> {
  if (typeof Worker === 'undefined') return runInline(request);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
    const finish = (response: AnalysisResponse) => {
      worker.terminate();
      resolve(response);
    };
    worker.onmessage = (event: MessageEvent<AnalysisResponse>) => finish(event.data);
    worker.onerror = () => void runInline(request).then(finish);
    worker.postMessage(request);
  });
}

async function runInline(request: AnalysisRequest): Promise<AnalysisResponse> {
  try {
    return {
      ok: true,
      analysis: await analyzeRoster({ name: request.name, bytes: request.bytes }, request.options),
    };
  } catch (error) {
    return failure(error);
  }
}

export function failure(error: unknown): AnalysisResponse {
  const read = error instanceof RosterReadError ? error : undefined;
  return {
    ok: false,
    code: read?.code ?? 'corrupt',
    ...(read?.detail ? { detail: read.detail } : {}),
    message: error instanceof Error ? error.message : String(error),
  };
}
