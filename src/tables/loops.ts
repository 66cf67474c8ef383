/** Cycles of value (symbiose loops) as printable blocks. */
import { actorName, objectName, type ValueCycles } from '../analyses/index.js';
import { annualDiscountRate, type ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, list, paragraph, type Block } from './blocks.js';
import { formatCount, formatMoney, formatPercent } from './numbers.js';
import { listOf, periodCount, words } from './words.js';

export function loopBlocks(doc: ModelDocument, result: ValueCycles, locale: Locale): Block[] {
  const t = words(locale);
  const periods = periodCount(locale, doc.period, doc.horizon);
  const scale = result.scale === 'npv' ? t('share.scaleNpv', { periods, rate: formatPercent(locale, annualDiscountRate(doc.discountRate)) }) : t('share.scaleTotal', { periods });
  const range = { min: result.minLength, max: result.maxLength };
  const blocks: Block[] = [heading(t('loops.title', { model: doc.name })), paragraph(t('loops.intro', { scale, currency: result.currency, ...range }))];
  if (result.cycles.length === 0) return [...blocks, paragraph(t('loops.none', range))];
  blocks.push(
    list(
      result.cycles.map((c) =>
        t('loops.cycle', {
          cycle: [...c.actors, c.actors[0]!].map((a) => actorName(doc, a)).join(' → '),
          around: formatMoney(locale, c.around),
          arrows: c.arrows.map((a) => t('loops.arrow', { from: actorName(doc, a.from), to: actorName(doc, a.to), objects: listOf(locale, a.objects.map((o) => objectName(doc, o))) })).join(t('loops.arrowSeparator')),
        }),
      ),
      t('loops.none', range),
    ),
  );
  if (result.truncated) blocks.push(paragraph(t('loops.truncated', { count: formatCount(locale, result.cycles.length) })));
  return blocks;
}
