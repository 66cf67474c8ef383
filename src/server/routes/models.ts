/** The workspace's models: list, read, create, save on a version, delete, history, undo, redo, restore, compare. */
import type { Workspace } from '../../store/index.js';
import { changeWords, renderIssues, withWords } from '../issues.js';
import { route, type Route } from '../route.js';
import {
  BasedOnSchema, CompareQuery, ComparisonSchema, ErrorSchema, HistorySchema, ModelSummarySchema, NewModelSchema,
  ReadQuery, RestoreSchema, SaveSchema, VersionSchema, WrittenSchema,
} from '../schemas.js';
import type { z } from 'zod';
import type { Written } from '../../store/index.js';
import type { Locale } from '../../i18n/index.js';

const error = (description: string) => ({ description, schema: ErrorSchema });
const NOT_FOUND = error('No such model or version.');
const REFUSED = error('Refused: located issues say why, in the language asked.');
const OUTDATED = error('`outdated`: another write came first; `since` lists the versions written since.');

function written(result: Written, locale: Locale) {
  return { version: result.version, issues: renderIssues(result.issues, locale) };
}

export function modelRoutes(workspace: Workspace): Route[] {
  const step = (kind: 'undo' | 'redo', summary: string) =>
    route<Record<string, never>, z.infer<typeof BasedOnSchema>>({
      method: 'post',
      path: `/api/models/:id/${kind}`,
      summary,
      tag: 'models',
      body: { json: BasedOnSchema },
      answers: { 200: { description: 'The new version.', schema: WrittenSchema }, 404: NOT_FOUND, 409: OUTDATED, 422: REFUSED },
      handle: async ({ c, params, body, locale }) => c.json(written(await workspace[kind](params.id!, body.basedOn), locale)),
    });
  return [
    route({
      method: 'get',
      path: '/api/models',
      summary: 'Every model of the workspace, by id.',
      tag: 'models',
      answers: { 200: { description: 'The models.', schema: ModelSummarySchema.array() } },
      handle: async ({ c }) => c.json(await workspace.list()),
    }),
    route<Record<string, never>, z.infer<typeof NewModelSchema>>({
      method: 'post',
      path: '/api/models',
      summary: 'A new model, from a document or from the text of a YAML or JSON file (kept as written).',
      tag: 'models',
      body: { json: NewModelSchema },
      answers: { 201: { description: 'Its version 1.', schema: VersionSchema }, 409: error('A model with this id exists.'), 413: error('Past the size limit.'), 422: REFUSED },
      handle: async ({ c, body }) => c.json(await workspace.create(body), 201),
    }),
    route<z.infer<typeof ReadQuery>>({
      method: 'get',
      path: '/api/models/:id',
      summary: 'A model: its latest version, or the one asked.',
      tag: 'models',
      query: ReadQuery,
      answers: { 200: { description: 'The version.', schema: VersionSchema }, 404: NOT_FOUND },
      handle: async ({ c, params, query }) => c.json(await workspace.read(params.id!, query.version)),
    }),
    route<Record<string, never>, z.infer<typeof SaveSchema>>({
      method: 'put',
      path: '/api/models/:id',
      summary: 'Saves a change list made on version `basedOn`, which must be the latest.',
      tag: 'models',
      body: { json: SaveSchema },
      answers: { 200: { description: 'The new version.', schema: WrittenSchema }, 404: NOT_FOUND, 409: OUTDATED, 413: error('Past the size limit.'), 422: REFUSED },
      handle: async ({ c, params, body, locale }) => c.json(written(await workspace.save(params.id!, body.basedOn, body.changes), locale)),
    }),
    route({
      method: 'delete',
      path: '/api/models/:id',
      summary: 'Deletes a model and its whole history.',
      tag: 'models',
      answers: { 204: { description: 'Deleted.' }, 404: NOT_FOUND },
      handle: async ({ c, params }) => {
        await workspace.delete(params.id!);
        return c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: '/api/models/:id/history',
      summary: 'Every version, with its changes in words, and what undo and redo would revert now.',
      tag: 'models',
      answers: { 200: { description: 'The history.', schema: HistorySchema }, 404: NOT_FOUND },
      handle: async ({ c, params, locale }) => {
        const history = await workspace.history(params.id!);
        return c.json({ ...history, versions: history.versions.map((v) => withWords(v, locale)) });
      },
    }),
    step('undo', 'Reverts the last write not yet undone, as a new version.'),
    step('redo', 'Reverts the last undo, as a new version.'),
    route<Record<string, never>, z.infer<typeof RestoreSchema>>({
      method: 'post',
      path: '/api/models/:id/restore',
      summary: 'A new version whose document is that of version `version`.',
      tag: 'models',
      body: { json: RestoreSchema },
      answers: { 200: { description: 'The new version.', schema: WrittenSchema }, 404: NOT_FOUND, 409: OUTDATED, 422: REFUSED },
      handle: async ({ c, params, body, locale }) => c.json(written(await workspace.restore(params.id!, body.basedOn, body.version), locale)),
    }),
    route<z.infer<typeof CompareQuery>>({
      method: 'get',
      path: '/api/models/:id/compare',
      summary: 'The changes that turn version `from` into version `to`, as data and in words.',
      tag: 'models',
      query: CompareQuery,
      answers: { 200: { description: 'The changes.', schema: ComparisonSchema }, 404: NOT_FOUND, 422: REFUSED },
      handle: async ({ c, params, query, locale }) => {
        const changes = await workspace.compare(params.id!, query.from, query.to);
        return c.json({ changes, words: changeWords(changes, locale) });
      },
    }),
  ];
}
