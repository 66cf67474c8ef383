import type { Command } from 'commander';
import { hasErrors, formatPath } from '../../core/index.js';
import { issueMessage, type UiKey } from '../../i18n/index.js';
import { EXIT, UsageError } from '../errors.js';
import { DEFAULT_MODEL, loadModelFile, modelPath } from '../model-file.js';
import { colorWanted, deliver, formatOf, toFile, withOutputOptions, type OutputOptions } from '../output.js';
import { issueLines } from '../render/issues.js';
import { cliLocale, t } from '../lang.js';

export function registerValidate(program: Command): void {
  withOutputOptions(program
    .command('validate')
    .description(t('cmd.validate'))
    .argument('[files...]', t('cmd.validate.files', { file: DEFAULT_MODEL }))
    .option('--strict', t('option.strict')), ['text', 'json'])
    .action((given: string[], options: OutputOptions & { strict?: boolean }) => {
      const json = formatOf(options) === 'json';
      const locale = cliLocale();
      const files = (given.length > 0 ? given : [process.env.SYMBIOSE_MODEL || DEFAULT_MODEL]).map(modelPath);
      // One unreadable file does not hide the others' results; it sets exit code 2 at the end.
      const unreadable: string[] = [];
      const reports = files.flatMap((file) => {
        try {
          return [{ file, result: loadModelFile(file) }];
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          unreadable.push(error.message);
          return [];
        }
      });
      if (json) {
        const out = reports.map(({ file, result }) => ({
          file,
          valid: !hasErrors(result.issues),
          issues: result.issues.map((i) => ({ ...i, path: formatPath(i.path), message: issueMessage(i, locale) })),
        }));
        deliver(JSON.stringify(files.length === 1 ? out[0] : out, null, 2) + '\n');
      } else {
        const text: string[] = [];
        for (const { file, result } of reports) {
          if (result.issues.length > 0) text.push(issueLines(result.issues, !toFile() && colorWanted(process.stdout), locale) + '\n');
          const errors = result.issues.filter((i) => i.severity === 'error').length;
          const warnings = result.issues.length - errors;
          const doc = result.ecosystem?.doc;
          const counts = doc
            ? t('validate.counts', {
                actors: count(doc.actors, 'validate.actors'),
                objects: count(doc.valueObjects, 'validate.objects'),
                transactions: count(doc.transactions, 'validate.transactions'),
                scenarios: count(doc.scenarios ?? {}, 'validate.scenarios'),
              })
            : '';
          const tail = warnings > 0 ? t('validate.warnings', { count: warnings }) : '';
          const verdict = errors > 0 ? t('validate.invalid', { file, count: errors, warnings: tail }) : t('validate.valid', { file, counts, warnings: tail });
          text.push(`${verdict}\n`);
        }
        deliver(text.join(''));
      }
      for (const message of unreadable) process.stderr.write(`symbiose: ${message}\n`);
      if (unreadable.length > 0) process.exitCode = EXIT.usage;
      else if (reports.some(({ result }) => hasErrors(result.issues))) process.exitCode = EXIT.invalidModel;
      else if (options.strict && reports.some(({ result }) => result.issues.length > 0)) {
        process.stderr.write(`symbiose: ${t('check.strictWarnings')}\n`);
        process.exitCode = EXIT.checkFailed;
      }
    });
}

function count(records: object, key: UiKey): string {
  return t(key, { count: Object.keys(records).length });
}
