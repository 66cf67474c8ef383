/**
 * What commands print, as data: headings, tables, lists and paragraphs, and the widths a table
 * takes as text. The CLI renders them for terminals or as Markdown (cli/render/text.ts); both
 * surfaces turn them into sheets (sheets.ts). Pure, so every output is tested without a terminal.
 */

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
export function columnWidths(block: TableBlock): number[] {
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
export function cut(text: string, size: number): string {
  const chars = [...text];
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join('').trimEnd()}…`;
}

/** Display width, counting each code point once (enough for the Latin and arrow text printed here). */
export function width(text: string): number {
  return [...text].length;
}
