/**
 * The OpenAPI 3.1 document, generated from the routes' own schemas with zod's z.toJSONSchema
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12). Named schemas (schemas.ts COMPONENTS) become
 * components; every other schema a route uses is added under a name made from its operation.
 */
import { z } from 'zod';
import type { Route } from './route.js';

type Json = Record<string, unknown>;

const LANG_PARAMETER = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'The language of messages (else Accept-Language, else English).',
  schema: { type: 'string', enum: ['en', 'fr'] },
};

/** `/api/models/:id/analyses/:name{canvas|payers}` → `/api/models/{id}/analyses/{name}` and its parameters. */
export function openApiPath(path: string): { path: string; parameters: Json[] } {
  const parameters: Json[] = [];
  const converted = path.replace(/:([A-Za-z_]\w*)(\{([^}]*)\})?/g, (_all, name: string, _pattern, choices: string | undefined) => {
    const schema = choices ? { type: 'string', enum: choices.split('|') } : { type: 'string' };
    parameters.push({ name, in: 'path', required: true, schema });
    return `{${name}}`;
  });
  return { path: converted, parameters };
}

export function openApiDocument(routes: readonly Route[], components: Record<string, z.ZodType>, info: { title: string; version: string }): Json {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  const named = (schema: z.ZodType, fallback: string): string => {
    let name = names.get(schema);
    if (name === undefined) {
      name = fallback;
      names.set(schema, name);
      registry.add(schema, { id: name });
    }
    return name;
  };
  for (const [name, schema] of Object.entries(components)) named(schema, name);
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  // Operations first, naming their schemas; then one conversion of the whole registry.
  const queries: Array<{ operation: Json; name: string }> = [];
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of routes) {
    const id = operationId(spec);
    const { path, parameters } = openApiPath(spec.path);
    const operation: Json = { operationId: id, summary: spec.summary, tags: [spec.tag], parameters: [...parameters, LANG_PARAMETER] };
    if (spec.query) queries.push({ operation, name: named(spec.query, `${capital(id)}Query`) });
    if (spec.body && 'json' in spec.body) {
      operation.requestBody = { required: !spec.body.optional, content: { 'application/json': { schema: ref(named(spec.body.json, `${capital(id)}Body`)) } } };
    } else if (spec.body) {
      operation.requestBody = { required: true, description: spec.body.description, content: Object.fromEntries(spec.body.raw.map((type) => [type, { schema: { type: 'string' } }])) };
    }
    operation.responses = Object.fromEntries(
      Object.entries(spec.answers).map(([status, answer]) => {
        const content = answer.schema
          ? { 'application/json': { schema: ref(named(answer.schema, `${capital(id)}${status}`)) } }
          : answer.types
            ? Object.fromEntries(answer.types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]))
            : undefined;
        return [status, { description: answer.description, ...(content ? { content } : {}) }];
      }),
    );
    (paths[path] ??= {})[spec.method] = operation;
  }

  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (name) => `#/components/schemas/${name}`,
  }).schemas as Record<string, Json>;
  const schemas = components$(converted);
  // A query schema is a list of parameters, not a component.
  for (const { operation, name } of queries) {
    const schema = schemas[name]!;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    const fields = Object.entries(properties).map(([field, property]) => ({
      name: field,
      in: 'query',
      required: required.has(field),
      ...(typeof property.description === 'string' ? { description: property.description } : {}),
      schema: property,
    }));
    operation.parameters = [...(operation.parameters as Json[]).filter((p) => p.in === 'path'), ...fields, LANG_PARAMETER];
  }
  for (const { name } of queries) delete schemas[name];
  return { openapi: '3.1.0', info, paths, components: { schemas } };
}

/** get /api/models/:id/history → getModelsIdHistory. */
function operationId(spec: Route): string {
  const words = spec.path
    .replace(/\{[^}]*\}/g, '')
    .split(/[/:]/)
    .filter((word) => word !== '' && word !== 'api');
  return spec.method + words.map(capital).join('');
}

function capital(word: string): string {
  return word.replace(/(^|[-_.])(\w)/g, (_all, _sep, letter: string) => letter.toUpperCase());
}

/**
 * The converted registry as components. Schemas used in several places without a name of their
 * own (recursive ones) come out as definitions of a `__shared` schema: they become components too.
 */
function components$(converted: Record<string, Json>): Record<string, Json> {
  const { __shared: shared, ...named } = converted;
  const all = { ...named, ...((shared?.$defs ?? {}) as Record<string, Json>) };
  const text = JSON.stringify(Object.fromEntries(Object.entries(all).map(([name, schema]) => [name, withoutId(schema)])));
  return JSON.parse(text.replaceAll('#/components/schemas/__shared#/$defs/', '#/components/schemas/')) as Record<string, Json>;
}

function withoutId(schema: Json): Json {
  const { id: _id, $id: _schemaId, ...rest } = schema;
  return rest;
}
