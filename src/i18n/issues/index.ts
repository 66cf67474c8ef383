/**
 * Issue messages by locale. Transitional: renders the English messages of core and engine until
 * the per-locale catalogues (issues/en.ts, issues/fr.ts) replace them.
 */
import { renderMessage, type Issue } from '../../core/index.js';
import type { Locale } from '../locale.js';

export function issueMessage(issue: Issue, _locale: Locale): string {
  return renderMessage(issue);
}
