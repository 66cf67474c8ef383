import type { Locale } from '../locale.js';
import { fill, type Params, type Template } from '../template.js';
import { en, type UiKey } from './en.js';
import { fr } from './fr.js';

export type { UiKey };
export const UI_CATALOGUES: Record<Locale, Record<UiKey, Template>> = { en, fr };

/** The text for `key` in `locale`, with its placeholders filled. */
export function text(locale: Locale, key: UiKey, params: Params = {}): string {
  return fill(UI_CATALOGUES[locale][key], params, locale);
}
