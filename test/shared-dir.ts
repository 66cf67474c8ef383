/**
 * Where the team's shared folder (seeds, SD test suite) is: beside the repository in CI and in a
 * developer's checkout, or where SYMBIOSE_SHARED says. Tests that need it fail loudly without it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = [
  process.env.SYMBIOSE_SHARED,
  fileURLToPath(new URL('../../shared', import.meta.url)),
  '/work/shared',
].filter((dir): dir is string => dir !== undefined);

export function sharedDir(): string {
  const found = CANDIDATES.find((dir) => existsSync(`${dir}/sd-test-models`));
  if (!found) throw new Error(`the shared folder (with sd-test-models/) is not in any of: ${CANDIDATES.join(', ')}; set SYMBIOSE_SHARED`);
  return found;
}
