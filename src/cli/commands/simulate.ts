import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { canonicalLabel } from '../../engine/index.js';
import { readDynamicsFile } from '../dynamics-file.js';
import { UsageError } from '../errors.js';
import { colorWanted, formatOption, formatOf, jsonOption, type OutputOptions } from '../output.js';
import { renderMarkdown, renderText } from '../render/blocks.js';
import { formatSignificant } from '../render/numbers.js';
import { chart, csvChunks, nonFinite, summaryBlocks } from '../render/series.js';
import { runSimulation } from '../simulation-run.js';
import { cliLocale, t } from '../lang.js';

interface SimulateCliOptions extends OutputOptions {
  method?: 'euler' | 'rk4';
  dt?: string;
  until?: string;
  vars?: string;
  csv?: boolean;
  chart?: string;
  variant?: string;
}

/** Largest series JSON prints (numbers); past it, CSV streams instead. */
const MAX_JSON_VALUES = 20_000_000;

/** "a, b[x, y], c" → ["a", "b[x, y]", "c"]: commas inside brackets belong to a subscript. */
export function splitNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      names.push(current.trim());
      current = '';
    } else current += c;
  }
  names.push(current.trim());
  return names.filter(Boolean);
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(t('cmd.simulate'))
    .argument('<file>', t('cmd.simulate.file'))
    .addOption(new Option('--method <method>', t('option.method')).choices(['euler', 'rk4']))
    .option('--dt <step>', t('option.dt'))
    .option('--until <time>', t('option.until'))
    .option('--vars <names>', t('option.vars'))
    .option('--csv', t('option.csv'))
    .option('--chart <variable>', t('option.chart'))
    .option('--variant <id>', t('option.variant'))
    .addOption(formatOption())
    .addOption(jsonOption())
    .action(async (file: string, options: SimulateCliOptions) => {
      if (options.csv && (options.json || (options.format !== undefined && options.format !== 'text'))) {
        throw new UsageError(t('usage.csvAndJson'));
      }
      const format = options.csv ? 'csv' : formatOf(options);
      if (options.chart && (format === 'csv' || format === 'json')) throw new UsageError(t('usage.chartForPeople'));
      const { model } = readDynamicsFile(file, colorWanted(process.stderr), options.variant);
      const dt = positive(options.dt, '--dt');
      const until = number(options.until, '--until');
      const save = options.vars ? splitNames(options.vars) : undefined;
      if (options.vars !== undefined && save!.length === 0) throw new UsageError(t('usage.noVars'));
      if (options.chart && save && !save.some((v) => canonicalLabel(v) === canonicalLabel(options.chart!))) save.push(options.chart);
      const run = await runSimulation(
        model,
        { ...(options.method ? { method: options.method } : {}), ...(dt !== undefined ? { dt } : {}), ...(until !== undefined ? { until } : {}), ...(save ? { save } : {}) },
        { showProgress: process.stderr.isTTY === true },
      );
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
      if (format === 'csv') {
        for (const chunk of csvChunks(run)) process.stdout.write(chunk);
      } else if (format === 'json') {
        if (run.times.length * (run.series.size + 1) > MAX_JSON_VALUES) {
          throw new UsageError(t('usage.tooManyForJson', { steps: run.times.length, series: run.series.size }));
        }
        // JSON has no NaN or infinity: they are written as strings, not as null.
        const value = (x: number) => (Number.isFinite(x) ? x : String(x));
        process.stdout.write(JSON.stringify({ times: [...run.times], series: Object.fromEntries([...run.series].map(([k, v]) => [k, Array.from(v, value)])) }) + '\n');
      } else {
        const blocks = summaryBlocks(model.name ?? basename(file), run, options.method ?? model.specs.method, dt ?? model.specs.dt, cliLocale());
        process.stdout.write(format === 'md' ? renderMarkdown(blocks) : renderText(blocks, colorWanted(process.stdout)));
      }
      if (chartLabel) process.stdout.write('\n' + chart(chartLabel, run, cliLocale()));
    });
}

function number(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UsageError(t('usage.expectsNumber', { option, value: text }));
  return value;
}

function positive(text: string | undefined, option: string): number | undefined {
  const value = number(text, option);
  if (value !== undefined && !(value > 0)) throw new UsageError(t('usage.mustBePositive', { option, value: text }));
  return value;
}
