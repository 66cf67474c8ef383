/**
 * An experiment's counts read from a CSV file, in either of two shapes:
 * - counts: one row per variant, `variant, converted, exposed` (as the model's records name them;
 *   `successes, trials` also read), and, for a test looked at as it runs, a `look` column with
 *   the cumulative counts at each look;
 * - responses: one row per person, `variant, converted` with yes/no (oui/non, 1/0), and
 *   optionally a `look` column: the counts at each look are then cumulated in the looks' order.
 * The control is the first variant named. Pure: text in, counts or located faults out.
 */
import type { Counts } from '../stats/index.js';
import { cellNumber, cellYesNo, findColumn, parseCsv, type CsvFault, type CsvTable } from './survey-csv.js';

export interface NamedCounts {
  readonly name: string;
  readonly counts: Counts;
}

export interface ExperimentData {
  /** The final counts, the control first. */
  readonly variants: readonly NamedCounts[];
  /** With a look column: the cumulative counts at each look, in order, the variants in the same order. */
  readonly looks?: readonly { readonly look: string; readonly variants: readonly NamedCounts[] }[];
}

const VARIANT = ['variant', 'variante', 'group', 'groupe'];
const CONVERTED = ['converted', 'convertis', 'converti', 'successes', 'succes', 'conversions'];
const EXPOSED = ['exposed', 'exposes', 'trials', 'essais'];
const LOOK = ['look', 'regard', 'date', 'day', 'jour', 'week', 'semaine'];

type Tally = Map<string, { successes: number; trials: number }>;

function missing(table: CsvTable, names: string[]): CsvFault | undefined {
  return findColumn(table, names) < 0 ? { code: 'csv-missing-column', line: 1, column: names[0]! } : undefined;
}

export function experimentDataFromCsv(text: string): { data?: ExperimentData; faults: CsvFault[] } {
  const { table, faults } = parseCsv(text);
  if (!table) return { faults };
  const absent = [missing(table, VARIANT), missing(table, CONVERTED)].filter((f) => f !== undefined);
  if (absent.length > 0) return { faults: absent };
  const shape = findColumn(table, EXPOSED) >= 0 ? readCounts(table) : readResponses(table);
  if (shape.faults.length > 0) return { faults: shape.faults };
  return finish(shape, findColumn(table, LOOK) >= 0, table.rows.at(-1)?.line ?? 1);
}

interface Read {
  order: string[];
  /** Look name → variant → counts at that look (cumulative for counts rows, new for responses). */
  byLook: Map<string, Tally>;
  cumulative: boolean;
  faults: CsvFault[];
}

function readCounts(table: CsvTable): Read {
  const [v, c, e, l] = [findColumn(table, VARIANT), findColumn(table, CONVERTED), findColumn(table, EXPOSED), findColumn(table, LOOK)];
  const read: Read = { order: [], byLook: new Map(), cumulative: true, faults: [] };
  for (const row of table.rows) {
    const name = row.cells[v]!.trim();
    const converted = cellNumber(row.cells[c]!);
    const exposed = cellNumber(row.cells[e]!);
    for (const [value, at] of [[converted, c], [exposed, e]] as const) {
      if (value === undefined || !Number.isInteger(value) || value < 0) read.faults.push({ code: 'csv-not-a-number', line: row.line, column: table.header[at]!, value: row.cells[at]! });
    }
    if (converted === undefined || exposed === undefined) continue;
    if (!read.order.includes(name)) read.order.push(name);
    const look = l >= 0 ? row.cells[l]!.trim() : '';
    const tally = read.byLook.get(look) ?? new Map();
    tally.set(name, { successes: converted, trials: exposed });
    read.byLook.set(look, tally);
  }
  return read;
}

function readResponses(table: CsvTable): Read {
  const [v, c, l] = [findColumn(table, VARIANT), findColumn(table, CONVERTED), findColumn(table, LOOK)];
  const read: Read = { order: [], byLook: new Map(), cumulative: false, faults: [] };
  for (const row of table.rows) {
    const name = row.cells[v]!.trim();
    const converted = cellYesNo(row.cells[c]!);
    if (converted === undefined) {
      read.faults.push({ code: 'csv-not-yes-no', line: row.line, column: table.header[c]!, value: row.cells[c]! });
      continue;
    }
    if (!read.order.includes(name)) read.order.push(name);
    const look = l >= 0 ? row.cells[l]!.trim() : '';
    const tally = read.byLook.get(look) ?? new Map();
    const now = tally.get(name) ?? { successes: 0, trials: 0 };
    tally.set(name, { successes: now.successes + Number(converted), trials: now.trials + 1 });
    read.byLook.set(look, tally);
  }
  return read;
}

function finish(read: Read, withLooks: boolean, lastLine: number): { data?: ExperimentData; faults: CsvFault[] } {
  const { order, byLook, cumulative } = read;
  if (order.length < 2) return { faults: [{ code: 'csv-too-few-rows', line: lastLine }] };
  const looks: { look: string; variants: NamedCounts[] }[] = [];
  const running = new Map(order.map((n) => [n, { successes: 0, trials: 0 }]));
  for (const [look, tally] of byLook) {
    // Counts rows are already cumulative; responses add to the looks before theirs.
    for (const [name, seen] of tally) {
      const before = running.get(name)!;
      running.set(name, cumulative ? seen : { successes: before.successes + seen.successes, trials: before.trials + seen.trials });
    }
    looks.push({ look, variants: order.map((name) => ({ name, counts: running.get(name)! })) });
  }
  const variants = looks.at(-1)!.variants;
  const faults: CsvFault[] = variants
    .filter((v) => v.counts.trials < 1 || v.counts.successes > v.counts.trials)
    .map((v) => ({ code: 'csv-bad-counts', line: lastLine, column: v.name, value: `${v.counts.successes}/${v.counts.trials}` }));
  if (faults.length > 0) return { faults };
  return { data: withLooks ? { variants, looks } : { variants }, faults: [] };
}
