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

/**
 * A list whose items are put in words one at a time, as they are read: `item(i)` for i below
 * `count`. A list of 10⁵ lines (a platform's customers) then never stands whole in memory when
 * it is written out (cli/output.ts); `listed` gives the plain list.
 */
export interface LazyListBlock {
  kind: 'lazy-list';
  count: number;
  item: (i: number) => string;
  empty: string;
}
/** What a command's output is made of when it is written as it is made: blocks, some lists lazy. */
export type StreamedBlock = Block | LazyListBlock;
export const lazyList = (count: number, item: (i: number) => string, empty: string): LazyListBlock => ({ kind: 'lazy-list', count, item, empty });

/** `block` with a lazy list's items all made. */
export function listed(block: StreamedBlock): Block {
  return block.kind === 'lazy-list' ? list(Array.from({ length: block.count }, (_, i) => block.item(i)), block.empty) : block;
}
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
 * Each column's width: its widest cell and its title, then, while the table is wider than
 * TEXT_WIDTH, the widest text column (figures are never cut) made narrower, down to MIN_LABEL or
 * its title. When that is not enough, titles wider than their column's cells go on two lines (a
 * header such as "Part de trésorerie" over 8-character figures) and the labels are fitted again.
 */
export function columnWidths(block: TableBlock): number[] {
  const cells = block.columns.map((_, i) => Math.max(0, ...block.rows.map((r) => width(r[i] ?? ''))));
  const oneLine = fitted(block, block.columns.map((c, i) => Math.max(cells[i]!, width(c.title))), block.columns.map((c) => Math.max(MIN_LABEL, width(c.title))));
  if (total(oneLine) <= TEXT_WIDTH) return oneLine;
  return fitted(
    block,
    block.columns.map((c, i) => Math.max(cells[i]!, twoLineWidth(c.title))),
    block.columns.map((c) => Math.max(MIN_LABEL, twoLineWidth(c.title))),
  );
}

/** `widths` with the widest text column narrowed, again and again, down to `floor`, until the table fits. */
function fitted(block: TableBlock, widths: number[], floor: number[]): number[] {
  for (;;) {
    const excess = total(widths) - TEXT_WIDTH;
    const cuttable = block.columns.map((c, i) => (c.align !== 'right' && widths[i]! > floor[i]! ? i : -1)).filter((i) => i >= 0);
    if (excess <= 0 || cuttable.length === 0) return widths;
    const widest = cuttable.reduce((a, b) => (widths[b]! > widths[a]! ? b : a));
    const others = Math.max(floor[widest]!, ...cuttable.filter((i) => i !== widest).map((i) => widths[i]!));
    widths[widest] = Math.max(floor[widest]!, widths[widest]! - excess, Math.min(others, widths[widest]! - 1));
  }
}

/** A column title's lines at a column's width: one when it fits, else broken at spaces. */
export function titleLines(title: string, size: number): string[] {
  return width(title) <= size ? [title] : wrap(title, size).split('\n');
}

const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);

/** The narrowest a title can be on two lines: its widest line at the best space to break at. */
function twoLineWidth(title: string): number {
  let best = width(title);
  for (let i = title.indexOf(' '); i >= 0; i = title.indexOf(' ', i + 1)) best = Math.min(best, Math.max(width(title.slice(0, i)), width(title.slice(i + 1))));
  return best;
}

/** `text` cut to `size` characters, the last one an ellipsis, when it is longer. */
export function cut(text: string, size: number): string {
  const chars = [...text];
  return chars.length <= size ? text : `${chars.slice(0, size - 1).join('').trimEnd()}…`;
}

/**
 * `text` with every line longer than `size` broken at spaces, each piece keeping the line's own
 * indent (or `hang`, the indent of a list item's text). A word longer than `size` stays whole:
 * a name or an address cut in two would be worse than a long line.
 */
export function wrap(text: string, size = TEXT_WIDTH, hang?: string): string {
  // Most texts are one short line: no splitting then (UTF-16 units are never fewer than code points).
  if (text.length <= size) return text;
  return text
    .split('\n')
    .map((line) => {
      if (width(line) <= size) return line;
      const first = /^ */.exec(line)![0];
      const indent = hang ?? first;
      const lines: string[] = [];
      let current = first;
      for (const word of line.trimStart().split(/ +/)) {
        const empty = current === (lines.length === 0 ? first : indent);
        if (!empty && width(`${current} ${word}`) > size) {
          lines.push(current);
          current = indent + word;
        } else current = empty ? current + word : `${current} ${word}`;
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}

/**
 * Display width, counting each code point once (enough for the Latin and arrow text printed
 * here). Counted without making an array of the characters: a canvas of 10⁵ customers measures
 * half a million lines.
 */
export function width(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
