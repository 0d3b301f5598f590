/**
 * `StoreOpenError`: a store that cannot be opened (a file that is not a database, a server that
 * does not answer, a schema newer than this storyline). The CLI prints its message as one line;
 * the location in it never carries a password (`displayLocation`).
 */
export class StoreOpenError extends Error {
  constructor(location: string, reason: string) {
    super(`cannot open the store ${displayLocation(location)}: ${reason}`);
    this.name = 'StoreOpenError';
  }
}

/** The location as it may be printed: a URL's password is replaced by `***`. */
export function displayLocation(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/\/\/[^@/]*@/, '//***@');
  }
}
