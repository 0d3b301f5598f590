/**
 * The one stderr line a failed input gets: `storyline: <input>: <message> (stage <name>)`, the
 * stage only when a stage threw. The stack follows, indented, only with `--debug`: a user sees
 * which input failed and why, a developer can ask for where.
 */
import type { Failure } from '../doc/index.js';

export function failureLine(failure: Failure, debug = false): string {
  const stage = failure.stage ? ` (stage ${failure.stage})` : '';
  return `storyline: ${failure.input}: ${failure.message}${stage}\n${debug ? indentedStack(failure.stack) : ''}`;
}

/** A stack as lines indented under the error line, or nothing when there is none. */
export function indentedStack(stack: string | undefined): string {
  return stack ? `${stack.replace(/^/gm, '    ')}\n` : '';
}
