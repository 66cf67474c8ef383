import type { Command } from 'commander';
import { modelJsonSchema } from '../../core/index.js';
import { writeFileAtomic } from '../files.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the model format (for editors and other tools)')
    .option('-o, --out <file>', 'write it to a file instead of stdout')
    .action((options: { out?: string }) => {
      const text = JSON.stringify(modelJsonSchema(), null, 2) + '\n';
      if (options.out) writeFileAtomic(options.out, text);
      else process.stdout.write(text);
    });
}
