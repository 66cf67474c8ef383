import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderText, textChunks } from '../cli/render/text.js';
import { heading, lazyList, list, paragraph, wrap } from './blocks.js';
import { eachSheetOf, sheetCsvChunks, sheetsToCsv } from './sheets.js';

describe('prose fitted to the text width', () => {
  it('breaks a long line at spaces, never past the width, keeping every word in order', () => {
    const line = 'A segment is a population, not a business: value received is the worth of what its members receive.';
    const out = wrap(line, 40);
    // Written out by hand: greedy filling of 40 columns.
    expect(out.split('\n')).toEqual([
      'A segment is a population, not a',
      'business: value received is the worth of',
      'what its members receive.',
    ]);
    expect(out.replaceAll('\n', ' ')).toBe(line);
  });

  it('keeps a line its indent, leaves short lines and explicit breaks as written', () => {
    expect(wrap('  one two three four\nshort', 12)).toBe('  one two\n  three four\nshort');
    expect(wrap('fits', 10)).toBe('fits');
  });

  it('leaves a word longer than the width whole rather than cutting a name', () => {
    expect(wrap('see https://example.org/a-very-long-address for it', 20)).toBe('see\nhttps://example.org/a-very-long-address\nfor it');
  });

  it('hangs a list item under its text, past the bullet', () => {
    const text = renderText([list(['Les utilisateurs (réorientation proactive), Le service public (Éducation nationale, Enseignement supérieur), Pôle Emploi'], '—')]);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.startsWith('  • Les utilisateurs')).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith('    ') && !l.startsWith('     ')).toBe(true);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(100);
  });

  it('renders paragraphs within 100 columns', () => {
    const text = renderText([paragraph('word '.repeat(60).trim())]);
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(text.replaceAll('\n', ' ').trim()).toBe('word '.repeat(60).trim());
  });
});

describe('lazy lists: output made as it is read', () => {
  const words = ['one', 'two', 'three'];
  /** A lazy list of `words` that counts the items it has put in words. */
  const counted = () => {
    const made: number[] = [];
    return { made, block: lazyList(words.length, (i) => (made.push(i), words[i]!), '(none)') };
  };

  it('prints as the same list held whole, in text, Markdown and CSV', () => {
    const whole = [heading('Items', 2), list(words, '(none)')];
    const lazy = () => [heading('Items', 2), counted().block];
    expect(renderText(lazy())).toBe('Items\n\n  • one\n  • two\n  • three\n');
    expect(renderText(lazy())).toBe(renderText(whole));
    expect(renderMarkdown(lazy())).toBe('### Items\n\n- one\n- two\n- three\n');
    expect(sheetsToCsv(eachSheetOf(lazy(), 'en'))).toBe('Items\none\ntwo\nthree\n');
    expect(renderText([lazyList(0, () => 'never', '(none)')])).toBe('  (none)\n');
  });

  it('puts an item in words only when the text reaches it', () => {
    const { made, block } = counted();
    const pieces = textChunks([heading('Items', 2), block]);
    expect(made).toEqual([]);
    // The heading, the gap between blocks, then the first item.
    pieces.next();
    pieces.next();
    expect(pieces.next().value).toBe('  • one');
    expect(made).toEqual([0]);
    expect([...pieces].join('')).toBe('\n  • two\n  • three\n');
    expect(made).toEqual([0, 1, 2]);
  });

  it('makes CSV sections one sheet at a time: one sheet is a plain table, none is nothing', () => {
    expect([...sheetCsvChunks([])]).toEqual([]);
    const sheet = (title: string) => ({ title, columns: [title], rows: [['a'], ['b, c']] });
    expect([...sheetCsvChunks([sheet('S')])].join('')).toBe('S\na\n"b, c"\n');
    expect([...sheetCsvChunks([sheet('S'), sheet('T')])].join('')).toBe('S\nS\na\n"b, c"\n\nT\nT\na\n"b, c"\n');
  });
});
