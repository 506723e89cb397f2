/**
 * The user's local 科目: a sheet named 本地科目 / 补充科目 / 自定义科目 in the workbook (columns 科目编码,
 * 科目名称, optional 年度), or rows given by the command line's --catalogue file. Economic codes (3xx,
 * 3xxxx) go to the 经济分类 catalogue, the rest to 功能分类.
 */
import { WorkbookSnapshot } from '../snapshot/types';
import { cellText } from '../recognise/grid';
import { Catalogue, CatalogueEntry, economicCatalogue, functionalCatalogue, parseUserEntries } from '../catalogue';

export const LOCAL_CATALOGUE_SHEET = /本地科目|补充科目|自定义科目|地方科目/;

export interface Catalogues {
  functional: Catalogue;
  economic: Catalogue;
  problems: string[];
  /** Where user entries came from, for "which catalogue was used". */
  sources: string[];
}

export function cataloguesFor(snapshot: WorkbookSnapshot | undefined, extraRows?: { rows: string[][]; where: string }): Catalogues {
  const inputs: { rows: string[][]; where: string }[] = [];
  for (const sheet of snapshot?.sheets ?? []) {
    if (!LOCAL_CATALOGUE_SHEET.test(sheet.name)) continue;
    inputs.push({ rows: sheet.cells.map((row) => (row ?? []).map((c) => cellText(c))), where: `工作表“${sheet.name}”` });
  }
  if (extraRows) inputs.push(extraRows);
  const functional: CatalogueEntry[] = [];
  const economic: CatalogueEntry[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    const r = parseUserEntries(input.rows, input.where);
    problems.push(...r.problems);
    for (const e of r.entries) (/^3\d{2}(\d{2})?$/.test(e.code) ? economic : functional).push(e);
  }
  return {
    functional: functional.length ? functionalCatalogue().withUserEntries(functional) : functionalCatalogue(),
    economic: economic.length ? economicCatalogue().withUserEntries(economic) : economicCatalogue(),
    problems,
    sources: inputs.map((i) => i.where),
  };
}

/** Parse a CSV / TSV text of local 科目 (comma, tab or full-width comma separated). */
export function rowsFromDelimited(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(/\t|,|，/).map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
}
