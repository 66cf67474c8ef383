/**
 * The value network as a graph (pure): one node per actor, shaped by its kind, and one arrow per
 * transfer, coloured by the nature of the value object it carries.
 */
import type { ModelDocument, Nature, Position } from '../../../src/core/index.js';

export const NATURE_COLOURS: Record<Nature, string> = {
  money: '#2e7d32',
  data: '#1565c0',
  service: '#6a1b9a',
  product: '#ef6c00',
  attention: '#c2185b',
  reputation: '#f9a825',
  environmental: '#00838f',
  right: '#5d4037',
};

export interface TransferArrow {
  /** `transaction#index`: the transfer's place in its transaction. */
  id: string;
  transaction: string;
  index: number;
  from: string;
  to: string;
  object: string;
  nature: Nature | undefined;
}

export function transferArrows(doc: ModelDocument): TransferArrow[] {
  return Object.entries(doc.transactions).flatMap(([transaction, t]) =>
    t.transfers.map((tr, index) => ({
      id: `${transaction}#${index}`,
      transaction,
      index,
      from: tr.from,
      to: tr.to,
      object: tr.object,
      nature: Object.hasOwn(doc.valueObjects, tr.object) ? doc.valueObjects[tr.object]?.nature : undefined,
    })),
  );
}

export const NODE_SIZE = { width: 170, height: 64 };

/** A layout that needs no worker: rows of a grid, for when the layout worker misses its deadline. */
export function gridLayout(ids: readonly string[]): Map<string, Position> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  return new Map(ids.map((id, i) => [id, { x: (i % columns) * 230, y: Math.floor(i / columns) * 140 }]));
}
