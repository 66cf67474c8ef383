/** `symbiose import FILE.xmile` and `symbiose export FILE --xmile`: models to and from XMILE. */
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { FORMAT_VERSION, PERIODS, type ModelDocument, type Period } from '../../core/index.js';
import { dynamicsSection, unrepresentable, writeXmile } from '../../engine/index.js';
import { readDynamicsFile, XMILE_FILE } from '../dynamics-file.js';
import { InvalidModelError, UsageError } from '../errors.js';
import { schemaLink, writeFileAtomic } from '../files.js';
import { colorWanted } from '../output.js';

export function registerXmile(program: Command): void {
  program
    .command('import')
    .description('turn an XMILE model (Stella, Vensim export…) into a Symbiose model with a dynamics section')
    .argument('<file>', 'an .xmile or .stmx file')
    .option('-o, --out <file>', 'write the model there (default: print it)')
    .option('--force', 'overwrite the output file')
    .action((file: string, options: { out?: string; force?: boolean }) => {
      if (!XMILE_FILE.test(file)) throw new UsageError(`${file} is not an XMILE file (.xmile, .stmx, .itmx, .xml)`);
      const { model } = readDynamicsFile(file, colorWanted(process.stderr));
      const missing = unrepresentable(model);
      if (missing.length > 0) {
        throw new InvalidModelError(`${file} uses what a Symbiose model cannot hold yet: ${missing.join('; ')}. Simulate the XMILE file directly: symbiose simulate ${file}`);
      }
      const { period, note } = periodOf(model.specs.timeUnits);
      const doc: Partial<ModelDocument> = {
        symbiose: FORMAT_VERSION,
        name: model.name ?? basename(file, extname(file)),
        description: `Imported from ${basename(file)}.${note}`,
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
        writeFileAtomic(target, text, { overwrite: options.force === true });
        process.stdout.write(`Imported ${file} into ${target}\nNext: symbiose simulate ${target}\n`);
      } else process.stdout.write(text);
    });

  program
    .command('export')
    .description('write the dynamics of a model as XMILE, for Stella, Vensim and other tools')
    .argument('<file>', 'a Symbiose model with a dynamics section (or an XMILE file, rewritten)')
    .option('--xmile', 'XMILE output (the only format for now)')
    .option('-o, --out <file>', 'write it there (default: print it)')
    .option('--force', 'overwrite the output file')
    .action((file: string, options: { out?: string; force?: boolean }) => {
      const { model } = readDynamicsFile(file, colorWanted(process.stderr));
      const text = writeXmile(model);
      if (options.out) {
        writeFileAtomic(options.out, text, { overwrite: options.force === true });
        process.stdout.write(`Wrote ${options.out}\n`);
      } else process.stdout.write(text);
    });
}

/** The model period for an XMILE time unit; a unit with no period keeps the numbers as they are. */
function periodOf(units: string | undefined): { period: Period; note: string } {
  const unit = (units ?? '').trim().toLowerCase().replace(/s$/, '');
  const period = (PERIODS as readonly string[]).includes(unit) ? (unit as Period) : undefined;
  if (period) return { period, note: '' };
  return { period: 'year', note: ` Its time unit is "${units ?? 'unspecified'}", not a period of the model: "period: year" is nominal, and time runs in the source's units.` };
}
