import type { Command } from 'commander';
import { hasErrors, renderMessage, formatPath } from '../../core/index.js';
import { EXIT, UsageError } from '../errors.js';
import { DEFAULT_MODEL, loadModelFile } from '../model-file.js';
import { colorWanted, formatOf, jsonOption, type OutputOptions } from '../output.js';
import { issueLines } from '../render/issues.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check model files and report every problem with file:line:column; exit 1 if any has errors')
    .argument('[files...]', `model files ("-" reads standard input; default $SYMBIOSE_MODEL or ${DEFAULT_MODEL})`)
    .addOption(jsonOption())
    .action((given: string[], options: OutputOptions) => {
      const json = formatOf(options) === 'json';
      const files = given.length > 0 ? given : [process.env.SYMBIOSE_MODEL || DEFAULT_MODEL];
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
          issues: result.issues.map((i) => ({ ...i, path: formatPath(i.path), message: renderMessage(i) })),
        }));
        process.stdout.write(JSON.stringify(files.length === 1 ? out[0] : out, null, 2) + '\n');
      } else {
        for (const { file, result } of reports) {
          if (result.issues.length > 0) process.stdout.write(issueLines(result.issues, colorWanted(process.stdout)) + '\n');
          const errors = result.issues.filter((i) => i.severity === 'error').length;
          const warnings = result.issues.length - errors;
          const doc = result.ecosystem?.doc;
          const counts = doc
            ? `: ${count(doc.actors, 'actor')}, ${count(doc.valueObjects, 'value object')}, ` +
              `${count(doc.transactions, 'transaction')}, ${count(doc.scenarios ?? {}, 'scenario')}`
            : '';
          const tail = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
          process.stdout.write(
            errors > 0 ? `${file}: ${errors} error${errors === 1 ? '' : 's'}${tail}\n` : `${file} is valid${counts}${tail}\n`,
          );
        }
      }
      for (const message of unreadable) process.stderr.write(`symbiose: ${message}\n`);
      if (unreadable.length > 0) process.exitCode = EXIT.usage;
      else if (reports.some(({ result }) => hasErrors(result.issues))) process.exitCode = EXIT.invalidModel;
    });
}

function count(records: object, noun: string): string {
  const n = Object.keys(records).length;
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
