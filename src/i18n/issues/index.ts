/**
 * Issue messages by locale, rendered from an issue's code and parameters: the one place where
 * the core's and the engine's issues become sentences.
 *
 * @example
 * issueMessage(found, 'fr') // 'acteur inconnu « buyer » ; vouliez-vous dire « buyers » ?'
 */
import type { Issue, IssueParamsByCode } from '../../core/index.js';
import type { EngineIssue } from '../../engine/index.js';
import type { Locale } from '../locale.js';
import { engineText, type IssueCatalogue } from './catalogue.js';
import { en } from './en.js';
import { fr } from './fr.js';

export type { IssueCatalogue } from './catalogue.js';
export const ISSUE_CATALOGUES: Readonly<Record<Locale, IssueCatalogue>> = { en, fr };

/** The message of a model issue in `locale`. */
export function issueMessage(issue: Issue, locale: Locale): string {
  const message = ISSUE_CATALOGUES[locale].core[issue.code] as (p: IssueParamsByCode[typeof issue.code]) => string;
  return message(issue.params as IssueParamsByCode[typeof issue.code]);
}

/**
 * The message of an engine issue read on its own (an XMILE file), placed the way a terminal
 * reads it: `file: variable "x": message at character n of equation "…"`.
 */
export function engineIssueMessage(issue: EngineIssue, locale: Locale): string {
  const catalogue = ISSUE_CATALOGUES[locale];
  const where: string[] = [];
  if (issue.file) where.push(issue.file);
  if (issue.variable !== undefined) where.push(catalogue.where.variable(issue.variable));
  else if (issue.dimension !== undefined) where.push(catalogue.where.dimension(issue.dimension));
  let text = engineText(catalogue.engine, issue.code, issue.params);
  if (issue.equation !== undefined) text += catalogue.where.equation(excerpt(issue.equation, issue.offset), issue.offset);
  // The colon after a place follows each language's spacing (a no-break space before it in French).
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
  return where.length > 0 ? `${where.join(colon)}${colon}${text}` : text;
}

/** Characters of an equation a message quotes at most: a long one is cut around the fault. */
const EXCERPT_CHARS = 80;

/** The equation as a message quotes it: whole when short, else the part around `offset` with … */
export function excerpt(equation: string, offset: number | undefined): string {
  if (equation.length <= EXCERPT_CHARS) return equation;
  const from = Math.max(0, Math.min((offset ?? 0) - EXCERPT_CHARS / 2, equation.length - EXCERPT_CHARS));
  const to = from + EXCERPT_CHARS;
  return `${from > 0 ? '…' : ''}${equation.slice(from, to)}${to < equation.length ? '…' : ''}`;
}
