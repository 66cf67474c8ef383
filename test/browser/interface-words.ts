/**
 * What the French-only checks of the browser tests read: the interface's own text, and the English
 * words of the catalogue found in it.
 */
import type { Page } from 'playwright-core';
import { UI_CATALOGUES } from '../../src/i18n/index.js';

/** The page's text without what the model or the user wrote (names, descriptions, sources). */
export function interfaceText(on: Page): Promise<string> {
  // Run in the page, as text: this project's Node type-check knows no DOM.
  return on.evaluate(`(() => {
    const copy = document.body.cloneNode(true);
    for (const element of copy.querySelectorAll('[data-user-text], .react-flow__edge-text, .react-flow__edge-textwrapper, select option:not(:checked), code')) element.remove();
    copy.style.position = 'absolute';
    document.body.append(copy);
    const text = copy.innerText;
    copy.remove();
    return text;
  })()`);
}

/**
 * The English words of the interface catalogue found in the text: each English template that
 * French says otherwise, by its literal pieces of at least two words, matched as whole words.
 */
export function englishLeft(text: string): string[] {
  const found = new Set<string>();
  // Words French keeps (the Business Model Canvas is its name in both languages).
  const french = Object.values(UI_CATALOGUES.fr).filter((t): t is string => typeof t === 'string');
  for (const [key, en] of Object.entries(UI_CATALOGUES.en)) {
    const fr = UI_CATALOGUES.fr[key as keyof typeof UI_CATALOGUES.en];
    if (typeof en !== 'string' || en === fr) continue;
    for (const piece of en.split(/\{\w+\}/)) {
      const words = piece.trim();
      if (!/[a-z]{2,}.*\s.*[a-z]{2,}/i.test(words) && !/^[A-Z][a-z]{3,}$/.test(words)) continue;
      const pattern = new RegExp(`(^|[^\\p{L}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
      if (pattern.test(text) && !french.some((f) => pattern.test(f))) found.add(`${key}: ${words}`);
    }
  }
  return [...found];
}
