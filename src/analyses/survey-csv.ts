/**
 * Reading survey and experiment CSV files (pure: text in, rows or located faults out). Fields are
 * separated by commas, semicolons (as spreadsheets write them in French) or tabs, whichever the
 * header line holds most of; double quotes enclose fields that hold separators, quotes ("") or
 * line breaks (RFC 4180). Column names are matched without regard to case, spaces or accents.
 */

export type CsvFaultCode = 'csv-empty' | 'csv-unclosed-quote' | 'csv-ragged' | 'csv-missing-column' | 'csv-not-a-number' | 'csv-not-yes-no' | 'csv-too-few-rows' | 'csv-bad-counts' | 'csv-not-a-price' | 'csv-not-a-survey';

/** A fault with the line it is on (1 = the header) and what was found. */
export interface CsvFault {
  readonly code: CsvFaultCode;
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
}

export interface CsvTable {
  readonly header: readonly string[];
  /** Each data row with the line it starts on. */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

function separatorOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((s) => [s, firstLine.split(s).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Splits CSV text into records; a fault when a quote is left open. */
export function parseCsv(text: string): { table?: CsvTable; faults: CsvFault[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { faults: [{ code: 'csv-empty', line: 1 }] };
  const separator = separatorOf(body.split(/\r?\n/, 1)[0]!);
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) cells.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(field);
      if (cells.some((c) => c.trim() !== '')) records.push({ line: start, cells });
      cells = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) return { faults: [{ code: 'csv-unclosed-quote', line: start }] };
  cells.push(field);
  if (cells.some((c) => c.trim() !== '')) records.push({ line: start, cells });
  const [head, ...rows] = records;
  const header = head!.cells.map((c) => c.trim());
  const faults: CsvFault[] = rows.filter((r) => r.cells.length !== header.length).map((r) => ({ code: 'csv-ragged', line: r.line, value: String(r.cells.length) }));
  return faults.length > 0 ? { faults } : { table: { header, rows }, faults };
}

/** A column name as compared: lower case, no accents, no spaces, dashes or underscores. */
export function columnKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The index of the first column whose name is one of `names` (compared as columnKey does), or −1. */
export function findColumn(table: CsvTable, names: readonly string[]): number {
  const wanted = new Set(names.map(columnKey));
  return table.header.findIndex((h) => wanted.has(columnKey(h)));
}

/** A number as a spreadsheet writes it in English or French: 12.5, 12,5, "1 200", 30 €. */
export function cellNumber(cell: string): number | undefined {
  const cleaned = cell.trim().replace(/[\s\u00a0\u202f€$£]/g, '').replace(',', '.');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}

const YES = new Set(['1', 'yes', 'y', 'oui', 'o', 'true', 'vrai', 'x']);
const NO = new Set(['0', 'no', 'n', 'non', 'false', 'faux', '']);

/** yes/no, oui/non, 1/0, true/false; undefined for anything else. */
export function cellYesNo(cell: string): boolean | undefined {
  const key = columnKey(cell);
  return YES.has(key) ? true : NO.has(key) ? false : undefined;
}
