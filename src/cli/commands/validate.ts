import type { Command } from 'commander';
import { hasErrors, renderMessage, formatPath } from '../../core/index.js';
import { EXIT } from '../errors.js';
import { DEFAULT_MODEL, loadModelFile } from '../model-file.js';
import { colorWanted, formatOf, jsonOption, type OutputOptions } from '../output.js';
import { issueLines } from '../render/issues.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check model files and report every problem with file:line:column; exit 1 if any has errors')
    .argument('[files...]', 'model files', [DEFAULT_MODEL])
    .addOption(jsonOption())
    .action((files: string[], options: OutputOptions) => {
      const json = formatOf(options) === 'json';
      const reports = files.map((file) => ({ file, result: loadModelFile(file) }));
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
            ? `: ${Object.keys(doc.actors).length} actors, ${Object.keys(doc.valueObjects).length} value objects, ` +
              `${Object.keys(doc.transactions).length} transactions, ${Object.keys(doc.scenarios ?? {}).length} scenarios`
            : '';
          const tail = warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '';
          process.stdout.write(
            errors > 0 ? `${file}: ${errors} error${errors === 1 ? '' : 's'}${tail}\n` : `${file} is valid${counts}${tail}\n`,
          );
        }
      }
      if (reports.some(({ result }) => hasErrors(result.issues))) process.exitCode = EXIT.invalidModel;
    });
}
