/**
 * An analysis's tables as a spreadsheet, as the CLI's --format csv and xlsx write them: the
 * same blocks (src/tables) made into sheets, amounts in full, then CSV or a workbook.
 */
import { z } from 'zod';
import { canvas, profitability, eachSheet, sheetTotals, valueSharing, whoPays } from '../../analyses/index.js';
import { issue } from '../../core/index.js';
import type { EngineBackend } from '../../engine/index.js';
import type { Locale } from '../../i18n/index.js';
import { sheetsToXlsx } from '../../runtime/index.js';
import type { Version, Workspace } from '../../store/index.js';
import {
  canvasBlocks, compareBlocks, MAX_SHEET_VALUES, overviewBlocks, paymentBlocks, printExactAmounts, seriesSheet, sharingBlocks,
  sheetBlocks, sheetsOf, sheetsToCsv, toCsv, type Block,
} from '../../tables/index.js';
import { ApiError } from '../errors.js';
import { actorOf, CanvasQuery, CompareVariantsQuery, loadVersion, outcomesOf, ProfitQuery, shown, SimulateQuery, simulation } from './analyses.js';

export const TABLES = ['canvas', 'payers', 'profit', 'summary', 'compare', 'simulate'] as const;
export type TableName = (typeof TABLES)[number];

/** Every analysis's options together: each table reads its own. */
export const TableQuery = SimulateQuery.extend({
  ...ProfitQuery.shape,
  ...CompareVariantsQuery.shape,
  actor: CanvasQuery.shape.actor.optional().meta({ description: 'canvas, profit: the actor (canvas needs one); compare: only its rows.' }),
  by: z.enum(['period', 'year', 'auto']).optional().meta({ description: "profit with actor: a column per period, per year, or as fits (the CLI's --by)." }),
});
export type TableOptions = z.infer<typeof TableQuery>;

export async function tableExport(
  workspace: Workspace,
  engine: () => EngineBackend,
  version: Version,
  table: TableName,
  format: 'csv' | 'xlsx',
  query: TableOptions,
  locale: Locale,
  signal: AbortSignal,
): Promise<string | Uint8Array> {
  if (table === 'simulate') {
    const { run, name } = await simulation(workspace, engine(), version.model, { ...query, ...(format === 'xlsx' ? { most: MAX_SHEET_VALUES } : {}) }, locale, signal);
    return format === 'csv' ? toCsv(run) : sheetsToXlsx([seriesSheet(name, run)]);
  }
  // Spreadsheets read figures back as numbers: they are printed whole.
  printExactAmounts(true);
  const sheets = sheetsOf(await blocksOf(workspace, version, table, query, locale), locale);
  return format === 'csv' ? sheetsToCsv(sheets) : sheetsToXlsx(sheets);
}

async function blocksOf(workspace: Workspace, version: Version, table: Exclude<TableName, 'simulate'>, query: TableOptions, locale: Locale): Promise<Block[]> {
  const model = version.model;
  if (table === 'compare') {
    const { ecosystem, prepared } = loadVersion(version);
    const only = query.actor === undefined ? undefined : actorOf(ecosystem, model, query.actor, locale);
    return compareBlocks(ecosystem.doc, outcomesOf(ecosystem, prepared, model, query.variants, locale), only, locale);
  }
  const { ecosystem } = await shown(workspace, model, query);
  const { doc } = ecosystem;
  switch (table) {
    case 'canvas': {
      if (query.actor === undefined) throw new ApiError(422, 'invalid-request', 'server.invalid-request', { route: 'table=canvas' }, [issue('missing-field', [], { field: 'actor', reason: 'schema' })]);
      return canvasBlocks(doc, canvas(ecosystem, actorOf(ecosystem, model, query.actor, locale)), locale);
    }
    case 'payers':
      return paymentBlocks(doc, whoPays(ecosystem), locale);
    case 'profit':
      return query.actor === undefined
        ? overviewBlocks(doc, eachSheet(ecosystem, sheetTotals), locale)
        : sheetBlocks(doc, profitability(ecosystem, actorOf(ecosystem, model, query.actor, locale)), query.by ?? 'auto', locale);
    case 'summary':
      return sharingBlocks(doc, valueSharing(ecosystem), locale);
  }
}
