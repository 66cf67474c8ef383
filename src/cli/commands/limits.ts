import type { Command } from 'commander';
import { LIMITS } from '../../core/index.js';
import { limitTable } from '../../i18n/index.js';
import { cliLocale, t } from '../lang.js';
import { emit, withOutputOptions, formatOf, type OutputOptions } from '../output.js';
import { limitBlocks } from '../render/limits.js';

export function registerLimits(program: Command): void {
  withOutputOptions(program.command('limits').description(t('cmd.limits')), ['text', 'md', 'json']).action((options: OutputOptions) => {
    const format = formatOf(options);
    const rows = limitTable(cliLocale(), LIMITS);
    emit(format, () => limitBlocks(rows, cliLocale()), () => rows);
  });
}
