import type { Command } from 'commander';
import { actorName, withNames, type VariantOutcome } from '../../analyses/index.js';
import { annualDiscountRate, type Issue, type ModelDocument } from '../../core/index.js';
import { compareVariants } from '../../runtime/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { requireModel } from '../model-file.js';
import { colorWanted, emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { heading, paragraph, table, type Block } from '../render/blocks.js';
import { formatCount, formatMoney, formatPercent } from '../render/numbers.js';
import { periodAt, periodCount } from '../render/words.js';
import { pathIssueLines } from '../render/issues.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';

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
      emit(format, () => compareBlocks(base.doc, outcomes, options.actor), () => withNames(base.doc, outcomes));
    });
}

/** A variant's issues, by path: they are found in the document the variant makes, not in the file's text. */
function variantIssueLines(file: string, issues: readonly Issue[]): string {
  return pathIssueLines(file, issues, colorWanted(process.stderr), cliLocale());
}

function compareBlocks(doc: ModelDocument, outcomes: VariantOutcome[], only: string | undefined): Block[] {
  const locale = cliLocale();
  const columns = [{ title: '' }, ...outcomes.map((o) => ({ title: o.variant, align: 'right' as const }))];
  const rows: string[][] = [];
  const stocks = Object.keys(outcomes[0]!.stocks);
  if (stocks.length > 0) {
    rows.push([t('compare.atHorizon', { period: periodAt(locale, doc.period, doc.horizon) }), ...outcomes.map(() => '')]);
    for (const stock of stocks) rows.push([`  ${stock}`, ...outcomes.map((o) => formatCount(locale, o.stocks[stock] ?? Number.NaN))]);
  }
  for (const actor of Object.keys(doc.actors).filter((a) => only === undefined || a === only)) {
    const of = (o: VariantOutcome) => o.actors.find((a) => a.actor === actor)!;
    rows.push([actorName(doc, actor), ...outcomes.map(() => '')]);
    rows.push([t('compare.npv'), ...outcomes.map((o) => formatMoney(locale, of(o).npv))]);
    rows.push([t('compare.net'), ...outcomes.map((o) => formatMoney(locale, of(o).net))]);
    rows.push([t('compare.breakEven'), ...outcomes.map((o) => (of(o).net === 0 && of(o).deepest.amount === 0 ? '—' : breakEven(of(o).breakEven, doc)))]);
    rows.push([t('compare.deepest'), ...outcomes.map((o) => (of(o).deepest.amount < 0 ? formatMoney(locale, of(o).deepest.amount) : '—'))]);
  }
  return [
    heading(t('compare.title', { model: doc.name })),
    paragraph(outcomes.map((o) => t('compare.variantLine', { variant: o.variant, name: o.name })).join('\n')),
    table(columns, rows),
    paragraph(t('compare.footer', { currency: doc.currency, rate: formatPercent(locale, annualDiscountRate(doc.discountRate)), periods: periodCount(locale, doc.period, doc.horizon) })),
  ];
}

function breakEven(period: number | null, doc: ModelDocument): string {
  if (period === null) return t('breakEven.never');
  return period === 0 ? t('breakEven.fromStart') : periodAt(cliLocale(), doc.period, period);
}
