/** User-supplied local 科目 (from a sheet or a CSV): 科目编码, 科目名称, optional 年度. */
import { normaliseCode } from './catalogue';
import { CatalogueEntry } from './types';

const CODE_HEADER = /科目编码|科目代码|^编码$|^代码$|^code$/i;
const NAME_HEADER = /科目名称|^名称$|^name$/i;
const YEAR_HEADER = /年度|年份|^year$/i;

interface Columns {
  code: number;
  name: number;
  year?: number;
}

function clean(cell: unknown): string {
  return cell === undefined || cell === null ? '' : String(cell).replace(/[\r\n]+/g, '').trim();
}

function findHeader(rows: string[][]): { row: number; cols: Columns } | undefined {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const cells = (rows[r] ?? []).map(clean);
    const code = cells.findIndex((c) => CODE_HEADER.test(c));
    const name = cells.findIndex((c) => NAME_HEADER.test(c));
    if (code >= 0 && name >= 0 && code !== name) {
      const year = cells.findIndex((c) => YEAR_HEADER.test(c));
      return { row: r, cols: { code, name, year: year >= 0 ? year : undefined } };
    }
  }
  return undefined;
}

/** Parse a 年度 cell: "" → all years; "2024" / "2024年" → that year; "2021-2023", "2021—2023", "2021至2023", "2021-" → a range. */
function parseYears(text: string): { from: number; to?: number } | 'invalid' {
  const t = text.replace(/[\s\u3000]/g, '').replace(/年度?/g, '').replace(/\.0+$/, '');
  if (!t) return { from: 0 };
  let m = /^(\d{4})$/.exec(t);
  if (m) return { from: +m[1], to: +m[1] };
  m = /^(\d{4})[-－—–~～至到](\d{4})?$/.exec(t);
  if (m) {
    const from = +m[1];
    const to = m[2] ? +m[2] : undefined;
    if (to !== undefined && to < from) return 'invalid';
    return { from, to };
  }
  return 'invalid';
}

/**
 * Read user 科目 rows. A header row naming 科目编码 and 科目名称 (and optionally 年度) is looked for in the first
 * 20 rows; without one the columns are taken as 编码, 名称, 年度 in that order. An entry without 年度 applies to
 * every year. Problems are reported in Chinese with the row number; the rows concerned are skipped.
 */
export function parseUserEntries(rows: string[][], where: string): { entries: CatalogueEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: CatalogueEntry[] = [];
  const header = findHeader(rows);
  const cols: Columns = header ? header.cols : { code: 0, name: 1, year: 2 };
  const start = header ? header.row + 1 : 0;
  const seen = new Map<string, number>();
  const source = `user:${where}`;

  for (let r = start; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const rawCode = clean(row[cols.code]);
    const name = clean(row[cols.name]);
    const rawYear = cols.year !== undefined ? clean(row[cols.year]) : '';
    const at = `${where}第${r + 1}行`;
    if (!rawCode && !name && !rawYear) continue;
    const code = normaliseCode(rawCode);
    if (!/^\d{3}(?:\d{2}){0,3}$/.test(code)) {
      // Without a header, a first row of words is a header we did not recognise: skip it quietly.
      if (!header && r === start && !/\d/.test(rawCode)) continue;
      problems.push(`${at}：科目编码“${rawCode}”不是3、5、7或9位数字，已跳过`);
      continue;
    }
    if (!name) {
      problems.push(`${at}：科目编码${code}没有科目名称，已跳过`);
      continue;
    }
    const years = parseYears(rawYear);
    if (years === 'invalid') {
      problems.push(`${at}：年度“${rawYear}”无法识别（应为如2024、2021-2023或留空表示各年通用），已跳过`);
      continue;
    }
    const key = `${code}|${years.from}|${years.to ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(`${at}：科目编码${code}与第${earlier}行重复，以后出现者为准`);
    }
    seen.set(key, r + 1);
    const entry: CatalogueEntry = { code, name, from: years.from, source };
    if (years.to !== undefined) entry.to = years.to;
    entries.push(entry);
  }
  if (entries.length === 0 && problems.length === 0) problems.push(`${where}：没有读到任何科目（需要“科目编码”和“科目名称”两列）`);
  return { entries, problems };
}
