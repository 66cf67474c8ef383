import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { packageFile, schemaLink, writeFile } from '../files.js';
import { DEFAULT_MODEL } from '../model-file.js';
import { t } from '../lang.js';
import { shellWord } from '../render/shell.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(t('cmd.init'))
    .argument('[file]', t('cmd.init.file'), DEFAULT_MODEL)
    .option('--force', t('option.force'))
    .action(async (file: string, options: { force?: boolean }) => {
      await writeFile(file, starterModel(file), { overwrite: options.force === true, force: options.force === true });
      process.stdout.write(
        [
          t('init.wrote', { file }),
          `  symbiose validate ${shellWord(file)}`,
          `  symbiose canvas ${shellWord(file)} app`,
          `  symbiose payers ${shellWord(file)}`,
          `  symbiose profit ${shellWord(file)} --actor app`,
          '',
        ].join('\n'),
      );
    });
}

/**
 * The starter text, pointing editors at the schema shipped with this installation; in JSON (its
 * comments lost, a "$schema" key instead) when the file name ends in .json.
 */
export function starterModel(file: string): string {
  const text = readFileSync(packageFile('templates/starter.yaml'), 'utf8').replace('__SCHEMA__', schemaLink(file));
  if (!/\.json$/i.test(file)) return text;
  return `${JSON.stringify({ $schema: schemaLink(file), ...(parse(text) as object) }, null, 2)}\n`;
}
