/**
 * The OpenAPI document: valid OpenAPI 3.1 by the @readme/openapi-parser validator, and every API
 * route the app answers is in it with its parameters and a response schema.
 */
import { validate, compileErrors } from '@readme/openapi-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';
import { inProcessAnalyzer } from './analyzers.js';
import { fixtureStore } from './fixtures.js';

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('GET /api/openapi.json', () => {
  const app = createApp({ store: fixtureStore(), analyzer: inProcessAnalyzer });
  // The document is read loosely; the validator and the assertions check it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const load = async () => (await (await app.request('/api/openapi.json')).json()) as any;

  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await load();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as OpenAPIV3_1.Document);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('documents every API route the app answers, with a response schema', async () => {
    const doc = await load();
    const routes = app.routes
      .filter(
        (r) => ['GET', 'POST'].includes(r.method) && r.path.startsWith('/api/') && !r.path.includes('*'),
      )
      .filter((r) => r.path !== '/api/openapi.json')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThanOrEqual(14);
    for (const route of new Set(routes)) {
      const [method, path] = route.split(' ') as [string, string];
      const op = doc.paths[path]?.[method] as Operation | undefined;
      expect(op, route).toBeDefined();
      expect(op!.responses['200']?.content, route).toBeDefined();
      for (const name of path.match(/\{(\w+)\}/g) ?? [])
        expect(
          op!.parameters?.map((p) => p.name),
          route,
        ).toContain(name.slice(1, -1));
      expect(op!.responses['400'], route).toBeDefined();
    }
    expect(doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'entity',
        'country',
        'type',
        'source',
        'from',
        'to',
        'limit',
        'offset',
        'facets',
      ]),
    );
    expect(doc.paths['/api/analyze'].post.requestBody).toBeDefined();
    expect(doc.components.schemas).toHaveProperty('MergedEvent');
  });
});
