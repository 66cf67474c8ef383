/**
 * Variants: named sets of parameter values that change a model into an alternative (offer A or
 * B, subsidise one side or the other). Compared side by side by `symbiose compare`.
 */
import { z } from 'zod';
import { DESCRIPTION, Quantity, recordById } from './common.js';

export const Variant = z.strictObject({
  name: z.string().optional(),
  description: DESCRIPTION,
  set: z.record(z.string(), Quantity).meta({ description: 'Parameter → new value (a number or an expression).' }),
});
export type Variant = z.infer<typeof Variant>;

/**
 * The document as the variant makes it: its parameters replaced. Provenance is kept, and the
 * variant's values are said to come from the variant.
 */
export function applyVariant<D extends { parameters?: Record<string, unknown> | undefined; variants?: Record<string, Variant> | undefined }>(
  doc: D,
  id: string,
): D {
  const variant = recordById(doc.variants, id);
  if (!variant) return doc;
  const parameters: Record<string, unknown> = { ...(doc.parameters ?? {}) };
  for (const [name, value] of Object.entries(variant.set)) {
    const current = recordById(parameters, name);
    parameters[name] = typeof current === 'object' && current !== null ? { ...current, value } : value;
  }
  return { ...doc, parameters };
}
