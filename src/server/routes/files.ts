/**
 * Files in and out of the workspace. Import: the raw text of a YAML or JSON model (kept as
 * written, comments and all) or of an XMILE model (read by the engine, made a document as
 * `symbiose import` makes it). Export: the model as YAML, JSON or XMILE (its dynamics, as
 * `symbiose export --xmile`), or an analysis's tables as CSV or an xlsx workbook.
 */
import { z } from 'zod';
import { constantValues, hasErrors, rewriteYaml } from '../../core/index.js';
import { dynamicsModel, loadEcosystem, parseXmile, writeXmile } from '../../engine/index.js';
import { xmileDocument } from '../../runtime/index.js';
import type { Version, Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { route, type Route } from '../route.js';
import { ErrorSchema, VersionSchema } from '../schemas.js';
import { loadVersion } from './analyses.js';
import { TABLES, tableExport, TableQuery } from './tables.js';
import type { EngineBackend } from '../../engine/index.js';

const ImportQuery = z.object({
  format: z.enum(['yaml', 'json', 'xmile']),
  id: z.string().optional().meta({ description: "The new model's id (default made from its name)." }),
  name: z.string().optional().meta({ description: 'The file\'s name, which an XMILE import\'s description names (default model.xmile).' }),
});

const ExportQuery = TableQuery.extend({
  format: z.enum(['yaml', 'json', 'xmile', 'csv', 'xlsx']),
  table: z.enum(TABLES).optional().meta({ description: 'For csv and xlsx: the analysis whose tables are exported, with its options.' }),
});

const TYPES = {
  yaml: 'application/yaml',
  json: 'application/json',
  xmile: 'application/xml',
  csv: 'text/csv; charset=UTF-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function fileRoutes(workspace: Workspace, engine: () => EngineBackend): Route[] {
  return [
    route<z.infer<typeof ImportQuery>, string>({
      method: 'post',
      path: '/api/import',
      summary: 'A new model from a file: YAML or JSON (kept as written) or XMILE (its dynamics as a model document).',
      tag: 'files',
      query: ImportQuery,
      body: { raw: ['application/yaml', 'application/json', 'application/xml', 'text/plain'], description: "The file's text." },
      answers: {
        201: { description: 'Its version 1.', schema: VersionSchema },
        409: { description: 'A model with this id exists.', schema: ErrorSchema },
        413: { description: 'Past the size limit.', schema: ErrorSchema },
        422: { description: 'Not a model: located issues.', schema: ErrorSchema },
      },
      handle: async ({ c, query, body, locale }) => {
        const id = query.id === undefined ? {} : { id: query.id };
        if (query.format !== 'xmile') return c.json(await workspace.create({ ...id, text: body, format: query.format }), 201);
        const file = query.name ?? 'model.xmile';
        const { model, issues } = parseXmile(body, file);
        if (!model || issues.some((i) => i.severity === 'error') || model.variables.length === 0) throw new ApiError(422, 'not-xmile', 'server.not-xmile', {}, [], issues);
        const made = xmileDocument(model, file, locale);
        if (!made.document) throw new ApiError(422, 'cannot-hold', 'server.cannot-hold', {}, [], made.refused);
        // The document is checked as `validate` checks a file: one the loader rejects is not written.
        const checked = loadEcosystem(rewriteYaml('', made.document), file.replace(/\.\w+$/, '.yaml'));
        if (hasErrors(checked.issues)) {
          throw new ApiError(422, 'invalid-model', 'server.invalid-model', { model: made.document.name, count: checked.issues.filter((i) => i.severity === 'error').length }, checked.issues);
        }
        return c.json(await workspace.create({ ...id, document: made.document }), 201);
      },
    }),
    route<z.infer<typeof ExportQuery>>({
      method: 'get',
      path: '/api/models/:id/export',
      summary: "The model as a file (yaml, json, xmile: its dynamics), or an analysis's tables (csv, xlsx with table=…, as the CLI's --format csv|xlsx).",
      tag: 'files',
      query: ExportQuery,
      answers: {
        200: { description: 'The file.', types: Object.values(TYPES) },
        404: { description: 'No such model or version.', schema: ErrorSchema },
        422: { description: 'The model has errors, has no dynamics (xmile, simulate), or csv/xlsx without table=.', schema: ErrorSchema },
      },
      handle: async ({ c, params, query, locale }) => {
        const version = await workspace.read(params.id!, query.version);
        const { format, table } = query;
        const file = format === 'csv' || format === 'xlsx';
        if (file && table === undefined) throw new ApiError(422, 'no-table', 'server.no-table', { format });
        if (!file && table !== undefined) throw new ApiError(422, 'table-for-file', 'server.table-for-file', { format });
        const content = file ? await tableExport(workspace, engine, version, table!, format, query, locale, c.req.raw.signal) : modelFile(version, format);
        const type = TYPES[format];
        return c.body(content as string | Uint8Array<ArrayBuffer>, 200, {
          'content-type': type.includes(';') || format === 'xlsx' ? type : `${type}; charset=UTF-8`,
          'content-disposition': `attachment; filename="${version.model}${table ? `-${table}` : ''}.${format}"`,
        });
      },
    }),
  ];
}

/** The model itself as a file: its own text in its own format, else the document rewritten. */
function modelFile(version: Version, format: 'yaml' | 'json' | 'xmile'): string {
  if (format === version.format) return version.text;
  if (format === 'yaml') return rewriteYaml('', version.document);
  if (format === 'json') return `${JSON.stringify(version.document, null, 2)}\n`;
  const { ecosystem } = loadVersion(version);
  const { doc, model } = ecosystem;
  if (!doc.dynamics) throw new ApiError(422, 'no-dynamics', 'server.no-dynamics', { model: version.model });
  return writeXmile(dynamicsModel(doc, doc.dynamics, constantValues(model)));
}
