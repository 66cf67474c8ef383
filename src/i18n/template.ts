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
  const parts = partsOf(template);
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = params[parts[i]!];
    out += (value === undefined ? `{${parts[i]}}` : String(value)) + parts[i + 1]!;
  }
  return out;
}

/**
 * A template cut once into its text and placeholder names, alternately (text, name, text, …): a
 * canvas of 10⁵ customers fills the same few templates 5×10⁵ times, and a regular-expression
 * replace each time made most of its garbage.
 */
const compiled = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Templates come from the catalogues, a few hundred; the bound only keeps a mistake cheap.
    if (compiled.size >= 10_000) compiled.clear();
    compiled.set(template, parts);
  }
  return parts;
}
