import type { Command } from 'commander';
import { actorName, variantOutcome, type VariantOutcome } from '../../analyses/index.js';
import { hasErrors, loadModel, type ModelDocument } from '../../core/index.js';
import { prepareDynamics } from '../../engine/index.js';
import { UsageError } from '../errors.js';
import { cliLocale } from '../lang.js';
import { readModelText, requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { heading, paragraph, table, type Block } from '../render/blocks.js';
import { formatCount, formatMoney } from '../render/numbers.js';
import { issueLines } from '../render/issues.js';
import { modelOption } from './shared.js';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description("the model's variants side by side: each actor's NPV and break-even, and the stocks at the horizon")
    .option('--variants <ids>', 'comma-separated variants to compare (default: all)')
    .option('-a, --actor <actor>', 'show only this actor')
    .addOption(modelOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((options: OutputOptions & { model: string; variants?: string; actor?: string }) => {
      const format = formatOf(options);
      const base = requireEcosystem(options.model, colorWanted(process.stderr));
      const all = Object.keys(base.doc.variants ?? {});
      if (all.length === 0) throw new UsageError(`${options.model} has no variants to compare; add a "variants" section`);
      const chosen = options.variants ? options.variants.split(',').map((v) => v.trim()) : all;
      for (const id of chosen) if (!all.includes(id)) throw new UsageError(`unknown variant "${id}"; variants: ${all.join(', ')}`);
      const text = readModelText(options.model);
      const outcomes: VariantOutcome[] = [variantOutcome('base', 'As written', base)];
      for (const id of chosen) {
        const result = loadModel(text, options.model, { dynamics: prepareDynamics, variant: id });
        if (!result.ecosystem || hasErrors(result.issues)) {
          process.stderr.write(issueLines(result.issues, colorWanted(process.stderr)) + '\n');
          throw new UsageError(`variant "${id}" does not load (see above)`);
        }
        outcomes.push(variantOutcome(id, base.doc.variants![id]!.name ?? id, result.ecosystem));
      }
      if (options.actor !== undefined && !(options.actor in base.doc.actors)) {
        throw new UsageError(`unknown actor "${options.actor}"; actors: ${Object.keys(base.doc.actors).join(', ')}`);
      }
      emit(format, () => compareBlocks(base.doc, outcomes, options.actor), () => outcomes);
    });
}

function compareBlocks(doc: ModelDocument, outcomes: VariantOutcome[], only: string | undefined): Block[] {
  const columns = [{ title: '' }, ...outcomes.map((o) => ({ title: o.variant, align: 'right' as const }))];
  const rows: string[][] = [];
  const stocks = Object.keys(outcomes[0]!.stocks);
  if (stocks.length > 0) {
    rows.push([`In ${doc.period} ${doc.horizon} (mean over the ${doc.period})`, ...outcomes.map(() => '')]);
    for (const stock of stocks) rows.push([`  ${stock}`, ...outcomes.map((o) => formatCount(cliLocale(), o.stocks[stock] ?? Number.NaN))]);
  }
  for (const actor of Object.keys(doc.actors).filter((a) => only === undefined || a === only)) {
    const of = (o: VariantOutcome) => o.actors.find((a) => a.actor === actor)!;
    rows.push([actorName(doc, actor), ...outcomes.map(() => '')]);
    rows.push(['  NPV', ...outcomes.map((o) => formatMoney(cliLocale(), of(o).npv))]);
    rows.push(['  Net cash', ...outcomes.map((o) => formatMoney(cliLocale(), of(o).net))]);
    rows.push(['  Break-even', ...outcomes.map((o) => (of(o).net === 0 && of(o).deepest.amount === 0 ? '—' : breakEven(of(o).breakEven, doc.period)))]);
    rows.push(['  Deepest position', ...outcomes.map((o) => (of(o).deepest.amount < 0 ? formatMoney(cliLocale(), of(o).deepest.amount) : '—'))]);
  }
  return [
    heading(`Variants — ${doc.name}`),
    paragraph(outcomes.map((o) => `${o.variant}: ${o.name}`).join('\n')),
    table(columns, rows),
    paragraph(`${doc.currency}; NPV at ${((doc.discountRate ?? 0) * 100).toFixed(1)} % a year over ${doc.horizon} ${doc.period}s.`),
  ];
}

function breakEven(period: number | null, word: string): string {
  if (period === null) return 'never';
  return period === 0 ? 'from the start' : `${word} ${period}`;
}
