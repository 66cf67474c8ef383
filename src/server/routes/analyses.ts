/**
 * The analyses of a workspace model, one route each, with the CLI's options as query
 * parameters. Each calls the same functions as its CLI command and answers the same data as the
 * command's --json (withNames, then roundFigures): a model read from the workspace is the text
 * of a file, loaded as the CLI loads one.
 */
import { z } from 'zod';
import { canvas, findActor, profitability, profitabilityOfAll, roundFigures, valueSharing, whoPays, withLabels, withNames } from '../../analyses/index.js';
import { closest, hasErrors, type Ecosystem, type Prepared } from '../../core/index.js';
import { ModelRefusedError, SimulationError, type EngineBackend } from '../../engine/index.js';
import { loadedText } from '../loaded.js';
import { engineIssueMessage, text, type Locale } from '../../i18n/index.js';
import { compareVariants, MAX_JSON_VALUES, modelSimulation, seriesData, splitNames } from '../../runtime/index.js';
import type { Version, Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { route, type Input, type Route } from '../route.js';
import { ErrorSchema } from '../schemas.js';

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true').meta({ description: 'true or false.' });
const Base = {
  version: z.coerce.number().int().positive().optional().meta({ description: 'The version analysed (default the latest).' }),
};
const Shown = { ...Base, labels: Flag.optional().meta({ description: 'Names shown with the English labels (as --labels).' }) };
const ActorQuery = z.string().min(1).meta({ description: 'An actor, by id or by name.' });

export const CanvasQuery = z.object({ ...Shown, actor: ActorQuery });
export const ProfitQuery = z.object({ ...Shown, actor: ActorQuery.optional().meta({ description: "One actor's sheet (default every actor's)." }) });
export const ShownQuery = z.object(Shown);
export const CompareVariantsQuery = z.object({ ...Base, variants: z.string().optional().meta({ description: 'Variant ids, separated by commas (default all).' }) });
export const SimulateQuery = z.object({
  ...Base,
  variant: z.string().optional().meta({ description: 'A variant of the model, run instead of the model as written.' }),
  method: z.enum(['euler', 'rk4']).optional(),
  dt: z.coerce.number().positive().optional().meta({ description: 'The time step.' }),
  until: z.coerce.number().optional().meta({ description: 'The time the run stops at.' }),
  vars: z.string().optional().meta({ description: 'Variables kept, separated by commas (default all).' }),
});

/** A simulation's options, and the most values its answer may hold. */
export type SimulationOptions = z.infer<typeof SimulateQuery> & { most?: number };

const ANSWERS = {
  404: { description: 'No such model or version.', schema: ErrorSchema },
  422: { description: 'The model has errors (located issues), or an option cannot be used with it.', schema: ErrorSchema },
};
const data = (description: string) => ({ 200: { description, schema: z.unknown().meta({ description: 'As the CLI command prints with --json.' }) }, ...ANSWERS });

/** The version's text loaded as the CLI loads a file; a model with errors is a 422 with its issues. */
export function loadVersion(version: Version): { ecosystem: Ecosystem; prepared: Prepared } {
  const result = loadedText(version.text, `${version.model}.${version.format}`);
  if (!result.ecosystem || !result.prepared || hasErrors(result.issues)) {
    const count = result.issues.filter((i) => i.severity === 'error').length;
    throw new ApiError(422, 'invalid-model', 'server.invalid-model', { model: version.model, count }, result.issues);
  }
  return { ecosystem: result.ecosystem, prepared: result.prepared };
}

/** The actor asked, by id or by name; a miss is a 422 naming the actors. */
export function actorOf(ecosystem: Ecosystem, model: string, wanted: string, locale: Locale): string {
  const found = findActor(ecosystem.doc, wanted);
  if (found !== undefined) return found;
  const actors = Object.keys(ecosystem.doc.actors);
  const suggestion = closest(wanted, actors);
  const hint = suggestion ? text(locale, 'usage.didYouMean', { suggestion }) : '';
  throw new ApiError(422, 'unknown-actor', 'server.unknown-actor', { model, actor: wanted, hint, actors: actors.join(', ') });
}

/** JSON exactly as the CLI's --json writes it (numbers to 12 significant digits). */
export function analysisAnswer(input: Input<unknown, unknown>, ecosystem: Ecosystem, result: unknown): Response {
  return input.c.body(JSON.stringify(withNames(ecosystem.doc, result), roundFigures), 200, { 'content-type': 'application/json; charset=UTF-8' });
}

/** The analysis options every table analysis takes: the version and the labels. */
export async function shown(workspace: Workspace, id: string, query: { version?: number | undefined; labels?: boolean | undefined }) {
  const { ecosystem, prepared } = loadVersion(await workspace.read(id, query.version));
  return { ecosystem: query.labels ? withLabels(ecosystem) : ecosystem, prepared };
}

export function analysisRoutes(workspace: Workspace, engine: () => EngineBackend): Route[] {
  const path = (name: string) => `/api/models/:id/analyses/${name}`;
  return [
    route<z.infer<typeof CanvasQuery>>({
      method: 'get',
      path: path('canvas'),
      summary: "An actor's business model canvas (symbiose canvas MODEL ACTOR --json).",
      tag: 'analyses',
      query: CanvasQuery,
      answers: data('The canvas: its blocks of items, keyed by ids, with their names.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        return analysisAnswer(input, ecosystem, canvas(ecosystem, actorOf(ecosystem, input.params.id!, input.query.actor, input.locale)));
      },
    }),
    route<z.infer<typeof ShownQuery>>({
      method: 'get',
      path: path('payers'),
      summary: 'Who pays whom, for what, overall and per scenario (symbiose payers --json).',
      tag: 'analyses',
      query: ShownQuery,
      answers: data('The payments.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        return analysisAnswer(input, ecosystem, whoPays(ecosystem));
      },
    }),
    route<z.infer<typeof ProfitQuery>>({
      method: 'get',
      path: path('profit'),
      summary: "Every actor's profitability, or one actor's sheet period by period (symbiose profit [--actor A] --json).",
      tag: 'analyses',
      query: ProfitQuery,
      answers: data('The sheets.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        const { actor } = input.query;
        const result = actor === undefined ? profitabilityOfAll(ecosystem) : profitability(ecosystem, actorOf(ecosystem, input.params.id!, actor, input.locale));
        return analysisAnswer(input, ecosystem, result);
      },
    }),
    route<z.infer<typeof ShownQuery>>({
      method: 'get',
      path: path('summary'),
      summary: 'Value created and the share each actor captures (symbiose summary --json).',
      tag: 'analyses',
      query: ShownQuery,
      answers: data('The value sharing.'),
      handle: async (input) => {
        const { ecosystem } = await shown(workspace, input.params.id!, input.query);
        return analysisAnswer(input, ecosystem, valueSharing(ecosystem));
      },
    }),
    route<z.infer<typeof CompareVariantsQuery>>({
      method: 'get',
      path: path('compare'),
      summary: 'The variants beside the model as written (symbiose compare [--variants a,b] --json).',
      tag: 'analyses',
      query: CompareVariantsQuery,
      answers: data('Each outcome: the base, then each variant.'),
      handle: async (input) => {
        const model = input.params.id!;
        const { ecosystem, prepared } = loadVersion(await workspace.read(model, input.query.version));
        return analysisAnswer(input, ecosystem, outcomesOf(ecosystem, prepared, model, input.query.variants, input.locale));
      },
    }),
    route<z.infer<typeof SimulateQuery>>({
      method: 'get',
      path: path('simulate'),
      summary: "A run of the model's dynamics (symbiose simulate --json): the times and each variable's series.",
      tag: 'analyses',
      query: SimulateQuery,
      answers: data('{ times, series }: NaN and infinities as strings.'),
      handle: async (input) => input.c.json(seriesData((await simulation(workspace, engine(), input.params.id!, input.query, input.locale, input.c.req.raw.signal)).run)),
    }),
  ];
}

/** The base and each variant asked (ids separated by commas; all when absent), or the refusal. */
export function outcomesOf(ecosystem: Ecosystem, prepared: Prepared, model: string, variants: string | undefined, locale: Locale) {
  const chosen = variants?.split(',').map((v) => v.trim());
  const compared = compareVariants(ecosystem, prepared, chosen, text(locale, 'compare.asWritten'));
  if ('outcomes' in compared) return compared.outcomes;
  if (compared.refused === 'no-variants') throw new ApiError(422, 'no-variants', 'server.no-variants', { model });
  if (compared.refused === 'unknown-variant') throw new ApiError(422, 'unknown-variant', 'server.unknown-variant', { model, variant: compared.variant, variants: compared.variants.join(', ') });
  throw new ApiError(422, 'variant-does-not-load', 'server.variant-does-not-load', { model, variant: compared.variant }, compared.issues);
}

/** Runs the dynamics of a workspace model, in the engine backend, with the CLI's options. */
export async function simulation(workspace: Workspace, engine: EngineBackend, model: string, query: SimulationOptions, locale: Locale, signal: AbortSignal) {
  const version = await workspace.read(model, query.version);
  const { issues, simulation: ready } = modelSimulation(version.text, `${model}.${version.format}`, query.variant);
  if (hasErrors(issues)) throw new ApiError(422, 'invalid-model', 'server.invalid-model', { model, count: issues.filter((i) => i.severity === 'error').length }, issues);
  if (!ready) throw new ApiError(422, 'no-dynamics', 'server.no-dynamics', { model });
  const save = query.vars === undefined ? undefined : splitNames(query.vars);
  const options = {
    ...(query.method ? { method: query.method } : {}),
    ...(query.dt !== undefined ? { dt: query.dt } : {}),
    ...(query.until !== undefined ? { until: query.until } : {}),
    ...(save ? { save } : {}),
  };
  try {
    const run = await engine.run({ ...ready.request, options }, { signal });
    if (run.times.length * (run.series.size + 1) > (query.most ?? MAX_JSON_VALUES)) {
      throw new ApiError(422, 'too-many-values', 'server.too-many-values', { steps: run.times.length, series: run.series.size });
    }
    return { run, name: ready.name ?? model };
  } catch (error) {
    if (error instanceof SimulationError) {
      throw new ApiError(422, 'simulation-refused', 'server.simulation-refused', { reason: engineIssueMessage({ code: 'run', severity: 'error', params: error.refusal }, locale) });
    }
    if (error instanceof ModelRefusedError) {
      throw new ApiError(422, 'invalid-model', 'server.invalid-model', { model, count: error.issues.length }, [], error.issues);
    }
    throw error;
  }
}
