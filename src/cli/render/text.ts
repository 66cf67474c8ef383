/** Printed blocks as terminal text (colours when asked) or Markdown: the CLI's renderers. */
import pc from 'picocolors';
import { columnWidths, cut, width, type Block, type TableBlock } from '../../tables/index.js';

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
