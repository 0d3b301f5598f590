/**
 * Listening and analysis off the event loop: who may listen without a token, a real loopback
 * server answering, and the worker-thread analyzer (results, time limit that kills the worker and
 * recovers, a full queue refused as busy).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalyzerBusyError,
  checkListen,
  createApp,
  isLoopback,
  startServer,
  workerAnalyzer,
} from '../../src/server/index.js';
import { inProcessAnalyzer } from './analyzers.js';
import { fixtureStore } from './fixtures.js';

describe('listening', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.4.5.6', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['127.0.0.1.example.com', false],
    ['example.com', false],
  ])('isLoopback(%s) is %s', (host, expected) => expect(isLoopback(host)).toBe(expected));

  it('refuses a non-loopback host without a token, and odd tokens', () => {
    expect(checkListen({ host: '0.0.0.0', port: 8177, token: null })?.code).toBe('E_NEEDS_TOKEN');
    expect(checkListen({ host: '0.0.0.0', port: 8177, token: '' })?.code).toBe('E_NEEDS_TOKEN');
    expect(checkListen({ host: '0.0.0.0', port: 8177, token: 'abc.DEF-123' })).toBeNull();
    expect(checkListen({ host: '127.0.0.1', port: 8177, token: null })).toBeNull();
    expect(checkListen({ host: '127.0.0.1', port: 8177, token: 'has space' })?.code).toBe('E_BAD_REQUEST');
    expect(checkListen({ host: '127.0.0.1', port: 70000, token: null })?.code).toBe('E_BAD_REQUEST');
  });

  it('serves on loopback and closes', async () => {
    const app = createApp({ store: fixtureStore(), analyzer: inProcessAnalyzer });
    const server = await startServer(app, { host: '127.0.0.1', port: 0, token: null });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/stats`);
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
    await expect(startServer(app, { host: '0.0.0.0', port: 0, token: null })).rejects.toThrow(/token/);
  });
});

describe('workerAnalyzer', () => {
  const text = 'Norway said on Friday it would send an envoy to Chile next week.';
  const input = {
    content: text,
    html: false,
    id: 't1',
    published: '2025-03-07',
    url: null,
    anyLanguage: false,
  };
  const analyzer = workerAnalyzer({ maxQueue: 1 });
  afterAll(() => analyzer.close());

  it('gives up on a run past its time limit, then analyses in a fresh thread', async () => {
    // The first run loads the models, which takes far longer than 5 ms.
    await expect(analyzer.analyze(input, AbortSignal.timeout(5))).rejects.toMatchObject({
      name: 'AbortError',
    });
    const result = await analyzer.analyze(input, AbortSignal.timeout(30_000));
    expect(result.ok && result.value.body).toBe(text);
    expect(result.ok && result.value.timexes?.map((t) => t.value)).toContain('2025-03-07');
  });

  it('refuses work beyond its queue as busy', async () => {
    const runs = Array.from({ length: 4 }, () => analyzer.analyze(input, AbortSignal.timeout(30_000)));
    const settled = await Promise.allSettled(runs);
    expect(settled.some((s) => s.status === 'fulfilled')).toBe(true);
    expect(settled.some((s) => s.status === 'rejected' && s.reason instanceof AnalyzerBusyError)).toBe(true);
  });
});
