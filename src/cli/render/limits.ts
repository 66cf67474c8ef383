/** The table of limits (i18n's limitTable) as a printable block: name, value, what it bounds. */
import { formatNumber, type LimitRow, type Locale } from '../../i18n/index.js';
import { t } from '../lang.js';
import { table, type Block } from '../../tables/index.js';

export function limitBlocks(rows: readonly LimitRow[], locale: Locale): Block[] {
  const columns = [{ title: t('limits.name') }, { title: t('limits.value'), align: 'right' as const }, { title: t('limits.bounds') }];
  return [table(columns, rows.map((row) => [row.name, formatNumber(locale, row.value, 0), row.bounds]))];
}
