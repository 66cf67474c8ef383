import { describe, expect, it } from 'vitest';
import { parseEquation } from './index.js';
import { renameInEquation } from './rename.js';

describe('renameInEquation', () => {
  it('renames every spelling of a name by the canonical rule, keeping the rest as written', () => {
    expect(renameInEquation('Room Temperature - room_temperature*2 {cooling}', 'room temperature', 'Heat')).toBe('Heat - Heat*2 {cooling}');
    expect(renameInEquation('"Room Temperature" + Outside', 'Room_Temperature', 'Inside')).toBe('Inside + Outside');
  });

  it('quotes a new name that would not read back bare, and the result reads the new name', () => {
    const renamed = renameInEquation('IF users > 10 THEN users ELSE 0', 'users', 'users (k)')!;
    expect(renamed).toBe('IF "users (k)" > 10 THEN "users (k)" ELSE 0');
    const parsed = parseEquation(renamed);
    expect(JSON.stringify(parsed)).toContain('"name":"users_(k)"');
  });

  it('renames graphical functions where they are applied, not the parts of dotted names', () => {
    expect(renameInEquation('effect(ratio) * ratio', 'effect', 'impact')).toBe('impact(ratio) * ratio');
    expect(renameInEquation('pop[Region.North] + North', 'north', 'South')).toBe('pop[Region.North] + South');
  });

  it('gives undefined for text it cannot read', () => {
    expect(renameInEquation('"unclosed', 'a', 'b')).toBeUndefined();
  });
});
