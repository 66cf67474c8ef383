import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { runSensitivity, SENSITIVITY_METHODS, SENSITIVITY_RUNS, withLabels, withNames, type SensitivityMethod } from '../../analyses/index.js';
import { sensitivityBlocks } from '../../tables/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { requireModel } from '../model-file.js';
import { colorWanted, emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { chosenModel, labelsOption, modelArgument, modelOption, resolveActor } from './shared.js';

interface SensitivityCliOptions extends OutputOptions {
  method: SensitivityMethod;
  runs?: string;
  seed: string;
  actor?: string;
  labels?: boolean;
}

export function registerSensitivity(program: Command): void {
  withOutputOptions(program
    .command('sensitivity')
    .description(t('cmd.sensitivity'))
    .addArgument(modelArgument())
    .addOption(modelOption())
    .addOption(new Option('--method <method>', t('option.sensitivityMethod')).choices(SENSITIVITY_METHODS).default('tornado'))
    .option('--runs <n>', t('option.sensitivityRuns'))
    .option('--seed <s>', t('option.sensitivitySeed'), '1')
    .option('--actor <actor>', t('option.sensitivityActor'))
    .addOption(labelsOption()))
    .action((given: string | undefined, options: SensitivityCliOptions, command: Command) => {
      const format = formatOf(options);
      const runs = runsOf(options);
      const seed = wholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1);
      const loaded = requireModel(chosenModel(given, command), colorWanted(process.stderr));
      const { prepared } = loaded;
      const ecosystem = options.labels ? withLabels(loaded.ecosystem) : loaded.ecosystem;
      const actors = options.actor === undefined ? undefined : [resolveActor(ecosystem, options.actor)];
      const bar = progressBar(process.stderr);
      const result = runSensitivity(prepared, loaded.ecosystem, { method: options.method, seed, progress: bar.update, ...(runs !== undefined ? { runs } : {}), ...(actors ? { actors } : {}) });
      bar.stop();
      emit(format, () => sensitivityBlocks(ecosystem.doc, result, cliLocale(), { bars: format === 'text' }), () => withNames(ecosystem.doc, result));
    });
}

/** The command runs this long before a bar appears on a terminal: short runs stay quiet. */
const QUIET_MS = 1000;

/** A progress bar on stderr, for a terminal only, once the run has taken a second. */
function progressBar(stream: NodeJS.WriteStream): { update: (done: number, total: number) => void; stop: () => void } {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar && Date.now() - started >= QUIET_MS && done < total) {
        const format = t('sensitivity.progressBar', { bar: '{bar}', percentage: '{percentage}', eta: '{eta_formatted}' });
        bar = new cliProgress.SingleBar({ format, hideCursor: true, stream }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      } else bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function runsOf(options: SensitivityCliOptions): number | undefined {
  if (options.runs === undefined) return undefined;
  const bounds = SENSITIVITY_RUNS[options.method];
  if (!bounds) throw new UsageError(t('usage.sensitivityRuns'));
  return wholeNumber(options.runs, '--runs', bounds.min, bounds.max);
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(t('usage.wholeNumber', { option, min, max, value: text }));
  return value;
}
