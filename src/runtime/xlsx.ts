/**
 * Sheets as an Excel workbook (the CLI's --format xlsx, the API's export), one worksheet per sheet, through exceljs (MIT).
 * exceljs is loaded only when a workbook is asked for, so other commands start without it.
 */
import type { Cell, Sheet } from '../tables/index.js';

/** Excel's sheet names: at most 31 characters, none of []:*?/\. */
const NAME_LENGTH = 31;

export async function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const names = new Set<string>();
  for (const sheet of sheets.length > 0 ? sheets : [{ title: '', columns: [], rows: [] }]) {
    const worksheet = workbook.addWorksheet(uniqueName(sheet.title, names));
    worksheet.addRow(sheet.columns).font = { bold: true };
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row.map(cellValue));
      row.forEach((cell, i) => {
        if (typeof cell === 'object') added.getCell(i + 1).numFmt = '0.0%';
      });
    }
    sheet.columns.forEach((title, i) => {
      const widest = Math.max(title.length, ...sheet.rows.slice(0, 1000).map((row) => String(cellValue(row[i] ?? '')).length));
      worksheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellValue(cell: Cell): string | number {
  return typeof cell === 'object' ? cell.fraction : cell;
}

/** A sheet name Excel accepts, distinct from those already taken. */
function uniqueName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, NAME_LENGTH) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, NAME_LENGTH - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
