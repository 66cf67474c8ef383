import type { Command } from 'commander';
import { modelJsonSchema } from '../../core/index.js';
import { writeFileAtomic } from '../files.js';
import { t } from '../lang.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(t('cmd.schema'))
    .option('-o, --out <file>', t('option.outSchema'))
    .action((options: { out?: string }) => {
      const text = JSON.stringify(modelJsonSchema(), null, 2) + '\n';
      if (options.out) writeFileAtomic(options.out, text);
      else process.stdout.write(text);
    });
}
