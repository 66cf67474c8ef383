import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { canonicalLabel, type RunResult } from '../../engine/index.js';
import type { Locale } from '../../i18n/index.js';
import { checkpoint, interruptSignal, MAX_JSON_VALUES, seriesData, splitNames, writeChunks } from '../../runtime/index.js';
import { printEngineIssues, readSimulation } from '../dynamics-file.js';
import { UsageError } from '../errors.js';
import { asOutputError, colorWanted, deliverSheets, formatOf, withOutputOptions, type Format, type OutputOptions } from '../output.js';
import { writeFile } from '../files.js';
import { reportFallback } from '../debug.js';
import { PROGRESS_MODES, progressReport, runSimulation, type ProgressMode } from '../simulation-run.js';
import { cliLocale, t } from '../lang.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';
import { MAX_SHEET_VALUES, csvChunks, formatSignificant, nonFinite, seriesSheet, summaryBlocks } from '../../tables/index.js';
import { renderMarkdown, renderText } from '../render/text.js';
import { chart } from '../render/chart.js';

interface SimulateCliOptions extends OutputOptions {
  method?: 'euler' | 'rk4';
  dt?: string;
  until?: string;
  vars?: string;
  csv?: boolean;
  chart?: string;
  variant?: string;
  seed?: string;
  progress?: ProgressMode;
}

export function registerSimulate(program: Command): void {
  withOutputOptions(program
    .command('simulate')
    .description(t('cmd.simulate'))
    .addArgument(modelArgument(t('cmd.simulate.file')))
    .addOption(modelOption())
    .addOption(new Option('--method <method>', t('option.method')).choices(['euler', 'rk4']))
    .option('--dt <step>', t('option.dt'))
    .option('--until <time>', t('option.until'))
    .option('--vars <names>', t('option.vars'))
    .option('--csv', t('option.csv'))
    .option('--chart <variable>', t('option.chart'))
    .option('--variant <id>', t('option.variant'))
    .option('--seed <s>', t('option.simulateSeed'))
    .addOption(new Option('--progress <how>', t('option.progress')).choices(PROGRESS_MODES).default('auto')))
    .action(async (given: string | undefined, options: SimulateCliOptions, command: Command) => {
      const file = chosenModel(given, command);
      // Ctrl-C stops every stage: the worker at once, this thread at the next checkpoint.
      const signal = interruptSignal();
      const progress = progressReport(options.progress ?? 'auto');
      progress.report({ stage: 'reading' });
      const format = formatOf(options);
      if (options.chart && format !== 'text' && format !== 'md') throw new UsageError(t('usage.chartForPeople', { format }));
      const dt = positive(options.dt, '--dt');
      const until = number(options.until, '--until');
      const seed = options.seed === undefined ? undefined : wholeSeed(options.seed);
      const save = options.vars ? splitNames(options.vars) : undefined;
      if (options.vars !== undefined && save!.length === 0) throw new UsageError(t('usage.noVars'));
      if (options.chart && save && !save.some((v) => canonicalLabel(v) === canonicalLabel(options.chart!))) save.push(options.chart);
      const simulation = readSimulation(file, colorWanted(process.stderr), options.variant, () => progress.report({ stage: 'compiling' }));
      await checkpoint(signal);
      const run = await runSimulation(
        file,
        {
          ...simulation.request,
          options: { ...(options.method ? { method: options.method } : {}), ...(dt !== undefined ? { dt } : {}), ...(until !== undefined ? { until } : {}), ...(save ? { save } : {}), ...(seed !== undefined ? { seed } : {}) },
        },
        signal,
        progress,
      );
      progress.stop();
      reportFallback(run.fallback);
      if (run.issues.length > 0) printEngineIssues(file, run.issues);
      const chartLabel = options.chart ? [...run.series.keys()].find((k) => canonicalLabel(k) === canonicalLabel(options.chart!)) : undefined;
      if (options.chart && !chartLabel) {
        const elements = [...run.series.keys()].filter((k) => canonicalLabel(k).startsWith(`${canonicalLabel(options.chart!)}[`));
        throw new UsageError(
          elements.length > 0
            ? t('usage.chartArray', { variable: options.chart, element: elements[0] })
            : t('usage.chartUnknown', { variable: options.chart, variables: [...run.series.keys()].slice(0, 20).join(', ') }),
        );
      }
      for (const bad of nonFinite(run)) {
        const warning = Number.isNaN(bad.value) ? 'simulate.becomesNaN' : 'simulate.becomesInfinite';
        process.stderr.write(`symbiose: ${t(warning, { variable: bad.label, time: formatSignificant(cliLocale(), bad.time) })}\n`);
      }
      if (format === 'json' && run.times.length * (run.series.size + 1) > MAX_JSON_VALUES) {
        throw new UsageError(t('usage.tooManyForJson', { steps: run.times.length, series: run.series.size }));
      }
      if (format === 'xlsx' && run.times.length * (run.series.size + 1) > MAX_SHEET_VALUES) {
        throw new UsageError(t('usage.tooManyForWorkbook', { steps: run.times.length, series: run.series.size }));
      }
      await checkpoint(signal);
      progress.report({ stage: 'writing' });
      const look = {
        color: options.out === undefined && colorWanted(process.stdout),
        title: simulation.name ?? basename(file),
        method: options.method ?? simulation.specs.method,
        dt: dt ?? simulation.specs.dt,
        locale: cliLocale(),
      };
      if (format === 'xlsx') {
        deliverSheets([seriesSheet(look.title, run)]);
        return;
      }
      const chunks = outputChunks(run, format, look, chartLabel);
      if (options.out === undefined) await writeChunks(process.stdout, chunks, signal).catch((error) => Promise.reject(asOutputError(undefined, error)));
      else await writeFile(options.out, chunks, { overwrite: options.force === true, force: options.force === true, signal });
    });
}

/** The output, in pieces small enough that Ctrl-C is heard between them. */
function* outputChunks(
  run: RunResult,
  format: Exclude<Format, 'xlsx'>,
  look: { color: boolean; title: string; method: string; dt: number; locale: Locale },
  chartLabel: string | undefined,
): Generator<string> {
  if (format === 'csv') {
    // About 100 000 numbers a chunk, however many series there are.
    yield* csvChunks(run, Math.max(1, Math.floor(100_000 / (run.series.size + 1))));
  } else if (format === 'json') {
    yield JSON.stringify(seriesData(run)) + '\n';
  } else {
    const blocks = summaryBlocks(look.title, run, look.method, look.dt, look.locale);
    yield format === 'md' ? renderMarkdown(blocks) : renderText(blocks, look.color);
  }
  if (chartLabel) yield '\n' + chart(chartLabel, run, look.locale);
}

function number(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UsageError(t('usage.expectsNumber', { option, value: text }));
  return value;
}

/** The random builtins' seed: a whole number from 0 to 2³¹ − 1. */
function wholeSeed(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value > 2 ** 31 - 1) throw new UsageError(t('usage.wholeNumber', { option: '--seed', min: 0, max: 2 ** 31 - 1, value: text }));
  return value;
}

function positive(text: string | undefined, option: string): number | undefined {
  const value = number(text, option);
  if (value !== undefined && !(value > 0)) throw new UsageError(t('usage.mustBePositive', { option, value: text }));
  return value;
}
