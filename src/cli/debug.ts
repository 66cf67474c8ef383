/** What the CLI prints for developers only, with SYMBIOSE_DEBUG set. */
import type { DynamicsFallback } from '../core/index.js';
import { t } from './lang.js';

/** Why the dynamics ran as closures: the same figures, only slower, so said only when debugging. */
export function reportFallback(fallback: DynamicsFallback | undefined): void {
  if (fallback && process.env.SYMBIOSE_DEBUG) process.stderr.write(`${t('debug.codegenFallback', { ...fallback })}\n`);
}
