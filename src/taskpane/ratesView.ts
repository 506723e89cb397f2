/**
 * Display helpers for 执行率汇总: the engine's rates grouped as the 执行率汇总 sheet groups them (一、… 六、), each
 * with its result, a flag when it is outside its rule, or the reason it cannot be computed; and the summary
 * line of `juesuan rates`. Presentation only — the rates are computed in engine.ts (src/rates).
 */
import type { RateResult, RateStatus } from '../rates/compute';
import type { HostKind } from './host';

/**
 * The sheet's name, as src/rates/sheet.ts RATES_SHEET (not imported from there so that the main bundle does not
 * carry the rate definitions; the browser tests check the written sheet carries this name).
 */
export const RATES_SHEET = '执行率汇总';

export interface RateRow {
  id: string;
  name: string;
  status: RateStatus;
  /** "73.06%", or "无法计算". */
  value: string;
  /** Not computable: why (grey). */
  reason?: string;
  /** 判断标准, when the rate has a rule. */
  standard?: string;
  /** 结论 when it says something ("不符合：…"). */
  conclusion?: string;
}

export interface RateGroupView {
  name: string;
  rows: RateRow[];
  flagged: number;
}

export interface RatesView {
  groups: RateGroupView[];
  total: number;
  ok: number;
  flagged: number;
  notComputable: number;
  /** "共 58 项指标：20 项正常，0 项超出标准，38 项缺少数据无法计算。" */
  summary: string;
  /** The workbook has no 补充信息 sheet yet. */
  supplementMissing: boolean;
}

export function rateRow(r: RateResult): RateRow {
  const row: RateRow = { id: r.id, name: r.name, status: r.status, value: r.status === 'not-computable' ? '无法计算' : r.display };
  if (r.status === 'not-computable') row.reason = r.reason ?? r.display;
  if (r.rule && r.standard && r.standard !== '—') row.standard = r.standard;
  if (r.conclusion && r.conclusion !== '—') row.conclusion = r.conclusion;
  return row;
}

export function buildRatesView(rates: RateResult[], supplementPresent: boolean): RatesView {
  const groups: RateGroupView[] = [];
  for (const r of rates) {
    let g = groups.find((x) => x.name === r.group);
    if (!g) {
      g = { name: r.group, rows: [], flagged: 0 };
      groups.push(g);
    }
    g.rows.push(rateRow(r));
    if (r.status === 'flagged') g.flagged++;
  }
  const flagged = rates.filter((r) => r.status === 'flagged').length;
  const notComputable = rates.filter((r) => r.status === 'not-computable').length;
  const ok = rates.length - flagged - notComputable;
  return {
    groups,
    total: rates.length,
    ok,
    flagged,
    notComputable,
    summary: `共 ${rates.length} 项指标：${ok} 项正常，${flagged} 项超出标准，${notComputable} 项缺少数据无法计算。`,
    supplementMissing: !supplementPresent,
  };
}

export function ratesWrittenText(charts: number, host: HostKind): string {
  const where = host === 'excel' ? '写入' : '在结果工作簿中写入';
  return `已${where}“执行率汇总”工作表${charts ? `（含 ${charts} 张图表）` : ''}。表中的结果是公式，补充信息改动后会自动重算。`;
}
