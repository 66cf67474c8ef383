/**
 * The words of a drafted learning card (analyses/experiment-learning.ts), in both languages at
 * once: the card is a record of the model, and the model carries its texts as { fr, en }. Each
 * part continues the workshop's phrase that the surfaces put before it ("Nous pensions que…",
 * "Nous avons observé…", "Nous avons appris que…", "Nous allons donc…"; "We believed that…",
 * "We observed…", "We learned that…", "Therefore we will…"). A p-value is called what it is: how
 * often counts this far apart would arise if both converted alike; never the chance of being
 * right. The Bayesian probability is named as a probability about the rates, given the prior.
 */
import { textIn, type LearningCard } from '../core/index.js';
import type { LearningDraft } from '../analyses/index.js';
import type { Locale } from './locale.js';
import { formatNumber, numberFormat } from './numbers.js';

const SPACE: Record<Locale, string> = { en: ' ', fr: '\u202f' };

function percent(locale: Locale, x: number): string {
  return `${numberFormat(locale, 1, 1).format(x * 100).replace('-', '−')}${SPACE[locale]}%`;
}

const significant = (locale: Locale, x: number) => formatNumber(locale, Number(x.toPrecision(3)), 12);

const TEST: Record<Locale, Record<string, string>> = {
  en: { boschloo: "Boschloo's exact test", fisher: "Fisher's exact test", z: 'the z test' },
  fr: { boschloo: 'test exact de Boschloo', fisher: 'test exact de Fisher', z: 'test z' },
};

function observed(draft: LearningDraft, locale: Locale): string {
  const [control, ...others] = draft.groups;
  const level = percent(locale, draft.level).replace(/[.,]0(?=\s)/, '');
  const share = (g: { id: string; counts: { successes: number; trials: number } }) =>
    locale === 'fr'
      ? `${g.counts.successes} sur ${g.counts.trials} (${percent(locale, g.counts.successes / g.counts.trials)}) dans le groupe ${g.id}`
      : `${g.counts.successes} of ${g.counts.trials} (${percent(locale, g.counts.successes / g.counts.trials)}) in group ${g.id}`;
  const groups = [control!, ...others].map(share).join(locale === 'fr' ? ', ' : ', ');
  const differences = draft.comparisons
    .map((c) =>
      locale === 'fr'
        ? `${c.variant} − ${control!.id} = ${percent(locale, c.difference.estimate)}, intervalle de confiance à ${level} de ${percent(locale, c.difference.interval.low)} à ${percent(locale, c.difference.interval.high)}`
        : `${c.variant} − ${control!.id} = ${percent(locale, c.difference.estimate)}, ${level} confidence interval ${percent(locale, c.difference.interval.low)} to ${percent(locale, c.difference.interval.high)}`,
    )
    .join('; ');
  const invented = draft.invented ? (locale === 'fr' ? '(comptes inventés, pour illustrer) ' : '(invented counts, for illustration) ') : '';
  return `${invented}${groups}${locale === 'fr' ? ' ; ' : '; '}${differences}`;
}

function learned(draft: LearningDraft, locale: Locale): string {
  const control = draft.groups[0]!.id;
  const alpha = formatNumber(locale, draft.alpha, 4);
  const parts = draft.comparisons.map((c) => {
    const test = TEST[locale][c.test]!;
    const p = significant(locale, c.pValue);
    const adjusted = c.adjusted ? (locale === 'fr' ? ' (ajustée par Holm)' : ' (Holm-adjusted)') : '';
    const bayes = percent(locale, c.probabilityBetter);
    const low = percent(locale, c.difference.interval.low);
    const high = percent(locale, c.difference.interval.high);
    if (c.verdict === 'variant-differs') {
      const direction = c.difference.estimate > 0 ? (locale === 'fr' ? 'mieux' : 'better') : locale === 'fr' ? 'moins bien' : 'worse';
      return locale === 'fr'
        ? `${c.variant} convertit ${direction} que ${control} : ${test}, p = ${p}${adjusted} ≤ ${alpha} (des comptes aussi écartés seraient rares si les deux convertissaient pareil) ; la différence va de ${low} à ${high}, et la probabilité que ${c.variant} fasse mieux, avec une loi a priori uniforme, est de ${bayes}`
        : `${c.variant} converts ${direction} than ${control}: ${test}, p = ${p}${adjusted} ≤ ${alpha} (counts this far apart would be rare if both converted alike); the difference runs from ${low} to ${high}, and the probability that ${c.variant} does better, under a uniform prior, is ${bayes}`;
    }
    return locale === 'fr'
      ? `ces comptes ne départagent pas ${c.variant} et ${control} : ${test}, p = ${p}${adjusted} > ${alpha}, la différence peut aller de ${low} à ${high} ; la probabilité que ${c.variant} fasse mieux, avec une loi a priori uniforme, est de ${bayes}, ce qui ne suffit pas à décider`
      : `these counts cannot tell ${c.variant} from ${control}: ${test}, p = ${p}${adjusted} > ${alpha}, and the difference could be anywhere from ${low} to ${high}; the probability that ${c.variant} does better, under a uniform prior, is ${bayes}, not enough to decide`;
  });
  const threshold = draft.threshold;
  if (threshold !== undefined) {
    const reached = draft.comparisons.filter((c) => c.thresholdReached).map((c) => c.variant);
    const t = percent(locale, threshold);
    parts.push(
      reached.length > 0
        ? locale === 'fr'
          ? `le seuil de la carte de test (${t}) est atteint par ${reached.join(', ')} sur les taux observés`
          : `the test card's threshold (${t}) is reached by ${reached.join(', ')} on the observed rates`
        : locale === 'fr'
          ? `aucune variante n'atteint le seuil de la carte de test (${t}) sur les taux observés`
          : `no variant reaches the test card's threshold (${t}) on the observed rates`,
    );
  }
  const range = (s: { mean: number; low: number; high: number }) =>
    locale === 'fr' ? `${percent(locale, s.mean)} (de ${percent(locale, s.low)} à ${percent(locale, s.high)})` : `${percent(locale, s.mean)} (${percent(locale, s.low)} to ${percent(locale, s.high)})`;
  for (const c of draft.calibrations) {
    parts.push(
      locale === 'fr'
        ? `calibré sur le groupe ${c.variant}, ${c.parameter} passe de ${range(c.before)} à ${range(c.after)}`
        : `calibrated on group ${c.variant}, ${c.parameter} moves from ${range(c.before)} to ${range(c.after)}`,
    );
  }
  return parts.join(locale === 'fr' ? ' ; ' : '; ');
}

function decision(draft: LearningDraft, locale: Locale): string {
  const d = draft.decision;
  const control = draft.groups[0]!.id;
  const names = draft.calibrations.map((c) => c.parameter).join(', ');
  const keep = names ? (locale === 'fr' ? `, et reprendre ${names} à la valeur calibrée dans le modèle` : `, and carry ${names} at the calibrated value in the model`) : '';
  if (d.code === 'adopt') return locale === 'fr' ? `retenir l'offre ${d.variant}${keep}` : `adopt offer ${d.variant}${keep}`;
  if (d.code === 'keep-control') return locale === 'fr' ? `garder l'offre ${control}, qui convertit mieux que ${d.variant}${keep}` : `keep offer ${control}, which converts better than ${d.variant}${keep}`;
  const n = d.trials === undefined ? undefined : formatNumber(locale, d.trials, 0);
  if (n === undefined) return locale === 'fr' ? `refaire le test sur des groupes plus grands avant de choisir` : `rerun the test with larger groups before choosing`;
  return locale === 'fr'
    ? `refaire le test avec environ ${n} personnes par groupe (de quoi détecter l'écart observé avec une puissance de 80 %) avant de choisir l'offre`
    : `rerun the test with about ${n} people per group (enough to detect the difference observed with 80 % power) before choosing the offer`;
}

/** The French rule: a no-break space before a colon, a narrow one before a semicolon. */
const frenchTypography = (s: string) => s.replace(/ :/g, '\u00a0:').replace(/ ;/g, '\u202f;');

/**
 * The learning card a draft supports, as the model records it: each part in French and English,
 * the hypothesis and experiment it concerns, and the parameter the results updated, before and
 * after. `modelVersion` is the surface's to add (a workspace version, or a tag).
 */
export function learningCardFromDraft(draft: LearningDraft): LearningCard {
  const both = (make: (locale: Locale) => string) => ({ fr: frenchTypography(make('fr')), en: make('en') });
  const believed = { fr: textIn(draft.believed, 'fr') ?? '', en: textIn(draft.believed, 'en') ?? '' };
  const round = (s: { mean: number; low: number; high: number }, level: number) => ({ mean: Number(s.mean.toPrecision(4)), low: Number(s.low.toPrecision(4)), high: Number(s.high.toPrecision(4)), level });
  const calibrated = draft.calibrations.map((c) => ({ parameter: c.parameter, variant: c.variant, before: round(c.before, c.level), after: round(c.after, c.level) }));
  return {
    ...(draft.hypothesis !== undefined ? { hypothesis: draft.hypothesis } : {}),
    experiment: draft.experiment,
    believed,
    observed: both((l) => observed(draft, l)),
    learned: both((l) => learned(draft, l)),
    decision: both((l) => decision(draft, l)),
    ...(calibrated.length > 0 ? { calibrated } : {}),
    ...(draft.invented ? { description: { fr: "carte d'apprentissage rédigée sur des comptes inventés, pour illustrer", en: 'a learning card drafted on invented counts, for illustration' } } : {}),
  };
}
