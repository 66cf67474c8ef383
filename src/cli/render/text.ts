/** Printed blocks as terminal text (colours when asked) or Markdown: the CLI's renderers. */
import pc from 'picocolors';
import { columnWidths, cut, titleLines, width, wrap, TEXT_WIDTH, type Block, type StreamedBlock, type TableBlock } from '../../tables/index.js';

export function renderText(blocks: Iterable<StreamedBlock>, color = false): string {
  return [...textChunks(blocks, color)].join('');
}

/**
 * renderText piece by piece, each block made when it is reached and each list item apart: a
 * result of half a million lines (the canvas of a platform with 10⁵ customers) is written as it
 * is made, never held whole.
 */
export function* textChunks(blocks: Iterable<StreamedBlock>, color = false): Generator<string> {
  const paint = color ? pc : pc.createColors(false);
  yield* joined(blocks, (block) => {
    switch (block.kind) {
      case 'heading':
        return [block.level === 1 ? paint.bold(paint.cyan(wrap(block.text))) : paint.bold(wrap(block.text))];
      case 'text':
        return [wrap(block.text)];
      case 'list':
      case 'lazy-list':
        // An item's lines after its first align with its text, past the bullet.
        return lines(block, (item) => wrap(`  • ${item}`, TEXT_WIDTH, '    '), () => paint.dim(`  ${block.empty}`));
      case 'table':
        return [textTable(block, paint)];
    }
  });
}

/** Each block's pieces, blocks apart by an empty line, and a last newline. */
function* joined(blocks: Iterable<StreamedBlock>, render: (block: StreamedBlock) => Iterable<string>): Generator<string> {
  let first = true;
  for (const block of blocks) {
    if (!first) yield '\n\n';
    first = false;
    yield* render(block);
  }
  yield '\n';
}

/** A list's items as lines, each made (a lazy list's item put in words too) when it is read; `empty` when it has none. */
function* lines(block: Extract<StreamedBlock, { kind: 'list' | 'lazy-list' }>, line: (item: string) => string, empty: () => string): Generator<string> {
  const count = block.kind === 'list' ? block.items.length : block.count;
  const item = block.kind === 'list' ? (i: number) => block.items[i]! : block.item;
  if (count === 0) yield empty();
  for (let i = 0; i < count; i++) yield i === 0 ? line(item(i)) : `\n${line(item(i))}`;
}

/**
 * A table as text. One still wider than TEXT_WIDTH once fitted (many variants side by side,
 * financing beside operating cash in French) is printed as several tables, each with the first
 * column (the labels) and as many of the next columns as fit, as R prints a wide data frame.
 */
function textTable(block: TableBlock, paint: ReturnType<typeof pc.createColors>): string {
  const widths = columnWidths(block);
  const parts = columnGroups(widths);
  if (parts.length > 1) return parts.map((group) => textTable(columnsOf(block, [0, ...group]), paint)).join('\n\n');
  const pad = (full: string, i: number) => {
    const text = block.columns[i]!.align === 'right' ? full : cut(full, widths[i]!);
    const gap = ' '.repeat(Math.max(0, widths[i]! - width(text)));
    return block.columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  // A title wider than its column takes two lines, set at the bottom, over the rule.
  const titles = block.columns.map((c, i) => titleLines(c.title, widths[i]!));
  const depth = Math.max(...titles.map((lines) => lines.length));
  const header = Array.from({ length: depth }, (_, line) =>
    titles.map((lines, i) => pad(lines[line - (depth - lines.length)] ?? '', i)).join('  ').trimEnd(),
  );
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const rows = block.rows.map((row) => block.columns.map((_, i) => pad(row[i] ?? '', i)).join('  ').trimEnd());
  return [...header.map((line) => paint.bold(line)), paint.dim(rule), ...rows].join('\n');
}

/** Columns after the first, grouped so that each group beside the first column fits TEXT_WIDTH. */
function columnGroups(widths: number[]): number[][] {
  const groups: number[][] = [[]];
  let used = widths[0]!;
  for (let i = 1; i < widths.length; i++) {
    const current = groups[groups.length - 1]!;
    if (current.length > 0 && used + 2 + widths[i]! > TEXT_WIDTH) {
      groups.push([i]);
      used = widths[0]! + 2 + widths[i]!;
    } else {
      current.push(i);
      used += 2 + widths[i]!;
    }
  }
  return groups;
}

function columnsOf(block: TableBlock, indexes: number[]): TableBlock {
  return { ...block, columns: indexes.map((i) => block.columns[i]!), rows: block.rows.map((row) => indexes.map((i) => row[i] ?? '')) };
}

export function renderMarkdown(blocks: Iterable<StreamedBlock>): string {
  return [...markdownChunks(blocks)].join('');
}

/** renderMarkdown piece by piece, as textChunks. */
export function* markdownChunks(blocks: Iterable<StreamedBlock>): Generator<string> {
  yield* joined(blocks, (block) => {
    switch (block.kind) {
      case 'heading':
        return [`${block.level === 1 ? '##' : '###'} ${block.text}`];
      case 'text':
        return [block.text];
      case 'list':
      case 'lazy-list':
        return lines(block, (item) => `- ${escapeMarkdown(item)}`, () => `_${escapeMarkdown(block.empty)}_`);
      case 'table': {
        // Leading spaces (indented sheet lines) would be trimmed by Markdown: keep them as &nbsp;.
        const cell = (c: string) => escapeMarkdown(c).replaceAll('|', '\\|').replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length));
        const cells = (row: string[]) => `| ${row.map(cell).join(' | ')} |`;
        const align = block.columns.map((c) => (c.align === 'right' ? '---:' : ':---'));
        return [[cells(block.columns.map((c) => c.title)), `| ${align.join(' | ')} |`, ...block.rows.map(cells)].join('\n')];
      }
    }
  });
}

function escapeMarkdown(text: string): string {
  return text.replace(/([*_`[\]<>])/g, '\\$1');
}
