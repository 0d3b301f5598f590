/**
 * The one catalogue of error and issue codes. Bad input becomes a `Failure` (ingest) or an
 * `Issue` on the doc (degraded but usable); only bugs throw, and the pipeline turns a stage's
 * throw into that document's `E_STAGE` failure so the other documents go on.
 */

export const ERRORS = {
  E_EMPTY: 'input is empty',
  E_BINARY: 'input looks binary, not text',
  E_TOO_LARGE: 'input is larger than the size limit',
  E_UNREADABLE: 'input could not be read',
  E_NOT_FOUND: 'input does not exist',
  E_BAD_JSON: 'line is not valid JSON',
  E_BAD_MANIFEST: 'manifest line does not have the expected fields',
  E_FETCH: 'the page could not be fetched',
  E_HTTP: 'the server answered with an error',
  E_NOT_PAGE: 'the address does not serve an HTML or text page',
  E_BAD_FEED: 'not an RSS or Atom feed',
  E_QUERY: 'the search query is not valid',
  E_NO_ARTICLE: 'no article text found',
  E_ENCODING: 'input is not valid text in its declared or detected character set',
  E_NOT_ENGLISH: 'input does not look like English',
  E_INVARIANT: 'internal invariant broken',
  E_MODEL_MISSING: 'a model file is missing, so this stage ran without it',
  // The HTTP API (src/server) and `storyline serve`.
  E_BAD_REQUEST: 'the request is not valid',
  E_UNAUTHORIZED: 'this server needs Authorization: Bearer <token>',
  E_UNKNOWN_ID: 'nothing has this id',
  E_NO_ROUTE: 'no such route',
  E_TIMEOUT: 'the analysis took longer than the time limit',
  E_BUSY: 'the server is busy, try again shortly',
  E_INTERNAL: 'internal error',
  E_NEEDS_TOKEN: 'listening beyond loopback needs a token (--token or STORYLINE_TOKEN)',
  E_STAGE: 'a stage failed on this document (a bug; please report it)',
  E_WORKER: 'the worker analysing this document stopped',
} as const;
export type ErrorCode = keyof typeof ERRORS;

/** Why one input could not be analysed; `input` names it the way the user gave it. */
export interface Failure {
  readonly input: string;
  readonly code: ErrorCode;
  readonly message: string;
  /** The stage that threw (`extract`, `sentences`, ...), for E_STAGE and E_WORKER. */
  readonly stage?: string;
  /** Where it threw; kept for `--debug`, never printed otherwise. */
  readonly stack?: string;
}

export function failure(input: string, code: ErrorCode, detail?: string): Failure {
  return { input, code, message: detail ? `${ERRORS[code]}: ${detail}` : ERRORS[code] };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: Failure): Result<T> => ({ ok: false, error });

/** A stage's (or a worker's) throw as the document's failure: the error's message, its stack kept. */
export function stageFailure(
  input: string,
  stage: string,
  err: unknown,
  code: 'E_STAGE' | 'E_WORKER' = 'E_STAGE',
): Failure {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const stack = err instanceof Error ? err.stack : undefined;
  return { ...failure(input, code, message), stage, ...(stack ? { stack } : {}) };
}

/** Thrown only for bugs: a layer that breaks the data model's invariants. */
export class InvariantError extends Error {
  readonly code = 'E_INVARIANT';
  constructor(message: string) {
    super(`${ERRORS.E_INVARIANT}: ${message}`);
    this.name = 'InvariantError';
  }
}

/** A stage's throw, wrapped by `compose` so the caller knows which stage it came from. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = cause instanceof Error ? cause.name : 'Error';
    if (cause instanceof Error && cause.stack) this.stack = cause.stack;
  }
}
