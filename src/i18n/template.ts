/**
 * A message template: a string with {name} placeholders, or a function of the parameters for
 * messages whose shape depends on them (an optional suggestion, a plural).
 */
import type { Locale } from './locale.js';

export type Params = Readonly<Record<string, string | number | undefined>>;
export type Template = string | ((params: Params, locale: Locale) => string);

/** Fills a template; a placeholder with no parameter stays visible as {name} (caught by tests). */
export function fill(template: Template, params: Params, locale: Locale): string {
  if (typeof template === 'function') return template(params, locale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
