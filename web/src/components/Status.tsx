/** What a page shows while its data loads or when the API refused: a token form for 401s. */
import { useState, type ReactNode } from 'react';
import { ApiError, setToken, type Loaded } from '../api.js';

export function TokenForm() {
  const [value, setValue] = useState('');
  return (
    <form
      className="token-form"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim() || null);
      }}
    >
      <p>This server needs an access token.</p>
      <label>
        Token{' '}
        <input type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit">Use token</button>
    </form>
  );
}

export function Problem({ error }: { error: Error }) {
  if (error instanceof ApiError && error.status === 401) return <TokenForm />;
  return (
    <p className="problem" role="alert">
      {error instanceof ApiError && error.status === 404 ? 'Not found: ' : 'Something went wrong: '}
      {error.message}
    </p>
  );
}

/** Renders `children(data)` once loaded, a status line before, the problem after a failure. */
export function Load<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading')
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (loaded.state === 'error') return <Problem error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}
