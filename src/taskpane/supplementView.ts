/**
 * Display helpers for 补充信息: how many of the sheet's fields are filled (in all and per group), and the line
 * shown after the sheet was added or refreshed. Presentation only — reading and building the sheet happen in
 * engine.ts (src/supplement/sheet.ts).
 */
import type { FieldDef } from '../supplement/fields';
import type { Supplement } from '../supplement/sheet';
import type { HostKind } from './host';

export interface SupplementGroupStatus {
  name: string;
  filled: number;
  total: number;
}

export interface SupplementStatus {
  /** The workbook has a 补充信息 sheet. */
  present: boolean;
  filled: number;
  total: number;
  groups: SupplementGroupStatus[];
  /** Values that could not be read ("补充信息 C12（编制数）应填非负整数…"). */
  problems: string[];
}

export function supplementStatus(sup: Supplement, fields: FieldDef[]): SupplementStatus {
  const groups: SupplementGroupStatus[] = [];
  let filled = 0;
  for (const f of fields) {
    let g = groups[groups.length - 1];
    if (!g || g.name !== f.group) {
      g = groups.find((x) => x.name === f.group) ?? { name: f.group, filled: 0, total: 0 };
      if (!groups.includes(g)) groups.push(g);
    }
    g.total++;
    if (sup.values.has(f.key)) {
      g.filled++;
      filled++;
    }
  }
  return { present: sup.present, filled, total: fields.length, groups, problems: sup.problems };
}

/** "已填写 2 / 254 项". */
export function filledText(s: { filled: number; total: number }): string {
  return `已填写 ${s.filled} / ${s.total} 项`;
}

export interface SupplementWritten {
  /** The sheet did not exist before. */
  created: boolean;
  /** Values typed before and kept. */
  kept: number;
  /** An existing sheet kept as it was: the fields added below it (undefined when the sheet was built). */
  added?: number;
}

export function supplementWrittenText(w: SupplementWritten, host: HostKind): string {
  if (w.added !== undefined) {
    const what = w.added ? `原有内容一字未改，在末尾新增 ${w.added} 项` : '已包含全部项目，原有内容一字未改';
    return `${host === 'excel' ? '' : '结果工作簿中的'}“补充信息”工作表${what}。`;
  }
  const kept = w.kept ? `，保留了已填写的 ${w.kept} 项` : '';
  if (host === 'excel') return `已${w.created ? '添加' : '更新'}“补充信息”工作表${kept}。`;
  return `${w.created ? '已在结果工作簿中添加' : '已更新结果工作簿中的'}“补充信息”工作表${kept}。`;
}

/** What to do next, by host. */
export function supplementHint(host: HostKind): string {
  return host === 'excel'
    ? '请在“补充信息”工作表的“填写”列（C列）补充上年数、人员、车辆、接待、采购和各项原因，填好后点“重新读取工作簿”，再生成说明和执行率汇总。'
    : '请下载结果工作簿，在 Excel 中填写“补充信息”工作表的“填写”列（C列），保存后在此重新打开，再生成说明和执行率汇总。';
}
