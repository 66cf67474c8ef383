/**
 * Cross-engine agreement: Symbiose's engine against two independent engines, with the same
 * integration method and the same step, every variable at every step, to 1e-9 relative (or
 * 1e-12 absolute, for values that should be zero and come out as ±1e-15 after cancellation).
 *
 * 1. `simulation`, Insight Maker's engine (AGPL; a devDependency, imported only by tests and
 *    benchmarks): Bass diffusion, SIR and a third-order material delay, each written once
 *    (insight-maker.ts) and built for both engines, run with Euler and with RK4.
 * 2. SDEverywhere (@sdeverywhere/compile, MIT; Euler only): every model of the SD community test
 *    suite (Simlin's fork) is compiled to JavaScript and run (sdeverywhere.ts), then compared
 *    with Symbiose's Euler run at the file's dt. Models SDEverywhere rejects or mis-handles are
 *    listed with the reason; where the two engines disagree, the reason says which one is right
 *    (checked against the suite's expected output, which Symbiose matches in conformance.test.ts).
 *    The test asserts the exact set that agrees, so it stays green and shows changes.
 */
import { engineIssueMessage } from '../../src/i18n/index.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalLabel, compile, parseXmile, simulate } from '../../src/engine/index.js';
import { runInsightMaker, toXmile, type Method, type StockAndFlowModel } from './insight-maker.js';
import { generateSde, runSde } from './sdeverywhere.js';
import { cases, SUITE, type Case } from './suite.js';

const RELATIVE = 1e-9;
const ABSOLUTE = 1e-12;

/** Whether two values agree: within RELATIVE, or within ABSOLUTE of each other, or both NaN. */
function agree(a: number, b: number): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  const gap = Math.abs(a - b);
  return gap <= ABSOLUTE || gap <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
}

interface Comparison {
  /**
   * Largest relative difference over the values of magnitude 1e-3 or more (below that the
   * absolute floor decides, and relative differences of rounding noise mean nothing).
   */
  worst: number;
  /** The first values that differ by more than RELATIVE, and names one engine lacks. */
  problems: string[];
}

/** Compares series of one engine (`theirs`, by label) with Symbiose's at the given step indices. */
function compareSeries(
  ours: Map<string, ArrayLike<number>>,
  theirs: Map<string, ArrayLike<number>>,
  times: ArrayLike<number>,
  indexInTheirs: (i: number) => number,
): Comparison {
  const byLabel = new Map([...ours].map(([label, values]) => [canonicalLabel(label), values]));
  let worst = 0;
  const problems: string[] = [];
  for (const [name, values] of theirs) {
    const mine = byLabel.get(canonicalLabel(name));
    if (!mine) {
      problems.push(`no Symbiose series for "${name}"`);
      continue;
    }
    let reported = false;
    for (let i = 0; i < times.length; i++) {
      const a = mine[i]!;
      const b = values[indexInTheirs(i)]!;
      const scale = Math.max(Math.abs(a), Math.abs(b));
      if (scale >= 1e-3) worst = Math.max(worst, Math.abs(a - b) / scale);
      if (!agree(a, b) && !reported) {
        problems.push(`"${name}" at t=${times[i]}: Symbiose ${a}, other ${String(b)}`);
        reported = true;
      }
    }
  }
  return { worst, problems: problems.slice(0, 3) };
}

function symbioseProgram(xmile: string, file?: string) {
  const read = parseXmile(xmile, file);
  const errors = read.issues.filter((i) => i.severity === 'error');
  if (!read.model || errors.length > 0) return { error: errors.map((i) => engineIssueMessage(i, 'en')).slice(0, 2).join('; ') };
  const { program, issues } = compile(read.model);
  return program ? { program } : { error: issues.map((i) => engineIssueMessage(i, 'en')).slice(0, 2).join('; ') };
}

// ---------------------------------------------------------------------------------------------
// 1. Insight Maker's engine
// ---------------------------------------------------------------------------------------------

/** Bass (1969) diffusion as Sterman writes it (Business Dynamics, §9.3): advertising and word of mouth. */
const BASS: StockAndFlowModel = {
  start: 0,
  stop: 20,
  stocks: [
    { name: 'Potential Adopters', initial: '[Total Population] - [Adopters]' },
    { name: 'Adopters', initial: '10' },
  ],
  flows: [{ name: 'Adoption Rate', from: 'Potential Adopters', to: 'Adopters', rate: '[Adoption From Advertising] + [Adoption From Word Of Mouth]' }],
  variables: [
    { name: 'Total Population', value: '1000000' },
    { name: 'Advertising Effectiveness', value: '0.011' },
    { name: 'Contact Rate', value: '100' },
    { name: 'Adoption Fraction', value: '0.015' },
    { name: 'Adoption From Advertising', value: '[Advertising Effectiveness] * [Potential Adopters]' },
    {
      name: 'Adoption From Word Of Mouth',
      value: '[Contact Rate] * [Adoption Fraction] * [Potential Adopters] * [Adopters] / [Total Population]',
    },
  ],
};

/** Kermack–McKendrick SIR with a population that is the sum of the stocks. */
const SIR: StockAndFlowModel = {
  start: 0,
  stop: 20,
  stocks: [
    { name: 'Susceptible', initial: '990' },
    { name: 'Infected', initial: '10' },
    { name: 'Recovered', initial: '0' },
  ],
  flows: [
    { name: 'Infection', from: 'Susceptible', to: 'Infected', rate: '[Contact Rate] * [Infectivity] * [Susceptible] * [Infected] / [Total Population]' },
    { name: 'Recovery', from: 'Infected', to: 'Recovered', rate: '[Infected] / [Duration]' },
  ],
  variables: [
    { name: 'Contact Rate', value: '6' },
    { name: 'Infectivity', value: '0.25' },
    { name: 'Duration', value: '2' },
    { name: 'Total Population', value: '[Susceptible] + [Infected] + [Recovered]' },
  ],
};

/**
 * A third-order material delay written as three stocks, on a sinusoidal input, beside the
 * DELAY3 builtin of both engines on the same input (with and without an initial value).
 */
const DELAY_CHAIN: StockAndFlowModel = {
  start: 0,
  stop: 24,
  stocks: [
    { name: 'Stage 1', initial: '[Orders] * [Delay] / 3' },
    { name: 'Stage 2', initial: '[Orders] * [Delay] / 3' },
    { name: 'Stage 3', initial: '[Orders] * [Delay] / 3' },
  ],
  flows: [
    { name: 'Shipments', to: 'Stage 1', rate: '[Orders]' },
    { name: 'Transfer 1', from: 'Stage 1', to: 'Stage 2', rate: '[Stage 1] / ([Delay] / 3)' },
    { name: 'Transfer 2', from: 'Stage 2', to: 'Stage 3', rate: '[Stage 2] / ([Delay] / 3)' },
    { name: 'Deliveries', from: 'Stage 3', rate: '[Stage 3] / ([Delay] / 3)' },
  ],
  variables: [
    { name: 'Orders', value: '100 + 20 * Sin(Years() / 2)' },
    { name: 'Delay', value: '6' },
    { name: 'Delivered', value: 'Delay3([Orders], [Delay])' },
    { name: 'Delivered From 80', value: 'Delay3([Orders], [Delay], 80)' },
  ],
};

const INSIGHT_MAKER_MODELS: Array<[string, StockAndFlowModel, number]> = [
  ['Bass diffusion', BASS, 0.25],
  ['SIR', SIR, 0.125],
  ['third-order delay chain and DELAY3', DELAY_CHAIN, 0.25],
];

describe("against Insight Maker's engine (npm simulation), same method and dt", () => {
  for (const [name, model, dt] of INSIGHT_MAKER_MODELS) {
    for (const method of ['euler', 'rk4'] as const satisfies readonly Method[]) {
      it(`${name}, ${method}, dt ${dt}`, () => {
        const them = runInsightMaker(model, method, dt);
        const built = symbioseProgram(toXmile(model));
        if (!('program' in built)) throw new Error(built.error);
        const us = simulate(built.program!, { method, dt, saveStep: dt });
        expect([...us.times]).toEqual(them.times);
        const names = [...model.stocks, ...model.flows, ...model.variables].map((v) => v.name);
        expect([...them.series.keys()].sort()).toEqual([...names].sort());
        const { worst, problems } = compareSeries(us.series, them.series, us.times, (i) => i);
        expect(problems).toEqual([]);
        expect(worst).toBeLessThan(RELATIVE);
        // The models move: a comparison of constants would prove little.
        const first = them.series.get(model.stocks[0]!.name)!;
        expect(first.at(-1)).not.toBeCloseTo(first[0]!, 3);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// 2. SDEverywhere on the suite
// ---------------------------------------------------------------------------------------------

/** Models SDEverywhere's compiler rejects (it throws), and why. */
const SDE_REJECTS: Record<string, string> = {
  'samples/arrays/non-a2a/non-a2a.stmx':
    'an arrayed equation naming arrays defined element by element without subscripts (Sales = Price*Revenue): the compiler crashes on an unresolved reference',
  'tests/arguments/test_arguments.xmile': 'IF … THEN … ELSE nested in INIT(( … )) does not parse',
  'tests/builtin_mean/builtin_mean.xmile': 'MEAN is not supported',
  'tests/delay_pipeline/test_pipeline_delays.xmile': 'DELAYN is not supported',
  'tests/delay_xmile/test_delay_xmile.xmile': 'DELAY without its optional initial value is refused (it wants 3 arguments)',
  'tests/delays/test_delays.xmile': 'DELAYN is not supported',
  'tests/lookups_funcnames/test_lookups_funcnames.xmile': 'MODULO is not supported in XMILE (only MOD)',
  'tests/macro_expression/test_macro_expression.xmile': 'XMILE macros are not supported',
  'tests/macro_multi_expression/test_macro_multi_expression.xmile': 'XMILE macros are not supported',
  'tests/macro_multi_macros/test_macro_multi_macros.xmile': 'XMILE macros are not supported',
  'tests/macro_stock/test_macro_stock.xmile': 'XMILE macros are not supported',
  'tests/min_max_1arg/test_min_max_1arg.xmile': 'MIN and MAX of one array argument are refused (they want 2 arguments)',
  'tests/pi/test_pi.xmile': 'PI is not supported',
  'tests/rounding/test_rounding.xmile': 'the infix operator "mod" (StockA mod 3) is read as part of a name, then the compiler crashes',
  'tests/special_characters_xmile/test_special_variable_names.xmile':
    'a quoted name with parentheses ("Aux_with_(…)_comment") is not resolved: the compiler crashes',
  'tests/subscript_1d_arrays/test_subscript_1d_arrays.xmile':
    'an arrayed flow naming an array defined element by element without subscripts (Inflow A = Rate_A): the compiler crashes',
  'tests/subscript_individually_defined_stocks/test_subscript_individually_defined_stocks.xmile':
    'a stock defined element by element (<element> inside <stock>) does not parse',
  'tests/subscript_switching/subscript_switching.xmile': 'the dimension-position wildcard [Cats, *:dummy] does not parse',
  'tests/subscripted_delays/test_subscripted_delays.xmile': 'DELAYN is not supported',
  'tests/subscripted_flows/test_subscripted_flows.xmile':
    'an arrayed stock whose flows are defined element by element: the compiler crashes on an unresolved reference',
  'tests/subscripted_trig/test_subscripted_trig.xmile': 'LOOKUP(COSH, …) reads a table COSH the file does not define (Symbiose refuses it too)',
  'tests/xidz_zidz/xidz_zidz.xmile': 'SAFEDIV with its third (fallback) argument is refused (it wants 2 arguments)',
  'tests/zeroled_decimals/test_zeroled_decimals.xmile': 'the number .34 (no leading zero) does not parse',
};

/** Models SDEverywhere compiles but runs differently from Symbiose: why, and which is right. */
const DISAGREES: Record<string, string> = {
  'tests/arithmetics_exp/test_arithmetics_exp.xmile':
    'SDEverywhere binds unary minus before ^ (-Time^30 is +1 at t=1); XMILE gives ^ first, and the expected output says -1, as Symbiose does: Symbiose is right',
  'samples/arrays/a2a/a2a.stmx':
    'a bare array name in an arrayed equation (Sales[Product] = Price*Revenue, element by element in XMILE) is not subscripted, so Sales is NaN; Symbiose gives 81, as the expected output does',
  'tests/builtin_int/builtin_int.xmile':
    'SDEverywhere\'s INT truncates toward zero (INT(-19.875) = -19, Vensim\'s INTEGER); XMILE INT is floor (-20), as Symbiose and the expected output have it',
  'tests/exponentiation/exponentiation.xmile':
    'SDEverywhere computes -2^2 as 4; the expected output (output.tab) says -4, as Symbiose does: Symbiose is right',
  'tests/lookups/test_lookups_no-indirect.xmile':
    'an aux with both an equation and a <gf> (apply the table to TIME) becomes a bare lookup: the flow gets the table object, not a number; Symbiose matches the expected output',
  'tests/non_negative_all/test_non_negative_all1.xmile':
    'SDEverywhere ignores <non_negative/> (stocks go below zero); Symbiose matches the expected output',
  'tests/non_negative_all/test_non_negative_all2.xmile':
    'SDEverywhere ignores <non_negative/> (stocks go below zero); Symbiose matches the expected output',
  'tests/non_negative_flows/test_non_negative_flows.xmile':
    'SDEverywhere ignores <non_negative/> on flows (they run backwards); Symbiose matches the expected output',
  'tests/non_negative_flows/test_non_negative_flows_behavior.xmile':
    'SDEverywhere ignores <non_negative/> on flows (they run backwards); Symbiose matches the expected output',
  'tests/non_negative_stocks/test_non_negative_stocks.xmile':
    'SDEverywhere ignores <non_negative/> (stocks go below zero); Symbiose matches the expected output',
  'tests/non_negative_stocks/test_non_negative_stocks_behavior.xmile':
    'SDEverywhere ignores <non_negative/> (stocks go below zero); Symbiose matches the expected output',
  ...Object.fromEntries(
    [
      'tests/subscript_2d_arrays/test_subscript_2d_arrays.xmile',
      'tests/subscript_3d_arrays/test_subscript_3d_arrays.xmile',
      'tests/subscript_individually_defined_1_of_2d_arrays/subscript_individually_defined_1_of_2d_arrays.xmile',
      'tests/subscript_individually_defined_1_of_2d_arrays_from_floats/subscript_individually_defined_1_of_2d_arrays_from_floats.xmile',
      'tests/subscript_individually_defined_1d_arrays/subscript_individually_defined_1d_arrays.xmile',
      'tests/subscript_multiples/test_multiple_subscripts.xmile',
      'tests/subscript_subranges/test_subscript_subrange.xmile',
      'tests/subscript_subranges_equal/test_subscript_subrange_equal.xmile',
    ].map((id) => [
      id,
      'an arrayed stock integrates its arrayed inflow without subscripts (INTEG(Stock_A[i], Inflow_A) adds the whole array), so the stock is NaN after one step; Symbiose matches the expected output',
    ]),
  ),
};

/**
 * Models SDEverywhere compiles into something with nothing to compare: the outputs it keeps
 * (besides Time) are listed, and the test checks that this is still all it keeps.
 */
const NOTHING_TO_COMPARE: Record<string, { reason: string; outputs: string[] }> = {
  'samples/bpowers-hares_and_lynxes_modules/model.xmile': {
    reason: 'modules are ignored: only the root model\'s two constants are left',
    outputs: ['area', 'size of one time lynx harvest'],
  },
  'samples/arrays/non-a2a/non-a2a-gf.stmx': {
    reason: 'its one variable, an arrayed graphical function with a table per element and the input on the variable, is kept by no output',
    outputs: [],
  },
  'tests/lookups_inline/test_lookups_inline.xmile': {
    reason: 'an aux with an equation and a <gf> becomes a bare lookup: the table is never applied and no output is left',
    outputs: [],
  },
  'tests/lookups_with_expr/test_lookups_with_expr.xmile': {
    reason: 'an aux with an equation and a <gf> becomes a bare lookup: the table is never applied and no output is left',
    outputs: [],
  },
};

/** Models SDEverywhere runs but Symbiose cannot (see conformance.test.ts). */
const SYMBIOSE_CANNOT_RUN: Record<string, string> = {};

/**
 * One adaptation: SDEverywhere ignores `reciprocal="true"` on <dt> (it would take dt = 32 for
 * 1/32), so it is given the decimal step instead; the model is otherwise unchanged.
 */
function forSde(xmile: string): string {
  return xmile.replace(/<dt\s+reciprocal="true"\s*>\s*([^<]+?)\s*<\/dt>/g, (_, n: string) => `<dt>${1 / Number(n)}</dt>`);
}

type Outcome =
  | { kind: 'rejected'; detail: string }
  | { kind: 'nothing-to-compare'; outputs: string[] }
  | { kind: 'symbiose-cannot-run'; detail: string }
  | { kind: 'disagrees'; detail: string; worst: number }
  | { kind: 'agrees'; worst: number; steps: number; series: number };

async function crossCheck(c: Case): Promise<Outcome> {
  const xmile = readFileSync(join(SUITE, c.dir, c.file), 'utf8');
  const generated = await generateSde(forSde(xmile), join(SUITE, c.dir));
  if ('error' in generated) return { kind: 'rejected', detail: generated.error };
  let sde;
  try {
    sde = await runSde(generated.code);
  } catch (error) {
    return { kind: 'rejected', detail: `generated code threw ${error instanceof Error ? error.message : String(error)}` };
  }
  const series = new Map([...sde.series].filter(([name]) => name !== 'Time'));
  if (c.id in NOTHING_TO_COMPARE) return { kind: 'nothing-to-compare', outputs: [...series.keys()] };
  const built = symbioseProgram(xmile, c.file);
  if (!('program' in built)) return { kind: 'symbiose-cannot-run', detail: built.error! };
  const program = built.program!;
  const { start, dt } = program.specs;
  // Every step, Euler whatever the file asks for (SDEverywhere integrates with Euler only).
  const us = simulate(program, { method: 'euler', saveStep: dt });
  if (us.times.length !== sde.times.length) {
    return { kind: 'disagrees', detail: `${us.times.length} steps in Symbiose, ${sde.times.length} in SDEverywhere`, worst: Infinity };
  }
  const { worst, problems } = compareSeries(us.series, series, us.times, (i) => Math.round((us.times[i]! - start) / dt));
  if (problems.length > 0) return { kind: 'disagrees', detail: problems.join('; '), worst };
  return { kind: 'agrees', worst, steps: us.times.length, series: series.size };
}

describe('against SDEverywhere, Euler, on the SD community test suite', () => {
  const all = cases();
  const outcomes = new Map<string, Outcome>();

  for (const c of all) {
    it(c.id, async () => {
      const outcome = await crossCheck(c);
      outcomes.set(c.id, outcome);
      const detail = 'detail' in outcome ? outcome.detail : '';
      if (c.id in SDE_REJECTS) expect(outcome.kind, `${c.id} is now accepted: ${detail}`).toBe('rejected');
      else if (c.id in DISAGREES) expect(outcome.kind, `${c.id}: ${detail}`).toBe('disagrees');
      else if (c.id in NOTHING_TO_COMPARE) expect(outcome).toEqual({ kind: 'nothing-to-compare', outputs: NOTHING_TO_COMPARE[c.id]!.outputs });
      else if (c.id in SYMBIOSE_CANNOT_RUN) expect(outcome.kind, `${c.id}: Symbiose now runs it, move it`).toBe('symbiose-cannot-run');
      else {
        expect(outcome, detail).toMatchObject({ kind: 'agrees' });
        if (outcome.kind === 'agrees') expect(outcome.series).toBeGreaterThan(0);
      }
    });
  }

  it('lists only cases that exist, and counts the agreement', () => {
    const ids = new Set(all.map((c) => c.id));
    const lists = [SDE_REJECTS, DISAGREES, NOTHING_TO_COMPARE, SYMBIOSE_CANNOT_RUN].map((list) => Object.keys(list));
    for (const id of lists.flat()) expect(ids.has(id), id).toBe(true);
    expect(new Set(lists.flat()).size, 'a case is in two lists').toBe(lists.flat().length);
    const accepted = all.length - lists[0]!.length;
    const agreeing = accepted - lists[1]!.length - lists[2]!.length - lists[3]!.length;
    // As printed in the report: of 94 suite files, SDEverywhere accepts 71 and agrees with Symbiose on 48.
    expect([all.length, accepted, agreeing]).toEqual([94, 71, 48]);
    if (outcomes.size === all.length) {
      expect([...outcomes.values()].filter((o) => o.kind === 'agrees').length).toBe(agreeing);
    }
  });
});
