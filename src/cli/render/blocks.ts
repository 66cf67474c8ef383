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
export const table = (columns: Array<{ title: string; align?: Align }>, rows: string[][]): Block => ({ kind: 'table', columns, rows });

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

function textTable(block: Extract<Block, { kind: 'table' }>, paint: ReturnType<typeof pc.createColors>): string {
  const widths = block.columns.map((c, i) => Math.max(width(c.title), ...block.rows.map((r) => width(r[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - width(text));
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
