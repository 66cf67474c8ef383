/**
 * Models loaded from their text, remembered: the studio asks several analyses of one version in
 * a row, and loading (parse, check, compile, quantify) is most of each answer's time. A load
 * depends only on the text and the file name, so a remembered one is reused only for the very
 * same text; a version's text never changes. The few most recent are kept.
 */
import { loadEcosystem } from '../engine/index.js';

type Loaded = ReturnType<typeof loadEcosystem>;

const KEPT = 8;
const remembered = new Map<string, { text: string; loaded: Loaded }>();

export function loadedText(text: string, file: string): Loaded {
  const hit = remembered.get(file);
  if (hit && hit.text === text) {
    // Most recent last: a Map keeps insertion order.
    remembered.delete(file);
    remembered.set(file, hit);
    return hit.loaded;
  }
  const loaded = loadEcosystem(text, file);
  remembered.delete(file);
  remembered.set(file, { text, loaded });
  if (remembered.size > KEPT) remembered.delete(remembered.keys().next().value!);
  return loaded;
}
