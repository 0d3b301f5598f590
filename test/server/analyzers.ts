/** Analyzers for the API tests: the worker's function called in-process, and one that never ends. */
import type { Analyzer } from '../../src/server/index.js';
import analyzeInWorker from '../../src/server/analyze-worker.js';

export const inProcessAnalyzer: Analyzer = {
  analyze: async (input) => analyzeInWorker(input),
  close: async () => {},
};

/** Waits until the request's time limit aborts it, as a page that hangs the pipeline would. */
export const hangingAnalyzer: Analyzer = {
  analyze: (_input, signal) =>
    new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
  close: async () => {},
};
