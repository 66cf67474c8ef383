/** `symbiose import FILE.xmile` and `symbiose export FILE --xmile`: models to and from XMILE. */
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { FORMAT_VERSION, PERIODS, type ModelDocument, type Period } from '../../core/index.js';
import { dynamicsSection, unrepresentable, writeXmile } from '../../engine/index.js';
import { readDynamicsFile, XMILE_FILE } from '../dynamics-file.js';
import { InvalidModelError, UsageError } from '../errors.js';
import { schemaLink, writeFile } from '../files.js';
import { colorWanted } from '../output.js';
import { t } from '../lang.js';
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
      const missing = unrepresentable(model);
      if (missing.length > 0) {
        throw new InvalidModelError(t('dynamics.cannotHold', { file, missing: missing.join('; ') }));
      }
      const { period, note } = periodOf(model.specs.timeUnits);
      const doc: Partial<ModelDocument> = {
        symbiose: FORMAT_VERSION,
        name: model.name ?? basename(file, extname(file)),
        description: `${t('dynamics.importedFrom', { file: basename(file) })}${note}`,
        currency: 'EUR',
        period,
        horizon: Math.max(1, Math.ceil(model.specs.stop - model.specs.start - 1e-9)),
        actors: {},
        valueObjects: {},
        transactions: {},
        dynamics: dynamicsSection(model),
      };
      const target = options.out;
      const text = `# yaml-language-server: $schema=${schemaLink(target ?? 'model.yaml')}\n${stringify(doc, { lineWidth: 0 })}`;
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

/** The model period for an XMILE time unit; a unit with no period keeps the numbers as they are. */
function periodOf(units: string | undefined): { period: Period; note: string } {
  const unit = (units ?? '').trim().toLowerCase().replace(/s$/, '');
  const period = (PERIODS as readonly string[]).includes(unit) ? (unit as Period) : undefined;
  if (period) return { period, note: '' };
  return { period: 'year', note: t('dynamics.nominalPeriod', { unit: units ?? t('dynamics.unspecified') }) };
}
