/**
 * 整改清单: the open findings (未处理 and 已确认; 误报 and 已整改 left out) as a sheet a unit can work through on
 * paper — 序号, 表, 单元格, 问题, 应为, 实为, 状态, 备注 — with the header row repeated on every printed page,
 * landscape A4 fitted to the page width, wrapped text. Pure: returns a SheetSpec for any writer.
 */
import { SheetSpec, SpecCell, text, num } from '../output/sheetSpec';
import { TABLE_NAMES } from '../model/types';
import { SEVERITY_ORDER } from '../rules/types';
import { isOpen, ReviewedFinding } from './status';

export const REPORT_SHEET = '整改清单';

export const REPORT_COLUMNS = ['序号', '表', '单元格', '问题', '应为', '实为', '状态', '备注'];

const TABLE_TITLES: Record<string, string> = { ...TABLE_NAMES, X: '表间关系' };

export interface ReportMeta {
  source: string;
  unitName?: string;
  year?: number;
  /** Order of the tables (T1…T9, X). */
  tableOrder: string[];
}

/** The open findings in report order: by table, then 错误 before 警告 before 提示, the engine's order kept. */
export function reportItems(items: ReviewedFinding[], tableOrder: string[]): ReviewedFinding[] {
  const rank = (t?: string) => {
    const i = t ? tableOrder.indexOf(t) : -1;
    return i < 0 ? tableOrder.length : i;
  };
  return items
    .map((item, i) => ({ item, i }))
    .filter((x) => isOpen(x.item))
    .sort(
      (a, b) =>
        rank(a.item.finding.table) - rank(b.item.finding.table) ||
        SEVERITY_ORDER[a.item.finding.severity] - SEVERITY_ORDER[b.item.finding.severity] ||
        a.i - b.i,
    )
    .map((x) => x.item);
}

export function buildReportSheet(items: ReviewedFinding[], meta: ReportMeta): SheetSpec {
  const open = reportItems(items, meta.tableOrder);
  const who = [meta.unitName, meta.year ? `${meta.year}年度` : ''].filter(Boolean).join(' ');
  const rows: (SpecCell | undefined)[][] = [
    [text(`整改清单${who ? `　${who}` : ''}`, 'title')],
    [text(`工作簿：${meta.source}。共 ${open.length} 条待整改（已标为误报、已整改的不列）。整改后请在“备注”中写明处理情况。`, 'note')],
    REPORT_COLUMNS.map((h) => text(h, 'header')),
  ];
  open.forEach((item, i) => {
    const f = item.finding;
    rows.push([
      num(i + 1),
      text(f.table && TABLE_TITLES[f.table] ? TABLE_TITLES[f.table] : '其他', 'paragraph'),
      text(f.cells.join('\n'), 'paragraph'),
      text(`【${f.severity}】${f.message}`, 'paragraph'),
      text(f.expected ?? ''),
      text(f.actual ?? ''),
      text(item.status),
      text(item.note, 'paragraph'),
    ]);
  });
  if (!open.length) rows.push([text('没有待整改的问题。', 'note')]);
  return {
    name: REPORT_SHEET,
    rows,
    columnWidths: [6, 16, 22, 50, 12, 12, 8, 24],
    merges: [
      { r0: 0, c0: 0, r1: 0, c1: REPORT_COLUMNS.length - 1 },
      { r0: 1, c0: 0, r1: 1, c1: REPORT_COLUMNS.length - 1 },
    ],
    freezeRows: 3,
    print: { landscape: true, fitToWidth: true, repeatRows: [2, 2] },
  };
}
