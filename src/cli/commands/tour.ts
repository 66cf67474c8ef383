/**
 * The guided tour: analyses the Purple Button example (seed 003) step by step, printing each
 * command it stands for, so a new user sees what Symbiose answers and how to ask it.
 */
import type { Command } from 'commander';
import { canvas, profitability, eachSheet, sheetTotals, valueSharing, whoPays } from '../../analyses/index.js';
import { textIn } from '../../core/index.js';
import { packageFile } from '../files.js';
import { requireEcosystem } from '../model-file.js';
import { cliLocale, t } from '../lang.js';
import { colorWanted, deliver, formatOf, toFile, withOutputOptions, type OutputOptions } from '../output.js';
import { type Block, canvasBlocks, heading, overviewBlocks, paragraph, paymentBlocks, periodCount, sharingBlocks, sheetBlocks } from '../../tables/index.js';
import { renderMarkdown, renderText } from '../render/text.js';

export const TOUR_MODEL = 'library/purple-button.yaml';

export function registerTour(program: Command): void {
  withOutputOptions(program.command('tour').description(t('cmd.tour')), ['text', 'md']).action((options: OutputOptions) => {
      const format = formatOf(options);
      const file = packageFile(TOUR_MODEL);
      const ecosystem = requireEcosystem(file, colorWanted(process.stderr));
      const { doc } = ecosystem;
      const locale = cliLocale();
      const step = (n: number, title: string, command: string, blocks: Block[]): Block[] => [
        heading(t('tour.step', { n, title })),
        paragraph(`$ ${command}`),
        ...blocks.map((b) => (b.kind === 'heading' && b.level === 1 ? { ...b, level: 2 as const } : b)),
      ];
      const blocks: Block[] = [
        heading(t('tour.title')),
        paragraph(
          `${textIn(doc.description, locale)?.trim() ?? ''}\n\n` +
            t('tour.intro', {
              file: TOUR_MODEL,
              actors: Object.keys(doc.actors).length,
              transactions: Object.keys(doc.transactions).length,
              scenarios: Object.keys(doc.scenarios ?? {}).length,
              periods: periodCount(locale, doc.period, doc.horizon),
            }),
        ),
        ...step(1, t('tour.step1'), `symbiose canvas insurer -m ${TOUR_MODEL}`, canvasBlocks(doc, canvas(ecosystem, 'insurer'), locale)),
        ...step(2, t('tour.step2'), `symbiose payers -m ${TOUR_MODEL}`, paymentBlocks(doc, whoPays(ecosystem), locale)),
        ...step(3, t('tour.step3'), `symbiose profit -m ${TOUR_MODEL}`, overviewBlocks(doc, eachSheet(ecosystem, sheetTotals), locale)),
        ...step(4, t('tour.step4'), `symbiose profit -m ${TOUR_MODEL} --actor services`, sheetBlocks(doc, profitability(ecosystem, 'services'), 'auto', locale)),
        ...step(5, t('tour.step5'), `symbiose summary -m ${TOUR_MODEL}`, sharingBlocks(doc, valueSharing(ecosystem), locale)),
        heading(t('tour.yourTurn')),
        paragraph(t('tour.commands')),
      ];
      deliver(format === 'md' ? renderMarkdown(blocks) : renderText(blocks, !toFile() && colorWanted(process.stdout)));
    });
}
