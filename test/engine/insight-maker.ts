/**
 * Small stock-and-flow models written once and built for two engines: as XMILE text for Symbiose,
 * and with the API of `simulation` (Insight Maker's engine, AGPL; a devDependency that only tests
 * and benchmarks may import, never src/).
 *
 * Equations are written in Insight Maker's syntax, which refers to other variables as [Name];
 * the XMILE equation is derived from it: [Name] becomes Name_With_Underscores, Years() becomes
 * TIME, and the few functions used are renamed (Sin → SIN, Delay3 → DELAY3).
 */
import { Model, type Primitive } from 'simulation';

export interface StockAndFlowModel {
  start: number;
  stop: number;
  stocks: Array<{ name: string; initial: string }>;
  /** A flow drains `from` and fills `to` (either may be absent: a cloud). */
  flows: Array<{ name: string; from?: string; to?: string; rate: string }>;
  variables: Array<{ name: string; value: string }>;
}

export type Method = 'euler' | 'rk4';

export interface Run {
  times: number[];
  /** By name, as written in the model. */
  series: Map<string, number[]>;
}

const references = (equation: string) => [...equation.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);

const xmileName = (name: string) => name.replace(/ /g, '_');

const FUNCTIONS: Record<string, string> = { 'Years()': 'TIME', 'Sin(': 'SIN(', 'Cos(': 'COS(', 'Delay3(': 'DELAY3(', 'Exp(': 'EXP(' };

/** The XMILE form of an Insight Maker equation (only what these models use). */
export function xmileEquation(equation: string): string {
  let out = equation.replace(/\[([^\]]+)\]/g, (_, name: string) => xmileName(name));
  for (const [from, to] of Object.entries(FUNCTIONS)) out = out.split(from).join(to);
  if (/[A-Za-z]+\(/.test(out.replace(/\b(TIME|SIN|COS|DELAY3|EXP)\(/g, ''))) throw new Error(`no XMILE form for ${equation}`);
  return out;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The model as an XMILE document, for Symbiose (method and dt are given to `simulate`). */
export function toXmile(m: StockAndFlowModel): string {
  const stock = (s: StockAndFlowModel['stocks'][number]) => {
    const inflows = m.flows.filter((f) => f.to === s.name).map((f) => `<inflow>${xmileName(f.name)}</inflow>`);
    const outflows = m.flows.filter((f) => f.from === s.name).map((f) => `<outflow>${xmileName(f.name)}</outflow>`);
    return `<stock name="${xmileName(s.name)}"><eqn>${escape(xmileEquation(s.initial))}</eqn>${inflows.join('')}${outflows.join('')}</stock>`;
  };
  const flow = (f: StockAndFlowModel['flows'][number]) => `<flow name="${xmileName(f.name)}"><eqn>${escape(xmileEquation(f.rate))}</eqn></flow>`;
  const aux = (v: StockAndFlowModel['variables'][number]) => `<aux name="${xmileName(v.name)}"><eqn>${escape(xmileEquation(v.value))}</eqn></aux>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>Symbiose tests</vendor><product version="1">cross-engines</product></header>
  <sim_specs method="Euler" time_units="Years"><start>${m.start}</start><stop>${m.stop}</stop><dt>1</dt></sim_specs>
  <model><variables>
    ${[...m.stocks.map(stock), ...m.flows.map(flow), ...m.variables.map(aux)].join('\n    ')}
  </variables></model>
</xmile>
`;
}

/** Runs the model with `simulation`, keeping every variable at every step. */
export function runInsightMaker(m: StockAndFlowModel, method: Method, dt: number): Run {
  const model = new Model({
    timeStart: m.start,
    timeLength: m.stop - m.start,
    timeStep: dt,
    timeUnits: 'Years',
    algorithm: method === 'rk4' ? 'RK4' : 'Euler',
  });
  const primitives = new Map<string, Primitive>();
  for (const s of m.stocks) primitives.set(s.name, model.Stock({ name: s.name, initial: s.initial }));
  for (const v of m.variables) primitives.set(v.name, model.Variable({ name: v.name, value: v.value }));
  for (const f of m.flows) {
    const from = f.from === undefined ? null : primitives.get(f.from)!;
    const to = f.to === undefined ? null : primitives.get(f.to)!;
    // Flows in Insight Maker are one-way by default; XMILE flows are not.
    primitives.set(f.name, model.Flow(from, to, { name: f.name, rate: f.rate, nonNegative: false }));
  }
  // Every reference needs a link, except a flow's reference to the stocks it connects.
  const link = (user: string, equation: string, own: Array<string | undefined> = []) => {
    for (const name of new Set(references(equation))) {
      if (own.includes(name)) continue;
      const source = primitives.get(name);
      if (!source) throw new Error(`${user} refers to unknown [${name}]`);
      model.Link(source, primitives.get(user)!);
    }
  };
  for (const s of m.stocks) link(s.name, s.initial);
  for (const v of m.variables) link(v.name, v.value);
  for (const f of m.flows) link(f.name, f.rate, [f.from, f.to]);

  const results = model.simulate();
  const series = new Map<string, number[]>();
  for (const [name, primitive] of primitives) series.set(name, results.series(primitive).map(Number));
  return { times: results.times().map(Number), series };
}
