/** A library model's card: what the catalogue lists and `library show` prints. */
import { mapText, textIn, type ModelDocument, type Text, type TextLanguage } from '../core/index.js';
import { provenance, type Provenance } from './provenance.js';

export interface CatalogueEntry {
  id: string;
  name: string;
  label: string | undefined;
  /** The description's first sentence, in each language it is written in. */
  summary: Text;
  tags: string[];
  sources: string[];
}

export function catalogueEntry(id: string, doc: ModelDocument): CatalogueEntry {
  return {
    id,
    name: doc.name,
    label: doc.label,
    summary: mapText(doc.description ?? '', firstSentence),
    tags: doc.tags ?? [],
    sources: doc.sources ?? [],
  };
}

/** Up to the first full stop outside brackets and quotes: « Ensemble. » does not end a sentence. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let depth = 0;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i]!;
    if (c === '(' || c === '«' || c === '[') depth++;
    else if ((c === ')' || c === '»' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && /[.!?]/.test(c) && (i + 1 === flat.length || flat[i + 1] === ' ')) return flat.slice(0, i + 1);
  }
  return flat;
}

/**
 * Entries whose id, names, tags or summary contain every word of the query (any case), the
 * summary searched in both languages so that a word of either finds the model.
 */
export function searchCatalogue<T extends CatalogueEntry>(entries: T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const languages: TextLanguage[] = ['en', 'fr'];
  return entries.filter((e) => {
    const summaries = languages.map((language) => textIn(e.summary, language) ?? '');
    const haystack = [e.id, e.name, e.label ?? '', ...summaries, ...e.tags].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** A library model's whole card, as `symbiose library show --json` and the API's library give it. */
export function catalogueCard(id: string, doc: ModelDocument): CatalogueEntry & { description: ModelDocument['description']; provenance: Provenance } {
  return { ...catalogueEntry(id, doc), description: doc.description, provenance: provenance(doc) };
}
