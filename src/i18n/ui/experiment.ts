/**
 * The words of `symbiose experiment` (issue 18): planning and analysing conversion tests. The
 * figures come in already formatted for the language; the verdicts never call a p-value the
 * probability of being right.
 */
import type { Template } from '../template.js';

export const experimentEn = {
  'cmd.experiment': 'plan and analyse A/B tests of conversion: power and sample size before, exact tests after',
  'cmd.experiment.analyse': 'analyse conversion counts: the control first, then each variant, as SUCCESSES/TRIALS (e.g. 5/50 12/50)',
  'cmd.experiment.counts': 'the control, then each variant, as SUCCESSES/TRIALS',
  'cmd.experiment.level': 'confidence level of the intervals (default 0.95)',
  'cmd.experiment.alpha': 'significance level of the tests (default 0.05)',
  'cmd.experiment.plan': 'whether a planned A/B design can answer its test card: power, sample needed, detectable effect',
  'cmd.experiment.control': "the control's expected conversion rate (0.10 or 10%)",
  'cmd.experiment.variant': "the variant's rate the test should be able to detect",
  'cmd.experiment.trials': 'trials per group: N, or NA,NB for unequal groups',
  'cmd.experiment.power': 'the power wanted (default 0.8)',
  'experiment.badCounts': '"{value}" is not SUCCESSES/TRIALS: whole numbers, trials at least 1, successes from 0 to the trials',
  'experiment.badRate': '{option} "{value}" is not a rate from 0 to 1 (write 0.15 or 15%)',
  'experiment.badTrials': '--trials "{value}" is not N or NA,NB with whole numbers of at least 1',
  'experiment.badFraction': '{option} "{value}" is not a number strictly between 0 and 1',
  'experiment.sameRates': 'the control and the variant have the same rate: there is no effect to detect',
  'experiment.tooFew': 'give the control and at least one variant, as SUCCESSES/TRIALS',
  'experiment.analysisHeading': 'Conversion test: each variant against the control',
  'experiment.planHeading': 'Planned design: {control} against {variant}, {trialsA} and {trialsB} trials',
  'experiment.col.variant': 'variant',
  'experiment.col.counts': 'converted',
  'experiment.col.rate': 'rate',
  'experiment.col.difference': 'difference [{level} interval]',
  'experiment.col.ratio': 'ratio [{level} interval]',
  'experiment.col.test': 'test',
  'experiment.col.p': 'p-value',
  'experiment.col.method': 'method',
  'experiment.col.power': 'power',
  'experiment.col.perGroup': 'trials per group for {power} power',
  'experiment.control': 'A (control)',
  'experiment.testShort.boschloo': 'Boschloo',
  'experiment.testShort.fisher': 'Fisher',
  'experiment.testShort.z': 'z',
  'experiment.test.boschloo': "Boschloo's exact test",
  'experiment.test.fisher': "Fisher's exact test",
  'experiment.test.z': 'z test (normal approximation)',
  'experiment.method.normal': 'normal approximation (Fleiss)',
  'experiment.method.normal-continuity': 'normal, continuity-corrected (Fleiss, Tytun & Ury)',
  'experiment.method.arcsine': "arcsine (Cohen's h)",
  'experiment.method.exact': "exact, Boschloo's test (every table enumerated)",
  'experiment.verdict.variant-differs':
    '{variant}: {test}, p = {p} ≤ {alpha}. Counts this far apart would be rare if {variant} and the control converted alike. The p-value is that rarity, not the probability that {variant} is better.',
  'experiment.verdict.too-weak-to-decide': (p) =>
    `${p.variant}: ${p.test}, p = ${p.p} > ${p.alpha}. The evidence is too weak to decide: the counts fit a difference of none as well as the one observed.` +
    (p.needed ? ` To detect a change from ${p.control} to ${p.observed} with 80 % power would take about ${p.needed} trials per group.` : ''),
  'experiment.condition': "{variant}: the z test's condition fails (an expected count of {min}, below 5), so Fisher's exact test decides.",
  'experiment.overall': 'All {k} variants alike? Chi-square test, {df} degrees of freedom: X² = {x2}, p = {p}.',
  'experiment.holm': 'With {m} comparisons against the control, Holm’s correction keeps the chance of any false alarm at {alpha}: adjusted p-values {list}.',
  'experiment.overallCondition': ' Its condition fails (an expected count of {min}, below 5): read it with care.',
  'experiment.design-cannot-answer': (p) =>
    `This design cannot answer the test card: with ${p.trialsA} and ${p.trialsB} trials, a real change from ${p.control} to ${p.variant} would be detected with a probability of only ${p.power} (${p.how}). ` +
    `It would take ${p.needed} trials per group for ${p.target} power; with these groups, only a change to ${p.detectable} or more would be detected that often.`,
  'experiment.design-can-answer': (p) =>
    `This design can answer the test card: it detects a change from ${p.control} to ${p.variant} with a probability of ${p.power} (${p.how}), at least the ${p.target} wanted.`,
  'experiment.nothingDetectable': 'no rate up to 100 %',
  'experiment.how.normal': 'by the normal approximation',
} satisfies Record<string, Template>;

export const experimentFr: Record<keyof typeof experimentEn, Template> = {
  'cmd.experiment': 'planifier et analyser des tests A/B de conversion : puissance et taille d’échantillon avant, tests exacts après',
  'cmd.experiment.analyse': 'analyser des comptes de conversion : le témoin d’abord, puis chaque variante, en SUCCÈS/ESSAIS (par ex. 5/50 12/50)',
  'cmd.experiment.counts': 'le témoin, puis chaque variante, en SUCCÈS/ESSAIS',
  'cmd.experiment.level': 'niveau de confiance des intervalles (0,95 par défaut)',
  'cmd.experiment.alpha': 'seuil de signification des tests (0,05 par défaut)',
  'cmd.experiment.plan': 'si un plan de test A/B peut répondre à sa carte de test : puissance, échantillon nécessaire, effet détectable',
  'cmd.experiment.control': 'le taux de conversion attendu du témoin (0.10 ou 10%)',
  'cmd.experiment.variant': 'le taux de la variante que le test doit pouvoir détecter',
  'cmd.experiment.trials': 'essais par groupe : N, ou NA,NB pour des groupes inégaux',
  'cmd.experiment.power': 'la puissance voulue (0,8 par défaut)',
  'experiment.badCounts': '« {value} » n’est pas SUCCÈS/ESSAIS : des nombres entiers, au moins 1 essai, de 0 succès au nombre d’essais',
  'experiment.badRate': '{option} « {value} » n’est pas un taux de 0 à 1 (écrire 0.15 ou 15%)',
  'experiment.badTrials': '--trials « {value} » n’est pas N ou NA,NB en nombres entiers d’au moins 1',
  'experiment.badFraction': '{option} « {value} » n’est pas un nombre strictement entre 0 et 1',
  'experiment.sameRates': 'le témoin et la variante ont le même taux : il n’y a pas d’effet à détecter',
  'experiment.tooFew': 'donner le témoin et au moins une variante, en SUCCÈS/ESSAIS',
  'experiment.analysisHeading': 'Test de conversion : chaque variante face au témoin',
  'experiment.planHeading': 'Plan de test : {control} contre {variant}, {trialsA} et {trialsB} essais',
  'experiment.col.variant': 'variante',
  'experiment.col.counts': 'convertis',
  'experiment.col.rate': 'taux',
  'experiment.col.difference': 'différence [intervalle à {level}]',
  'experiment.col.ratio': 'rapport [intervalle à {level}]',
  'experiment.col.test': 'test',
  'experiment.col.p': 'valeur p',
  'experiment.col.method': 'méthode',
  'experiment.col.power': 'puissance',
  'experiment.col.perGroup': 'essais par groupe pour une puissance de {power}',
  'experiment.control': 'A (témoin)',
  'experiment.testShort.boschloo': 'Boschloo',
  'experiment.testShort.fisher': 'Fisher',
  'experiment.testShort.z': 'z',
  'experiment.test.boschloo': 'test exact de Boschloo',
  'experiment.test.fisher': 'test exact de Fisher',
  'experiment.test.z': 'test z (approximation normale)',
  'experiment.method.normal': 'approximation normale (Fleiss)',
  'experiment.method.normal-continuity': 'normale, corrigée de la continuité (Fleiss, Tytun et Ury)',
  'experiment.method.arcsine': 'arc sinus (h de Cohen)',
  'experiment.method.exact': 'exacte, test de Boschloo (toutes les tables énumérées)',
  'experiment.verdict.variant-differs':
    '{variant} : {test}, p = {p} ≤ {alpha}. Des comptes aussi éloignés seraient rares si {variant} et le témoin convertissaient autant. La valeur p mesure cette rareté, pas la probabilité que {variant} soit meilleure.',
  'experiment.verdict.too-weak-to-decide': (p) =>
    `${p.variant} : ${p.test}, p = ${p.p} > ${p.alpha}. Les preuves sont trop faibles pour décider : les comptes s’accordent aussi bien avec une absence de différence qu’avec celle observée.` +
    (p.needed ? ` Pour détecter un passage de ${p.control} à ${p.observed} avec une puissance de 80 %, il faudrait environ ${p.needed} essais par groupe.` : ''),
  'experiment.condition': '{variant} : la condition du test z n’est pas remplie (un effectif attendu de {min}, sous 5), donc le test exact de Fisher tranche.',
  'experiment.overall': 'Les {k} variantes convertissent-elles autant ? Test du khi-deux, {df} degrés de liberté : X² = {x2}, p = {p}.',
  'experiment.holm': 'Avec {m} comparaisons au témoin, la correction de Holm garde à {alpha} le risque d’une fausse alerte quelconque : valeurs p ajustées {list}.',
  'experiment.overallCondition': ' Sa condition n’est pas remplie (un effectif attendu de {min}, sous 5) : à lire avec prudence.',
  'experiment.design-cannot-answer': (p) =>
    `Ce plan ne peut pas répondre à la carte de test : avec ${p.trialsA} et ${p.trialsB} essais, un vrai passage de ${p.control} à ${p.variant} ne serait détecté qu’avec une probabilité de ${p.power} (${p.how}). ` +
    `Il faudrait ${p.needed} essais par groupe pour une puissance de ${p.target} ; avec ces groupes, seul un passage à ${p.detectable} ou plus serait détecté aussi souvent.`,
  'experiment.design-can-answer': (p) =>
    `Ce plan peut répondre à la carte de test : il détecte un passage de ${p.control} à ${p.variant} avec une probabilité de ${p.power} (${p.how}), au moins les ${p.target} voulus.`,
  'experiment.nothingDetectable': 'aucun taux jusqu’à 100 %',
  'experiment.how.normal': 'par l’approximation normale',
};
