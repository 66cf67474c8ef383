/**
 * Integrals over a Beta distribution, E[g(X)] = ∫₀¹ g(Q(u)) du with Q its quantile function, by
 * composite Gauss–Legendre quadrature in u, 8 points a panel. In u the integrand is bounded
 * whenever g is (no density spikes at 0 or 1 for shapes below 1), and choosing X as the narrowest
 * of the distributions compared keeps g — the others' CDFs — smooth on the scale the nodes
 * resolve. Q(u) behaves like u^{1/α} near 0 and 1 − (1 − u)^{1/β} near 1, far from a polynomial
 * for large shapes, so the panels are uniform (width 1/128) in the middle and halve toward each end
 * down to 2⁻⁶⁰ (geometric grading, which integrates such power laws to full precision); what
 * lies beyond weighs less than 2⁻⁶⁰. Internal to the Bayesian analysis and the calibration; pure.
 */
import { betaQuantile } from '../special.js';

const POINTS = 8;
const UNIFORM_PANELS = 128;
const DEEPEST_HALVING = 60;

/** Gauss–Legendre nodes and weights on [−1, 1]: Newton on P_n from Tricomi's first guesses. */
function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let step = 0; step < 100; step++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return { nodes, weights };
}

const RULE = gaussLegendre(POINTS);

/** Panel ends: 2⁻⁶⁰, …, 2⁻⁸, then k/128 for k from 1 to 127, then 1 − 2⁻⁸, …, 1 − 2⁻⁶⁰. */
function breakpoints(): number[] {
  const left: number[] = [];
  for (let k = DEEPEST_HALVING; k > Math.log2(UNIFORM_PANELS); k--) left.push(2 ** -k);
  const middle = Array.from({ length: UNIFORM_PANELS - 1 }, (_, k) => (k + 1) / UNIFORM_PANELS);
  const right = left.map((x) => 1 - x).reverse();
  return [...left, ...middle, ...right];
}

function rule(): { u: Float64Array; w: Float64Array } {
  const ends = breakpoints();
  const u = new Float64Array((ends.length - 1) * POINTS);
  const w = new Float64Array(u.length);
  for (let panel = 0; panel + 1 < ends.length; panel++) {
    const lo = ends[panel]!;
    const width = ends[panel + 1]! - lo;
    for (let i = 0; i < POINTS; i++) {
      u[panel * POINTS + i] = lo + (width * (RULE.nodes[i]! + 1)) / 2;
      w[panel * POINTS + i] = (width * RULE.weights[i]!) / 2;
    }
  }
  return { u, w };
}

const { u: NODES_U, w: NODES_W } = rule();
/** The probabilities u at which the quadrature evaluates, and their weights (summing to 1 − 2⁻⁵⁹). */
export const QUADRATURE_U: Float64Array = NODES_U;
export const QUADRATURE_W: Float64Array = NODES_W;

/** Beta(a, b)'s quantiles at the quadrature's probabilities, to reuse across integrals. */
export function betaNodes(a: number, b: number): Float64Array {
  return QUADRATURE_U.map((u) => betaQuantile(u, a, b));
}

/** Σ w_i g(x_i) over precomputed nodes x_i = Q(u_i): E[g(X)]. */
export function expectation(nodes: Float64Array, g: (x: number) => number): number {
  let sum = 0;
  for (let i = 0; i < nodes.length; i++) sum += QUADRATURE_W[i]! * g(nodes[i]!);
  return sum;
}
