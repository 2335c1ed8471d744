import { analyzeRoster } from '../../import/analyze-roster';
import { failure, type AnalysisRequest, type AnalysisResponse } from './run-analysis';

// Analysis of a 10,000-row roster takes a noticeable moment: off the main thread, the screen stays responsive.
self.onmessage = async (event: MessageEvent<AnalysisRequest>) => {
  const { name, bytes, options } = event.data;
  let response: AnalysisResponse;
  try {
    response = { ok: true, analysis: await analyzeRoster({ name, bytes }, options) };
  } catch (error) {
    response = failure(error);
  }
  (self as unknown as { postMessage(message: AnalysisResponse): void }).postMessage(response);
};
