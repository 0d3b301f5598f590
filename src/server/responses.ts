/**
 * The API's response shapes in one place: JSON bodies for the OpenAPI route definitions, and the
 * one error shape `{error: {code, message}}` with its HTTP status. Codes and messages come from
 * the catalogue in src/doc/errors.ts.
 */
import type { z } from '@hono/zod-openapi';
import { ERRORS, type ErrorCode } from '../doc/index.js';
import { ErrorBody } from './schemas.js';

export const STATUS_OF = {
  E_BAD_REQUEST: 400,
  E_UNAUTHORIZED: 401,
  E_UNKNOWN_ID: 404,
  E_NO_ROUTE: 404,
  E_TOO_LARGE: 413,
  E_EMPTY: 422,
  E_BINARY: 422,
  E_NO_ARTICLE: 422,
  E_ENCODING: 422,
  E_NOT_ENGLISH: 422,
  E_UNREADABLE: 422,
  E_INTERNAL: 500,
  E_BUSY: 503,
  E_TIMEOUT: 504,
} as const satisfies Partial<Record<ErrorCode, number>>;
export type ApiErrorCode = keyof typeof STATUS_OF;
export type ApiStatus = (typeof STATUS_OF)[ApiErrorCode];

export function errorBody(code: ErrorCode, detail?: string): z.infer<typeof ErrorBody> {
  return { error: { code, message: detail ? `${ERRORS[code]}: ${detail}` : ERRORS[code] } };
}

/** Thrown by a handler to answer with the error shape; the app's error handler turns it into JSON. */
export class ApiError extends Error {
  readonly status: ApiStatus;
  /** `message` replaces the catalogue's text with one already formatted (a `Failure`'s). */
  constructor(
    readonly code: ApiErrorCode,
    detail?: string,
    message?: string,
  ) {
    super(message ?? errorBody(code, detail).error.message);
    this.name = 'ApiError';
    this.status = STATUS_OF[code];
  }
}

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const ERROR_DESCRIPTIONS: Record<ApiStatus, string> = {
  400: 'the request is not valid',
  401: 'a token is required and was missing or wrong',
  404: 'nothing with this id',
  413: 'the request body is larger than the limit',
  422: 'the input could not be analysed',
  500: 'internal error',
  503: 'busy',
  504: 'took longer than the time limit',
};

/** OpenAPI response entries for the error statuses a route can answer with. */
export function errorResponses<S extends ApiStatus>(...statuses: S[]) {
  const out = {} as Record<S | 400 | 401, ReturnType<typeof json<typeof ErrorBody>>>;
  for (const status of [...statuses, 400, 401] as const)
    out[status] = json(ErrorBody, ERROR_DESCRIPTIONS[status]);
  return out;
}
