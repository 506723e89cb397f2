/** Test helper: every cell of a sheet in an .xlsx file, to compare what the user typed before and after a run. */
import ExcelJS from 'exceljs';

/** Every cell of a sheet: value (formula and cached result), number format, font, fill, note. */
export async function dumpSheet(file: string, sheet: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const v = c.value as unknown;
      if (v === null && !c.note && !c.fill) return;
      out[c.address] = { v, fmt: c.numFmt, font: c.font, fill: c.fill, note: c.note ?? null };
    }),
  );
  return out;
}
