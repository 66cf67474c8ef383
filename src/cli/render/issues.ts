/** Validation issues as lines a terminal and an editor both understand: file:line:column. */
import { formatPath, type Issue, type LocatedIssue } from '../../core/index.js';
import { ISSUE_CATALOGUES, issueMessage, type Locale } from '../../i18n/index.js';
import pc from 'picocolors';

export function issueLines(issues: readonly LocatedIssue[], color: boolean, locale: Locale): string {
  const paint = color ? pc : pc.createColors(false);
  const words = ISSUE_CATALOGUES[locale].line;
  return issues
    .map((i) => {
      const where = `${i.file}:${i.line}:${i.column}`;
      const severity = i.severity === 'error' ? paint.red(words.error) : paint.yellow(words.warning);
      const path = i.path.length > 0 ? paint.dim(` ${words.at(formatPath(i.path))}`) : '';
      return `${where}: ${severity} ${issueMessage(i, locale)}${path} ${paint.dim(`[${codeTag(i)}]`)}`;
    })
    .join('\n');
}

/** Issues not placed in a text (a variant's document, an edited one): the file, then the path. */
export function pathIssueLines(file: string, issues: readonly Issue[], color: boolean, locale: Locale): string {
  const paint = color ? pc : pc.createColors(false);
  const words = ISSUE_CATALOGUES[locale].line;
  return issues
    .map((i) => {
      const severity = i.severity === 'error' ? paint.red(words.error) : paint.yellow(words.warning);
      const path = i.path.length > 0 ? paint.dim(` ${words.at(formatPath(i.path))}`) : '';
      return `${file}: ${severity} ${issueMessage(i, locale)}${path} ${paint.dim(`[${codeTag(i)}]`)}`;
    })
    .join('\n');
}

/** The issue's code; for the dynamics, with the engine's code that the issue carries. */
export function codeTag(issue: Issue): string {
  const engineCode = issue.code === 'dynamics' ? issue.params.engineCode : undefined;
  return typeof engineCode === 'string' ? `${issue.code}/${engineCode}` : issue.code;
}
