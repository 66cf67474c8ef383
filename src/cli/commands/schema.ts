import type { Command } from 'commander';
import { modelJsonSchema } from '../../core/index.js';
import { t } from '../lang.js';
import { deliver, formatOf, withOutputOptions, type OutputOptions } from '../output.js';

export function registerSchema(program: Command): void {
  withOutputOptions(program.command('schema').description(t('cmd.schema')), ['json']).action((options: OutputOptions) => {
    formatOf(options, 'json');
    deliver(JSON.stringify(modelJsonSchema(), null, 2) + '\n');
  });
}
