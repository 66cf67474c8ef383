/**
 * The guided tour: analyses the Purple Button example (seed 003) step by step, printing each
 * command it stands for, so a new user sees what Symbiose answers and how to ask it.
 */
import type { Command } from 'commander';
import { canvas, profitability, profitabilityOfAll, valueSharing, whoPays } from '../../analyses/index.js';
import { packageFile } from '../files.js';
import { requireEcosystem } from '../model-file.js';
import { cliLocale } from '../lang.js';
import { colorWanted } from '../output.js';
import { heading, paragraph, renderText, type Block } from '../render/blocks.js';
import { canvasBlocks } from '../render/canvas.js';
import { paymentBlocks } from '../render/payments.js';
import { overviewBlocks, sheetBlocks } from '../render/profit.js';
import { sharingBlocks } from '../render/sharing.js';

export const TOUR_MODEL = 'library/purple-button.yaml';

export function registerTour(program: Command): void {
  program
    .command('tour')
    .description('a guided tour: analyse the Purple Button example (seed 003) step by step')
    .action(() => {
      const file = packageFile(TOUR_MODEL);
      const ecosystem = requireEcosystem(file, colorWanted(process.stderr));
      const { doc } = ecosystem;
      const locale = cliLocale();
      const step = (n: number, title: string, command: string, blocks: Block[]): Block[] => [
        heading(`Step ${n}. ${title}`),
        paragraph(`$ ${command}`),
        ...blocks.map((b) => (b.kind === 'heading' && b.level === 1 ? { ...b, level: 2 as const } : b)),
      ];
      const blocks: Block[] = [
        heading('Symbiose tour — the Purple Button (seed 003)'),
        paragraph(
          `${doc.description?.trim() ?? ''}\n\nThe model is ${TOUR_MODEL}: ${Object.keys(doc.actors).length} actors, ` +
            `${Object.keys(doc.transactions).length} transactions, ${Object.keys(doc.scenarios ?? {}).length} scenarios, ` +
            `${doc.horizon} ${doc.period}s. Every figure the seed does not give is marked there as an assumption.`,
        ),
        ...step(1, "The insurer's Business Model Canvas, derived from the value flows", `symbiose canvas insurer -m ${TOUR_MODEL}`, canvasBlocks(doc, canvas(ecosystem, 'insurer'), locale)),
        ...step(2, 'Who pays, who is paid', `symbiose payers -m ${TOUR_MODEL}`, paymentBlocks(doc, whoPays(ecosystem), locale)),
        ...step(3, 'Profitability of every actor', `symbiose profit -m ${TOUR_MODEL}`, overviewBlocks(doc, profitabilityOfAll(ecosystem), locale)),
        ...step(4, "The third-party services' sheet, year by year", `symbiose profit -m ${TOUR_MODEL} --actor services`, sheetBlocks(doc, profitability(ecosystem, 'services'), 'auto', locale)),
        ...step(5, 'The value created and who captures it', `symbiose summary -m ${TOUR_MODEL}`, sharingBlocks(doc, valueSharing(ecosystem), locale)),
        heading('Your turn'),
        paragraph(
          [
            '  symbiose init                 write a commented starter model (symbiose.yaml)',
            '  symbiose validate             every problem at once, with file:line:column',
            '  symbiose canvas app           the canvas of any actor',
            '  symbiose payers | profit | summary   the analyses above, on your model',
            '  add --format md or --json to any analysis; --help on any command',
          ].join('\n'),
        ),
      ];
      process.stdout.write(renderText(blocks, colorWanted(process.stdout)));
    });
}
