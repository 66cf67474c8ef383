import { Option, type Command } from 'commander';
import { failsAt, SEVERITIES, sustainabilityChecks, withNames, type CheckOptions, type Severity } from '../../analyses/index.js';
import { fairShareOf } from '../../runtime/index.js';
import { checkBlocks } from '../../tables/index.js';
import { EXIT, UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, modelArgument, withAnalysisOptions, type AnalysisOptions } from './shared.js';

interface CheckCommandOptions extends AnalysisOptions {
  failOn: Severity;
  npv?: boolean;
  maxShare?: string;
  maxGap?: string;
  failureShare?: string;
}

export function registerCheck(program: Command): void {
  withAnalysisOptions(
    program
      .command('check')
      .description(t('cmd.check'))
      .addArgument(modelArgument())
      .addOption(new Option('--fail-on <severity>', t('option.failOn')).choices([...SEVERITIES]).default('error'))
      .option('--npv', t('option.npv'))
      .option('--max-share <fraction>', t('option.maxShare'))
      .option('--max-gap <fraction>', t('option.maxGap'))
      .option('--failure-share <fraction>', t('option.failureShare')),
  ).action(async (model: string | undefined, options: CheckCommandOptions, command: Command) => {
    const checkOptions = limitsOf(options);
    const { format, ecosystem } = analysisInput(chosenModel(model, command), options);
    const shares = await fairShareOf(ecosystem, { npv: checkOptions.npv === true });
    const result = sustainabilityChecks(ecosystem, checkOptions, shares);
    const failing = result.checks.flatMap((c) => c.findings).filter((f) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(options.failOn)).length;
    emit(format, () => checkBlocks(ecosystem.doc, result, options.failOn, failing, cliLocale()), () => withNames(ecosystem.doc, { ...result, failOn: options.failOn, failed: failsAt(result, options.failOn) }));
    if (failing > 0) process.exitCode = EXIT.checkFailed;
  });
}

function limitsOf(options: CheckCommandOptions): CheckOptions {
  const fraction = (option: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const x = Number(value);
    if (!(x >= 0 && x <= 1)) throw new UsageError(t('usage.fraction', { option, value }));
    return x;
  };
  const out: CheckOptions = { npv: options.npv === true };
  const maxShare = fraction('--max-share', options.maxShare);
  const maxGap = fraction('--max-gap', options.maxGap);
  const failureShare = fraction('--failure-share', options.failureShare);
  if (maxShare !== undefined) out.maxShare = maxShare;
  if (maxGap !== undefined) out.maxGap = maxGap;
  if (failureShare !== undefined) out.failureShare = failureShare;
  return out;
}
