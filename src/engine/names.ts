/**
 * XMILE identifiers: the spec (XMILE 1.0 §3.2.2) makes names case-insensitive and treats spaces and
 * underscores alike, so `Room Temperature`, `room_temperature` and `"Room  Temperature"` are one
 * variable. The canonical form is what every lookup in the engine uses.
 */

/** Canonical form of a name: lower case, each run of whitespace or underscores one `_`. */
export { canonicalName } from '../core/index.js';

/** Display form of an element list, as output headers write it: `Name[A,B]`. */
export function elementLabel(name: string, elements: readonly string[]): string {
  return elements.length === 0 ? name : `${name}[${elements.join(',')}]`;
}
