/**
 * The feedback loops of a model's dynamics and their dominance (the second part of symbiose
 * loops) as printable blocks. The shapes are the engine's (engine/loops), written here as what
 * this file reads, since tables do not import the engine.
 */
import type { Period } from '../core/index.js';
import type { UiKey } from '../i18n/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatNumber, type Locale } from '../i18n/index.js';
import { formatCount, formatPercent, formatSignificant } from './numbers.js';
import { listOf, periodCount, words } from './words.js';

type Polarity = 'reinforcing' | 'balancing' | 'undetermined';

export interface FeedbackView {
  loops: ReadonlyArray<{ id: string; polarity: Polarity; variables: readonly string[]; links: ReadonlyArray<{ sign: '+' | '-' | '?' }> }>;
  truncated: boolean;
  modules: readonly string[];
  dominance:
    | {
        method: string;
        dt: number;
        scores: ReadonlyArray<{ loop: string; observed: Polarity | 'both' | 'inactive' }>;
        periods: ReadonlyArray<{ partition: number; from: number; to: number; loop: string | null; share: number; dominant: boolean }>;
        unscored: ReadonlyArray<{ loop: string; reason: 'array' | 'memory'; variable: string }>;
      }
    | { refused: 'too-large'; evaluations: number; max: number };
}

/** `period` names the times (month 4.6); without one (an XMILE model) they are t = 4.6. */
export function feedbackBlocks(period: Period | undefined, feedback: FeedbackView, locale: Locale): Block[] {
  const t = words(locale);
  const blocks: Block[] = [heading(t('feedback.title'), 2), paragraph(t('feedback.intro'))];
  if (feedback.modules.length > 0) blocks.push(paragraph(t('feedback.modules', { modules: listOf(locale, [...feedback.modules]) })));
  if (feedback.loops.length === 0) return [...blocks, paragraph(t('feedback.none'))];
  const dominance = feedback.dominance;
  const observed = new Map('scores' in dominance ? dominance.scores.map((s) => [s.loop, s.observed]) : []);
  blocks.push(
    table(
      [{ title: t('column.loop') }, { title: t('column.polarity') }, { title: t('column.loopVariables') }, { title: t('column.linkSigns') }, { title: t('column.observed') }],
      feedback.loops.map((loop) => {
        const seen = observed.get(loop.id);
        return [
          loop.id,
          t(`polarity.${loop.polarity}` as UiKey),
          [...loop.variables, loop.variables[0]!].join(' → '),
          loop.links.map((l) => (l.sign === '-' ? '−' : l.sign)).join(' '),
          seen ? t(`polarity.${seen}` as UiKey) : '',
        ];
      }),
    ),
  );
  if (feedback.truncated) blocks.push(paragraph(t('feedback.truncated', { count: formatCount(locale, feedback.loops.length) })));
  blocks.push(heading(t('dominance.title'), 2));
  if ('refused' in dominance) {
    return [...blocks, paragraph(t('dominance.tooLarge', { evaluations: formatCount(locale, dominance.evaluations), max: formatCount(locale, dominance.max) }))];
  }
  const method = dominance.method === 'rk4' ? 'RK4' : 'Euler';
  // Times to four significant figures (month 4.625), in the reader's number format.
  const time = (x: number) => formatNumber(locale, Number(x.toPrecision(4)), 20);
  const at = (x: number) => (period ? t('period.at', { period, n: time(x) }) : t('dominance.at', { t: time(x) }));
  const dt = period ? periodCount(locale, period, dominance.dt) : formatSignificant(locale, dominance.dt);
  blocks.push(paragraph(t('dominance.intro', { method, dt })));
  blocks.push(
    table(
      [
        { title: t('column.part'), align: 'right' },
        { title: t('column.fromTime') },
        { title: t('column.toTime') },
        { title: t('column.leading') },
        { title: t('column.meanShare'), align: 'right' },
        { title: t('column.dominant') },
      ],
      dominance.periods.map((p) => [
        formatCount(locale, p.partition),
        at(p.from),
        at(p.to),
        p.loop ?? t('dominance.none'),
        p.loop === null ? '' : formatPercent(locale, p.share),
        p.loop === null ? '' : t(p.dominant ? 'dominance.yes' : 'dominance.no'),
      ]),
    ),
  );
  for (const u of dominance.unscored) blocks.push(paragraph(t('dominance.unscored', { loop: u.loop, variable: u.variable, reason: u.reason })));
  return blocks;
}
