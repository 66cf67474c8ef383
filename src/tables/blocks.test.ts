import { describe, expect, it } from 'vitest';
import { renderText } from '../cli/render/text.js';
import { list, paragraph, wrap } from './blocks.js';

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
