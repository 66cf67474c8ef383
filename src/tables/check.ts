/** Sustainability checks (symbiose check) as printable blocks: each check, its findings in words. */
import { actorName, objectName, scenarioName, transactionName, type Finding, type Severity, type SustainabilityChecks } from '../analyses/index.js';
import { annualDiscountRate, type ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, list, paragraph, type Block } from './blocks.js';
import { formatCount, formatMoney, formatPercent } from './numbers.js';
import { listOf, periodCount, words } from './words.js';

export function checkBlocks(doc: ModelDocument, result: SustainabilityChecks, threshold: Severity, failing: number, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const periods = periodCount(locale, doc.period, doc.horizon);
  const scale = result.scale === 'npv' ? t('share.scaleNpv', { periods, rate: formatPercent(locale, annualDiscountRate(doc.discountRate)) }) : t('share.scaleTotal', { periods });
  const severity = (s: Severity) => t(`check.severity.${s}`);
  const blocks: Block[] = [
    heading(t('check.title', { model: doc.name })),
    paragraph(t('check.intro', { scale, currency: result.currency, created: money(result.valueCreated), threshold: severity(threshold) })),
  ];
  for (const check of result.checks) {
    const name = t(`check.name.${check.check}`);
    if (check.passed) {
      blocks.push(paragraph(t('check.passed', { check: name })));
      continue;
    }
    blocks.push(paragraph(t('check.failed', { check: name })));
    blocks.push(list(check.findings.map((f) => `[${severity(f.severity)}] ${findingText(doc, f, locale)}`), ''));
  }
  blocks.push(paragraph(failing === 0 ? t('check.verdictPass', { threshold: severity(threshold) }) : t('check.verdictFail', { count: failing, threshold: severity(threshold) })));
  return blocks;
}

/** One finding in words, with its figures. */
export function findingText(doc: ModelDocument, f: Finding, locale: Locale): string {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const actor = (id: string) => actorName(doc, id);
  const actors = (ids: string[]) => listOf(locale, ids.map(actor));
  switch (f.code) {
    case 'negative-net-value':
      return t('check.finding.negative-net-value', { actor: actor(f.actor), captured: money(f.captured) });
    case 'collapse':
      return t('check.finding.collapse', {
        first: actors(f.rounds[0]!.map((r) => r.actor)),
        collapsed: f.collapsed.length ? actors(f.collapsed) : undefined,
        rounds: f.collapsed.length,
        before: money(f.valueBefore),
        after: money(f.valueAfter),
        lost: money(f.lost),
      });
    case 'data-nothing-back':
      return t('check.finding.data-nothing-back', {
        actor: actor(f.actor),
        object: objectName(doc, f.object),
        units: formatCount(locale, f.units),
        transaction: transactionName(doc, f.transaction),
        scenario: scenarioName(doc, f.scenario),
        elsewhere: f.elsewhere > 0 ? t('check.elsewhere', { amount: money(f.elsewhere) }) : '',
      });
    case 'capture-share':
      return t('check.finding.capture-share', { actor: actor(f.actor), captured: money(f.captured), share: formatPercent(locale, f.share), limit: formatPercent(locale, f.limit) });
    case 'capture-gap':
      return t('check.finding.capture-gap', { actor: actor(f.actor), captured: money(f.captured), gap: money(f.gap), shapley: money(f.shapley), limit: formatPercent(locale, f.limit) });
    case 'single-point-of-failure':
      return t('check.finding.single-point-of-failure', { actor: actor(f.actor), without: money(f.valueWithout), share: formatPercent(locale, f.share) });
    case 'subsidised-side':
      return t('check.finding.subsidised-side', { platform: actor(f.platform), actor: actor(f.actor), paid: money(f.paid), costs: money(f.costs), by: actors(f.by.map((b) => b.actor)) });
  }
}
