/**
 * What the API reads and answers, as zod schemas: requests are parsed with them (the change list
 * with core's own schema, the one the model format's records are checked with), and the OpenAPI
 * document is generated from all of them (openapi.ts). The answers' schemas mirror the store's
 * types (src/store/workspace.ts) for the document; the store's values are what is sent.
 */
import { z } from 'zod';
import { Branch, ChangeListSchema, ChangeSchema, Step, Text } from '../core/index.js';

const Whole = z.number().int().positive();
/** A version number in a query string. */
const VersionQuery = z.coerce.number().int().positive();

export const DocumentData = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A model document as data (schema/symbiose.schema.json; an older format version is migrated).' });

export const IssueSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    params: z.record(z.string(), z.unknown()),
    message: z.string().meta({ description: 'In the language of the request.' }),
    file: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    variable: z.string().optional(),
  })
  .meta({ description: 'A located issue: a stable code, where (path; line and column in a text), its parameters and its message.' });

const VersionFields = {
  number: Whole,
  kind: z.enum(['create', 'save', 'undo', 'redo', 'restore']),
  of: Whole.nullable(),
  changes: z.array(ChangeSchema),
  savedAt: z.string(),
};
export const VersionSummarySchema = z.object(VersionFields);
export const VersionWithWords = z.object({ ...VersionFields, words: z.array(z.string()).meta({ description: 'Each change in words.' }) });

export const VersionSchema = z.object({
  ...VersionFields,
  model: z.string(),
  document: DocumentData,
  text: z.string(),
  format: z.enum(['yaml', 'json']),
  inverse: z.array(ChangeSchema),
});

export const ModelSummarySchema = z.object({ id: z.string(), name: z.string(), label: z.string().nullable(), latest: Whole, updatedAt: z.string() });
export const HistorySchema = z.object({ versions: z.array(VersionWithWords), undo: Whole.nullable(), redo: Whole.nullable() });
export const WrittenSchema = z.object({ version: VersionSchema, issues: z.array(IssueSchema) });
export const ComparisonSchema = z.object({ changes: z.array(ChangeSchema), words: z.array(z.string()) });

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(IssueSchema).optional(),
    since: z.array(VersionWithWords).optional().meta({ description: 'For `outdated`: the versions written since the one the save was based on.' }),
  }),
});

const ModelId = z.string().optional().meta({ description: 'The new model\'s id; made from its name when absent.' });
export const NewModelSchema = z.union([
  z.strictObject({ id: ModelId, document: DocumentData }),
  z.strictObject({ id: ModelId, text: z.string(), format: z.enum(['yaml', 'json']).optional() }),
]);
export const SaveSchema = z.strictObject({ basedOn: Whole.meta({ description: 'The version these changes were made on: the latest.' }), changes: ChangeListSchema });
export const BasedOnSchema = z.strictObject({ basedOn: Whole });
export const RestoreSchema = z.strictObject({ basedOn: Whole, version: Whole.meta({ description: 'The version to bring back.' }) });
export const CopySchema = z.strictObject({ id: ModelId }).optional();

export const ReadQuery = z.object({ version: VersionQuery.optional() });
export const CompareQuery = z.object({ from: VersionQuery, to: VersionQuery });

export const LibraryEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string().optional(),
  summary: Text.meta({ description: "The description's first sentence, in each language it is written in." }),
  tags: z.array(z.string()),
  sources: z.array(z.string()),
  description: Text.optional(),
  provenance: z.record(z.string(), z.unknown()).optional().meta({ description: 'As `symbiose library show --json`: the parameters, and how many are sourced or assumed.' }),
  assumptions: z
    .array(z.object({ name: z.string(), value: z.unknown(), unit: z.string().optional(), source: z.unknown().optional(), assumption: z.unknown().optional(), range: z.array(z.unknown()).optional(), distribution: z.record(z.string(), z.unknown()).optional() }))
    .meta({ description: 'Each parameter with its value, unit, range (the bounds of its value), distribution, and its source or the assumption behind it.' }),
  errors: z.number().int().meta({ description: 'Errors found loading it (0 for a model that loads).' }),
});

/** Every schema the document names as a component, by name. */
export const COMPONENTS: Record<string, z.ZodType> = {
  Change: ChangeSchema,
  ScenarioStep: Step,
  ScenarioBranch: Branch,
  Issue: IssueSchema,
  Error: ErrorSchema,
  ModelSummary: ModelSummarySchema,
  Version: VersionSchema,
  VersionWithWords,
  History: HistorySchema,
  Written: WrittenSchema,
  Comparison: ComparisonSchema,
  NewModel: NewModelSchema,
  Save: SaveSchema,
  BasedOn: BasedOnSchema,
  Restore: RestoreSchema,
  LibraryEntry: LibraryEntrySchema,
};
