import type { Command } from 'commander';
import { stringify } from 'yaml';
import { defaultSideNames, platformTemplate, SIDE_NAME } from '../../templates/index.js';
import { UsageError } from '../errors.js';
import { schemaLink, writeFile } from '../files.js';
import { t } from '../lang.js';
import { shellWord } from '../render/shell.js';

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description(t('cmd.template'))
    .argument('<kind>', t('cmd.template.kind'))
    .option('--sides <n>', t('option.sides'), '2')
    .option('--names <names>', t('option.names'))
    .option('--horizon <periods>', t('option.horizon'), '60')
    .option('-o, --out <file>', t('option.outModel'))
    .option('--force', t('option.forceOutput'))
    .action(async (kind: string, options: { sides: string; names?: string; horizon: string; out?: string; force?: boolean }, command: Command) => {
      if (kind !== 'platform') throw new UsageError(t('usage.unknownTemplate', { kind }));
      const count = Number(options.sides);
      if (!Number.isInteger(count) || count < 1 || count > 8) throw new UsageError(t('usage.sides', { value: options.sides }));
      const sides = options.names ? options.names.split(',').map((n) => n.trim()) : defaultSideNames(count);
      if (options.names && command.getOptionValueSource('sides') === 'cli' && sides.length !== count) {
        throw new UsageError(t('usage.namesCount', { names: sides.length, count }));
      }
      for (const side of sides) {
        if (!SIDE_NAME.test(side)) throw new UsageError(t('usage.sideName', { side }));
      }
      if (new Set(sides).size !== sides.length) throw new UsageError(t('usage.sidesDiffer'));
      if (sides.includes('platform')) throw new UsageError(t('usage.platformSide'));
      const horizon = Number(options.horizon);
      if (!Number.isInteger(horizon) || horizon < 1 || horizon > 10000) throw new UsageError(t('usage.horizon', { value: options.horizon }));
      const doc = platformTemplate({ sides, horizon });
      const text =
        `# yaml-language-server: $schema=${schemaLink(options.out ?? 'model.yaml')}\n` +
        `${t('template.generatedBy', { command: `symbiose template platform --sides ${sides.length}${options.names ? ` --names ${sides.join(',')}` : ''}` })}\n` +
        `${t('template.try', { commands: `symbiose compare -m FILE      symbiose simulate FILE --variant seed-${sides[0]} --chart users_${sides[sides.length - 1]}` })}\n` +
        stringify(doc, { lineWidth: 0 });
      if (options.out) {
        await writeFile(options.out, text, { overwrite: options.force === true, force: options.force === true });
        process.stdout.write(`${t('template.wrote', { file: shellWord(options.out), count: sides.length, sides: sides.join(', ') })}\n`);
      } else process.stdout.write(text);
    });
}
