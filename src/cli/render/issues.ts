/** Validation issues as lines a terminal and an editor both understand: file:line:column. */
import { formatPath, renderMessage, type LocatedIssue } from '../../core/index.js';
import pc from 'picocolors';

export function issueLines(issues: readonly LocatedIssue[], color = false): string {
  const paint = color ? pc : pc.createColors(false);
  return issues
    .map((i) => {
      const where = `${i.file}:${i.line}:${i.column}`;
      const severity = i.severity === 'error' ? paint.red('error') : paint.yellow('warning');
      const path = i.path.length > 0 ? paint.dim(` (at ${formatPath(i.path)})`) : '';
      return `${where}: ${severity} ${renderMessage(i)}${path} ${paint.dim(`[${i.code}]`)}`;
    })
    .join('\n');
}
