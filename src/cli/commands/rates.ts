/** `juesuan rates <workbook.xlsx> [--json]`: the execution and control rates, computed from the tables and 补充信息. */
import { computeRates, RateResult } from '../../rates';
import { formatWanyuan } from '../../money/money';
import { readSupplement } from '../../supplement/sheet';
import { loadForWriting } from '../workbookIo';

function quantityText(q: RateResult['numerator']): string {
  if (q.value === undefined) return q.unavailable.length ? `（缺：${q.unavailable.join('、')}）` : '（缺）';
  return q.unit === 'money' ? `${formatWanyuan(q.value)}万元` : String(q.value);
}

export async function ratesCommand(file: string, json: boolean, out: (s: string) => void): Promise<number> {
  const { snapshot, accounts } = await loadForWriting(file);
  const supplement = readSupplement(snapshot, accounts);
  const rates = computeRates(accounts, supplement);
  if (json) {
    out(
      JSON.stringify(
        {
          source: accounts.source,
          year: accounts.facts.year ?? null,
          supplement: supplement.present,
          rates: rates.map((r) => ({
            id: r.id,
            group: r.group,
            name: r.name,
            formula: r.formula,
            status: r.status,
            percent: r.percent?.text ?? null,
            reason: r.reason ?? null,
            standard: r.standard,
            conclusion: r.conclusion,
            numerator: { label: r.numerator.label, formula: r.numerator.formula ?? null, value: r.numerator.value ?? null },
            denominator: { label: r.denominator.label, formula: r.denominator.formula ?? null, value: r.denominator.value ?? null },
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const lines = [`决算助手 · 执行率汇总“${accounts.source}”${accounts.facts.year ? `（${accounts.facts.year}年度）` : ''}`];
  if (!supplement.present) lines.push('工作簿中还没有“补充信息”工作表：依赖预算数、编制数、上年数的指标无法计算（可先运行 juesuan init）。');
  let group = '';
  for (const r of rates) {
    if (r.group !== group) {
      group = r.group;
      lines.push('', group);
    }
    const flag = r.status === 'flagged' ? '  ⚠ ' : '    ';
    lines.push(`${flag}${r.name}：${r.display}${r.rule && r.status !== 'not-computable' ? `（标准 ${r.standard}${r.conclusion ? `，${r.conclusion}` : ''}）` : ''}`);
    if (r.status !== 'not-computable') lines.push(`        ${r.formula} = ${quantityText(r.numerator)} ÷ ${quantityText(r.denominator)}`);
  }
  const flagged = rates.filter((r) => r.status === 'flagged').length;
  const na = rates.filter((r) => r.status === 'not-computable').length;
  lines.push('', `共 ${rates.length} 项指标：${rates.length - flagged - na} 项正常，${flagged} 项超出标准，${na} 项缺少数据无法计算。`);
  out(lines.join('\n'));
  return 0;
}
