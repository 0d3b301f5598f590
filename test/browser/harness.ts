/**
 * The browser tests' harness: the explorer over the fixture store on a loopback port, and
 * Debian's Chromium driven by playwright-core (never a downloaded browser), started with the
 * flags that keep it off the network and a fresh profile folder. Screenshots go to
 * test/browser/artifacts/ (gitignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createApp, DEFAULT_WEB_ROOT, startServer, type RunningServer } from '../../src/server/index.js';
import { inProcessAnalyzer } from '../server/analyzers.js';
import { fixtureStore, XSS_FLAG } from '../server/fixtures.js';

export const CHROMIUM = '/usr/bin/chromium';
/** CI installs Chromium, so there a missing browser fails the tests instead of skipping them. */
export const RUN_BROWSER_TESTS = existsSync(CHROMIUM) || Boolean(process.env.CI);
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  server: RunningServer;
  context: BrowserContext;
  /** Things that must not happen: dialogs opened, page errors, CSP violations. */
  incidents: string[];
  newPage(width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    throw new Error(
      `the web app is not built (${DEFAULT_WEB_ROOT}); npm ci builds it, or run npm run build:web`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  const app = createApp({ store: fixtureStore(), analyzer: inProcessAnalyzer, webRoot: DEFAULT_WEB_ROOT });
  const server = await startServer(app, { host: '127.0.0.1', port: 0, token: null });
  const profile = mkdtempSync(join(tmpdir(), 'storyline-chromium-'));
  // A persistent context is how playwright takes a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL: server.url,
  });
  const incidents: string[] = [];
  return {
    server,
    context,
    incidents,
    async newPage(width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      page.on('dialog', (dialog) => {
        incidents.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (err) => incidents.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') incidents.push(`console: ${msg.text()}`);
      });
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Whether any probe payload ran in the page. */
export const pwned = (page: Page): Promise<boolean> =>
  page.evaluate((flag) => Boolean((window as unknown as Record<string, unknown>)[flag]), XSS_FLAG);

const DOCS_SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * A full-page screenshot into the artefacts folder; with UPDATE_SCREENSHOTS=1 also the visible
 * part into docs/screenshots/ (the pictures the docs show).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`) });
  }
}

/**
 * A describe block with one server and browser for all its tests; any incident fails it at the
 * end. Skipped, with a one-line notice, where Chromium is missing (but not under CI).
 */
export function describeInChromium(name: string, body: (session: () => Session) => void): void {
  if (!RUN_BROWSER_TESTS) console.log(`${name}: skipped, ${CHROMIUM} not found (apt-get install chromium)`);
  describe.skipIf(!RUN_BROWSER_TESTS)(name, () => {
    let session: Session | undefined;
    beforeAll(async () => {
      session = await startSession();
    });
    afterAll(async () => {
      await session?.close();
      expect(session?.incidents ?? []).toEqual([]);
    });
    body(() => session!);
  });
}
