/** The id a copy gets (pure): `base` when free, else `base-copy`, `base-copy-2`, … the first free. */
export function freeId(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 1; ; n++) {
    const id = n === 1 ? `${base}-copy` : `${base}-copy-${n}`;
    if (!used.has(id)) return id;
  }
}
