/**
 * The languages Symbiose speaks, and how one is chosen. Pure: the environment comes in as a
 * plain record, so the CLI, the server and the studio pick a locale the same way.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** 'fr', 'fr_FR.UTF-8', 'fr-CA' → 'fr'; anything unknown → undefined. */
export function parseLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = tag.trim().toLowerCase().split(/[-_.@]/)[0];
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : undefined;
}

/**
 * The locale from an explicit choice, then SYMBIOSE_LANG, then the POSIX order
 * (LC_ALL, LC_MESSAGES, LANG), then English. 'C' and 'POSIX' mean English.
 */
export function chooseLocale(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  for (const tag of [explicit, env.SYMBIOSE_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (tag === undefined || tag === '') continue;
    return parseLocale(tag) ?? DEFAULT_LOCALE;
  }
  return DEFAULT_LOCALE;
}
