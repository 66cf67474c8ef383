/** Building blocks shared by every record kind of the model document. */
import { z } from 'zod';

/**
 * The forms a value is expected to take, by code. A schema gives one as zod's custom error (the
 * one channel zod offers for it); check-structure.ts reads it back as a code, and src/i18n says
 * it in words, so no English is written here.
 */
export const EXPECTATIONS = ['id', 'currency-code', 'parameter-name', 'quantity', 'parameter', 'valuation', 'step', 'equation', 'flow', 'variable', 'text', 'distribution'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

/** Identifier of an actor, value object, transaction or scenario: also usable in file names. */
export const Id = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, { error: 'id' satisfies Expectation })
  .meta({ description: 'An id: a letter or _, then letters, digits, _ or -.' });

/** A quantity: a number, or an arithmetic expression over parameters (e.g. "price * (1 - discount)"). */
export const Quantity = z
  .union([z.number(), z.string().min(1)], { error: 'quantity' satisfies Expectation })
  .meta({
    description:
      'A number, or an arithmetic expression over parameters: + - * / % ^, comparisons, and/or/not, ' +
      'min max abs floor ceil round sqrt exp ln log10 pow clamp if(cond, a, b); `t` is the period (1..horizon).',
  });
export type Quantity = z.infer<typeof Quantity>;

/**
 * The record with this id in a section (or any mapping keyed by the model's ids), if there is
 * one. Own keys only: an id such as `constructor` or `toString` must not find what every
 * JavaScript object inherits, and a record really named so must be found.
 */
export function recordById<T>(records: Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  return records !== undefined && Object.hasOwn(records, id) ? records[id] : undefined;
}

/** The languages a model's own texts can be written in, one each (src/i18n's locales). */
export const TEXT_LANGUAGES = ['en', 'fr'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * A text the model's author wrote: one string, in whatever language it was written, or since
 * format version 3 one string per language (`{ fr: …, en: … }`), so that a French reader and an
 * English one each read the model in their own language. Names are never translated: they stay
 * as the source writes them.
 */
export const Text = z
  .union(
    [
      z.string(),
      z
        .strictObject({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() })
        .refine((text) => text.en !== undefined || text.fr !== undefined, { error: 'text' satisfies Expectation }),
    ],
    { error: 'text' satisfies Expectation },
  )
  .meta({ description: 'Text: one string, or one per language, { fr: …, en: … } (format version 3).' });
export type Text = z.infer<typeof Text>;

/**
 * The text in `language`, or in the other language when it was written in one only; a plain
 * string is the author's text whatever the language asked.
 */
export function textIn(text: Text | undefined, language: TextLanguage): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[language] ?? text[language === 'en' ? 'fr' : 'en'];
}

/** The same text with `change` applied to each of its languages (a first sentence, a trim). */
export function mapText(text: Text, change: (words: string) => string): Text {
  if (typeof text === 'string') return change(text);
  return { ...(text.en !== undefined && { en: change(text.en) }), ...(text.fr !== undefined && { fr: change(text.fr) }) };
}

/**
 * Where a figure comes from. A `source` is a figure the source states: the citation, with the
 * source's own words in `quote` (a test checks the figure is in them). A figure only inspired by
 * a source is an `assumption`, its rationale, with the citation as its `basis`. A figure tuned
 * so that the model reproduces a figure of the source says so in `calibrated`.
 */
export const Provenance = {
  source: z.string().optional().meta({ description: 'The document, section or table that states the figure.' }),
  quote: z.string().optional().meta({ description: 'The source\'s own words that state the figure, as written (format version 3).' }),
  basis: z.string().optional().meta({ description: 'For an assumption: the source that inspired it, which does not state the figure (format version 3).' }),
  calibrated: Text.optional().meta({ description: 'The figure of a source this value was tuned to reproduce, and how (format version 3).' }),
  assumption: Text.optional().meta({ description: 'This figure is an assumption; say why it is plausible (one text, or one per language).' }),
  range: z
    .tuple([z.number(), z.number()])
    .optional()
    .meta({ description: 'Plausible low and high values of an assumption: they bound its own value (format version 4), never a factor inside an expression.' }),
};

export const NAME = z.string().optional().meta({ description: 'Display name (the source\'s own words).' });
export const LABEL = z.string().optional().meta({ description: 'English label, when the name is in another language.' });
export const DESCRIPTION = Text.optional().meta({ description: 'Free text: one string, or one per language ({ fr: …, en: … }).' });

/**
 * Where a node sits on the studio's canvas: x to the right and y downwards, in canvas units (CSS
 * pixels at 100 % zoom), from the canvas origin. Layout only: no figure depends on it.
 */
export const Position = z
  .strictObject({
    x: z.number().meta({ description: 'Horizontal position, to the right, in canvas units.' }),
    y: z.number().meta({ description: 'Vertical position, downwards, in canvas units.' }),
  })
  .meta({ description: 'Where the studio draws this node (format version 2): { x, y } in canvas units, y downwards.' });
export type Position = z.infer<typeof Position>;
