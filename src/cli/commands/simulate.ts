import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { canonicalLabel } from '../../engine/index.js';
import { readDynamicsFile } from '../dynamics-file.js';
import { UsageError } from '../errors.js';
import { colorWanted, formatOption, formatOf, jsonOption, type OutputOptions } from '../output.js';
import { renderMarkdown, renderText } from '../render/blocks.js';
import { chart, summaryBlocks, toCsv } from '../render/series.js';
import { runSimulation } from '../simulation-run.js';

interface SimulateCliOptions extends OutputOptions {
  method?: 'euler' | 'rk4';
  dt?: string;
  until?: string;
  vars?: string;
  csv?: boolean;
  chart?: string;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('run the dynamics of an XMILE model or of a Symbiose model; print, chart or export the series')
    .argument('<file>', 'an .xmile/.stmx file, or a Symbiose model with a dynamics section')
    .addOption(new Option('--method <method>', 'integration method (default: the model\'s)').choices(['euler', 'rk4']))
    .option('--dt <step>', 'integration step (default: the model\'s)')
    .option('--until <time>', 'stop time (default: the model\'s)')
    .option('--vars <names>', 'comma-separated variables to keep (default: all)')
    .option('--csv', 'print every saved step as CSV')
    .option('--chart <variable>', 'draw a terminal chart of one variable')
    .addOption(formatOption())
    .addOption(jsonOption())
    .action(async (file: string, options: SimulateCliOptions) => {
      const format = options.csv ? 'csv' : formatOf(options);
      if (options.chart && (format === 'csv' || format === 'json')) throw new UsageError('--chart draws for people: use it without --csv or --json');
      const { model } = readDynamicsFile(file, colorWanted(process.stderr));
      const dt = positive(options.dt, '--dt');
      const until = number(options.until, '--until');
      const save = options.vars ? options.vars.split(',').map((v) => v.trim()).filter(Boolean) : undefined;
      if (options.chart && save && !save.some((v) => canonicalLabel(v) === canonicalLabel(options.chart!))) save.push(options.chart);
      const run = await runSimulation(
        model,
        { ...(options.method ? { method: options.method } : {}), ...(dt !== undefined ? { dt } : {}), ...(until !== undefined ? { until } : {}), ...(save ? { save } : {}) },
        { showProgress: process.stderr.isTTY === true },
      );
      if (format === 'csv') process.stdout.write(toCsv(run));
      else if (format === 'json') {
        process.stdout.write(JSON.stringify({ times: [...run.times], series: Object.fromEntries([...run.series].map(([k, v]) => [k, [...v]])) }) + '\n');
      } else {
        const blocks = summaryBlocks(`Simulation — ${model.name ?? basename(file)}`, run, options.method ?? model.specs.method, dt ?? model.specs.dt);
        process.stdout.write(format === 'md' ? renderMarkdown(blocks) : renderText(blocks, colorWanted(process.stdout)));
      }
      if (options.chart) {
        const label = [...run.series.keys()].find((k) => canonicalLabel(k) === canonicalLabel(options.chart!));
        if (!label) throw new UsageError(`no variable "${options.chart}" to chart; variables: ${[...run.series.keys()].slice(0, 20).join(', ')}`);
        process.stdout.write((format === 'text' || format === 'md' ? '\n' : '') + chart(label, run));
      }
    });
}

function number(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`${option} expects a number, got "${text}"`);
  return value;
}

function positive(text: string | undefined, option: string): number | undefined {
  const value = number(text, option);
  if (value !== undefined && !(value > 0)) throw new UsageError(`${option} must be positive, got ${text}`);
  return value;
}
