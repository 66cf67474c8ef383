/**
 * What commands print, as data: headings, tables, lists and paragraphs, rendered to plain text for
 * terminals or to Markdown. Pure, so every command's output is tested without a terminal.
 */
import pc from 'picocolors';

export type Align = 'left' | 'right';
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'table'; columns: Array<{ title: string; align?: Align }>; rows: string[][] }
  /** `empty` is what an empty list shows, in the reader's language. */
  | { kind: 'list'; items: string[]; empty: string }
  | { kind: 'text'; text: string };

export const heading = (text: string, level: 1 | 2 = 1): Block => ({ kind: 'heading', text, level });
export const paragraph = (text: string): Block => ({ kind: 'text', text });
export const list = (items: string[], empty: string): Block => ({ kind: 'list', items, empty });
export type TableBlock = Extract<Block, { kind: 'table' }>;
export const table = (columns: Array<{ title: string; align?: Align }>, rows: string[][]): TableBlock => ({ kind: 'table', columns, rows });

export function renderText(blocks: Block[], color = false): string {
  const paint = color ? pc : pc.createColors(false);
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return block.level === 1 ? paint.bold(paint.cyan(block.text)) : paint.bold(block.text);
        case 'text':
          return block.text;
        case 'list':
          return block.items.length === 0 ? paint.dim(`  ${block.empty}`) : block.items.map((item) => `  • ${item}`).join('\n');
        case 'table':
          return textTable(block, paint);
      }
    })
    .join('\n\n') + '\n';
}

/** Columns a text table fits in: its first column (the labels) gives way first. */
export const TEXT_WIDTH = 100;
/** Labels are never cut shorter than this. */
const MIN_LABEL = 16;

/** The width a table takes as text, its labels cut to fit TEXT_WIDTH where they can. */
export function tableWidth(block: TableBlock): number {
  const widths = columnWidths(block);
  return widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
}

/**
 * Each column's width: its widest cell, then, while the table is wider than TEXT_WIDTH, the widest
 * text column (figures are never cut) made narrower, down to MIN_LABEL or its title.
 */
function columnWidths(block: TableBlock): number[] {
  const widths = block.columns.map((c, i) => Math.max(width(c.title), ...block.rows.map((r) => width(r[i] ?? ''))));
  const floor = block.columns.map((c) => Math.max(MIN_LABEL, width(c.title)));
  for (;;) {
    const excess = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) - TEXT_WIDTH;
    const cuttable = block.columns.map((c, i) => (c.align !== 'right' && widths[i]! > floor[i]! ? i : -1)).filter((i) => i >= 0);
    if (excess <= 0 || cuttable.length === 0) return widths;
    const widest = cuttable.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
    const others = Math.max(floor[widest]!, ...cuttable.filter((i) => i !== widest).map((i) => widths[i]!));
    widths[widest] = Math.max(floor[widest]!, widths[widest]! - excess, Math.min(others, widths[widest]! - 1));
  }
}

/** `text` cut to `size` characters, the last one an ellipsis, when it is longer. */
function cut(text: string, size: number): string {
  const chars = [...text];
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join('').trimEnd()}…`;
}

function textTable(block: TableBlock, paint: ReturnType<typeof pc.createColors>): string {
  const widths = columnWidths(block);
  const pad = (full: string, i: number) => {
    const text = block.columns[i]!.align === 'right' ? full : cut(full, widths[i]!);
    const gap = ' '.repeat(Math.max(0, widths[i]! - width(text)));
    return block.columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const header = block.columns.map((c, i) => pad(c.title, i)).join('  ');
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const rows = block.rows.map((row) => block.columns.map((_, i) => pad(row[i] ?? '', i)).join('  ').trimEnd());
  return [paint.bold(header.trimEnd()), paint.dim(rule), ...rows].join('\n');
}

/** Display width, counting each code point once (enough for the Latin and arrow text printed here). */
function width(text: string): number {
  return [...text].length;
}

export function renderMarkdown(blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `${block.level === 1 ? '##' : '###'} ${block.text}`;
        case 'text':
          return block.text;
        case 'list':
          return block.items.length === 0 ? `_${escapeMarkdown(block.empty)}_` : block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
        case 'table': {
          // Leading spaces (indented sheet lines) would be trimmed by Markdown: keep them as &nbsp;.
          const cell = (c: string) => escapeMarkdown(c).replaceAll('|', '\\|').replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length));
          const cells = (row: string[]) => `| ${row.map(cell).join(' | ')} |`;
          const align = block.columns.map((c) => (c.align === 'right' ? '---:' : ':---'));
          return [cells(block.columns.map((c) => c.title)), `| ${align.join(' | ')} |`, ...block.rows.map(cells)].join('\n');
        }
      }
    })
    .join('\n\n') + '\n';
}

function escapeMarkdown(text: string): string {
  return text.replace(/([*_`[\]<>])/g, '\\$1');
}
