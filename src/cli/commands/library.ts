import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { catalogueCard, searchCatalogue, type provenance } from '../../analyses/index.js';
import { formatPath, textIn } from '../../core/index.js';
import { schemaLink, writeFile } from '../files.js';
import { libraryFile, readCatalogue } from '../library-files.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, deliver, emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { formatNumber } from '../../i18n/index.js';
import { cliLocale, t } from '../lang.js';
import { shellWord } from '../render/shell.js';
import { type Block, heading, list, paragraph, table } from '../../tables/index.js';

export function registerLibrary(program: Command): void {
  const library = program.command('library').description(t('cmd.library'));
  // The list is the default subcommand ("symbiose library retail"), so that the options of
  // "show ID" and "copy ID" stay theirs rather than the list's.
  withOutputOptions(library.command('list', { isDefault: true }).description(t('cmd.library.list')).argument('[query...]', t('cmd.library.query')))
    .action((query: string[], options: OutputOptions) => {
      const format = formatOf(options);
      const entries = searchCatalogue(readCatalogue(), query.join(' '));
      if (entries.length === 0 && (format === 'text' || format === 'md')) {
        deliver(`${t('library.noMatch', { query: query.join(' ') })}\n`);
        return;
      }
      emit(
        format,
        () => [
          heading(t('library.title', { count: entries.length })),
          table(
            [{ title: t('library.columnId') }, { title: t('library.columnModel') }, { title: t('library.columnTags') }],
            entries.map((e) => {
              const title = `${shownName(e)}${e.errors > 0 ? t('library.errors', { count: e.errors }) : ''}`;
              const summary = textIn(e.summary, cliLocale()) ?? '';
              // Terminals get wrapped cells over several rows; other formats keep one row per model.
              return format !== 'text'
                ? [[e.id, `${title}: ${summary}`, e.tags.join(', ')]]
                : splitRows([e.id, [...wrap(title, 64), ...wrap(summary, 64)].join('\n'), wrap(e.tags.join(', '), 28).join('\n')]);
            }).flat(),
          ),
          paragraph(t('library.next')),
        ],
        () => entries,
      );
    });

  withOutputOptions(library.command('show').description(t('cmd.library.show')).argument('<id>', t('cmd.library.id')), ['text', 'md', 'json'])
    .action((id: string, options: OutputOptions) => {
      const format = formatOf(options);
      const file = libraryFile(id);
      const { doc } = requireEcosystem(file, colorWanted(process.stderr));
      const card = catalogueCard(id, doc);
      emit(format, () => showBlocks(card.id, doc, card.provenance), () => card);
    });

  library
    .command('copy')
    .description(t('cmd.library.copy'))
    .argument('<id>', t('cmd.library.id'))
    .argument('[dir]', t('cmd.library.dir'), '.')
    .option('--force', t('option.forceCopy'))
    .action(async (id: string, dir: string, options: { force?: boolean }) => {
      const source = libraryFile(id);
      const target = join(dir, `${id}.yaml`);
      // The schema comment points at the installed schema, wherever the copy goes.
      const text = readFileSync(source, 'utf8').replace(/^# yaml-language-server: \$schema=.*$/m, schemaComment(target));
      await writeFile(target, text, { overwrite: options.force === true, force: options.force === true });
      process.stdout.write(`${t('library.copied', { id, target: shellWord(target) })}\n`);
    });
}

/**
 * A model's title in the reader's language: the label is English, the name the source's own
 * words (French for most seeds), so a French reader gets the name.
 */
function shownName(entry: { name: string; label: string | undefined }): string {
  return cliLocale() === 'fr' ? entry.name : (entry.label ?? entry.name);
}

function schemaComment(target: string): string {
  return `# yaml-language-server: $schema=${schemaLink(target)}`;
}

function showBlocks(id: string, doc: Parameters<typeof provenance>[0], origin: ReturnType<typeof provenance>): Block[] {
  // Numbers as the reader writes them, all their digits kept; expressions as the model writes them.
  const figure = (value: number | string) => (typeof value === 'number' ? formatNumber(cliLocale(), value, 20) : value);
  const blocks: Block[] = [
    heading(`${doc.name} (${id})`),
    ...(doc.label && doc.label !== doc.name ? [paragraph(doc.label)] : []),
    paragraph(textIn(doc.description, cliLocale())?.trim() ?? ''),
    heading(t('library.sources'), 2),
    list(doc.sources ?? [], t('library.none')),
    heading(t('library.tags'), 2),
    paragraph(doc.tags?.join(', ') ?? t('library.none')),
    heading(t('library.figures', origin.counts), 2),
    ...(origin.counts.cited > 0 ? [paragraph(t('library.cited', { cited: origin.counts.cited }))] : []),
    list(
      origin.parameters.map((p) =>
        [
          `${p.name} = ${figure(p.value)}${p.unit ? ` ${p.unit}` : ''}${p.range ? t('library.range', { low: figure(p.range[0]), high: figure(p.range[1]) }) : ''} — ${t(`library.kind.${p.kind}`)}`,
          p.source ? t('library.source', { text: p.source }) : '',
          p.quote ? t('library.quote', { text: p.quote }) : '',
          p.calibrated ? t('library.calibrated', { text: textIn(p.calibrated, cliLocale()) ?? '' }) : '',
          p.assumption ? t('library.assumption', { text: textIn(p.assumption, cliLocale()) ?? '' }) : '',
          p.basis ? t('library.basis', { text: p.basis }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
      ),
      t('list.none'),
    ),
  ];
  if (origin.unexplained.length > 0) {
    blocks.push(heading(t('library.unexplained'), 2), list(origin.unexplained.map(formatPath), t('list.none')));
  }
  blocks.push(paragraph(t('library.analyse', { id })));
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
