/**
 * Turns every quantity of a valid document into a checked expression tree: syntax, names,
 * functions and their argument counts, cycles between parameters, and currencies. A quantity that
 * fails any check compiles to `undefined` and is skipped downstream, so one mistake is reported
 * once rather than again in everything that reads it.
 */
import { arityFault, callsIn, ExpressionSyntaxError, FUNCTIONS, functionSpec, namesIn, parseExpression, type Expr } from './expression/index.js';
import { issue, type Issue, type Path, type QuantityKind } from './issues.js';
import {
  canonicalName,
  costKinds,
  dynamicsNames,
  parameterSpec,
  recordById,
  RESERVED_NAMES,
  type CostKind,
  type ModelDocument,
  type Quantity,
  type Step,
} from './model/index.js';
import { readDiscountRate } from './discount-rate.js';
import { recordsOf, type Records } from './records.js';
import { suggester } from './suggest.js';

/**
 * A checked quantity: its tree, where it sits in the document, and the parameters it reads.
 * Quantities written with the same text share one tree and one list of names (a model of 10⁵
 * transactions priced `price` parses it once): neither is ever changed.
 */
export interface CompiledQuantity {
  path: Path;
  expr: Expr;
  names: string[];
}
type Q = CompiledQuantity | undefined;

export type CompiledStep =
  | { kind: 'transaction'; transaction: string; count: Q }
  | { kind: 'and'; steps: CompiledStep[] }
  | { kind: 'or'; branches: Array<{ fraction: Q; steps: CompiledStep[]; path: Path }>; path: Path };

export interface CompiledCost {
  actor: string;
  /** Position in the actor's cost list: with the actor, what identifies the cost line. */
  index: number;
  name: string;
  kind: CostKind;
  amount: Q;
  per?: string | undefined;
  at: number;
  path: Path;
}

export interface CompiledModel {
  doc: ModelDocument;
  /** Parameters that depend neither on time nor on the dynamics: what the dynamics may read. */
  constantParameters: string[];
  /** Parameters in an order where each comes after every parameter it reads. */
  parameters: Array<{ name: string; value: Q }>;
  sizes: Map<string, Q>;
  costs: CompiledCost[];
  valuations: Map<string, { byReceiver: Map<string, Q>; other: Q }>;
  /** Per transaction, per transfer: the amount per occurrence (money) or units (default 1). */
  amounts: Map<string, Q[]>;
  scenarios: Array<{ id: string; actor: string; count: Q; steps: CompiledStep[] }>;
}

const BUILTIN_NAMES = ['t', 'horizon'];
const NO_NAMES: string[] = [];

/** A number's tree, one per value (0 and −0 apart: Object.is tells them apart, a Map does not). */
function numberExpr(numbers: Map<number, Expr>, value: number): Expr {
  if (Object.is(value, -0)) return { type: 'number', value, at: 0 };
  let expr = numbers.get(value);
  if (!expr) numbers.set(value, (expr = { type: 'number', value, at: 0 }));
  return expr;
}
const CURRENCY_UNIT = /^([A-Z]{3})(?![A-Za-z])/;

/** `records`: the document's sections as recordsOf lists them, when the caller has them already. */
export function compile(doc: ModelDocument, records: Records = recordsOf(doc)): { model: CompiledModel; issues: Issue[] } {
  const issues: Issue[] = [];
  const specs = Object.entries(doc.parameters ?? {}).map(([name, p]) => ({ name, spec: parameterSpec(p) }));
  const parameterNames = new Set(specs.map((s) => s.name));
  const known = new Set([...parameterNames, ...BUILTIN_NAMES]);
  // Dynamics variables are read by their XMILE canonical name: `Active Users` as active_users.
  const dynamic = dynamicsNames(doc.dynamics);
  const isKnown = (name: string) => known.has(name) || dynamic.has(canonicalName(name));
  for (const name of parameterNames) {
    const clash = dynamic.get(canonicalName(name));
    if (clash) issues.push(issue('name-clash', ['parameters', name], { name, section: clash.section, other: clash.name }, { atKey: true }));
  }

  const suggest = suggester(() => [...known, ...[...dynamic.values()].map((d) => canonicalName(d.name))]);
  const used = new Set<string>();
  // Each text that passed every check, with its tree and names: the same text anywhere else
  // passes them too (which names are known does not depend on where a quantity sits). A text
  // that fails is parsed again wherever it is written, so that each place reports its issues.
  const checkedTexts = new Map<string, { expr: Expr; names: string[] }>();
  const numbers = new Map<number, Expr>();
  const parse = (value: Quantity | undefined, path: Path): Q => {
    if (value === undefined) return undefined;
    if (typeof value === 'number') return { path, expr: numberExpr(numbers, value), names: NO_NAMES };
    const known = checkedTexts.get(value);
    if (known) return { path, expr: known.expr, names: known.names };
    let expr: Expr;
    try {
      expr = parseExpression(value);
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      const fault = error.fault;
      issues.push(fault.reason === 'limit' ? issue('limit', path, { limit: fault.limit, max: fault.max }, { offset: error.offset }) : issue('expression-syntax', path, fault, { offset: error.offset }));
      return undefined;
    }
    let ok = true;
    const names = namesIn(expr);
    for (const name of names.keys()) used.add(name);
    for (const [name, at] of names) {
      if (isKnown(name)) continue;
      ok = false;
      const suggestion = suggest(name);
      issues.push(issue('unknown-name', path, { name, ...(suggestion ? { suggestion } : {}) }, { offset: at }));
    }
    for (const call of callsIn(expr)) {
      if (!functionSpec(call.name)) {
        ok = false;
        issues.push(issue('unknown-function', path, { name: call.name, known: Object.keys(FUNCTIONS) }, { offset: call.at }));
        continue;
      }
      const wrong = arityFault(call.name, call.args.length);
      if (wrong) {
        ok = false;
        issues.push(issue('arity', path, wrong, { offset: call.at }));
      }
    }
    if (!ok) return undefined;
    const checked = { expr, names: [...names.keys()] };
    checkedTexts.set(value, checked);
    return { path, ...checked };
  };

  // Parameters first: their order, cycles, and which ones are broken.
  const parsedParameters = new Map<string, Q>();
  for (const { name, spec } of specs) {
    const path = ['parameters', name];
    if (RESERVED_NAMES.has(name)) issues.push(issue('reserved-name', path, { name }, { atKey: true }));
    parsedParameters.set(name, parse(spec.value, typeof doc.parameters?.[name] === 'object' ? [...path, 'value'] : path));
  }
  const parameters = orderParameters(parsedParameters, issues);
  const broken = new Set(parameters.filter((p) => p.value === undefined).map((p) => p.name));
  const checked = (q: Q): Q => (q && q.names.some((n) => broken.has(n)) ? undefined : q);
  const quantity = (value: Quantity | undefined, path: Path): Q => checked(parse(value, path));

  issues.push(...readDiscountRate(doc.discountRate).issues);
  const perUnit = periodUnits(specs);
  const currencies = parameterCurrencies(doc, parameters);
  const money = (q: Q, quantity: QuantityKind, record: string): void => {
    if (!q) return;
    // A bare "EUR/month" parameter used as an amount in a weekly model: likely on the wrong scale.
    // (Any arithmetic around it may be the conversion, so only the bare name is flagged.)
    const per = q.expr.type === 'name' ? perUnit.get(q.expr.name) : undefined;
    if (per && per.period !== doc.period) {
      issues.push(issue('unit-period', q.path, { name: per.name, unit: per.unit, period: doc.period }, { severity: 'warning' }));
    }
    for (const name of q.names) {
      const found = currencies.get(name);
      if (found && found !== doc.currency) {
        issues.push(issue('currency-mismatch', q.path, { quantity, record, parameter: name, found, expected: doc.currency }));
      }
    }
  };

  const sizes = new Map<string, Q>();
  const costs: CompiledCost[] = [];
  for (const [id, actor] of records.actors) {
    if (actor.size !== undefined) sizes.set(id, quantity(actor.size, ['actors', id, 'size']));
    actor.costs?.forEach((cost, i) => {
      const kinds = costKinds(cost);
      if (kinds.length !== 1) return;
      const kind = kinds[0]!;
      const path = ['actors', id, 'costs', i];
      const amount = quantity(cost[kind], [...path, kind]);
      money(amount, 'cost', cost.name);
      costs.push({ actor: id, index: i, name: cost.name, kind, amount, per: cost.per, at: cost.at ?? 0, path });
    });
  }

  const valuations = new Map<string, { byReceiver: Map<string, Q>; other: Q }>();
  for (const [id, object] of records.valueObjects) {
    const path = ['valueObjects', id, 'valuation'];
    if (object.nature === 'money') {
      if (object.currency && object.currency !== doc.currency) {
        issues.push(issue('currency-mismatch', ['valueObjects', id, 'currency'], { quantity: 'money', record: id, found: object.currency, expected: doc.currency }));
      }
      continue;
    }
    const byReceiver = new Map<string, Q>();
    let other: Q;
    if (typeof object.valuation === 'object') {
      for (const [receiver, value] of Object.entries(object.valuation)) {
        const q = quantity(value, [...path, receiver]);
        money(q, 'valuation', id);
        if (receiver === 'default') other = q;
        else byReceiver.set(receiver, q);
      }
    } else {
      other = quantity(object.valuation, path);
      money(other, 'valuation', id);
    }
    valuations.set(id, { byReceiver, other });
  }

  const amounts = new Map<string, Q[]>();
  for (const [id, transaction] of records.transactions) {
    amounts.set(id, transaction.transfers.map((transfer, i) => {
      const q = quantity(transfer.amount, ['transactions', id, 'transfers', i, 'amount']);
      if (doc.valueObjects[transfer.object]?.nature === 'money') money(q, 'amount', transfer.object);
      return q;
    }));
  }

  const compileSteps = (steps: Step[], path: Path): CompiledStep[] =>
    steps.map((step, i): CompiledStep => {
      if (typeof step === 'string') return { kind: 'transaction', transaction: step, count: undefined };
      const at = [...path, i];
      if (step.transaction !== undefined) {
        const count = step.count === undefined ? undefined : quantity(step.count, [...at, 'count']);
        return { kind: 'transaction', transaction: step.transaction, count };
      }
      if (step.or) {
        return {
          kind: 'or',
          path: [...at, 'or'],
          branches: step.or.map((branch, b) => ({
            fraction: quantity(branch.fraction, [...at, 'or', b, 'fraction']),
            steps: compileSteps(branch.steps, [...at, 'or', b, 'steps']),
            path: [...at, 'or', b],
          })),
        };
      }
      return { kind: 'and', steps: compileSteps(step.and ?? [], [...at, 'and']) };
    });

  const scenarios = records.scenarios.map(([id, scenario]) => ({
    id,
    actor: scenario.start.actor,
    count: quantity(scenario.start.count, ['scenarios', id, 'start', 'count']),
    steps: compileSteps(scenario.steps, ['scenarios', id, 'steps']),
  }));

  issues.push(...populationCounts(doc, records.scenarios));

  // The dynamics read parameters in their own (XMILE) equations, and a variant may set a parameter
  // to another (an alternative figure with its own provenance): a name there counts as a use.
  for (const word of wordsIn(doc.dynamics)) used.add(word);
  for (const variant of Object.values(doc.variants ?? {})) for (const word of wordsIn(Object.values(variant.set))) used.add(word);
  for (const { name } of specs) {
    if (!used.has(name) && !used.has(canonicalName(name))) issues.push(issue('unused-parameter', ['parameters', name], { name }, { severity: 'warning', atKey: true }));
  }
  const constantParameters = constantsAmong(parameters);
  return { model: { doc, constantParameters, parameters, sizes, costs, valuations, amounts, scenarios }, issues };
}

/** Start counts from this many a period on an actor that is not a segment read as a population. */
const POPULATION_COUNT = 1000;
/** Units that say a parameter counts people. */
const POPULATION_UNIT = /^(?:people|persons?|users?|members?|customers?|clients?|subscribers?|households?|personnes?|habitants?|utilisateurs?|membres?|abonnés?|foyers?)$/i;

/**
 * Scenarios started by an organisation, a platform… with a count that looks like the size of a
 * population (at least 1,000 a period, or a parameter whose unit counts people): the count is how
 * many times the actor starts the scenario each period, which a newcomer easily misreads.
 */
function populationCounts(doc: ModelDocument, scenarios: Records['scenarios']): Issue[] {
  return scenarios.flatMap(([id, scenario]) => {
    const { actor, count } = scenario.start;
    if (recordById(doc.actors, actor)?.kind === 'segment' || count === undefined) return [];
    const parameter = typeof count === 'string' ? recordById(doc.parameters, count.trim()) : undefined;
    const spec = parameter === undefined ? undefined : parameterSpec(parameter);
    const value = typeof count === 'number' ? count : typeof spec?.value === 'number' ? spec.value : undefined;
    const people = spec?.unit !== undefined && POPULATION_UNIT.test(spec.unit.trim());
    if (value === undefined || (value < POPULATION_COUNT && !people)) return [];
    return [issue('start-count', ['scenarios', id, 'start', 'count'], { scenario: id, actor, count: value }, { severity: 'warning' })];
  });
}

/**
 * Orders parameters so each follows what it reads (depth-first topological sort). A parameter in
 * a cycle, or reading a broken one, becomes `undefined`; each cycle is reported once.
 */
function orderParameters(parsed: Map<string, Q>, issues: Issue[]): Array<{ name: string; value: Q }> {
  const order: Array<{ name: string; value: Q }> = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const brokenNames = new Set<string>();
  const finish = (name: string): void => {
    state.set(name, 'done');
    const value = parsed.get(name);
    const ok = value !== undefined && !brokenNames.has(name) && !value.names.some((n) => brokenNames.has(n));
    if (!ok) brokenNames.add(name);
    order.push({ name, value: ok ? value : undefined });
  };
  // Depth-first with an explicit stack: a chain of thousands of parameters must not overflow.
  for (const root of parsed.keys()) {
    if (state.has(root)) continue;
    const stack: Array<{ name: string; next: number }> = [{ name: root, next: 0 }];
    state.set(root, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const dependencies = (parsed.get(frame.name)?.names ?? []).filter((n) => parsed.has(n));
      if (frame.next >= dependencies.length) {
        stack.pop();
        finish(frame.name);
        continue;
      }
      const dependency = dependencies[frame.next++]!;
      const seen = state.get(dependency);
      if (seen === 'visiting') {
        const names = stack.map((f) => f.name);
        const cycle = names.slice(names.indexOf(dependency));
        for (const member of cycle) brokenNames.add(member);
        issues.push(issue('parameter-cycle', parsed.get(dependency)?.path ?? ['parameters', dependency], { cycle: [...cycle, dependency] }));
      } else if (seen === undefined) {
        state.set(dependency, 'visiting');
        stack.push({ name: dependency, next: 0 });
      }
    }
  }
  return order;
}

/** Parameters that read, even through others, nothing but constants: no `t`, no dynamics. */
function constantsAmong(ordered: Array<{ name: string; value: Q }>): string[] {
  const constant = new Set<string>();
  for (const { name, value } of ordered) {
    if (value && value.names.every((n) => constant.has(n) || n === 'horizon')) constant.add(name);
  }
  return [...constant];
}

/** Every identifier-like word of the texts in a value (the dynamics' equations, variants' values), canonical. */
function wordsIn(section: unknown): Set<string> {
  const words = new Set<string>();
  const scan = (value: unknown): void => {
    if (typeof value === 'string') for (const w of value.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) words.add(canonicalName(w));
    else if (Array.isArray(value)) value.forEach(scan);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(scan);
  };
  scan(section);
  return words;
}

/** Parameters whose unit is per period ("EUR/month"), with that period. */
function periodUnits(specs: Array<{ name: string; spec: { unit?: string | undefined } }>): Map<string, { name: string; unit: string; period: string }> {
  const out = new Map<string, { name: string; unit: string; period: string }>();
  for (const { name, spec } of specs) {
    const period = spec.unit ? /\/\s*(day|week|month|quarter|year)s?\s*$/i.exec(spec.unit)?.[1]?.toLowerCase() : undefined;
    if (period) out.set(name, { name, unit: spec.unit!, period });
  }
  return out;
}

/** The currency of each parameter: from its unit, or else from the parameters it reads. */
function parameterCurrencies(doc: ModelDocument, ordered: Array<{ name: string; value: Q }>): Map<string, string> {
  const currencies = new Map<string, string>();
  for (const { name, value } of ordered) {
    const unit = parameterSpec(doc.parameters![name]!).unit;
    const declared = unit ? CURRENCY_UNIT.exec(unit)?.[1] : undefined;
    const inherited = value?.names.map((n) => currencies.get(n)).find((c) => c !== undefined);
    const currency = declared ?? inherited;
    if (currency) currencies.set(name, currency);
  }
  return currencies;
}
