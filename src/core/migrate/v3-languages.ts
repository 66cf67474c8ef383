/**
 * Version 3: a description or an assumption's rationale may be written once per language,
 * `{ fr: …, en: … }`, instead of one string. Up changes only the version (a string is still a
 * text). Down keeps one language of each such text, English where there is one, and says how
 * many texts lost a language.
 */
import { issue, type Issue } from '../issues.js';
import { define, isPlainRecord, withKey, type Migration, type PlainDocument } from './migration.js';

/** The fields that hold a model's own texts (see Text in model/common.ts). */
const TEXT_FIELDS = ['description', 'assumption'] as const;

export const languages: Migration = {
  from: 2,
  adds: 'descriptions and assumptions in French and English',
  up: (data) => ({ data: withKey(data, 'symbiose', 3), issues: [] }),
  down(data) {
    const dropped = new Map<string, number>();
    const out = withKey(oneLanguage(data, dropped) as PlainDocument, 'symbiose', 2);
    const issues: Issue[] = [...dropped].map(([field, count]) =>
      issue('migration-loss', [], { field, count, from: 3, to: 2 }, { severity: 'warning' }),
    );
    return { data: out, issues };
  },
};

/** A copy of `value` with every text of two languages made a string, counting them by field. */
function oneLanguage(value: unknown, dropped: Map<string, number>, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => oneLanguage(item, dropped));
  if (!isPlainRecord(value)) return value;
  if (key !== undefined && (TEXT_FIELDS as readonly string[]).includes(key) && isTextOfLanguages(value)) {
    if (value.en !== undefined && value.fr !== undefined) dropped.set(key, (dropped.get(key) ?? 0) + 1);
    return value.en ?? value.fr;
  }
  const copy: PlainDocument = {};
  for (const [k, v] of Object.entries(value)) define(copy, k, oneLanguage(v, dropped, k));
  return copy;
}

function isTextOfLanguages(value: PlainDocument): value is { en?: string; fr?: string } {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'en' || k === 'fr') && typeof value[k] === 'string');
}
