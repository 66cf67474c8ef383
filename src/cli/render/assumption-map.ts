/** `symbiose experiment map`: the assumption map as a table, the most important and least tested first, and what to test first. */
import { formatNumber, type Locale } from '../../i18n/index.js';
import type { MappedAssumption } from '../../analyses/index.js';
import { heading, paragraph, table, type Block } from '../../tables/index.js';
import type { UiKey } from '../../i18n/index.js';
import { t } from '../lang.js';

export function assumptionMapBlocks(map: readonly MappedAssumption[], locale: Locale, ranked: boolean): Block[] {
  if (map.length === 0) return [heading(t('map.heading')), paragraph(t('map.empty'))];
  const rows = map.map((m) => [
    m.hypothesis,
    t(`map.kind.${m.kind}` as UiKey),
    m.importance === undefined ? '—' : t(`map.importance.${m.importance}` as UiKey) + (m.sensitivityShare !== undefined ? ` (${formatNumber(locale, m.sensitivityShare, 2)})` : ''),
    t(`map.evidence.${m.evidence}` as UiKey),
    [...m.testCards, ...m.experiments].join(', ') || '—',
    t(`map.quadrant.${m.quadrant}` as UiKey),
  ]);
  const first = map.filter((m) => m.quadrant === 'test-first').map((m) => m.hypothesis);
  return [
    heading(t('map.heading')),
    table([{ title: t('map.col.hypothesis') }, { title: t('map.col.kind') }, { title: t(ranked ? 'map.col.importanceRanked' : 'map.col.importance') }, { title: t('map.col.evidence') }, { title: t('map.col.tests') }, { title: t('map.col.quadrant') }], rows),
    paragraph(first.length > 0 ? t('map.testFirst', { list: first.join(', '), count: first.length }) : t('map.nothingFirst')),
  ];
}
