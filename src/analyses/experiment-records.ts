/**
 * What the analyses read from a model's experiment records (format version 4): an experiment's
 * counts, the control first, and the assumption map, every hypothesis placed by its importance
 * and its evidence so far. Pure.
 *
 * The assumption map orders hypotheses as the workshop method does (Bland & Osterwalder, Testing
 * Business Ideas, 2019, "assumptions mapping"): the most important and least tested first. The
 * importance is the hypothesis's own (low, medium, high), or, when a sensitivity ranking is given,
 * that of the most influential parameter it concerns: the ranking's measure over the top one's (1
 * for the assumption that moves the NPV most, as `symbiose sensitivity` ranks them), read as high
 * from 0.5, medium from 0.2, else low.
 */
import type { EvidenceLevel, ModelDocument } from '../core/index.js';
import type { Counts } from '../stats/index.js';
import type { NamedCounts } from './experiment-data.js';

export type RecordFault =
  | { code: 'no-experiments' }
  | { code: 'unknown-experiment'; experiment: string; known: string[] }
  | { code: 'no-counts'; experiment: string; variant: string };

export interface RecordedExperiment {
  readonly id: string;
  readonly variants: readonly NamedCounts[];
  /** Any variant's counts marked as invented for illustration. */
  readonly invented: boolean;
  readonly planned: readonly (number | undefined)[];
  readonly informs?: string;
  /** The parameter each variant informs (its own, else the experiment's), in the variants' order. */
  readonly informed: readonly (string | undefined)[];
}

export type ExperimentRecord = NonNullable<ModelDocument['experiments']>[string];
export type ChoiceFault = { code: 'no-experiments' } | { code: 'unknown-experiment'; experiment: string; known: string[] };

/** The experiment named `id`, or the model's one experiment when `id` is not given and there is one. */
export function chooseExperiment(doc: ModelDocument, id: string | undefined): { chosen: string; record: ExperimentRecord; fault?: undefined } | { fault: ChoiceFault } {
  const all = doc.experiments ?? {};
  const ids = Object.keys(all);
  if (ids.length === 0) return { fault: { code: 'no-experiments' } };
  const chosen = id ?? (ids.length === 1 ? ids[0]! : undefined);
  const record = chosen === undefined ? undefined : all[chosen];
  if (!record || chosen === undefined) return { fault: { code: 'unknown-experiment', experiment: id ?? '', known: ids } };
  return { chosen, record };
}

/** The experiment's counts, the control (or the first variant) first; the one experiment when `id` is not given and there is one. */
export function recordedExperiment(doc: ModelDocument, id: string | undefined): { experiment?: RecordedExperiment; fault?: RecordFault } {
  const found = chooseExperiment(doc, id);
  if (found.fault) return { fault: found.fault };
  const { chosen, record } = found;
  const entries = Object.entries(record.variants);
  const control = Math.max(0, entries.findIndex(([, v]) => v.control === true));
  const ordered = [entries[control]!, ...entries.filter((_, i) => i !== control)];
  const missing = ordered.find(([, v]) => !v.observed);
  if (missing) return { fault: { code: 'no-counts', experiment: chosen, variant: missing[0] } };
  const variants = ordered.map(([name, v]) => ({ name, counts: { successes: v.observed!.converted, trials: v.observed!.exposed } as Counts }));
  return {
    experiment: {
      id: chosen,
      variants,
      invented: ordered.some(([, v]) => v.observed!.invented === true),
      planned: ordered.map(([, v]) => v.planned),
      ...(record.informs ? { informs: record.informs } : {}),
      informed: ordered.map(([, v]) => v.informs ?? record.informs),
    },
  };
}

export type Importance = 'low' | 'medium' | 'high';

export interface MappedAssumption {
  readonly hypothesis: string;
  readonly kind: string;
  readonly importance: Importance | undefined;
  /** Where the importance comes from: the record, or the sensitivity ranking (with the importance it read, in [0, 1]). */
  readonly importanceFrom: 'record' | 'sensitivity' | 'none';
  readonly sensitivityShare?: number;
  readonly evidence: EvidenceLevel;
  /** Test cards and experiments that bear on it. */
  readonly testCards: readonly string[];
  readonly experiments: readonly string[];
  /** The quadrant of the map. */
  readonly quadrant: 'test-first' | 'keep-watching' | 'check-later' | 'settled';
}

const IMPORTANCE_RANK: Record<Importance, number> = { low: 0, medium: 1, high: 2 };
const EVIDENCE_RANK: Record<EvidenceLevel, number> = { none: 0, weak: 1, moderate: 2, strong: 3 };

function fromShare(share: number): Importance {
  return share >= 0.5 ? 'high' : share >= 0.2 ? 'medium' : 'low';
}

/**
 * A parameter's importance from a sensitivity result (`symbiose sensitivity --json`): its measure
 * over the top measure of each actor's ranking, the largest over the actors. Actors whose NPV
 * never moved are left out.
 */
export function rankingFromSensitivity(result: { actors?: readonly { constant?: boolean; ranking?: readonly { parameter: string; measure: number }[] }[] }): Map<string, number> {
  const out = new Map<string, number>();
  for (const actor of result.actors ?? []) {
    const top = actor.ranking?.[0]?.measure ?? 0;
    if (actor.constant || !(top > 0)) continue;
    for (const effect of actor.ranking ?? []) {
      const importance = Number.isFinite(effect.measure) ? Math.max(0, effect.measure) / top : 0;
      out.set(effect.parameter, Math.max(out.get(effect.parameter) ?? 0, importance));
    }
  }
  return out;
}

/**
 * Every hypothesis on the map, the most important and least tested first. `ranking` maps a
 * parameter to its importance in [0, 1] (rankingFromSensitivity); absent, the records' importance
 * is used.
 */
export function assumptionMap(doc: ModelDocument, ranking?: ReadonlyMap<string, number>): MappedAssumption[] {
  const cards = Object.entries(doc.testCards ?? {});
  const experiments = Object.entries(doc.experiments ?? {});
  const mapped = Object.entries(doc.hypotheses ?? {}).map(([id, h]): MappedAssumption => {
    const shares = (h.parameters ?? []).map((p) => ranking?.get(p)).filter((x): x is number => x !== undefined);
    const share = shares.length > 0 ? Math.max(...shares) : undefined;
    const importance = share !== undefined ? fromShare(share) : (h.importance as Importance | undefined);
    const evidence = (h.evidence ?? 'none') as EvidenceLevel;
    const ownCards = cards.filter(([, c]) => c.hypothesis === id).map(([cid]) => cid);
    // High importance is what the map calls important; moderate or strong evidence, tested.
    const high = importance === 'high';
    const tested = EVIDENCE_RANK[evidence] >= EVIDENCE_RANK.moderate;
    return {
      hypothesis: id,
      kind: h.kind,
      importance,
      importanceFrom: share !== undefined ? 'sensitivity' : importance ? 'record' : 'none',
      ...(share !== undefined ? { sensitivityShare: share } : {}),
      evidence,
      testCards: ownCards,
      experiments: experiments.filter(([, e]) => ownCards.includes(e.testCard)).map(([eid]) => eid),
      quadrant: high ? (tested ? 'keep-watching' : 'test-first') : tested ? 'settled' : 'check-later',
    };
  });
  const importanceRank = (m: MappedAssumption) => (m.importance ? IMPORTANCE_RANK[m.importance] : -1);
  return mapped.sort((a, b) => importanceRank(b) - importanceRank(a) || EVIDENCE_RANK[a.evidence] - EVIDENCE_RANK[b.evidence] || (b.sensitivityShare ?? 0) - (a.sensitivityShare ?? 0));
}
