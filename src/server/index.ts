/** The explorer server's public face: build the app over a store, then listen. */
export { createApp, DEFAULT_ANALYZE_LIMITS, type ExplorerOptions } from './app.js';
export { workerAnalyzer, AnalyzerBusyError, type Analyzer, type AnalyzeInput } from './analyzer.js';
export { startServer, checkListen, isLoopback, type ListenOptions, type RunningServer } from './listen.js';
export { DEFAULT_WEB_ROOT } from './static.js';
export type { ExplorerStore } from './types.js';
