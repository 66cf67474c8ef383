/**
 * A parameter's unit in the reader's words (pure): a unit is pieces joined by "/" ("EUR/month",
 * "evenings/month", "people"). Period words and counts of people come from the catalogue, in the
 * plural the value asks for when they are counted ("12 months") and in the singular after "/"
 * ("EUR/mois"); a currency code and every other word are the model's own text, kept as written.
 */
import { text, type Locale, type UiKey } from '../../../src/i18n/index.js';

export interface UnitPiece {
  text: string;
  /** The model's own words (shown as written, marked as user text), not the catalogue's. */
  own: boolean;
}

const PERIOD = /^(day|week|month|quarter|year)s?$/i;
const COUNTED: Array<[RegExp, UiKey]> = [
  [/^(people|persons?)$/i, 'studio.unit.people'],
  [/^users?$/i, 'studio.unit.users'],
  [/^members?$/i, 'studio.unit.members'],
  [/^(customers?|clients?)$/i, 'studio.unit.customers'],
  [/^subscribers?$/i, 'studio.unit.subscribers'],
  [/^households?$/i, 'studio.unit.households'],
];

export function unitPieces(unit: string, value: number, locale: Locale): UnitPiece[] {
  return unit.split('/').flatMap((raw, i): UnitPiece[] => {
    const word = raw.trim();
    const pieces: UnitPiece[] = i > 0 ? [{ text: '/', own: false }] : [];
    // After "/" a unit is one of it ("per month"); before, as many as the value.
    const count = i > 0 ? 1 : value;
    const period = PERIOD.exec(word)?.[1]?.toLowerCase();
    const counted = COUNTED.find(([pattern]) => pattern.test(word))?.[1];
    if (period) pieces.push({ text: i > 0 ? text(locale, 'studio.period', { period }) : text(locale, 'studio.unit.period', { period, count }), own: false });
    else if (counted) pieces.push({ text: text(locale, counted, { count }), own: false });
    else if (word) pieces.push({ text: word, own: true });
    return pieces;
  });
}
