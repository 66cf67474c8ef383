/** `symbiose experiment learn`: the model's learning cards in the workshop's four parts, in the reader's language. */
import { textIn, type LearningCard, type ModelDocument } from '../../core/index.js';
import type { Locale } from '../../i18n/index.js';
import { heading, list, paragraph, type Block } from '../../tables/index.js';
import { t } from '../lang.js';

function cardBlocks(id: string, card: LearningCard, locale: Locale): Block[] {
  return [
    heading(`${id}${card.experiment ? ` (${card.experiment})` : ''}`, 2),
    list(
      [
        t('learn.believed', { text: textIn(card.believed, locale) ?? '' }),
        t('learn.observed', { text: textIn(card.observed, locale) ?? '' }),
        t('learn.learned', { text: textIn(card.learned, locale) ?? '' }),
        t('learn.decision', { text: textIn(card.decision, locale) ?? '' }),
        ...(card.modelVersion !== undefined ? [t('learn.version', { version: String(card.modelVersion) })] : []),
      ],
      '',
    ),
  ];
}

export function learningBlocks(doc: ModelDocument, locale: Locale): Block[] {
  const cards = Object.entries(doc.learningCards ?? {});
  if (cards.length === 0) return [heading(t('learn.heading')), paragraph(t('learn.none'))];
  return [heading(t('learn.heading')), ...cards.flatMap(([id, card]) => cardBlocks(id, card, locale))];
}

/** One drafted card, as the model would record it. */
export function draftBlocks(id: string, card: LearningCard, locale: Locale): Block[] {
  return [heading(t('learn.heading')), ...cardBlocks(id, card, locale)];
}
