/**
 * A change of a change list in words, for a model's history and for the comparison of two
 * versions: the surfaces list these lines, in the reader's language.
 *
 * @example
 * changeMessage({ op: 'add', kind: 'actor', id: 'mill', record }, 'fr') // 'ajout de l’acteur « mill »'
 */
import type { Change } from '../../core/index.js';
import type { Locale } from '../locale.js';
import type { ChangeMessages } from './catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';

export type { ChangeMessages } from './catalogue.js';
export const CHANGE_CATALOGUES: Readonly<Record<Locale, ChangeMessages>> = { en, fr };

export function changeMessage(change: Change, locale: Locale): string {
  const message = CHANGE_CATALOGUES[locale][change.op] as (c: Change) => string;
  return message(change);
}
