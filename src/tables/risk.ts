/** `symbiose risk`: what was drawn, then per actor the NPV's spread and the chance of a loss. */
import { actorName, type RiskResult } from '../analyses/index.js';
import type { ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, list, paragraph, table, type Block } from './blocks.js';
import { formatCount, formatFigure, formatMoney, formatPercent } from './numbers.js';
import { listOf, words } from './words.js';

export function riskBlocks(doc: ModelDocument, result: RiskResult, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const blocks: Block[] = [
    heading(t('risk.title', { model: doc.name })),
    paragraph(t('risk.intro', { runs: formatCount(locale, result.runs), sampling: t(`risk.sampling.${result.sampling}`), seed: result.seed, currency: doc.currency })),
  ];
  if (result.failed > 0) {
    blocks.push(paragraph(t('risk.failed', { failed: formatCount(locale, result.failed), runs: formatCount(locale, result.runs), codes: (result.failure ?? []).join(', ') })));
  }
  blocks.push(
    heading(t('risk.perActor'), 2),
    table(
      [
        { title: t('column.actor') },
        { title: t('risk.column.p5'), align: 'right' },
        { title: t('risk.column.p50'), align: 'right' },
        { title: t('risk.column.p95'), align: 'right' },
        { title: t('risk.column.mean'), align: 'right' },
        { title: t('risk.column.standardError'), align: 'right' },
        { title: t('risk.column.loss'), align: 'right' },
        { title: t('risk.column.standardError'), align: 'right' },
      ],
      result.actors.map((a) => [
        actorName(doc, a.actor),
        money(a.percentiles.p5),
        money(a.percentiles.p50),
        money(a.percentiles.p95),
        money(a.mean.value),
        money(a.mean.standardError),
        formatPercent(locale, a.lossProbability.value),
        formatPercent(locale, a.lossProbability.standardError),
      ]),
    ),
    ...assumptionBlocks(result, locale),
  );
  return blocks;
}

function assumptionBlocks(result: RiskResult, locale: Locale): Block[] {
  const t = words(locale);
  const figure = (x: number) => formatFigure(locale, x);
  const { sampled, held } = result.assumptions;
  const reasoned = held.filter((h) => h.reason !== 'no-range');
  const unranged = held.filter((h) => h.reason === 'no-range').map((h) => h.parameter);
  return [
    heading(t('risk.drawn'), 2),
    list(sampled.map((a) => t(a.period ? 'risk.drawnPeriod' : 'risk.drawnItem', { parameter: a.parameter, min: figure(a.min), mode: figure(a.mode), max: figure(a.max) })), t('risk.none')),
    heading(t('risk.held'), 2),
    list(
      [
        ...reasoned.map((h) => t('risk.heldItem', { parameter: h.parameter, reason: t(`risk.reason.${h.reason}`) })),
        ...(unranged.length > 0 ? [t('risk.noRange', { parameters: listOf(locale, unranged) })] : []),
      ],
      t('risk.none'),
    ),
  ];
}
