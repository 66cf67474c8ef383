/** Issues as the API answers them: the issue as data, with its message in the request's language. */
import type { Issue, LocatedIssue } from '../core/index.js';
import { changeMessage, engineIssueMessage, issueMessage, type Locale } from '../i18n/index.js';
import type { EngineIssue } from '../engine/index.js';
import type { Change } from '../core/index.js';
import type { VersionSummary } from '../store/index.js';

export type RenderedIssue = (Issue | LocatedIssue) & { message: string };

export function renderIssues(issues: readonly (Issue | LocatedIssue)[], locale: Locale): RenderedIssue[] {
  return issues.map((found) => ({ ...found, message: issueMessage(found, locale) }));
}

/** The engine's issues (an XMILE file's) in the same shape: code, severity, where, message. */
export function renderEngineIssues(issues: readonly EngineIssue[], locale: Locale): Array<EngineIssue & { message: string }> {
  return issues.map((found) => ({ ...found, message: engineIssueMessage(found, locale) }));
}

export function changeWords(changes: readonly Change[], locale: Locale): string[] {
  return changes.map((change) => changeMessage(change, locale));
}

/** A version of a history or of an outdated save's `since`, with each of its changes in words. */
export function withWords(version: VersionSummary, locale: Locale): VersionSummary & { words: string[] } {
  return { ...version, words: changeWords(version.changes, locale) };
}
