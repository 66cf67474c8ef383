import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { catalogueEntry, provenance, searchCatalogue } from '../../analyses/index.js';
import { formatPath } from '../../core/index.js';
import { schemaLink, writeFileAtomic } from '../files.js';
import { libraryFile, readCatalogue } from '../library-files.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { heading, list, paragraph, table, type Block } from '../render/blocks.js';

export function registerLibrary(program: Command): void {
  const library = program
    .command('library')
    .description('the library of ready models from the seed documents: list, show, copy')
    .argument('[query...]', 'words to filter by (id, name, tag or description)')
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((query: string[], options: OutputOptions) => {
      const format = formatOf(options);
      const entries = searchCatalogue(readCatalogue(), query.join(' '));
      if (entries.length === 0 && format !== 'json') {
        process.stdout.write(`No library model matches "${query.join(' ')}". "symbiose library" lists them all.\n`);
        return;
      }
      emit(
        format,
        () => [
          heading(`Library — ${entries.length} model${entries.length === 1 ? '' : 's'}`),
          table(
            [{ title: 'Id' }, { title: 'Model' }, { title: 'Tags' }],
            entries.map((e) => {
              const title = `${e.label ?? e.name}${e.errors > 0 ? ` (${e.errors} errors)` : ''}`;
              // Terminals get wrapped cells over several rows; Markdown keeps one row per model.
              return format === 'md'
                ? [[e.id, `${title}: ${e.summary}`, e.tags.join(', ')]]
                : splitRows([e.id, [...wrap(title, 64), ...wrap(e.summary, 64)].join('\n'), wrap(e.tags.join(', '), 28).join('\n')]);
            }).flat(),
          ),
          paragraph('symbiose library show ID     its description, sources and assumptions\nsymbiose library copy ID     a copy to start from'),
        ],
        () => entries,
      );
    });

  library
    .command('show')
    .description("a library model's description, sources and assumptions")
    .argument('<id>', 'model id (see "symbiose library")')
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((id: string, options: OutputOptions) => {
      const format = formatOf(options);
      const file = libraryFile(id);
      const { doc } = requireEcosystem(file, colorWanted(process.stderr));
      const entry = catalogueEntry(id, doc);
      const origin = provenance(doc);
      emit(format, () => showBlocks(entry.id, doc, origin), () => ({ ...entry, description: doc.description, provenance: origin }));
    });

  library
    .command('copy')
    .description('copy a library model into a folder, to start from it')
    .argument('<id>', 'model id (see "symbiose library")')
    .argument('[dir]', 'destination folder', '.')
    .option('--force', 'overwrite an existing file')
    .action((id: string, dir: string, options: { force?: boolean }) => {
      const source = libraryFile(id);
      const target = join(dir, `${id}.yaml`);
      // The schema comment points at the installed schema, wherever the copy goes.
      const text = readFileSync(source, 'utf8').replace(/^# yaml-language-server: \$schema=.*$/m, schemaComment(target));
      writeFileAtomic(target, text, { overwrite: options.force === true });
      process.stdout.write(`Copied ${id} to ${target}\nNext: symbiose validate ${target}\n`);
    });
}

function schemaComment(target: string): string {
  return `# yaml-language-server: $schema=${schemaLink(target)}`;
}

function showBlocks(id: string, doc: Parameters<typeof provenance>[0], origin: ReturnType<typeof provenance>): Block[] {
  const blocks: Block[] = [
    heading(`${doc.name} (${id})`),
    ...(doc.label && doc.label !== doc.name ? [paragraph(doc.label)] : []),
    paragraph(doc.description?.trim() ?? ''),
    heading('Sources', 2),
    list(doc.sources ?? []),
    heading('Tags', 2),
    paragraph(doc.tags?.join(', ') ?? '(none)'),
    heading(`Figures: ${origin.sourced} from the sources, ${origin.assumed} assumptions`, 2),
    list(
      origin.parameters.map((p) =>
        [
          `${p.name} = ${p.value}${p.unit ? ` ${p.unit}` : ''}${p.range ? `  (range ${p.range[0]} to ${p.range[1]})` : ''}`,
          p.source ? `    source: ${p.source}` : '',
          p.assumption ? `    assumption: ${p.assumption}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      ),
    ),
  ];
  if (origin.unexplained.length > 0) {
    blocks.push(heading('Numbers with neither a source nor an assumption', 2), list(origin.unexplained.map(formatPath)));
  }
  blocks.push(paragraph(`Analyse it: symbiose canvas ACTOR -m ${relative(process.cwd(), libraryFile(id))}   or copy it: symbiose library copy ${id}`));
  return blocks;
}

/** Greedy word wrap to lines of at most `width` characters (longer words stay whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A cell with a line break becomes two rows, so text tables stay aligned. */
function splitRows(row: string[]): string[][] {
  const lines = row.map((cell) => cell.split('\n'));
  const height = Math.max(...lines.map((l) => l.length));
  return Array.from({ length: height }, (_, i) => lines.map((l) => l[i] ?? ''));
}
