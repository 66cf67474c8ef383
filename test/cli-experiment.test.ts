/**
 * `symbiose experiment analyse|plan` as a user runs it (the built bin): the figures of
 * src/stats/experiments in words, in English and French, JSON for tools, exit 2 on bad counts.
 * The figures' references are in src/stats/experiments/*.test.ts (scipy / statsmodels calls).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/symbiose.js');
const run = (args: string[], lang = 'en') => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: lang } });

describe('symbiose experiment plan', () => {
  it('says plainly that two groups of 50 cannot tell 10 % from 15 %, with the numbers', () => {
    const r = run(['experiment', 'plan', '--control', '10%', '--variant', '15%', '--trials', '50']);
    expect(r.status).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    // Boschloo's exact power 0.0854 and Fleiss's corrected 726 per group (design-check.test.ts),
    // normal power 0.117 (statsmodels power_proportions_2indep), 32.7 % detectable.
    expect(out).toContain('This design cannot answer the test card');
    expect(out).toContain('with a probability of only 8.5 %');
    expect(out).toContain('It would take 726 trials per group for 80.0 % power');
    expect(out).toContain('only a change to 32.7 % or more');
    expect(out).toMatch(/normal approximation \(Fleiss\) 11\.7 % 686/);
  });

  it('speaks French and gives the same data as JSON', () => {
    const fr = run(['experiment', 'plan', '--control', '0.10', '--variant', '0.15', '--trials', '50'], 'fr');
    expect(fr.stdout.replace(/\s+/g, ' ')).toContain('Ce plan ne peut pas répondre à la carte de test');
    const json = JSON.parse(run(['experiment', 'plan', '--control', '0.10', '--variant', '0.15', '--trials', '50', '--json']).stdout);
    expect(json.code).toBe('design-cannot-answer');
    expect(json.needed.trialsA).toBe(726);
    expect(json.exactPower.power).toBeCloseTo(0.0854, 4);
  });

  it('refuses rates and sizes that are not, with exit 2', () => {
    const bad = run(['experiment', 'plan', '--control', '2', '--variant', '0.1', '--trials', '50']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--control "2" is not a rate from 0 to 1');
    expect(run(['experiment', 'plan', '--control', '0.1', '--variant', '0.1', '--trials', '50']).status).toBe(2);
    expect(run(['experiment', 'plan', '--control', '0.1', '--variant', '0.2', '--trials', '50,0']).status).toBe(2);
  });
});

describe('symbiose experiment analyse', () => {
  it('recommends Boschloo on small groups and says when the evidence is too weak, with the sample that would decide', () => {
    const r = run(['experiment', 'analyse', '5/50', '12/50']);
    expect(r.status).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    // stats.boschloo_exact([[12, 5], [38, 45]]).pvalue → 0.07878623929223892; Newcombe interval
    // (-0.009397279766490851, 0.2855506705896387); 126 per group (analysis.test.ts).
    expect(out).toContain('14.0 % [−0.9 %; 28.6 %]');
    expect(out).toContain("B: Boschloo's exact test, p = 0.0788 > 0.05. The evidence is too weak to decide");
    expect(out).toContain('about 126 trials per group');
    expect(out).not.toMatch(/probability that B is better/);
  });

  it('never calls a p-value the probability of being right when a variant differs', () => {
    // stats.boschloo_exact([[12, 2], [38, 48]]).pvalue → 0.004028706651074411
    const out = run(['experiment', 'analyze', '2/50', '12/50']).stdout.replace(/\s+/g, ' ');
    expect(out).toContain('p = 0.00403 ≤ 0.05');
    expect(out).toContain('not the probability that B is better');
  });

  it('tests k variants together with chi-square, in French', () => {
    // chi2_contingency([[30, 42, 25, 51], [970, 958, 975, 949]], correction=False) → p 0.008808676681744631
    const out = run(['experiment', 'analyse', '30/1000', '42/1000', '25/1000', '51/1000'], 'fr').stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Test du khi-deux, 3 degrés de liberté');
    expect(out).toContain('p = 0,00881');
    // Holm on the three z tests (analysis.test.ts): B 0,3, C 0,494, D 0,0516
    expect(out).toContain('valeurs p ajustées B 0,3, C 0,494, D 0,0516');
  });

  it('gives JSON with the named methods, and refuses bad counts with exit 2', () => {
    const json = JSON.parse(run(['experiment', 'analyse', '5/50', '12/50', '--json']).stdout);
    expect(json.comparisons[0].difference.method).toBe('newcombe-hybrid-score');
    expect(json.comparisons[0].ratio.method).toBe('katz-log');
    expect(json.verdicts[0].code).toBe('too-weak-to-decide');
    for (const args of [['5/4', '1/2'], ['5/50'], ['a/b', '1/2']]) {
      const bad = run(['experiment', 'analyse', ...args]);
      expect(bad.status, args.join(' ')).toBe(2);
      expect(bad.stderr).not.toMatch(/internal error|at .*\.js/);
    }
  });
});

describe('symbiose experiment analyse: Bayesian and sequential readings, counts from a CSV file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-experiment-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('gives the probability that B beats the control and the expected losses, never a p-value as one', () => {
    // scipy (bayesian.test.ts): P(B > A) 0.9664947604564185, E[(A − B)⁺] 0.0010032, E[(B − A)⁺] 0.1356186.
    const out = run(['experiment', 'analyse', '5/50', '12/50']).stdout.replace(/\s+/g, ' ');
    expect(out).toContain('the probability that B converts better than the control is 96.6 %, at least 95.0 %');
    expect(out).toContain('Shipping it costs 0.10 percentage points');
    expect(out).toContain('keeping the control would cost 13.56');
    expect(out).toContain('a p-value is not one of them');
    // The always-valid p-value of one look, 1/Λ with τ = 0.05 (sequential.test.ts's formula).
    expect(out).toMatch(/B: always-valid p = 0\.\d+ > 0\.05: not decided/);
  });

  it('reads looks from a CSV file (semicolons, French headers) and reads them sequentially', () => {
    const looks = file('looks.csv', 'regard;variante;convertis;exposés\n1;Témoin;2;20\n1;Offre;5;20\n2;Témoin;6;60\n2;Offre;14;60\n3;Témoin;10;120\n3;Offre;28;120\n');
    const out = run(['experiment', 'analyse', '--from', looks]).stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Témoin (control) 10/120');
    // Look 3: p̄ = 38/240, s² = p̄(1 − p̄) · 2/120, θ̂ = 0.15, τ = 0.05 → 1/Λ = 0.0997 (by the formula in sequential.ts).
    const p = 38 / 240;
    const s2 = p * (1 - p) * (2 / 120);
    const lambda = Math.sqrt(s2 / (s2 + 0.0025)) * Math.exp((0.0025 * 0.15 ** 2) / (2 * s2 * (s2 + 0.0025)));
    expect((1 / lambda).toPrecision(3)).toBe('0.0997');
    expect(out).toContain('3 10/120 28/120 15.0 % 0.0997');
    expect(out).toContain('Offre: always-valid p = 0.0997 > 0.05');
  });

  it('adds up one row per person, and points at the line of a bad cell with exit 2', () => {
    const people = file('people.csv', 'variant,converted\nA,no\nB,yes\nA,yes\nB,yes\nA,no\nB,no\n');
    const json = JSON.parse(run(['experiment', 'analyse', '--from', people, '--json']).stdout);
    expect(json.variants).toEqual([{ successes: 1, trials: 3 }, { successes: 2, trials: 3 }]);
    expect(json.names).toEqual(['A', 'B']);
    const bad = run(['experiment', 'analyse', '--from', file('bad.csv', 'variant,converted\nA,no\nB,perhaps\n')], 'fr');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad.csv, ligne 3\u00a0: «\u00a0perhaps\u00a0» dans la colonne «\u00a0converted\u00a0» n’est ni oui ni non');
    expect(run(['experiment', 'analyse', '1/2', '--from', people]).status).toBe(2);
  });

  it('writes the tables as CSV', () => {
    const csv = run(['experiment', 'analyse', '5/50', '12/50', '--format', 'csv']).stdout;
    expect(csv).toContain('P(beats control)');
  });
});

describe('symbiose experiment plan --sequential', () => {
  it('gives the stopping differences, the power over the looks and the maximum needed', () => {
    const r = run(['experiment', 'plan', '--control', '10%', '--variant', '20%', '--trials', '200', '--sequential', '--looks', '10']);
    expect(r.status).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Sequential plan: 10 looks up to 200 trials per group, mSPRT with τ = 10.0 %');
    // Fixed horizon at 200: 1.959964 · √(2 · 0.15 · 0.85 / 200) = 0.06999 → 7.0 %; Fleiss without correction: 199.
    expect(out).toContain('one fixed-horizon test would need a difference of 7.0 %');
    expect(out).toContain('(one fixed-horizon test: 199)');
    const json = JSON.parse(run(['experiment', 'plan', '--control', '10%', '--variant', '20%', '--trials', '200', '--sequential', '--json']).stdout);
    expect(json.sequential.looks).toHaveLength(20);
    expect(json.sequential.neededMaxTrials).toBeGreaterThan(199);
    expect(run(['experiment', 'plan', '--control', '10%', '--variant', '20%', '--trials', '200,100', '--sequential']).status).toBe(2);
  });
});

describe('symbiose experiment wtp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-wtp-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  // The five consistent respondents of src/stats/wtp/wtp.test.ts, where the points are worked by hand.
  const survey = 'too cheap,cheap,expensive,too expensive\n2,4,6,8\n3,5,7,10\n1,3,5,7\n2,4,8,12\n4,6,9,11\n5,4,6,8\n';

  it("gives Van Westendorp's four price points in words and draws the curves", () => {
    const r = run(['experiment', 'wtp', file('vw.csv', survey)]);
    expect(r.status).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Acceptable prices run from 3 ');
    expect(out).toContain('to 7.5 ');
    expect(out).toContain('Fewest reject the price at 4; as many call it cheap as expensive at 5.');
    expect(out).toContain('5 of 6 respondents; 1 set aside');
    expect(r.stdout).toContain('t too cheap, c cheap, e expensive, x too expensive');
    const json = JSON.parse(run(['experiment', 'wtp', join(dir, 'vw.csv'), '--json']).stdout);
    expect([json.pmc, json.opp, json.ipp, json.pme]).toEqual([3, 4, 5, 7.5]);
    expect(json.curves.tooExpensive.slice(5)).toEqual([0, 0.2, 0.4, 0.4, 0.6, 0.8, 1]);
    const csv = run(['experiment', 'wtp', join(dir, 'vw.csv'), '--format', 'csv']).stdout;
    expect(csv).toContain('too expensive');
  });

  it('gives Gabor–Granger demand and revenue, in French', () => {
    const r = run(['experiment', 'wtp', file('gg.csv', 'id,10,20,30\n1,oui,oui,non\n2,oui,non,non\n3,oui,oui,oui\n4,oui,oui,\n')], 'fr');
    const out = r.stdout.replace(/\s+/g, ' ');
    // By hand (wtp.test.ts): revenue 10 at 10, 15 at 20, 10 at 30.
    expect(out).toContain('La recette par répondant est la plus forte à 20 (15)');
  });

  it('points at a bad cell, and refuses a survey where nobody answered consistently', () => {
    const bad = run(['experiment', 'wtp', file('bad.csv', 'too cheap,cheap,expensive,too expensive\n1,2,x,4\n')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad.csv, line 2: "x" in column "expensive" is not a price');
    const none = run(['experiment', 'wtp', file('none.csv', 'too cheap,cheap,expensive,too expensive\n4,3,2,1\n')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no respondent gave four rising prices');
  });
});

describe('symbiose experiment calibrate', () => {
  it('updates a Beta prior exactly and a PERT prior on a grid, with the figures of calibration.test.ts', () => {
    const beta = JSON.parse(run(['experiment', 'calibrate', '--prior', 'beta:2,8', '--counts', '12/50', '--json']).stdout);
    expect(beta.method).toBe('beta-conjugate');
    expect(beta.posterior).toEqual({ kind: 'beta', alpha: 14, beta: 46 });
    const out = run(['experiment', 'calibrate', '--prior', 'pert:0.05,0.1,0.3', '--counts', '12/50']).stdout.replace(/\s+/g, ' ');
    // scipy (calibration.test.ts): prior mean 0.125, sd 0.0433; posterior mean 0.18006, interval [0.1131; 0.2469].
    expect(out).toContain('before PERT(0.05, 0.1, 0.3) 12.5 % 4.3 % [6.0 %; 22.1 %]');
    expect(out).toContain('after discrete (50 values) 18.0 % 3.5 % [11.3 %; 24.7 %]');
    expect(out).toContain('grid posterior');
  });

  it('refuses a prior it cannot read or draw from, with exit 2', () => {
    for (const prior of ['pert:0.3,0.1,0.05', 'gamma:1,2', 'beta:1', 'uniform:a,b']) {
      const r = run(['experiment', 'calibrate', '--prior', prior, '--counts', '12/50']);
      expect(r.status, prior).toBe(2);
      expect(r.stderr, prior).toContain('--prior');
    }
  });
});

describe('experiments recorded in a model (purple-button, seed 003)', () => {
  it("analyses the young-driver test from the model's records, saying its counts are invented", () => {
    const r = run(['experiment', 'analyse', 'purple-button', '--experiment', 'young-drivers']);
    expect(r.status).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('These counts are INVENTED, for illustration');
    // 16/50 against 10/50: stats.boschloo_exact([[10, 16], [40, 34]]).pvalue → 0.193 (the figure of the learning card).
    expect(out).toContain('a (control) 16/50 32.0 %');
    expect(out).toContain("b: Boschloo's exact test, p = 0.193 > 0.05. The evidence is too weak to decide");
    expect(out).toContain('about 225 trials per group');
    const json = JSON.parse(run(['experiment', 'analyse', 'purple-button', '--experiment', '--json']).stdout);
    expect(json.invented).toBe(true);
    expect(json.names).toEqual(['a', 'b']);
    const unknown = run(['experiment', 'analyse', 'purple-button', '--experiment', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('has no experiment "nope"; its experiments: young-drivers');
  });

  it('maps the assumptions, the important and untested first', () => {
    const json = JSON.parse(run(['experiment', 'map', 'purple-button', '--json']).stdout);
    const first = json.assumptions.filter((a: { quadrant: string }) => a.quadrant === 'test-first').map((a: { hypothesis: string }) => a.hypothesis);
    expect(first).toContain('pay-less-or-recognition');
    expect(json.assumptions.at(-1).importance).toBe('low');
    expect(run(['experiment', 'map', 'purple-button'], 'fr').stdout).toContain('À tester d’abord');
  });
});

describe('symbiose experiment calibrate on a recorded experiment', () => {
  it("writes purple-button calibrated on the young-driver test's group B, valid, saying the counts are invented", () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-calibrate-'));
    const out = join(dir, 'calibrated.yaml');
    const r = run(['experiment', 'calibrate', 'purple-button', '--experiment', 'young-drivers', '--variant', 'b', '--parameter', 'download_share_b', '--write', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Its counts are INVENTED, for illustration');
    const validated = spawnSync(process.execPath, [BIN, 'validate', out], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
    expect(validated.status).toBe(0);
    const again = run(['experiment', 'calibrate', 'purple-button', '--experiment', 'young-drivers', '--write', out]);
    expect(again.status).toBe(2); // never over an existing file without --force
    const mixed = run(['experiment', 'calibrate', 'purple-button', '--experiment', 'young-drivers', '--prior', 'beta:1,1']);
    expect(mixed.status).toBe(2);
  });
});

describe('symbiose experiment learn', () => {
  it("prints the model's learning cards in the workshop's four parts, in either language", () => {
    const fr = run(['experiment', 'learn', 'purple-button'], 'fr').stdout.replace(/\s+/g, ' ');
    expect(fr).toContain('Nous pensions que les jeunes conducteurs changent pour payer moins');
    expect(fr).toContain('Nous allons donc refaire le test avec 225 conducteurs par groupe');
    const en = run(['experiment', 'learn', 'purple-button']).stdout.replace(/\s+/g, ' ');
    expect(en).toContain('We observed (invented counts) 16 downloads of 50 in group A');
    expect(run(['experiment', 'learn', 'appstore']).stdout).toContain('no learning card yet');
  });
});

describe('symbiose experiment plan on a recorded experiment', () => {
  /** purple-button with the young-driver card given a threshold and a baseline, in a temporary folder. */
  function withCard(card: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-plan-'));
    const text = readFileSync('library/purple-button.yaml', 'utf8').replace(
      'measure: { fr: le nombre de téléchargements et le nombre de connexions, en: the number of downloads and of connections }',
      `measure: { fr: le nombre de téléchargements et le nombre de connexions, en: the number of downloads and of connections }\n${card}`,
    );
    writeFileSync(join(dir, 'pb.yaml'), text);
    return join(dir, 'pb.yaml');
  }

  it("reads the planned groups and the card's threshold: two groups of 50 cannot tell 10 % from 15 %", () => {
    const file = withCard('    threshold: 0.15\n    baseline: 0.10');
    const r = run(['experiment', 'plan', file, '--experiment', 'young-drivers']);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.replace(/\s+/g, ' ');
    expect(out).toContain("Rates: 10.0 % for a (the test card's baseline), 15.0 % for b (the test card's threshold); groups of 50 and 50 (as planned).");
    // The same figures as the plan by hand above: Boschloo 8.5 %, Fleiss corrected 726, normal 11.7 %, arcsine 11.8 %.
    expect(out).toContain('with a probability of only 8.5 %');
    expect(out).toContain('It would take 726 trials per group for 80.0 % power');
    expect(out).toMatch(/arcsine \(Cohen's h\) 11\.8 % 681/);
    const json = JSON.parse(run(['experiment', 'plan', file, '--experiment', 'young-drivers', '--json']).stdout);
    expect(json.plans[0].check.code).toBe('design-cannot-answer');
    expect(json.plans[0].controlFrom).toBe('baseline');
  });

  it("takes the control's rate from the parameter it informs, and names what is missing, located, exit 2", () => {
    // download_share_a = 0.5; 0.5 against 0.65 with 50 and 50: statsmodels pp(-0.15, 0.65, 50).power → 0.327 (experiment-plan.test.ts).
    const r = run(['experiment', 'plan', 'purple-button', '--experiment', 'young-drivers', '--variant', '65%']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/50\.0 % for a \(the value of download_share_a\).*normal approximation \(Fleiss\) 32\.7 % 170/);
    const missing = run(['experiment', 'plan', 'purple-button', '--experiment', 'young-drivers'], 'fr');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('la carte de test «\u00a0young-drivers-ab\u00a0» de library/purple-button.yaml ne donne pas de seuil');
    expect(run(['experiment', 'plan']).status).toBe(2);
  });
});

describe('symbiose experiment learn --experiment: a card drafted from the analysis', () => {
  it('drafts the four parts in both languages from the test card, the verdict, the intervals and the calibration', () => {
    const en = run(['experiment', 'learn', 'purple-button', '--experiment', 'young-drivers']);
    expect(en.status, en.stderr).toBe(0);
    const out = en.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('whose counts are INVENTED');
    expect(out).toContain('We believed that individuals change to pay less, or to be valued by the people around them');
    // 16/50 and 10/50: Newcombe's interval of b − a, statsmodels confint_proportions_2indep(10, 50, 16, 50,
    // method='newcomb', compare='diff') → (-0.283522544477987, 0.05214640069726331).
    expect(out).toContain('We observed (invented counts, for illustration) 16 of 50 (32.0 %) in group a, 10 of 50 (20.0 %) in group b; b − a = −12.0 %, 95 % confidence interval −28.4 % to 5.2 %');
    // stats.boschloo_exact([[10, 16], [40, 34]]).pvalue → 0.19334808359161484
    expect(out).toContain("We learned that these counts cannot tell b from a: Boschloo's exact test, p = 0.193 > 0.05");
    expect(out).not.toMatch(/probability of being right|chance of being right/);
    // Fleiss with continuity correction for 32 % against 20 %, 80 % power: 225 per group (as the library's card says).
    expect(out).toContain('Therefore we will rerun the test with about 225 people per group');
    const fr = run(['experiment', 'learn', 'purple-button', '--experiment', 'young-drivers'], 'fr').stdout.replace(/\s+/g, ' ');
    expect(fr).toContain('Nous avons appris que ces comptes ne départagent pas b et a');
    expect(fr).toContain('Nous allons donc refaire le test avec environ 225 personnes par groupe');
  });

  it('--write records the card with the parameters it calibrated and the model version, the model valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-learn-'));
    const out = join(dir, 'learned.yaml');
    const r = run(['experiment', 'learn', 'purple-button', '--experiment', 'young-drivers', '--write', out, '--model-version', '7', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(spawnSync(process.execPath, [BIN, 'validate', out], { encoding: 'utf8' }).status).toBe(0);
    const cards = JSON.parse(run(['experiment', 'learn', out, '--json']).stdout).learningCards;
    const card = cards['young-drivers-learned'];
    expect(card.modelVersion).toBe(7);
    expect(card.calibrated.map((c: { parameter: string }) => c.parameter)).toEqual(['download_share_a', 'download_share_b']);
    expect(card.observed.fr).toContain('16 sur 50');
    expect(cards['young-drivers-illustration']).toBeDefined(); // the model's own card is kept
    // The calibrated parameters are in the model written: download_share_b's mean after 10 of 50.
    expect(readFileSync(out, 'utf8')).toMatch(/download_share_b:[\s\S]*?calibrated:/);
    expect(run(['experiment', 'learn', out, '--experiment', 'young-drivers', '--write', join(dir, 'again.yaml')]).status).toBe(2); // the id is taken
    expect(run(['experiment', 'learn', 'purple-button', '--write', join(dir, 'x.yaml')]).status).toBe(2);
  });
});

describe('symbiose experiment analyse: the sample-ratio check and the corrections for many variants', () => {
  it('flags a 50/50 test whose groups came out 1,000 and 800, and checks a recorded experiment against its planned sizes', () => {
    // stats.chisquare([1000, 800]) → p = 2.4284674729758432e-06 < 0.001
    const broken = run(['experiment', 'analyse', '50/1000', '40/800', '--split', '1,1']).stdout.replace(/\s+/g, ' ');
    expect(broken).toContain('SAMPLE-RATIO MISMATCH: the groups’ sizes (1,000 / 800) do not fit the planned split (50.0 % / 50.0 %), chi-square p = 0.00000243 < 0.001');
    // purple-button plans 50 and 50 and exposed 50 and 50: chi-square 0, p = 1.
    const recorded = run(['experiment', 'analyse', 'purple-button', '--experiment', 'young-drivers', '--json']);
    expect(JSON.parse(recorded.stdout).sampleRatio).toMatchObject({ statistic: 0, pValue: 1, mismatch: false });
    expect(run(['experiment', 'analyse', '5/50', '12/50', '--split', '1,1,1']).status).toBe(2);
  });

  it('gives Benjamini–Hochberg beside Holm with three variants or more', () => {
    // The five groups of coverage.test.ts: multipletests(…, method='fdr_bh')[1] → 0.341, 1, 0.0653, 0.765
    const out = run(['experiment', 'analyse', '60/600', '75/600', '58/580', '90/620', '45/500']).stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Benjamini–Hochberg’s correction keeps the expected share of false discoveries, among the variants called different, at 0.05: adjusted p-values B 0.341, C 1, D 0.0653, E 0.765.');
  });
});
