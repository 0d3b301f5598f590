/**
 * How a long run keeps its heap small. V8 lets the old generation grow to several times what is
 * live before it collects (up to 4x), which over a stream of big pages means 500+ MB of RSS that
 * is mostly garbage. Growing by at most 25% between collections keeps the peak near what is live
 * (the first 3,500 soak documents from dist/, one thread: peak RSS 409 MB at 50%, 359 MB at 25%;
 * the 181 AEB pages alone: 527 MB with V8's default). V8 flags are process-wide, so the library
 * never sets this itself: the CLI does, and the benchmarks.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 25;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
