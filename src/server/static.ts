/**
 * Serves the built web app (web/dist) from the same origin as the API: hashed assets cached for
 * good, index.html for every other page path (the app routes in the browser), and a short
 * plain-text note when the app has not been built. The app shell holds no corpus data, so it is
 * served without a token; every `/api/` request needs one when the server has a token.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ExplorerApp } from './types.js';

/** web/dist beside src/ (or dist/) in the package. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_BUILT = 'The web app is not built (npm run build:web). The API answers under /api/.\n';

export function serveWebApp(app: ExplorerApp, webRoot: string): void {
  app.use('*', async (c, next) => {
    // Vite names assets by content hash, so they never change; everything else is revalidated.
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    await next();
  });
  if (existsSync(webRoot)) app.use('*', serveStatic({ root: webRoot }));
  app.get('*', async (c) => {
    // A path with a file extension that was not found is a missing file, not an app page.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) {
      c.header('Cache-Control', 'no-cache');
      return c.text('not found\n', 404);
    }
    const index = await readFile(join(webRoot, 'index.html'), 'utf8').catch(() => null);
    return index === null ? c.text(NOT_BUILT, 200) : c.html(index);
  });
}
