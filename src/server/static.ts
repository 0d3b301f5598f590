/**
 * Serves the built web app (web/dist) from the same origin as the API: hashed assets cached for
 * good, index.html for every other page path (the app routes in the browser), and a short
 * plain-text note when the app has not been built. The app shell holds no corpus data, so it is
 * served without a token; every `/api/` request needs one when the server has a token.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ExplorerApp } from './types.js';

/** web/dist beside src/ (or dist/) in the package. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const NOT_BUILT = 'The web app is not built (npm run build:web). The API answers under /api/.\n';

export function serveWebApp(app: ExplorerApp, webRoot: string): void {
  app.use(
    '*',
    serveStatic({
      root: webRoot,
      onFound: (path, c) => {
        const hashed = path.startsWith(join(webRoot, 'assets'));
        c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.get('*', async (c) => {
    // A path with a file extension that was not found is a missing file, not an app page.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('not found\n', 404);
    const index = await readFile(join(webRoot, 'index.html'), 'utf8').catch(() => null);
    if (index === null) return c.text(NOT_BUILT, 200);
    c.header('Cache-Control', 'no-cache');
    return c.html(index);
  });
}
