/**
 * The functions of numbers that checked trees call by name (expr.ts FunctionName, FoldName). Both
 * ways of running a program call these very functions, so a builtin has one definition.
 */
import type { FoldName, FunctionName } from './expr.js';
import { modulo } from './operators.js';
import { RANDOM_FUNCTIONS } from './random.js';

/** Rounds half away from zero, as Stella and Vensim do (Math.round sends -2.5 to -2). */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** STEP(height, at): height from `at` on. */
function step(t: number, height: number, at: number): number {
  return t >= at ? height : 0;
}

/** RAMP(slope, start, end): slope·(t − start) after start, held from end on. */
function ramp(t: number, slope: number, start: number, end: number): number {
  return t > start ? slope * (Math.min(t, end) - start) : 0;
}

/**
 * XMILE PULSE(volume, first, interval): volume/DT during the one step at each pulse time, so
 * a stock receiving it grows by `volume`. No interval (or 0) means a single pulse.
 */
function pulse(t: number, dt: number, volume: number, first: number, interval: number): number {
  const since = t - first;
  if (since < -dt / 2) return 0;
  const offset = interval > 0 ? modulo(since + dt / 2, interval) - dt / 2 : since;
  return Math.abs(offset) < dt / 2 ? volume / dt : 0;
}

/** TREND's output from its average A: (in − A)/(t·|A|), 0 when that divisor is 0. */
function trend(average: number, time: number, input: number): number {
  const scale = time * Math.abs(average);
  return scale === 0 ? 0 : (input - average) / scale;
}

export const FUNCTIONS: Record<FunctionName, (...xs: number[]) => number> = {
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log10: Math.log10,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sign: Math.sign,
  // INT is the largest integer not above x (XMILE 1.0 §3.5.1; the suite's builtin_int expects
  // INT(-19.875) = -20). Vensim's INTEGER truncates instead, hence the `rounding` test's -9.
  floor: Math.floor,
  round: roundHalfAway,
  mod: modulo,
  pow: Math.pow,
  min: Math.min,
  max: Math.max,
  // ZIDZ/XIDZ (Vensim) and SAFEDIV (XMILE): a division that gives a fallback when the divisor is 0.
  zidz: (a: number, b: number) => (b === 0 ? 0 : a / b),
  xidz: (a: number, b: number, x: number) => (b === 0 ? x : a / b),
  step,
  ramp,
  pulse,
  trend,
  ...RANDOM_FUNCTIONS,
};

function sum(xs: ArrayLike<number>): number {
  let acc = 0;
  for (let i = 0; i < xs.length; i++) acc = acc + xs[i]!;
  return acc;
}

function mean(xs: ArrayLike<number>): number {
  return sum(xs) / xs.length;
}

/** Left to right from the first element; NaN for none. */
function extremum(pick: (a: number, b: number) => number): (xs: ArrayLike<number>) => number {
  return (xs) => {
    if (xs.length === 0) return NaN;
    let acc = xs[0]!;
    for (let i = 1; i < xs.length; i++) acc = pick(acc, xs[i]!);
    return acc;
  };
}

export const FOLDS: Record<FoldName, (xs: ArrayLike<number>) => number> = {
  sum,
  prod(xs) {
    let acc = 1;
    for (let i = 0; i < xs.length; i++) acc = acc * xs[i]!;
    return acc;
  },
  mean,
  // Population standard deviation, as Stella's STDDEV.
  stddev(xs) {
    const m = mean(xs);
    let sq = 0;
    for (let i = 0; i < xs.length; i++) sq = sq + (xs[i]! - m) * (xs[i]! - m);
    return Math.sqrt(sq / xs.length);
  },
  min: extremum(Math.min),
  max: extremum(Math.max),
};
