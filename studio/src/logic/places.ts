/**
 * Where an issue is shown (pure): on the actor node, the transaction's arrows or the parameter its
 * path starts in, and on the field its path names; anything else belongs to the model as a whole.
 */
import type { Issue, Path } from '../../../src/core/index.js';

export type Place = { element: 'actor' | 'transaction' | 'parameter' | 'valueObject' | 'scenario' | 'variant'; id: string; field: string | undefined } | { element: 'model' };

const SECTION_ELEMENT = {
  actors: 'actor',
  transactions: 'transaction',
  parameters: 'parameter',
  valueObjects: 'valueObject',
  scenarios: 'scenario',
  variants: 'variant',
} as const;

export function placeOf(path: Path): Place {
  const [section, id, ...rest] = path;
  const element = typeof section === 'string' && Object.hasOwn(SECTION_ELEMENT, section) ? SECTION_ELEMENT[section as keyof typeof SECTION_ELEMENT] : undefined;
  if (!element || typeof id !== 'string') return { element: 'model' };
  return { element, id, field: rest.length > 0 ? rest.map(String).join('.') : undefined };
}

/** The key a graph element or panel looks its issues up by. */
export const placeKey = (element: string, id: string) => `${element}:${id}`;

/** Issues by element key (`actor:shop`) and by element and field (`actor:shop:size`). */
export function issuesByPlace(issues: readonly Issue[]): Map<string, Issue[]> {
  const byPlace = new Map<string, Issue[]>();
  const add = (key: string, found: Issue) => {
    const list = byPlace.get(key);
    if (list) list.push(found);
    else byPlace.set(key, [found]);
  };
  for (const found of issues) {
    const place = placeOf(found.path);
    if (place.element === 'model') {
      add('model', found);
      continue;
    }
    add(placeKey(place.element, place.id), found);
    if (place.field !== undefined) add(`${placeKey(place.element, place.id)}:${place.field}`, found);
  }
  return byPlace;
}

/** Issues of a field and of everything under it (`transfers` holds `transfers.0.amount`). */
export function fieldIssues(byPlace: ReadonlyMap<string, Issue[]>, element: string, id: string, field: string): Issue[] {
  const prefix = `${placeKey(element, id)}:${field}`;
  const found: Issue[] = [];
  for (const [key, list] of byPlace) if (key === prefix || key.startsWith(`${prefix}.`)) found.push(...list);
  return found;
}
