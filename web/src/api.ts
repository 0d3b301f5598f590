/**
 * The web app's only way to the server: JSON over fetch to /api/, with the bearer token when the
 * server asked for one (kept in sessionStorage for this tab only). `useApi` loads a path into
 * state and reloads when the path or the token changes.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

const TOKEN_KEY = 'storyline-token';
const tokenListeners = new Set<() => void>();

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  for (const listener of tokenListeners) listener();
}

export function useToken(): string | null {
  return useSyncExternalStore((listener) => {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  }, getToken);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const res = await fetch(path, { ...init, headers });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      res.status,
      error?.code ?? 'E_HTTP',
      error?.message ?? `${res.status} ${res.statusText}`,
    );
  }
  return body as T;
}

/** `/api/` + path with the defined, non-empty parameters as a query string. */
export function apiPath(
  path: string,
  params: Record<string, string | number | boolean | undefined | null> = {},
) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const qs = query.toString();
  return `/api/${path}${qs ? `?${qs}` : ''}`;
}

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'done'; data: T };

export function useApi<T>(path: string | null): Loaded<T> {
  const token = useToken();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoaded({ state: 'loading' });
    apiFetch<T>(path).then(
      (data) => live && setLoaded({ state: 'done', data }),
      (error: Error) => live && setLoaded({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [path, token]);
  return loaded;
}
