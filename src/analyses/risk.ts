/**
 * Which assumptions a risk run draws, and from what: `--ranges` turns every declared range into a
 * PERT around the parameter's value; the others are held, each with its reason. The run itself is
 * in risk-run.ts, its summary in risk-summary.ts.
 */
import { parameterSpec, type ModelDocument } from '../core/index.js';
import type { Distribution } from '../stats/index.js';

/** Why an assumption is held at its value rather than drawn. */
export type HeldReason =
  /** No `range`. */
  | 'no-range'
  /** Its value is an expression: the format does not say whether the range bounds it or a factor in it (issue 17 item 1). */
  | 'range-of-expression'
  /** Its range has no width ([10, 10]). */
  | 'range-without-width'
  /** Its value lies outside its own range, so no PERT has it as its mode. */
  | 'value-outside-range';

/**
 * An assumption drawn from a distribution (`--ranges`: PERT(min, value, max)). `period`: it sets
 * a timing (it is compared with the period `t`, as in `t == hackathon_month`), so each draw is
 * rounded to a whole period: a draw of 6.4 would otherwise never equal any period and have no effect.
 */
export interface SampledAssumption { parameter: string; distribution: Distribution; period: boolean }
export interface HeldAssumption { parameter: string; reason: HeldReason }

export interface RiskAssumptions { sampled: SampledAssumption[]; held: HeldAssumption[] }

/** Which parameters `--ranges` draws (PERT(min, value, max)) and which it holds, with the reason. */
export function riskAssumptions(doc: ModelDocument): RiskAssumptions {
  const timings = timingNames(doc);
  const sampled: SampledAssumption[] = [];
  const held: HeldAssumption[] = [];
  for (const [parameter, written] of Object.entries(doc.parameters ?? {})) {
    const { value, range } = parameterSpec(written);
    const reason = heldReason(value, range);
    if (reason) held.push({ parameter, reason });
    else sampled.push({ parameter, distribution: { kind: 'pert', min: range![0], mode: value as number, max: range![1] }, period: timings.has(parameter) });
  }
  return { sampled, held };
}

function heldReason(value: number | string, range: readonly [number, number] | undefined): HeldReason | undefined {
  if (!range) return 'no-range';
  if (typeof value !== 'number') return 'range-of-expression';
  if (!(range[0] < range[1])) return 'range-without-width';
  if (value < range[0] || value > range[1]) return 'value-outside-range';
  return undefined;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/g;
const COMPARISON = /==|!=|<=|>=|<|>/;

/**
 * Every name that sets a timing: compared with the period `t` in any expression of the document
 * (the names on the other side of `t <= test_months + discount_months`). A cost's `at:` is a
 * number in the format, so no parameter reaches it. Read from the text of the expressions; a
 * name that reaches a comparison through another parameter is not followed.
 */
function timingNames(doc: ModelDocument): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (COMPARISON.test(node)) comparedWithPeriod(node).forEach((n) => names.add(n));
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(doc);
  return names;
}

/** The names compared with `t` in an expression: its comparisons are cut out at brackets, commas, and/or. */
function comparedWithPeriod(expression: string): string[] {
  const found: string[] = [];
  for (const piece of expression.split(/[(),]|\band\b|\bor\b|\bnot\b/)) {
    const sides = piece.split(COMPARISON);
    if (sides.length !== 2) continue;
    const words = sides.map((side): string[] => side.match(NAME) ?? []);
    if (words[0]!.includes('t')) found.push(...words[1]!.filter((w) => w !== 't'));
    if (words[1]!.includes('t')) found.push(...words[0]!.filter((w) => w !== 't'));
  }
  return found;
}

