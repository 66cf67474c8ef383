/**
 * The CSV columns of empirical distributions, read for the core (which reads no file): a file
 * named in a model is read relative to the model file, once however many parameters name it.
 * The first row names the columns; each later row gives one observed value. Numbers are written
 * as in a model (a point for decimals, no separators); a blank cell is a value not observed and
 * is left out. Fields are separated by commas, or by semicolons when the first row has some and
 * no comma; a field in double quotes may hold either, and "" is a quote.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LIMITS, type ColumnRead, type ColumnReader } from '../core/index.js';

/** A reader of columns for the model at `modelFile` ('-' or '<stdin>': relative to the working folder). */
export function columnReader(modelFile: string): ColumnReader {
  const folder = modelFile === '-' || modelFile === '<stdin>' ? process.cwd() : dirname(resolve(modelFile));
  const tables = new Map<string, string[][] | undefined>();
  return (file, column) => {
    const path = resolve(folder, file);
    if (!tables.has(path)) tables.set(path, readTable(path));
    const rows = tables.get(path);
    return rows ? columnOf(rows, column) : { fault: 'file' };
  };
}

function readTable(path: string): string[][] | undefined {
  try {
    if (!statSync(path).isFile() || statSync(path).size > LIMITS.fileBytes) return undefined;
    return parseCsv(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const NUMBER = /^[+-]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The numbers of the column headed `column`, or why it has none. */
export function columnOf(rows: readonly (readonly string[])[], column: string): ColumnRead {
  const header = (rows[0] ?? []).map((name) => name.trim());
  const at = header.indexOf(column);
  if (at < 0) return { fault: 'column', known: header.filter((name) => name !== '') };
  const values: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const text = (rows[r]![at] ?? '').trim();
    if (text === '') continue;
    if (!NUMBER.test(text) || /_$|_\.|\._|__/.test(text)) return { fault: 'cell', row: r + 1, text };
    values.push(Number(text.replaceAll('_', '')));
  }
  return { values };
}

/** The rows of a CSV text, each a list of fields (blank lines left out). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.some((f) => f !== '')) rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (body[i + 1] === '"') field += body[++i];
      else quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRow();
    } else {
      field += c;
    }
  }
  endRow();
  return rows;
}
