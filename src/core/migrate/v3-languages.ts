/**
 * Version 3: a description or an assumption's rationale may be written once per language,
 * `{ fr: …, en: … }`, instead of one string; and a figure's provenance may carry the `quote`
 * that states it, the `basis` of an assumption and what it was `calibrated` to. Up changes only
 * the version (a string is still a text). Down keeps one language of each such text, English
 * where there is one, drops the new provenance fields, and says how many of each it changed.
 */
import { issue, type Issue } from '../issues.js';
import { define, isPlainRecord, withKey, type Migration, type PlainDocument } from './migration.js';

/** The fields that hold a model's own texts (see Text in model/common.ts). */
const TEXT_FIELDS = ['description', 'assumption'] as const;
/** Provenance fields version 2 does not have: dropped going down. */
const NEW_FIELDS = new Set(['quote', 'basis', 'calibrated']);

export const languages: Migration = {
  from: 2,
  adds: 'descriptions and assumptions in French and English; quote, basis and calibrated provenance',
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
  // Provenance sits on parameters and costs, whose records have a `value` or a cost's amounts.
  const provenance = 'value' in value || 'fixed' in value || 'variable' in value || 'investment' in value;
  for (const [k, v] of Object.entries(value)) {
    if (provenance && NEW_FIELDS.has(k)) dropped.set(k, (dropped.get(k) ?? 0) + 1);
    else define(copy, k, oneLanguage(v, dropped, k));
  }
  return copy;
}

function isTextOfLanguages(value: PlainDocument): value is { en?: string; fr?: string } {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'en' || k === 'fr') && typeof value[k] === 'string');
}
