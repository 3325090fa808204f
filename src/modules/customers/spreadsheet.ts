/**
 * Reading and writing the two spreadsheet formats of customer import/export:
 * XLSX through exceljs, CSV (RFC 4180, UTF-8) by hand. Both come and go as a
 * grid of strings; meaning is given by the caller (importColumns.ts).
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalid } from '../../lib/errors.ts';

export type Grid = string[][];
export type SheetFormat = 'xlsx' | 'csv';

const BOM = '\uFEFF';

/** XLSX files are zip archives; anything else is taken for CSV. */
export function sniffFormat(bytes: Uint8Array): SheetFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

export async function readSheet(bytes: Buffer, maxRows = Number.POSITIVE_INFINITY): Promise<Grid> {
  return sniffFormat(bytes) === 'xlsx' ? readXlsx(bytes, maxRows) : parseCsv(decodeUtf8(bytes));
}

/** Refuses bytes that are not UTF-8 (e.g. a GBK export from old Excel) instead of importing mojibake. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith(BOM) ? text.slice(1) : text;
  } catch {
    throw invalid({ field: 'file' }, 'IMPORT_NOT_UTF8');
  }
}

/** RFC 4180: fields separated by commas, quoted with "" when they hold commas, quotes or line breaks. */
export function parseCsv(text: string): Grid {
  const rows: Grid = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw invalid({ field: 'file' }, 'IMPORT_BAD_CSV');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A text cell starting with = + - @ would run as a formula when the CSV is
 * opened in a spreadsheet; a leading apostrophe keeps it text. Phone numbers
 * such as "+86 …" stay as they are (digits and phone punctuation only).
 */
function neutralize(value: string): string {
  if (/^[=+\-@]/.test(value) && !/^[+-][0-9 +\-()]*$/.test(value)) return `'${value}`;
  return value;
}

/** Undoes neutralize() on import. */
export function unneutralize(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

function csvField(value: string): string {
  const safe = neutralize(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a BOM so that Excel opens it as UTF-8, CRLF line ends per RFC 4180. */
export function writeCsv(grid: Grid): string {
  return `${BOM}${grid.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** `maxRows` refuses a sheet with more rows holding values before walking its cells. */
export async function readXlsx(bytes: Buffer, maxRows = Number.POSITIVE_INFINITY): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid({ field: 'file' }, 'IMPORT_BAD_XLSX');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > maxRows) throw invalid({ field: 'file', max: maxRows - 1 }, 'IMPORT_TOO_MANY_ROWS', { max: maxRows - 1 });
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? '';
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

/** One sheet, every cell written as text (never a formula), the header row bold and frozen. */
export async function writeXlsx(grid: Grid, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of grid) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same sheet written as a stream, row by row: an export of 50 000 rows
 * takes a few hundred MB less memory and several times less time than writeXlsx.
 */
export function xlsxStream(grid: Grid, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = (grid[0] ?? []).map(() => ({ width: 18 }));
  const write = async () => {
    grid.forEach((cells, index) => {
      const row = sheet.addRow(cells);
      if (index === 0) row.font = { bold: true };
      row.commit();
    });
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: Error) => out.destroy(error));
  return out;
}
