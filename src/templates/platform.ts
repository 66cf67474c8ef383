/**
 * The N-sided platform template: a model document whose dynamics are adoption per side (Bass
 * innovation and imitation), cross-side and same-side network effects, churn, a price or a
 * launch subsidy per side and initial seeding, and whose ecosystem is the platform and its sides,
 * so every profitability figure follows the adoption curves.
 *
 * Each side s values the platform at
 *   value_s = standalone_s + Σ_t cross_s_t · users_t / market_t + same_s · users_s / market_s − cost_s
 * (cost_s: its price, or minus its subsidy while the launch subsidy lasts). A share
 * willing_s = clamp(value_s / reference_s, 0, 1) of its potential members is open to joining, and
 * they join as in Bass (1969): (p_s + q_s · users_s / market_s) · (market_s − users_s) · willing_s.
 * Members leave at churn_s, faster (exit_s) while value_s < 0. With no seeding and no subsidy,
 * value_s starts at −price_s on every side, nobody joins, and the platform never takes off: the
 * chicken-and-egg problem. The variants seed or subsidise one side at a time.
 */
import { FORMAT_VERSION, type ModelDocument, type Parameter } from '../core/index.js';

export interface PlatformOptions {
  /** Names of the sides, e.g. ['buyers', 'sellers']; letters, digits and _ only. */
  sides: string[];
  horizon?: number;
}

export const SIDE_NAME = /^[a-z][a-z0-9_]*$/;

export function defaultSideNames(count: number): string[] {
  if (count === 2) return ['buyers', 'sellers'];
  return Array.from({ length: count }, (_, i) => `side_${i + 1}`);
}

const assumption = (value: number, rationale: string, range: [number, number], unit?: string): Parameter => ({
  value,
  ...(unit ? { unit } : {}),
  assumption: rationale,
  range,
});

export function platformTemplate({ sides, horizon = 60 }: PlatformOptions): ModelDocument {
  const parameters: Record<string, Parameter> = {
    subsidy_months: assumption(12, 'launch subsidies last a year', [0, 36], 'month'),
    platform_fixed_cost: assumption(20000, 'team, hosting and marketing of a small platform', [5000, 100000], 'EUR/month'),
    cost_per_member: assumption(0.5, 'serving one member for a month', [0.05, 3], 'EUR/month'),
    seeding_cost: assumption(5, 'cost of bringing in one seeded member before launch', [1, 50], 'EUR'),
  };
  sides.forEach((s, i) => {
    Object.assign(parameters, {
      [`market_${s}`]: assumption(10000, `potential members on the ${s} side`, [1000, 1000000], 'members'),
      [`p_${s}`]: assumption(0.01, 'Bass innovation coefficient (Bass 1969: typically 0.01 to 0.03)', [0.001, 0.05]),
      [`q_${s}`]: assumption(0.4, 'Bass imitation coefficient (typically 0.3 to 0.5)', [0.1, 0.8]),
      [`standalone_${s}`]: assumption(0, 'value of the platform with nobody else on it', [0, 5], 'EUR/month'),
      [`same_${s}`]: assumption(0, 'value of more members on the same side (negative: competition)', [-4, 4], 'EUR/month'),
      [`price_${s}`]: assumption(2, 'monthly fee once any launch subsidy has ended', [0, 20], 'EUR/month'),
      [`subsidy_${s}`]: assumption(0, 'paid to each member during the launch (0: no subsidy)', [0, 10], 'EUR/month'),
      [`seed_${s}`]: assumption(0, 'members brought in before launch (0: no seeding)', [0, 5000], 'members'),
      [`churn_${s}`]: assumption(0.02, 'share of members who leave each month', [0.005, 0.1]),
      [`exit_${s}`]: assumption(0.05, 'extra share who leave each month while the platform is worth less than it costs them', [0, 0.5]),
      [`reference_${s}`]: assumption(4, 'net value at which every potential member is open to joining', [1, 20], 'EUR/month'),
    });
    sides.forEach((t, j) => {
      if (s === t) return;
      // Asymmetric by default: each side is worth twice as much to the sides after it as they
      // are to it (sellers value buyers more than buyers value sellers), so the variants differ.
      const strong = i < j ? 12 : 24;
      parameters[`cross_${s}_${t}`] = assumption(strong, `value to a ${s} member of the whole ${t} side being there`, [0, 30], 'EUR/month');
    });
  });

  const dynamics: NonNullable<ModelDocument['dynamics']> = { dt: 0.25, method: 'euler', stocks: {}, flows: {}, variables: {} };
  for (const s of sides) {
    const network = sides.filter((t) => t !== s).map((t) => `cross_${s}_${t} * users_${t} / market_${t}`);
    dynamics.stocks![`users_${s}`] = { initial: `seed_${s}`, inflows: [`joining_${s}`], outflows: [`leaving_${s}`], nonNegative: true };
    dynamics.variables![`launch_${s}`] = { equation: `IF TIME < subsidy_months AND subsidy_${s} > 0 THEN 1 ELSE 0`, doc: '1 while this side is subsidised' };
    dynamics.variables![`gross_value_${s}`] = `standalone_${s} + ${[...network, `same_${s} * users_${s} / market_${s}`].join(' + ')}`;
    dynamics.variables![`value_${s}`] = `gross_value_${s} - (1 - launch_${s}) * price_${s} + launch_${s} * subsidy_${s}`;
    dynamics.variables![`willing_${s}`] = `MIN(1, MAX(0, value_${s}) / reference_${s})`;
    dynamics.flows![`joining_${s}`] = { equation: `(p_${s} + q_${s} * users_${s} / market_${s}) * (market_${s} - users_${s}) * willing_${s}`, nonNegative: true };
    dynamics.flows![`leaving_${s}`] = { equation: `users_${s} * (churn_${s} + IF value_${s} < 0 THEN exit_${s} ELSE 0)`, nonNegative: true };
  }

  const actors: ModelDocument['actors'] = {
    platform: {
      name: 'Platform',
      kind: 'platform',
      activities: ['Match the sides', 'Run the launch (seeding, subsidies)'],
      costs: [
        { name: 'Running the platform', fixed: 'platform_fixed_cost' },
        ...sides.map((s) => ({ name: `Serving ${s}`, variable: 'cost_per_member', per: `access_${s}` })),
        { name: 'Seeding', investment: `(${sides.map((s) => `seed_${s}`).join(' + ')}) * seeding_cost`, at: 0 },
      ],
    },
  };
  const valueObjects: ModelDocument['valueObjects'] = { money: { nature: 'money' } };
  const transactions: ModelDocument['transactions'] = {};
  const scenarios: NonNullable<ModelDocument['scenarios']> = {};
  for (const s of sides) {
    actors[s] = { name: capitalise(s), kind: 'segment', size: `users_${s}` };
    valueObjects[`access_${s}`] = { name: `Access for ${s}`, nature: 'service', valuation: { [s]: `gross_value_${s}` } };
    valueObjects[`participation_${s}`] = { name: `Participation of ${s}`, nature: 'attention' };
    transactions[`access_${s}`] = {
      name: `Access (${s})`,
      transfers: [
        { from: 'platform', to: s, object: `access_${s}` },
        { from: s, to: 'platform', object: 'money', amount: `if(t <= subsidy_months and subsidy_${s} > 0, 0, price_${s})` },
      ],
    };
    transactions[`launch_subsidy_${s}`] = {
      name: `Launch subsidy (${s})`,
      transfers: [
        { from: 'platform', to: s, object: 'money', amount: `if(t <= subsidy_months, subsidy_${s}, 0)` },
        { from: s, to: 'platform', object: `participation_${s}` },
      ],
    };
    scenarios[`month_${s}`] = { name: `A ${s} member's month`, start: { actor: s, count: 1 }, steps: [`access_${s}`, `launch_subsidy_${s}`] };
  }

  const variants: NonNullable<ModelDocument['variants']> = {};
  for (const s of sides) {
    variants[`seed-${s}`] = { name: `Seed the ${s} side`, set: { [`seed_${s}`]: `0.3 * market_${s}` } };
    variants[`subsidise-${s}`] = { name: `Subsidise the ${s} side for the launch`, set: { [`subsidy_${s}`]: 3 } };
  }

  return {
    symbiose: FORMAT_VERSION,
    name: `${sides.length}-sided platform`,
    description:
      `A platform with ${sides.length} sides (${sides.join(', ')}), from "symbiose template platform". ` +
      'As written (no seeding, no subsidy) nobody joins: the chicken-and-egg problem. ' +
      'Compare the variants with "symbiose compare" to see which side to seed or subsidise.',
    sources: ['Bass, "A New Product Growth for Model Consumer Durables", Management Science 15(5), 1969 (adoption)'],
    tags: ['multi-sided', 'template'],
    currency: 'EUR',
    period: 'month',
    horizon,
    discountRate: 0.1,
    parameters,
    actors,
    valueObjects,
    transactions,
    scenarios,
    variants,
    dynamics,
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replaceAll('_', ' ');
}
