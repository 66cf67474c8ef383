/** `symbiose import FILE.xmile` and `symbiose export FILE --xmile`: models to and from XMILE. */
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { hasErrors } from '../../core/index.js';
import { loadEcosystem, writeXmile, type Model } from '../../engine/index.js';
import { xmileDocument } from '../../runtime/index.js';
import { printEngineIssues, readDynamicsFile, XMILE_FILE } from '../dynamics-file.js';
import { issueLines } from '../render/issues.js';
import { InvalidModelError, UsageError } from '../errors.js';
import { schemaLink, writeFile } from '../files.js';
import { colorWanted } from '../output.js';
import { cliLocale, t } from '../lang.js';
import { shellWord } from '../render/shell.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';

export function registerXmile(program: Command): void {
  program
    .command('import')
    .description(t('cmd.import'))
    .argument('<file>', t('cmd.import.file'))
    .option('-o, --out <file>', t('option.outModel'))
    .option('--force', t('option.forceOutput'))
    .action(async (file: string, options: { out?: string; force?: boolean }) => {
      if (!XMILE_FILE.test(file)) throw new UsageError(t('usage.notXmile', { file }));
      const { model } = readDynamicsFile(file, colorWanted(process.stderr));
      const target = options.out;
      const text = importedText(model, file, target);
      if (target) {
        await writeFile(target, text, { overwrite: options.force === true, force: options.force === true });
        process.stdout.write(`${t('import.done', { file, target: shellWord(target) })}\n`);
      } else process.stdout.write(text);
    });

  program
    .command('export')
    .description(t('cmd.export'))
    .addArgument(modelArgument(t('cmd.export.file')))
    .addOption(modelOption())
    .option('--xmile', t('option.xmile'))
    .option('-o, --out <file>', t('option.outExport'))
    .option('--force', t('option.forceOutput'))
    .action(async (given: string | undefined, options: { out?: string; force?: boolean }, command: Command) => {
      const { model } = readDynamicsFile(chosenModel(given, command), colorWanted(process.stderr));
      const text = writeXmile(model);
      if (options.out) {
        await writeFile(options.out, text, { overwrite: options.force === true, force: options.force === true });
        process.stdout.write(`${t('export.wrote', { file: options.out })}\n`);
      } else process.stdout.write(text);
    });
}

/**
 * The model document `import` writes for an XMILE model, as YAML text, checked as `validate`
 * checks a file: what a document cannot hold is refused by name, and a document the loader
 * would reject is never written (its issues are printed instead).
 */
export function importedText(model: Model, file: string, target: string | undefined): string {
  const made = xmileDocument(model, file, cliLocale());
  if (!made.document) {
    printEngineIssues(file, made.refused);
    throw new InvalidModelError(t('dynamics.cannotHold', { file }));
  }
  const text = `# yaml-language-server: $schema=${schemaLink(target ?? 'model.yaml')}\n${stringify(made.document, { lineWidth: 0 })}`;
  const checked = loadEcosystem(text, target ?? `${basename(file, extname(file))}.yaml`);
  if (hasErrors(checked.issues)) {
    process.stderr.write(issueLines(checked.issues, colorWanted(process.stderr), cliLocale()) + '\n');
    throw new InvalidModelError(t('import.invalid', { file }));
  }
  return text;
}
