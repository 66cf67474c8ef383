/**
 * Generated JavaScript for a program: the assignments written out as statements over the slot
 * array, runs of statements that differ only by evenly spaced slots (an apply-to-all array)
 * written as loops, the lot cut into functions small enough for V8 to optimise. The source is
 * made from the checked tree only (emit.ts) and turned into functions with `new Function`: the
 * only place in the engine that does so.
 */
import type { Expr } from '../compile/expr.js';
import { FUNCTIONS } from '../compile/functions.js';
import { TIME_SLOT, type Program } from '../compile/program.js';
import { readTable, type Table } from '../lookup.js';
import { affine, emit, evenSteps, functionIdentifier, int, literal, MIN_RUN, shapeOf, type Env, type Shape } from './emit.js';
import type { Kernel } from './kernel.js';
import { LIMITS } from '../../core/index.js';

/**
 * Characters per generated function. V8 never optimises a function past 60 KB of bytecode
 * (`--max-optimized-bytecode-size`), and its optimising compiler takes longer per statement in
 * larger functions: on the benchmark's web of 10⁴ variables (bench/), about 3.6 s in all with
 * 3,000-character functions, 4.2 s with 8,000 and 6.2 s with 12,000 (Node 20).
 */
const CHUNK_CHARS = 6_000;
/** Past this the model is too large to generate code for; the closures run it instead. */
const MAX_SOURCE_CHARS = LIMITS.generatedSourceChars;

/** The generated source would pass MAX_SOURCE_CHARS: data (sizes in characters), no prose. */
export class CodegenLimit extends Error {
  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super(`codegen-limit: ${size} > ${max} characters`);
  }
}

export interface Generated {
  /** Body of a function of (F, H, T, C) that returns the kernel. */
  source: string;
  /** Constants that vary along a loop, read as C[i]. */
  constants: Float64Array;
}

interface Item {
  target: number;
  expr: Expr;
}

/** Helpers generated code calls besides FUNCTIONS: table reads and subscripts known at run time. */
const HELPERS = {
  lookup: readTable,
  /** One dynamic subscript: slot base + (round(x) − 1)·stride, NaN outside 1..size. */
  rd1(s: Float64Array, base: number, x: number, stride: number, size: number): number {
    const i = Math.round(x) - 1;
    return i >= 0 && i < size ? s[base + i * stride]! : NaN;
  },
  /** Several: (x, stride, size) per subscript. */
  rdn(s: Float64Array, base: number, ...parts: number[]): number {
    let at = base;
    for (let p = 0; p < parts.length; p += 3) {
      const i = Math.round(parts[p]!) - 1;
      if (!(i >= 0 && i < parts[p + 2]!)) return NaN;
      at += i * parts[p + 1]!;
    }
    return s[at]!;
  },
};

export function generateSource(program: Program): Generated {
  const constants: number[] = [];
  const lines: string[] = [];
  for (const name of Object.keys(FUNCTIONS)) lines.push(`const ${functionIdentifier(name)} = F.${name};`);
  lines.push('const lookup = H.lookup, rd1 = H.rd1, rdn = H.rdn;');
  let size = 0;
  /** Functions computing the items, and how to call them; `inline` is the body when one is enough. */
  const functions = (prefix: string, params: string, target: 's' | 'd', items: readonly Item[]) => {
    const names: string[] = [];
    const bodies: Chunk[] = [];
    let chunk = new Chunk(target);
    const flush = () => {
      const name = `${prefix}${names.length}`;
      names.push(name);
      bodies.push(chunk);
      lines.push(`function ${name}(${params}) {`, ...chunk.body, '}');
      size += chunk.chars;
      if (size > MAX_SOURCE_CHARS) throw new CodegenLimit(size, MAX_SOURCE_CHARS);
      chunk = new Chunk(target);
    };
    for (const unit of plan(items)) {
      if (unit.kind === 'one') chunk.assign(unit.item);
      else chunk.loop(unit, constants);
      if (chunk.chars >= CHUNK_CHARS) flush();
    }
    if (chunk.body.length > 0 || names.length === 0) flush();
    const calls = names.map((name) => `${name}(${params});`).join(' ');
    return { calls, chars: bodies.reduce((n, b) => n + b.chars, 0), inline: bodies.length === 1 ? `{ ${bodies[0]!.body.join(' ')} }` : undefined };
  };
  const initial = functions('a', 's', 's', program.initial.map((a) => ({ target: a.slot, expr: a.expr })));
  const update = functions('u', 's', 's', program.update.map((a) => ({ target: a.slot, expr: a.expr })));
  const rates = functions('r', 's, d', 'd', program.states.map((st, j) => ({ target: j, expr: st.rate })));
  const delays = functions('p', 's, d', 'd', program.pipelines.map((p, i) => ({ target: i, expr: p.delay })));
  const inputs = functions('q', 's, d', 'd', program.pipelines.map((p, i) => ({ target: i, expr: p.input })));
  const integrate = runsOf(program.states.map((st) => st.slot)).map(({ j, slot, n }) =>
    n === 1
      ? `s[${int(slot)}] = s[${int(slot)}] + h * d[${int(j)}];`
      : `for (let k = 0; k < ${int(n)}; k++) s[${int(slot)} + k] = s[${int(slot)} + k] + h * d[${int(j)} + k];`,
  );
  const clamp = runsOf(program.states.filter((st) => st.nonNegative).map((st) => st.slot)).map(({ slot, n }) =>
    n === 1
      ? `if (s[${int(slot)}] < 0) s[${int(slot)}] = 0;`
      : `for (let k = 0; k < ${int(n)}; k++) if (s[${int(slot)} + k] < 0) s[${int(slot)} + k] = 0;`,
  );
  // A small model's evaluation goes inside the step loop itself: no calls, and values stay in
  // registers from the flows to the rates.
  const small = update.inline !== undefined && rates.inline !== undefined && update.chars + rates.chars < CHUNK_CHARS;
  lines.push(
    'return {',
    `initial: function (s) { ${initial.calls} },`,
    `evaluate: function (s, d) { ${update.calls} ${rates.calls} },`,
    'euler: function (s, d, i0, n, start, h, every, keep, columns, row) {',
    'for (let i = i0; i < i0 + n; i++) {',
    ...integrate,
    ...clamp,
    `s[${int(TIME_SLOT)}] = start + (i + 1) * h;`,
    small ? `${update.inline} ${rates.inline}` : `${update.calls} ${rates.calls}`,
    'if ((i + 1) % every === 0) { for (let c = 0; c < keep.length; c++) columns[c][row] = s[keep[c]]; row++; }',
    '}',
    'return row;',
    '},',
    `pipeDelays: function (s, d) { ${delays.calls} },`,
    `pipeInputs: function (s, d) { ${inputs.calls} },`,
    '};',
  );
  return { source: lines.join('\n'), constants: Float64Array.from(constants) };
}

/** A kernel running generated code. Throws when the host forbids `new Function` or at CodegenLimit. */
export function generatedKernel(program: Program): Kernel {
  const { source, constants } = generateSource(program);
  // The source holds no model text (emit.ts), and the functions it makes see only the four
  // arguments below and their own locals.
  const make = new Function('F', 'H', 'T', 'C', source) as (
    f: typeof FUNCTIONS, h: typeof HELPERS, t: readonly Table[], c: Float64Array,
  ) => Kernel;
  return make(FUNCTIONS, HELPERS, program.tables, constants);
}

type Unit =
  | { kind: 'one'; item: Item }
  | { kind: 'loop'; first: Item; step: number; run: readonly Shape[]; steps: readonly number[] };

/**
 * Groups the items, in order: consecutive items of one shape whose targets and integers are
 * evenly spaced become one loop; the others stay single statements.
 */
function plan(items: readonly Item[]): Unit[] {
  const shapes = items.map((item) => shapeOf(item.expr));
  const out: Unit[] = [];
  let i = 0;
  while (i < items.length) {
    const first = shapes[i]!;
    const step = i + 1 < items.length ? items[i + 1]!.target - items[i]!.target : 0;
    let j = i + 1;
    const fits = (m: number) => shapes[m]!.sig === first.sig && items[m]!.target === items[i]!.target + (m - i) * step;
    if (step !== 0 && j < items.length && fits(j)) {
      const steps = first.holes.map((h, p) => shapes[i + 1]!.holes[p]! - h);
      const spaced = (m: number) => shapes[m]!.holes.every((h, p) => h === first.holes[p]! + (m - i) * steps[p]!);
      j++;
      while (j < items.length && fits(j) && spaced(j)) j++;
    }
    if (j - i < MIN_RUN) {
      out.push({ kind: 'one', item: items[i]! });
      i++;
      continue;
    }
    const run = shapes.slice(i, j);
    out.push({ kind: 'loop', first: items[i]!, step, run, steps: evenSteps(run)! });
    i = j;
  }
  return out;
}

/**
 * The body of one generated function. Single statements keep what they compute, and every slot
 * they read, in locals (`v0`, `v1`…), so a value is loaded from the slot array once per function;
 * each value is also stored, since later functions and the run read the array.
 */
class Chunk {
  readonly body: string[] = [];
  chars = 0;
  private readonly locals = new Map<number, string>();
  private readonly temps = { next: 0 };
  private names = 0;

  constructor(private readonly target: 's' | 'd') {}

  private push(text: string): void {
    this.body.push(text);
    this.chars += text.length + 1;
  }

  assign(item: Item): void {
    const loads: string[] = [];
    const env: Env = {
      index: int,
      constant: literal,
      pre: [],
      temps: this.temps,
      read: (slot) => {
        let name = this.locals.get(slot);
        if (name === undefined) {
          name = `v${this.names++}`;
          loads.push(`const ${name} = s[${int(slot)}];`);
          this.locals.set(slot, name);
        }
        return name;
      },
    };
    const value = emit(item.expr, env);
    const lead = [...loads, ...env.pre].join(' ');
    const at = `${this.target}[${int(item.target)}]`;
    if (this.target === 'd') {
      this.push(`${lead} ${at} = ${value};`);
      return;
    }
    const name = `v${this.names++}`;
    this.locals.set(item.target, name);
    this.push(`${lead} const ${name} = ${value}; ${at} = ${name};`);
  }

  /** A run of statements as `for (k …)`, the first item's tree as the body. */
  loop(unit: Extract<Unit, { kind: 'loop' }>, constants: number[]): void {
    const { first, step, run, steps } = unit;
    const head = run[0]!;
    // A constant equal along the run stays a literal; one that varies gets a block of C.
    const constantText = head.consts.map((c, p) => {
      if (run.every((s) => Object.is(s.consts[p], c))) return literal(c);
      const offset = constants.length;
      for (const s of run) constants.push(s.consts[p]!);
      return `C[${affine(int(offset), 1, 'k')}]`;
    });
    let h = 0;
    let c = 0;
    const env: Env = {
      index: () => affine(int(head.holes[h]!), steps[h++]!, 'k'),
      constant: () => constantText[c++]!,
      pre: [],
      temps: this.temps,
    };
    const value = emit(first.expr, env);
    const at = `${this.target}[${affine(int(first.target), step, 'k')}]`;
    this.push(`for (let k = 0; k < ${int(run.length)}; k++) { ${env.pre.join(' ')} ${at} = ${value}; }`);
    // The loop wrote slots that earlier locals may hold: read them again from the array.
    if (this.target === 's') this.locals.clear();
  }
}

/** Slots as runs of consecutive ones: j is the position of the run's first slot in the list. */
function runsOf(slots: readonly number[]): Array<{ j: number; slot: number; n: number }> {
  const runs: Array<{ j: number; slot: number; n: number }> = [];
  for (let j = 0; j < slots.length; j++) {
    const last = runs[runs.length - 1];
    if (last && slots[j] === last.slot + last.n) last.n++;
    else runs.push({ j, slot: slots[j]!, n: 1 });
  }
  return runs;
}
