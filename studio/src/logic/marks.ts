/**
 * What an analysis marks on the graph (pure): a cycle of value (its actors, and every arrow that
 * goes round it, from one actor of it to the next), or the data flows, each data arrow labelled
 * with what is lost if it stops. The other actors and arrows are dimmed while marks are shown.
 */
import type { ValueCycle, DataValue } from '../../../src/analyses/index.js';
import type { TransferArrow } from './graph.js';

export interface GraphMarks {
  actors: ReadonlySet<string>;
  /** Arrow ids (`transaction#index`). */
  arrows: ReadonlySet<string>;
  /** The arrows drawn strongest: the chosen cycle's, or the chosen data flow's. */
  chosen: ReadonlySet<string>;
  /** What the label between two actors says instead, by pairKey. */
  labels: ReadonlyMap<string, string>;
}

/** The key of the label two actors' arrows share, either way (logic/viewport.ts's arrowLabels). */
export const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** The cycle's actors, and the arrows from each of them to the next (the last to the first). */
export function cycleMarks(cycle: ValueCycle, arrows: readonly TransferArrow[]): GraphMarks {
  const steps = new Set(cycle.arrows.map((a) => `${a.from}\n${a.to}`));
  const along = new Set(arrows.filter((a) => steps.has(`${a.from}\n${a.to}`)).map((a) => a.id));
  return { actors: new Set(cycle.actors), arrows: along, chosen: along, labels: new Map() };
}

/**
 * Every data flow's arrow and its two actors, the chosen flow's drawn strongest; the label of the
 * pair says each data flow between them with what stopping it loses (`label` words it).
 */
export function dataMarks(result: DataValue, chosen: number | undefined, label: (flow: DataValue['flows'][number]) => string, separator: string): GraphMarks {
  const actors = new Set<string>();
  const arrows = new Set<string>();
  const byPair = new Map<string, string[]>();
  for (const flow of result.flows) {
    actors.add(flow.from).add(flow.to);
    arrows.add(`${flow.transaction}#${flow.transfer}`);
    const key = pairKey(flow.from, flow.to);
    byPair.set(key, [...(byPair.get(key) ?? []), label(flow)]);
  }
  const picked = chosen === undefined ? undefined : result.flows[chosen];
  return {
    actors,
    arrows,
    chosen: new Set(picked ? [`${picked.transaction}#${picked.transfer}`] : []),
    labels: new Map([...byPair].map(([key, texts]) => [key, texts.join(separator)])),
  };
}
