import type { Command } from 'commander';
import { withNames } from '../../analyses/index.js';
import type { Issue } from '../../core/index.js';
import { compareVariants } from '../../runtime/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { requireModel } from '../model-file.js';
import { colorWanted, emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { pathIssueLines } from '../render/issues.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';
import { compareBlocks } from '../../tables/index.js';

export function registerCompare(program: Command): void {
  withOutputOptions(program
    .command('compare')
    .description(t('cmd.compare'))
    .addArgument(modelArgument())
    .option('--variants <ids>', t('option.variants'))
    .option('-a, --actor <actor>', t('option.compareActor'))
    .addOption(modelOption()))
    .action((given: string | undefined, options: OutputOptions & { variants?: string; actor?: string }, command: Command) => {
      const format = formatOf(options);
      const file = chosenModel(given, command);
      const { ecosystem: base, prepared: basePrepared } = requireModel(file, colorWanted(process.stderr));
      const chosen = options.variants ? options.variants.split(',').map((v) => v.trim()) : undefined;
      const compared = compareVariants(base, basePrepared, chosen, t('compare.asWritten'));
      if ('refused' in compared) {
        if (compared.refused === 'no-variants') throw new UsageError(t('usage.noVariants', { file }));
        if (compared.refused === 'unknown-variant') throw new UsageError(t('usage.unknownVariant', { variant: compared.variant, variants: compared.variants.join(', ') }));
        process.stderr.write(variantIssueLines(file, compared.issues) + '\n');
        throw new UsageError(t('usage.variantDoesNotLoad', { variant: compared.variant }));
      }
      const { outcomes } = compared;
      if (options.actor !== undefined && !Object.hasOwn(base.doc.actors, options.actor)) {
        throw new UsageError(t('usage.unknownActor', { actor: options.actor, hint: '', actors: Object.keys(base.doc.actors).join(', ') }));
      }
      emit(format, () => compareBlocks(base.doc, outcomes, options.actor, cliLocale()), () => withNames(base.doc, outcomes));
    });
}

/** A variant's issues, by path: they are found in the document the variant makes, not in the file's text. */
function variantIssueLines(file: string, issues: readonly Issue[]): string {
  return pathIssueLines(file, issues, colorWanted(process.stderr), cliLocale());
}
