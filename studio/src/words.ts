/** The words of the page: every text comes from the interface catalogue (src/i18n), by locale. */
import { createContext, useContext } from 'react';
import { formatNumber, issueMessage, text, type Locale, type Params, type UiKey } from '../../src/i18n/index.js';
import type { Issue } from '../../src/core/index.js';

export const LocaleContext = createContext<Locale>('en');

export interface Words {
  locale: Locale;
  t: (key: UiKey, params?: Params) => string;
  n: (value: number) => string;
  issue: (issue: Issue) => string;
}

export function wordsFor(locale: Locale): Words {
  return {
    locale,
    t: (key, params) => text(locale, key, params),
    n: (value) => formatNumber(locale, value),
    issue: (found) => issueMessage(found, locale),
  };
}

export function useWords(): Words {
  return wordsFor(useContext(LocaleContext));
}
