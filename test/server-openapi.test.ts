/** The OpenAPI document: generated from the routes' schemas, every route in it and nothing else. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './server-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.workspace.close();
});

/** hono's `/api/models/:id/analyses/:name{a|b}` as OpenAPI writes it. */
const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

describe('openapi.json', () => {
  it('lists every route of the app, and only those', async () => {
    const document = (await t.call('GET', '/api/openapi.json')).json;
    expect(document.openapi).toBe('3.1.0');
    const inApp = t.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`);
    const inDocument = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(new Set(inDocument)).toEqual(new Set(inApp));
    expect(inDocument).toHaveLength(new Set(inDocument).size);
    expect(inDocument).toEqual(expect.arrayContaining(['get /api/models', 'put /api/models/{id}', 'post /api/models/{id}/restore', 'get /api/library']));
  });

  it('describes the inputs from the same schemas that check them', async () => {
    const document = (await t.call('GET', '/api/openapi.json')).json;
    const save = document.paths['/api/models/{id}'].put;
    expect(save.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Save' });
    const schemas = document.components.schemas;
    expect(schemas.Save.required).toEqual(['basedOn', 'changes']);
    expect(schemas.Save.properties.changes.items).toEqual({ $ref: '#/components/schemas/Change' });
    // The change list carries the model's own record schemas: an actor's kinds are listed.
    expect(JSON.stringify(schemas.Change)).toContain('"public-body"');
    const compare = document.paths['/api/models/{id}/compare'].get;
    expect(compare.parameters.map((p: { name: string; in: string; required: boolean }) => [p.name, p.in, p.required])).toEqual([
      ['id', 'path', true],
      ['from', 'query', true],
      ['to', 'query', true],
      ['lang', 'query', false],
    ]);
    expect(save.responses['409'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    // Every reference points at a component that exists.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) {
      if (ref.startsWith('#/components/schemas/')) expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });
});
