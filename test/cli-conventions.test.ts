/**
 * The conventions every command follows (README, "Conventions"), run as a user runs them: the
 * built bin in child processes. Formats and their aliases, -o/--out with and without --force,
 * formats a command refuses (exit 2), a check that fails (exit 4) and output that cannot be
 * written (exit 5: a full device, a closed pipe, a missing folder).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/symbiose.js');
const TEACUP = resolve('test/fixtures/sd-test-models/samples/teacup/teacup.xmile');

// By hand: 2 purchases a month for 4 months at 3.70 EUR → 8 occurrences, 29.60 EUR, all to the shop.
const SHOP = `symbiose: 1
name: Shop
currency: EUR
period: month
horizon: 4
parameters:
  price: { value: 3.7, unit: EUR }
actors:
  a: { kind: organisation, name: Shop }
  b: { kind: organisation, name: Buyer }
valueObjects:
  money: { nature: money }
  s: { nature: service }
transactions:
  pay: { transfers: [{ from: a, to: b, object: s }, { from: b, to: a, object: money, amount: price }] }
scenarios:
  go: { start: { actor: b, count: 2 }, steps: [pay] }
`;

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-conventions-'));
  writeFileSync(join(dir, 'shop.yaml'), SHOP);
  return dir;
}

function run(args: string[], cwd: string, stdout: 'pipe' | number = 'pipe') {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', stdout, 'pipe'] });
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  return { code: result.status, out: result.stdout ?? '', err: result.stderr };
}

async function workbook(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('output formats', () => {
  const dir = scratch();

  it('prints payers as text, Markdown, JSON and CSV', () => {
    expect(run(['payers', '-m', 'shop.yaml'], dir).out).toMatch(/Buyer +Shop +pay \(money\) +8 +29\.6/);
    expect(run(['payers', '-m', 'shop.yaml', '--format', 'md'], dir).out).toMatch(/^## Who pays/);
    expect(run(['tour', '--format', 'md'], dir).out).toMatch(/^## Symbiose tour/);
    const json = JSON.parse(run(['payers', '-m', 'shop.yaml', '--format', 'json'], dir).out);
    expect(json.overall.payments).toEqual([expect.objectContaining({ payer: 'b', payee: 'a', occurrences: 8, total: 29.6 })]);
    // Two tables, each under its heading; figures are numbers again.
    expect(run(['payers', '-m', 'shop.yaml', '--format', 'csv'], dir).out).toBe(
      [
        'All scenarios',
        'Payer,Payee,For (transaction),Occurrences,Amount',
        'Buyer,Shop,pay (money),8,29.6',
        '',
        'All scenarios (2)',
        'Actor,Pays,Is paid,Net',
        'Shop,0,29.6,29.6',
        'Buyer,29.6,0,-29.6',
        '',
      ].join('\n'),
    );
  });

  it('writes summary as a workbook, one sheet per table, percentages as fractions', async () => {
    expect(run(['summary', '-m', 'shop.yaml', '--format', 'xlsx', '-o', 'summary.xlsx'], dir).code).toBe(0);
    const sheet = (await workbook(join(dir, 'summary.xlsx'))).worksheets[0]!;
    expect(sheet.name).toBe('Summary — Shop');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Actor', 'Net cash', 'Cash share', 'Non-money value', 'Non-money share', 'Total value', 'Value share']);
    // The shop earns the whole 29.60 of net cash: a cash share of 100 % is the fraction 1.
    const shop = sheet.getRow(2);
    expect([shop.getCell(1).value, shop.getCell(2).value, shop.getCell(3).value]).toEqual(['Shop', 29.6, 1]);
    expect(shop.getCell(3).numFmt).toBe('0.0%');
  });

  it('writes simulate results as CSV or a workbook, to stdout or a file', async () => {
    const csv = run(['simulate', TEACUP, '--vars', 'Teacup Temperature', '--format', 'csv'], dir).out;
    expect(csv.split('\n')[0]).toBe('Time,Teacup Temperature');
    // The alias prints the same bytes.
    expect(run(['simulate', TEACUP, '--vars', 'Teacup Temperature', '--csv'], dir).out).toBe(csv);
    expect(run(['simulate', TEACUP, '--vars', 'Teacup Temperature', '--csv', '-o', 'teacup.csv'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'teacup.csv'), 'utf8')).toBe(csv);
    expect(run(['simulate', TEACUP, '--vars', 'Teacup Temperature', '-f', 'xlsx', '-o', 'teacup.xlsx'], dir).code).toBe(0);
    const sheet = (await workbook(join(dir, 'teacup.xlsx'))).worksheets[0]!;
    const rows = csv.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value]).toEqual(rows[0]);
    expect([sheet.getRow(rows.length + 1).getCell(1).value, sheet.getRow(rows.length + 1).getCell(2).value]).toEqual(rows.at(-1));
  });

  it('keeps --json as an alias of --format json', () => {
    for (const command of [['payers', '-m', 'shop.yaml'], ['library'], ['simulate', TEACUP], ['validate', 'shop.yaml']]) {
      expect(run([...command, '--json'], dir).out).toBe(run([...command, '--format', 'json'], dir).out);
    }
  });

  it('refuses contradicting aliases and formats a command has not, naming those it has (exit 2)', () => {
    expect(run(['payers', '-m', 'shop.yaml', '--json', '--format', 'md'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('contradict') });
    expect(run(['simulate', TEACUP, '--csv', '--json'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('contradict') });
    expect(run(['validate', 'shop.yaml', '--format', 'md'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('Allowed choices are text, json') });
    expect(run(['schema', '--format', 'csv'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('Allowed choices are json') });
    expect(run(['library', 'show', 'amazon-cash-burn', '--format', 'xlsx'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('text, md, json') });
    expect(run(['simulate', TEACUP, '--chart', 'Teacup Temperature', '--format', 'csv'], dir).code).toBe(2);
    expect(run(['tour', '--format', 'json'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('text, md') });
  });
});

describe('-o/--out and --force', () => {
  it('writes the result to a file, and never over one without --force', () => {
    const dir = scratch();
    const printed = run(['profit', '-m', 'shop.yaml'], dir).out;
    expect(run(['profit', '-m', 'shop.yaml', '-o', 'profit.txt'], dir)).toMatchObject({ code: 0, out: '' });
    expect(readFileSync(join(dir, 'profit.txt'), 'utf8')).toBe(printed);
    const again = run(['profit', '-m', 'shop.yaml', '--format', 'json', '--out', 'profit.txt'], dir);
    expect(again).toMatchObject({ code: 2, err: expect.stringContaining('profit.txt already exists; use --force') });
    expect(readFileSync(join(dir, 'profit.txt'), 'utf8')).toBe(printed);
    expect(run(['profit', '-m', 'shop.yaml', '--format', 'json', '-o', 'profit.txt', '--force'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'profit.txt'), 'utf8'))).toEqual(JSON.parse(run(['profit', '-m', 'shop.yaml', '--json'], dir).out));
    expect(run(['schema', '-o', 'schema.json'], dir).code).toBe(0);
    expect(run(['schema', '-o', 'schema.json'], dir).code).toBe(2);
    expect(run(['payers', '-m', 'shop.yaml', '--force'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('add -o FILE') });
  });
});

describe('exit 4: a check failed on a valid model', () => {
  it('validate --strict fails on warnings', () => {
    const dir = scratch();
    // A discount rate of 10 is 1000 % a year: valid, with a warning.
    writeFileSync(join(dir, 'warned.yaml'), SHOP.replace('horizon: 4\n', 'horizon: 4\ndiscountRate: 10\n'));
    expect(run(['validate', 'warned.yaml'], dir).code).toBe(0);
    expect(run(['validate', 'warned.yaml', '--strict'], dir)).toMatchObject({ code: 4, err: expect.stringContaining('--strict') });
    expect(run(['validate', 'shop.yaml', '--strict'], dir).code).toBe(0);
  });
});

describe('exit 5: output not written', () => {
  const dir = scratch();

  it('on a full device, as standard output or as -o', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = run(['payers', '-m', 'shop.yaml'], dir, full);
      expect(result).toMatchObject({ code: 5, err: 'symbiose: output not written: standard output: no space left on the device\n' });
    } finally {
      closeSync(full);
    }
    // A device is never written to nor replaced by -o (test/cli-files.test.ts).
    expect(run(['payers', '-m', 'shop.yaml', '-o', '/dev/full'], dir)).toMatchObject({ code: 5, err: expect.stringContaining('/dev/full: not a regular file') });
  });

  it('when standard error is full too: the exit code still says it', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const both = spawnSync(process.execPath, [BIN, 'payers', '-m', 'shop.yaml'], { cwd: dir, stdio: ['ignore', full, full] });
      expect(both.status).toBe(5);
    } finally {
      closeSync(full);
    }
  });

  it('into a folder that does not exist, or onto a directory', () => {
    expect(run(['payers', '-m', 'shop.yaml', '-o', 'missing/p.txt'], dir)).toMatchObject({ code: 5, err: expect.stringContaining('missing/p.txt: no such folder') });
    expect(run(['payers', '-m', 'shop.yaml', '-o', '.'], dir)).toMatchObject({ code: 5, err: expect.stringContaining('it is a directory') });
  });

  it('when the reader closes the pipe', async () => {
    const child = spawn(process.execPath, [BIN, 'payers', '-m', 'shop.yaml'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before anything is written
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(5);
    expect(err).toBe('symbiose: output not written: standard output: the reader closed the pipe\n');
  });

  it('when `| head -c1` stops reading a long CSV', () => {
    expect(run(['template', 'platform', '--horizon', '3000', '-o', 'long.yaml'], dir).code).toBe(0);
    const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" simulate long.yaml --csv | head -c1 > /dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    expect(shell.stdout.trim()).toBe('5');
    expect(shell.stderr).toBe('symbiose: output not written: standard output: the reader closed the pipe\n');
  });
});
