/**
 * The shape of a change-description catalogue: one function per operation of core/edit's change
 * lists, from the change to a line a history or a comparison shows ("added actor "mill"").
 * en.ts and fr.ts are both typed by it, so a new operation without its words in either language
 * fails the type check.
 */
import type { Change } from '../../core/index.js';

export type ChangeMessages = { readonly [O in Change['op']]: (change: Extract<Change, { op: O }>) => string };
