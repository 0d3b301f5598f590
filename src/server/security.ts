/**
 * Security by default, as middleware: response headers (a Content-Security-Policy that allows
 * only this origin's own scripts and styles, no inline script, and Trusted Types so no string
 * can reach an HTML sink; nosniff; no framing; no referrer), bearer-token checks in constant time
 * (Hono's bearerAuth compares SHA-256 digests), and CORS for one named origin only when asked.
 */
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { errorBody } from './responses.js';

const SELF = ["'self'"];

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: SELF,
      styleSrc: SELF,
      imgSrc: [...SELF, 'data:'],
      fontSrc: SELF,
      connectSrc: SELF,
      manifestSrc: SELF,
      baseUri: ["'none'"],
      formAction: SELF,
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      requireTrustedTypesFor: ["'script'"],
      trustedTypes: ["'none'"],
    },
    // Plain HTTP on loopback: HSTS means nothing here; a TLS proxy in front sets its own.
    strictTransportSecurity: false,
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
  });
}

/** Tokens the Authorization header can carry (RFC 6750's b64token). */
export const TOKEN_PATTERN = /^[A-Za-z0-9._~+/-]+=*$/;

export function requireBearer(token: string): MiddlewareHandler {
  const unauthorized = errorBody('E_UNAUTHORIZED');
  return bearerAuth({
    token,
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: {
      message: errorBody('E_BAD_REQUEST', 'Authorization: expected "Bearer <token>"'),
    },
    invalidToken: { message: errorBody('E_UNAUTHORIZED', 'the token is wrong') },
  });
}

export function corsFor(origin: string): MiddlewareHandler {
  return cors({
    origin,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}
