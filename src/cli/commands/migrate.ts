/** `symbiose migrate FILE`: a model file brought to another format version, its comments kept. */
import type { Command } from 'commander';
import { hasErrors, LATEST_VERSION, migrateText, OLDEST_VERSION } from '../../core/index.js';
import { InvalidModelError, UsageError } from '../errors.js';
import { writeFile } from '../files.js';
import { cliLocale, t } from '../lang.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';
import { readModelText } from '../model-file.js';
import { colorWanted } from '../output.js';
import { issueLines } from '../render/issues.js';

interface MigrateOptions {
  to?: string;
  out?: string;
  force?: boolean;
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(t('migrate.description'))
    .addArgument(modelArgument(t('migrate.file')))
    .addOption(modelOption())
    .option('--to <version>', t('migrate.to', { latest: LATEST_VERSION }))
    .option('-o, --out <file>', t('migrate.out'))
    .option('--force', t('migrate.force'))
    .action(async (given: string | undefined, options: MigrateOptions, command: Command) => {
      const file = chosenModel(given, command);
      const target = targetVersion(options.to);
      const result = migrateText(readModelText(file), file === '-' ? '<stdin>' : file, target);
      if (result.issues.length > 0) process.stderr.write(issueLines(result.issues, colorWanted(process.stderr), cliLocale()) + '\n');
      if (result.text === undefined || hasErrors(result.issues)) throw new InvalidModelError(t('migrate.invalid', { file }));
      if (result.from === result.to) {
        // Nothing to migrate; -o still gets its copy.
        if (options.out !== undefined) await writeFile(options.out, result.text, { overwrite: options.force === true, force: options.force === true });
        process.stdout.write(t('migrate.already', { file, version: result.from }) + '\n');
        return;
      }
      if (result.issues.some((i) => i.code === 'migration-loss') && options.out === undefined && options.force !== true) {
        throw new UsageError(t('migrate.lossy', { file, to: result.to }));
      }
      // A library id names a shipped model: migrated to standard output, never in place.
      const fromLibrary = file !== (given ?? command.opts<{ model?: string }>().model);
      const out = options.out ?? (file === '-' || fromLibrary ? undefined : file);
      if (out === undefined) {
        process.stdout.write(result.text);
        return;
      }
      // Rewriting FILE itself is what was asked; writing through a link to it still takes --force.
      await writeFile(out, result.text, { overwrite: options.out === undefined || options.force === true, force: options.force === true });
      const done = out === file ? t('migrate.done', { file, from: result.from, to: result.to }) : t('migrate.wrote', { file, from: result.from, to: result.to, out });
      process.stdout.write(done + '\n');
    });
}

function targetVersion(given: string | undefined): number {
  if (given === undefined) return LATEST_VERSION;
  const version = Number(given);
  if (!/^\d+$/.test(given.trim()) || version < OLDEST_VERSION || version > LATEST_VERSION) {
    throw new UsageError(t('migrate.badVersion', { version: given, oldest: OLDEST_VERSION, latest: LATEST_VERSION }));
  }
  return version;
}
