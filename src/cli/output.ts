/**
 * How every command hands out its result (README, "Conventions"): a format (`--format
 * text|md|json|csv|xlsx`, each command naming those it has; `--json` and simulate's `--csv` are
 * aliases) and a destination, standard output or `-o/--out FILE`, written whole or not at all
 * (files.ts), never over an existing file without `--force`. A result that cannot be written (a closed pipe, a
 * full disk, a target that cannot be written) ends the run with exit 5 (delivery.ts).
 */
import { Option, type Command } from 'commander';
import { roundFigures } from '../analyses/index.js';
import { UsageError } from './errors.js';
import { colorWanted, deliver, deliverLater, sendTo, toFile } from './delivery.js';
import { cliLocale, t } from './lang.js';
import { type StreamedBlock, type Sheet, eachSheetOf, printExactAmounts, sheetCsvChunks, sheetsOf } from '../tables/index.js';
import { markdownChunks, textChunks } from './render/text.js';

export { asOutputError, coalesced, colorWanted, deliver, finishOutput, toFile, watchStandardOutput } from './delivery.js';

export const FORMATS = ['text', 'md', 'json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputOptions {
  format?: string;
  json?: boolean;
  csv?: boolean;
  out?: string;
  force?: boolean;
  /** Amounts in full rather than scaled (k, M, G). */
  exact?: boolean;
}

/** Adds --format (with the formats this command has, the first the default), --json, -o and --force. */
export function withOutputOptions(command: Command, formats: readonly Format[] = FORMATS): Command {
  command.addOption(new Option('-f, --format <format>', t('option.format', { formats: formats.join(', '), fallback: formats[0] })).choices(formats));
  if (formats.includes('json')) command.addOption(new Option('--json', t('option.json')));
  if (formats.includes('text')) command.addOption(new Option('--exact', t('option.exact')));
  return command.addOption(new Option('-o, --out <file>', t('option.out'))).addOption(new Option('--force', t('option.forceOut')));
}

/** The format asked for (aliases included) and where the result goes; `fallback` when none is given. */
export function formatOf(options: OutputOptions, fallback: Format = 'text'): Format {
  const aliases = [options.json ? 'json' : undefined, options.csv ? 'csv' : undefined].filter((a) => a !== undefined);
  if (aliases.length > 1) throw new UsageError(t('usage.aliasesContradict'));
  const alias = aliases[0] as Format | undefined;
  if (alias && options.format !== undefined && options.format !== alias) {
    throw new UsageError(t('usage.formatContradicts', { alias, format: options.format }));
  }
  const format = alias ?? (options.format as Format | undefined) ?? fallback;
  if (options.force && options.out === undefined) throw new UsageError(t('usage.forceWithoutOut'));
  if (format === 'xlsx' && options.out === undefined && process.stdout.isTTY) {
    throw new UsageError(t('usage.xlsxToTerminal'));
  }
  sendTo(options.out, options.force === true);
  printExactAmounts(options.exact === true || format === 'csv' || format === 'xlsx');
  return format;
}

/**
 * Hands out a command's result: blocks as text, Markdown, CSV or a workbook, or `data` as JSON.
 * The blocks' figures are printed in the CLI's language, and read back as numbers in it. Blocks
 * may come one by one (a generator), lists among them item by item (lazy lists): text, Markdown
 * and CSV are then made and written as they come, never held whole.
 */
export function emit(format: Format, blocks: () => Iterable<StreamedBlock>, data: () => unknown): void {
  if (format === 'json') deliver(JSON.stringify(data(), roundFigures, 2) + '\n');
  else if (format === 'md') deliver(markdownChunks(blocks()));
  else if (format === 'csv') deliver(sheetCsvChunks(eachSheetOf(blocks(), cliLocale())));
  else if (format === 'xlsx') deliverSheets(sheetsOf(blocks(), cliLocale()));
  else deliver(textChunks(blocks(), !toFile() && colorWanted(process.stdout)));
}

/** Sheets as an xlsx workbook, built asynchronously and written when ready (the workbook writer loaded only then). */
export function deliverSheets(sheets: Sheet[]): void {
  deliverLater(import('../runtime/index.js').then(({ sheetsToXlsx }) => sheetsToXlsx(sheets)));
}
