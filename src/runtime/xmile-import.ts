/**
 * An XMILE model as a Symbiose model document, as `symbiose import` and the API's import make
 * it: what a document cannot hold is refused by name (the engine's `import` issues), the period
 * is read from the time unit when it names one, and the description says where it came from, in
 * the reader's language. Pure.
 */
import { basename, extname } from 'node:path';
import { FORMAT_VERSION, PERIODS, type ModelDocument, type Period } from '../core/index.js';
import { dynamicsSection, importedHorizon, unrepresentable, type EngineIssue, type Model } from '../engine/index.js';
import { text, type Locale } from '../i18n/index.js';

export type XmileImport = { document: ModelDocument; refused?: undefined } | { document?: undefined; refused: EngineIssue[] };

export function xmileDocument(model: Model, file: string, locale: Locale): XmileImport {
  const refused = unrepresentable(model);
  if (refused.length > 0) return { refused };
  const { period, note } = periodOf(model.specs.timeUnits, locale);
  const document = {
    symbiose: FORMAT_VERSION,
    name: model.name ?? basename(file, extname(file)),
    description: `${text(locale, 'dynamics.importedFrom', { file: basename(file) })}${note}`,
    currency: 'EUR',
    period,
    horizon: importedHorizon(model),
    actors: {},
    valueObjects: {},
    transactions: {},
    dynamics: dynamicsSection(model),
  } as ModelDocument;
  return { document };
}

/** The model period for an XMILE time unit; a unit with no period keeps the numbers as they are. */
function periodOf(units: string | undefined, locale: Locale): { period: Period; note: string } {
  const unit = (units ?? '').trim().toLowerCase().replace(/s$/, '');
  const period = (PERIODS as readonly string[]).includes(unit) ? (unit as Period) : undefined;
  if (period) return { period, note: '' };
  return { period: 'year', note: text(locale, 'dynamics.nominalPeriod', { unit: units ?? text(locale, 'dynamics.unspecified') }) };
}
