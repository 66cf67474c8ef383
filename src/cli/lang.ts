/**
 * The language the CLI speaks, chosen once per run before the program is built (so commander's
 * help is in it too): --lang, then SYMBIOSE_LANG, then the locale of the environment.
 */
import { chooseLocale, DEFAULT_LOCALE, text, type Locale, type Params, type UiKey } from '../i18n/index.js';

let chosen: Locale = DEFAULT_LOCALE;

/** The value of --lang in the arguments, if given (`--lang fr` or `--lang=fr`). */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

export function chooseCliLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  chosen = chooseLocale(langArgument(argv), env);
  return chosen;
}

export function cliLocale(): Locale {
  return chosen;
}

/** A text of the interface in the chosen language. */
export function t(key: UiKey, params?: Params): string {
  return text(chosen, key, params);
}
