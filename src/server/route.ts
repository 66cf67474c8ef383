/**
 * Routes as data: each says its method, path, inputs (a query schema, a JSON body schema or a
 * raw body's media types) and answers, and how it is handled. mount() registers them on the
 * hono app, parsing every input with its schema first; openapi.ts writes the document from
 * the same list, so the two cannot drift apart.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { fromZod } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { ApiError } from './errors.js';

export type Env = { Variables: { locale: Locale } };
export type Method = 'get' | 'post' | 'put' | 'delete';

export interface Answer {
  description: string;
  /** A JSON answer's schema. */
  schema?: z.ZodType;
  /** The media types of an answer that is not JSON (a file). */
  types?: readonly string[];
}

export interface Input<Q, B> {
  c: Context<Env>;
  params: Record<string, string>;
  query: Q;
  body: B;
  locale: Locale;
}

export interface Route<Q = unknown, B = unknown> {
  method: Method;
  /** In hono's syntax: `/api/models/:id`, `/api/models/:id/analyses/:name{canvas|payers}`. */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodType<Q>;
  /** A JSON body (optional: an empty body is undefined), or a raw body of these media types. */
  body?: { json: z.ZodType<B>; optional?: boolean } | { raw: readonly string[]; description: string };
  answers: Record<number, Answer>;
  handle(input: Input<Q, B>): Response | Promise<Response>;
}

/** A route, with its input types checked against its handler's. */
export function route<Q = Record<string, never>, B = undefined>(spec: Route<Q, B>): Route {
  return spec as unknown as Route;
}

export function mount(app: Hono<Env>, routes: readonly Route[]): void {
  for (const spec of routes) {
    app.on(spec.method.toUpperCase(), spec.path, async (c) => spec.handle(await inputOf(spec, c)));
  }
}

async function inputOf(spec: Route, c: Context<Env>): Promise<Input<unknown, unknown>> {
  const label = `${spec.method.toUpperCase()} ${spec.path}`;
  const query = spec.query ? parsed(spec.query, c.req.query(), label) : {};
  let body: unknown;
  if (spec.body && 'json' in spec.body) {
    const raw = await c.req.text();
    body = raw.trim() === '' && spec.body.optional ? undefined : parsed(spec.body.json, jsonOf(raw), label);
  } else if (spec.body) body = await c.req.text();
  return { c, params: c.req.param() as Record<string, string>, query, body, locale: c.get('locale') };
}

function jsonOf(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'invalid-json', 'server.invalid-json');
  }
}

/** The input parsed by its schema, or a 422 with every issue, located by path. */
function parsed<T>(schema: z.ZodType<T>, input: unknown, label: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = fromZod(result.error, [], input);
  throw new ApiError(422, 'invalid-request', 'server.invalid-request', { route: label }, issues);
}
