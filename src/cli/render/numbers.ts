/** Number formats for tables: thousands separators, and no false precision. */
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneySmall = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Money: whole units from 100 up, cents below; −0 shown as 0. */
export function formatMoney(x: number): string {
  if (Object.is(Math.round(x * 100) / 100, -0) || Math.abs(x) < 0.005) return '0';
  return (Math.abs(x) >= 100 ? money : moneySmall).format(x).replace('-', '−');
}

/** Counts: whole numbers from 100 up, two decimals below (4.5 transactions, 9,513 members). */
export function formatCount(x: number): string {
  return (Math.abs(x) >= 100 ? money : count).format(x).replace('-', '−');
}

export function formatShare(x: number | undefined): string {
  return x === undefined ? '—' : `${(x * 100).toFixed(1).replace('-', '−')} %`;
}
