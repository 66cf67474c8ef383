/**
 * Reading a library file's texts in both languages (format version 3): every `description` and
 * `assumption` anywhere in the document, and the numbers each language writes, so a test can
 * check that the French and the English say the same figures.
 */

/** A text of the model and where it sits in the document (`parameters.premium.assumption`). */
export interface PlacedText {
  path: string;
  text: unknown;
}

const TEXT_KEYS = new Set(['description', 'assumption']);

/** Every `description` and `assumption` in a parsed document, at any depth. */
export function placedTexts(node: unknown, path: readonly string[] = []): PlacedText[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => placedTexts(item, [...path, String(i)]));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    TEXT_KEYS.has(key) ? [{ path: [...path, key].join('.'), text: value }] : placedTexts(value, [...path, key]),
  );
}

/**
 * The numbers a text writes, as a sorted list of canonical figures (`0.1`, `1000`, `30%`): the
 * sign is not kept (a hyphen and a minus sign read alike), a percent sign after a number is.
 * English groups thousands with commas (1,000); French with a space, a non-breaking or a thin
 * space (1 000) and writes decimals with a comma (0,10).
 */
export function numbersIn(text: string, language: 'fr' | 'en'): string[] {
  const plain =
    language === 'en'
      ? text.replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
      : text.replace(/(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '').replace(/(?<=\d),(?=\d)/g, '.');
  return [...plain.matchAll(/(\d+(?:\.\d+)?)(\s*%)?/g)]
    .map((m) => `${Number(m[1])}${m[2] === undefined ? '' : '%'}`)
    .sort();
}

/** The same words once case and every kind of space are ignored. */
export function sameWords(a: string, b: string): boolean {
  const squeeze = (s: string) => s.toLocaleLowerCase('fr').replace(/\s+/g, '');
  return squeeze(a) === squeeze(b);
}

/** A bare proper name (Blablacar, Pôle Emploi): the same in both languages by right. */
export function isProperName(text: string): boolean {
  return /^\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.&-]*)*$/u.test(text.trim());
}
