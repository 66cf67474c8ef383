/**
 * The one place where words are made: issue messages and every text of the surfaces, in English
 * and French, rendered from codes and parameters. Pure; the CLI, the server and the studio all
 * render through it.
 */
export { LOCALES, DEFAULT_LOCALE, chooseLocale, parseLocale, type Locale } from './locale.js';
export { fill, type Params, type Template } from './template.js';
export { formatNumber, numberFormat } from './numbers.js';
export { text, UI_CATALOGUES, type UiKey } from './ui/index.js';
export { issueMessage, engineIssueMessage, ISSUE_CATALOGUES, type IssueCatalogue } from './issues/index.js';
export { limitTable, type LimitRow } from './limits.js';
export { changeMessage, CHANGE_CATALOGUES, type ChangeMessages } from './changes/index.js';
export { learningCardFromDraft } from './learning.js';
