/**
 * The HTTP API through `app.request()` (no port): every route's shape over the fixture store,
 * validation and error shapes, the token, security headers, CORS only when asked, and the
 * limits on POST /api/analyze.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type ExplorerOptions } from '../../src/server/index.js';
import { hangingAnalyzer, inProcessAnalyzer } from './analyzers.js';
import { FIXTURE_ARTICLES, fixtureStore } from './fixtures.js';

const appWith = (opts: Partial<ExplorerOptions> = {}) =>
  createApp({ store: fixtureStore(), analyzer: inProcessAnalyzer, ...opts });

// Response bodies are read loosely here; the assertions are what check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

async function getJson(app: ReturnType<typeof appWith>, path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as Body };
}

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('corpus routes', () => {
  const app = appWith();

  it('stats counts the fixture corpus', async () => {
    const { status, body } = await getJson(app, '/api/stats');
    expect(status).toBe(200);
    expect(body).toMatchObject({ articles: FIXTURE_ARTICLES.length, stories: 1, duplicates: 1 });
  });

  it('search finds by words, marks snippets with U+E000/U+E001, and filters', async () => {
    const { body } = await getJson(app, '/api/search?q=quota&facets=true');
    expect(body.hits.map((h: { id: string }) => h.id)).toContain('marrow-arrives');
    expect(body.hits[0].snippet).toMatch(/\uE000quota\uE001/i);
    expect(body.facets.types.map((f: { value: string }) => f.value)).toContain('CONSULT');
    const filtered = await getJson(app, '/api/search?q=quota&source=Fjord%20Daily&from=2025-03');
    expect(filtered.body.hits.map((h: { id: string }) => h.id)).toEqual(['oslo-rally']);
    expect(filtered.body.facets).toBeUndefined();
    const none = await getJson(app, '/api/search?q=quota&type=ASSAULT');
    expect(none.body.hits).toEqual([]);
  });

  it('rejects bad filters with a 400 naming the parameter', async () => {
    for (const query of ['type=HUG', 'country=norway', 'from=March', 'limit=0', 'limit=5000', 'offset=-1']) {
      const { status, body } = await getJson(app, `/api/search?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('E_BAD_REQUEST');
      expect(body.error.message).toContain(query.split('=')[0]);
    }
  });

  it('lists articles with story and duplicate links, paged', async () => {
    const { body } = await getJson(app, '/api/articles?limit=2&offset=1');
    expect(body.articles.map((a: { id: string }) => a.id)).toEqual([
      'marrow-arrives-wire',
      'quota-accord-signed',
    ]);
    expect(body.articles[0]).toMatchObject({ story: 'st-quota', duplicate_of: 'marrow-arrives' });
  });

  it('returns one article with every layer and the merged event of each of its events', async () => {
    const { status, body } = await getJson(app, '/api/articles/marrow-arrives');
    expect(status).toBe(200);
    const { article, merged, entity_ids } = body;
    expect(article.body).toContain('Ilsa Marrow');
    for (const e of article.entities) expect(article.body.slice(e.start, e.end)).toBe(e.text);
    expect(entity_ids).toHaveLength(article.entities.length);
    const marrow = article.entities.findIndex((e: { text: string }) => e.text === 'Ilsa Marrow');
    const profile = await getJson(app, `/api/entities/${entity_ids[marrow]}`);
    expect(profile.body.name).toBe('Ilsa Marrow');
    expect(merged).toHaveLength(article.events.length);
    const visit = merged[0];
    expect(visit.type).toBe('CONSULT');
    expect(visit.reports.map((r: { article: string }) => r.article).sort()).toEqual([
      'marrow-arrives',
      'marrow-arrives-wire',
    ]);
  });

  it('answers 404 with the error shape for an unknown article', async () => {
    const { status, body } = await getJson(app, '/api/articles/nope');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'E_UNKNOWN_ID', message: 'nothing has this id: article nope' } });
  });

  it('exports JSON Lines, one stored article per line, filtered', async () => {
    const res = await app.request('/api/export?source=Northern%20Wire');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((a) => a.id)).toEqual(['marrow-arrives-wire', 'marrow-warns']);
    expect(lines[0]).toHaveProperty('events');
  });
});

describe('entity, event and story routes', () => {
  const app = appWith();
  const marrow = async () => (await getJson(app, '/api/entities?name=ilsa-marrow')).body.entities[0];

  it('finds entities by name or alias, case- and hyphen-insensitively', async () => {
    const entity = await marrow();
    expect(entity).toMatchObject({ name: 'Ilsa Marrow', type: 'PERSON', country: 'NOR', roles: ['envoy'] });
    const byAlias = await getJson(app, '/api/entities?name=MARROW');
    expect(byAlias.body.entities[0].id).toBe(entity.id);
    expect((await getJson(app, '/api/entities')).status).toBe(400);
  });

  it('profile, co-occurring and timeline of one entity', async () => {
    const { id } = await marrow();
    const profile = await getJson(app, `/api/entities/${id}`);
    expect(profile.body.aliases).toContainEqual({ text: 'Marrow', count: 2 });
    const co = await getJson(app, `/api/entities/${id}/cooccurring`);
    expect(co.body.entities.map((e: { name: string }) => e.name)).toContain('Tomas Aravena');
    const timeline = await getJson(app, `/api/entities/${id}/timeline`);
    const dates = timeline.body.events.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(timeline.body.truncated).toBe(false);
    const page = await getJson(app, `/api/entities/${id}/timeline?limit=2`);
    expect(page.body.events.map((e: { date: string }) => e.date)).toEqual(dates.slice(0, 2));
    expect(page.body.truncated).toBe(true);
    const threats = await getJson(app, `/api/entities/${id}/timeline?type=THREATEN`);
    expect(threats.body.events.map((e: { type: string }) => e.type)).toEqual(['THREATEN']);
    const none = await getJson(app, `/api/entities/${id}/timeline?from=2999`);
    expect(none).toEqual({ status: 200, body: { events: [], truncated: false } });
    expect((await getJson(app, '/api/entities/e999/timeline')).status).toBe(404);
    expect((await getJson(app, '/api/entities/e999/cooccurring')).status).toBe(404);
  });

  it('a dyad is the events between two entities, either direction', async () => {
    const a = (await marrow()).id;
    const b = (await getJson(app, '/api/entities?name=Tomas%20Aravena')).body.entities[0].id;
    const { body } = await getJson(app, `/api/dyads/${a}/${b}`);
    expect(body.a.name).toBe('Ilsa Marrow');
    expect(body.b.name).toBe('Tomas Aravena');
    expect(body.events.map((e: { type: string }) => e.type)).toEqual(['CONSULT', 'REJECT']);
    expect((await getJson(app, `/api/dyads/${a}/nobody`)).status).toBe(404);
  });

  it('events with filters, stories and one story', async () => {
    const events = await getJson(app, '/api/events?type=AGREE');
    expect(events.body.events.length).toBeGreaterThan(0);
    expect(events.body.events.every((e: { type: string }) => e.type === 'AGREE')).toBe(true);
    const byCountry = await getJson(app, '/api/events?country=CHL&from=2025-04');
    expect(byCountry.body.events.map((e: { type: string }) => e.type)).toEqual(['THREATEN', 'REJECT']);
    const stories = await getJson(app, '/api/stories');
    expect(stories.body.stories).toHaveLength(1);
    const story = await getJson(app, '/api/stories/st-quota');
    expect(story.body).toMatchObject({ id: 'st-quota', first: '2025-02-03', last: '2025-02-11' });
    expect(story.body.listings).toHaveLength(3);
    expect(story.body.events.length).toBeGreaterThan(0);
    expect((await getJson(app, '/api/stories/none')).body.error.code).toBe('E_UNKNOWN_ID');
  });

  it('unknown API routes are JSON 404s', async () => {
    const { status, body } = await getJson(app, '/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('E_NO_ROUTE');
  });
});

describe('POST /api/analyze', () => {
  const text = 'Norway said on Friday it would send an envoy to Chile next week.';

  it('analyses text and returns the analyze contract without storing', async () => {
    const store = fixtureStore();
    const app = createApp({ store, analyzer: inProcessAnalyzer });
    const { status, body } = await getJson(app, '/api/analyze', postJson({ text, published: '2025-03-07' }));
    expect(status).toBe(200);
    expect(body.stored).toBeNull();
    expect(body.article.body).toBe(text);
    expect(body.article.published).toBe('2025-03-07');
    expect(body.article.entities.map((e: { text: string }) => e.text)).toContain('Chile');
    expect((await store.stats()).articles).toBe(FIXTURE_ARTICLES.length);
  });

  it('stores when asked, and storing the same input again changes nothing', async () => {
    const store = fixtureStore();
    const app = createApp({ store, analyzer: inProcessAnalyzer });
    const first = await getJson(app, '/api/analyze', postJson({ text, store: true, source: 'Test Desk' }));
    expect(first.body.stored).toBe('added');
    const again = await getJson(app, '/api/analyze', postJson({ text, store: true, source: 'Test Desk' }));
    expect(again.body.stored).toBe('unchanged');
    const saved = await store.getArticle(first.body.article.id);
    expect(saved).toMatchObject({ body: text, source: 'Test Desk', url: null });
    expect(saved?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads HTML', async () => {
    const paragraphs = [
      text,
      'The envoy will carry a letter on fishing quotas and meet the fisheries minister in Santiago.',
      'Officials in Oslo said the talks were meant to settle a dispute over southern hake stocks.',
      'Chile has not yet said who will lead its side, but a statement is expected on Monday.',
    ];
    const html = `<html><head><title>Envoy to Chile</title></head><body><nav><a href="/">Home</a></nav><article><h1>Envoy to Chile</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const { status, body } = await getJson(app0(), '/api/analyze', postJson({ html }));
    expect(status).toBe(200);
    expect(body.article.body).toContain('Norway said on Friday');
    expect(body.article.body).not.toContain('Home');
  });

  it('refuses bad bodies with 400, input it cannot analyse with 422', async () => {
    const app = app0();
    for (const bad of [{}, { text, html: '<p>x</p>' }, { text: 5 }, { text, published: 'soon' }]) {
      const { status, body } = await getJson(app, '/api/analyze', postJson(bad));
      expect(status, JSON.stringify(bad)).toBe(400);
      expect(body.error.code).toBe('E_BAD_REQUEST');
    }
    const notJson = await app.request('/api/analyze', { method: 'POST', body: 'text=hello' });
    expect(notJson.status).toBe(415);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('E_BAD_REQUEST');
    const empty = await getJson(app, '/api/analyze', postJson({ text: '' }));
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('E_NO_ARTICLE');
  });

  it('refuses bodies over the size limit with 413', async () => {
    const app = appWith({ analyzeLimits: { maxBytes: 1000 } });
    const { status, body } = await getJson(app, '/api/analyze', postJson({ text: 'word '.repeat(400) }));
    expect(status).toBe(413);
    expect(body.error.code).toBe('E_TOO_LARGE');
  });

  it('gives up after the time limit with 504', async () => {
    const app = appWith({ analyzer: hangingAnalyzer, analyzeLimits: { timeoutMs: 50 } });
    const { status, body } = await getJson(app, '/api/analyze', postJson({ text }));
    expect(status).toBe(504);
    expect(body.error.code).toBe('E_TIMEOUT');
  });

  function app0() {
    return appWith();
  }
});

describe('security', () => {
  it('sets CSP (no inline script), nosniff and no-framing on API and pages', async () => {
    const app = appWith();
    for (const path of ['/api/stats', '/api/articles/nope', '/']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    expect((await app.request('/api/stats')).headers.get('cache-control')).toBe('no-store');
    const refused = await appWith({ token: 'abc' }).request('/api/stats');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves the web app with an index.html fallback for page paths, 404 for missing files', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'storyline-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(webRoot, 'assets', 'app-1.js'), 'export {};');
    const app = appWith({ webRoot });
    for (const path of ['/', '/articles/x', '/entities/e1']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>app</title>');
    }
    const asset = await app.request('/assets/app-1.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    expect((await app.request('/../package.json')).status).not.toBe(200);
    const unbuilt = await appWith({ webRoot: join(webRoot, 'absent') }).request('/');
    expect(await unbuilt.text()).toContain('not built');
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends no CORS headers unless an origin is given, then only for it', async () => {
    const closed = await appWith().request('/api/stats', {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
    const open = appWith({ cors: 'https://tools.example' });
    const preflight = await open.request('/api/stats', {
      method: 'OPTIONS',
      headers: { Origin: 'https://tools.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://tools.example');
    const other = await open.request('/api/stats', { headers: { Origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.example');
  });

  it('with a token, every API request needs the bearer token', async () => {
    const app = appWith({ token: 's3cret-token' });
    const none = await getJson(app, '/api/stats');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('E_UNAUTHORIZED');
    const wrong = await getJson(app, '/api/stats', { headers: { Authorization: 'Bearer s3cret-tokem' } });
    expect(wrong.status).toBe(401);
    const malformed = await getJson(app, '/api/stats', { headers: { Authorization: 'Basic abc' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('E_BAD_REQUEST');
    const right = await app.request('/api/stats', { headers: { Authorization: 'Bearer s3cret-token' } });
    expect(right.status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(401);
    const post = await app.request('/api/analyze', postJson({ text: 'Norway met Chile.' }));
    expect(post.status).toBe(401);
  });
});
