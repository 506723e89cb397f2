/**
 * 说明核对 on texts it has never seen: 情况说明 written the way other departments write them (上海 template
 * filled in, "同比", "较上年", "比重为", "占总支出的", thousands separators, full-width digits, sentences split
 * across lines, "第三部分" part headings) against the fixture workbooks, then the same texts with one planted
 * mistake of each DOMAIN.md §8 kind, each found with its rule and cells.
 */
import * as fs from 'fs';
import * as path from 'path';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { Supplement, supplementFromValues } from '../src/supplement/sheet';
import { AuditResult, NarrativeFinding, auditNarrative } from '../src/audit';
import { SEED_001_SUPPLEMENT, itemBudgetsEqualToActual } from './narrativeSupport';

jest.setTimeout(60000);

const XLSX = path.join(__dirname, 'fixtures', 'xlsx');

interface Book {
  accounts: Accounts;
  cells: Record<string, string>;
}

const books = new Map<string, Book>();
async function book(name: string): Promise<Book> {
  const hit = books.get(name);
  if (hit) return hit;
  const snap = await snapshotFromXlsx(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)), `${name}.xlsx`);
  const b = { accounts: readAccounts(snap), cells: JSON.parse(fs.readFileSync(path.join(XLSX, `${name}.cells.json`), 'utf8')) };
  books.set(name, b);
  return b;
}

/** A 补充信息 with the given values (money as '12.34' strings, counts as numbers), rows from C4. */
function supplement(values: Record<string, string | number>): Supplement {
  const cells = Object.fromEntries(Object.keys(values).map((k, i) => [k, `补充信息!C${i + 4}`]));
  return supplementFromValues(values, cells);
}

function text(lines: string[]): { paragraphs: { text: string; where: string }[] } {
  return { paragraphs: lines.map((t, i) => ({ text: t, where: `第${i + 1}行` })) };
}

const bad = (r: AuditResult) => r.findings.filter((f) => f.severity !== '提示').map((f) => `${f.rule} ${f.where} ${f.quote}`);
const unplaced = (r: AuditResult) => r.unplaced.map((c) => `${c.where} ${c.quote} — ${c.reason}`);

function one(r: AuditResult, rule: string, quotePart: string): NarrativeFinding {
  const hits = r.findings.filter((f) => f.rule === rule && f.quote.includes(quotePart));
  if (hits.length !== 1) throw new Error(`expected one ${rule} finding on “${quotePart}”, got ${hits.length}:\n${r.findings.map((f) => `${f.rule} ${f.where} ${f.quote}`).join('\n')}`);
  return hits[0];
}

// ----------------------------------------------------------------------------------------------- 伍家岭 2022
/** What the department's 补充信息 would hold for the text below. */
const WJL_SUPPLEMENT: Record<string, string | number> = {
  'last.incomeGrandTotal': '5200.00',
  'last.expenditureGrandTotal': '5200.00',
  'last.incomeTotal': '5100.00',
  'last.expenditureTotal': '5150.00',
  'last.fiscalGrandTotal': '5300.00',
  'last.generalExpenditure': '5500.00',
  'budget.general': '5400.00',
  'last.threePublic': '9.00',
  'last.abroad': '0',
  'last.vehicle': '7.20',
  'last.reception': '1.80',
  'running.amount': '332.12',
  'last.runningCost': '320.00',
  'itemBudget.2010301': '1300.00',
  'itemBudget.2030607': '20.00',
  'itemBudget.2040605': '10.00',
  'itemBudget.2040610': '12.00',
  'trips.groups': 0,
  'trips.people': 0,
  'vehicles.fleet': 3,
  'vehicles.purchased': 0,
  'reception.domestic.batches': 5,
  'reception.domestic.people': 40,
  'reception.foreign.batches': 0,
  'reception.foreign.people': 0,
  'procurement.total': '1200.00',
  'procurement.goods': '200.00',
  'procurement.works': '600.00',
  'procurement.services': '400.00',
  'procurement.sme': '1000.00',
  'procurement.small': '500.00',
  'vehicles.total': 3,
  'vehicles.leader': 0,
  'vehicles.confidential': 0,
  'vehicles.emergency': 1,
  'vehicles.enforcement': 0,
  'vehicles.special': 0,
  'vehicles.retiree': 0,
  'vehicles.other': 2,
  'performance.targets': 12,
  'performance.selfAssessed': 12,
};

/** A correct 说明 of 伍家岭街道 2022 in the 上海 template's wording, with the variations real texts use. */
const WJL_CORRECT = [
  '长沙市开福区伍家岭街道办事处2022年度部门决算',
  '第一部分 部门概况',
  '一、主要职能',
  '本单位共有编制85人，实有人数80人，下设社区12个，2022年完成投资3,000.00万元。',
  '第二部分 2022年度部门决算表',
  '第三部分 2022年度部门决算情况说明',
  '一、收入支出决算总体情况说明',
  '2022年度收入、支出总计均为5,479.02万元。与2021年度相比，收入、支出总计各增加279.02万元，增长5.37%。主要原因是社区治理项目增加。',
  '二、收入决算情况说明',
  '本年收入合计人民币5,430.75万元，其中：财政拨款收入5350.63万元，占98.52%；其他收入80.12万元，占1.48%。',
  '三、支出决算情况说明',
  '本年支出合计５４３７．７２万元，其中：基本支出2,400.49万元，占总支出的44.15%；项目支出3,037.23万元，占总支出的55.85%。',
  '四、财政拨款收入支出决算总体情况说明',
  '2022年度财政拨款收入支出总计5398.90万元。与上年相比，财政拨款收入支出总计同比增加98.90万元，增长1.87%。主要原因是民生项目支出增加。',
  '五、一般公共预算财政拨款支出决算情况说明',
  '（一）一般公共预算财政拨款支出决算总体情况',
  '2022年度一般公共预算财政拨款支出5310.72万元，',
  '占本年支出合计的97.66%。较2021年度减少189.28万元，下降3.44%，主要原因是疫情防控支出减少。',
  '（二）一般公共预算财政拨款支出决算结构情况',
  '一般公共预算财政拨款支出5310.72万元，主要用于以下方面：201一般公共服务支出2102.01万元，比重为39.58%；国防支出（类）20.00万元，占0.38%；公共安全支出（类）20.00万元，占0.38%；社会保障和就业支出（类）1385.83万元，占26.09%；卫生健康支出（类）783.85万元，占14.76%；节能环保支出（类）30.00万元，占0.56%；城乡社区支出（类）652.19万元，占12.28%；农林水支出（类）20.00万元，占0.38%；住房保障支出（类）251.84万元，占4.74%；灾害防治及应急管理支出（类）45.00万元，占0.85%。',
  '（三）一般公共预算财政拨款支出决算具体情况',
  '一般公共预算财政拨款支出年初预算为5,400.00万元，支出决算为5,310.72万元，完成年初预算的98.35%。',
  '1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算为1,300.00万元，支出决算为1,298.56万元，完成年初预算的99.89%。',
  '2.国防支出（类）国防动员（款）民兵（项）。年初预算为20.00万元，支出决算为20.00万元，完成年初预算的100%。',
  '3.公共安全支出（类）司法（款）普法宣传（项）。年初预算为10.00万元，支出决算为8.00万元，完成年初预算的80%，决算数小于预算数的主要原因是厉行节约。',
  '4.公共安全支出（类）司法（款）社区矫正（项）。年初预算为12.00万元，支出决算为12.00万元，完成年初预算的100%。',
  '六、一般公共预算财政拨款基本支出决算情况说明',
  '2022年度一般公共预算财政拨款基本支出2400.49万元，其中：人员经费2068.37万元，主要包括基本工资、津贴补贴、奖金等；公用经费332.12万元，主要包括办公费、印刷费、水费、电费等。',
  '七、财政拨款“三公”经费支出决算情况说明',
  '（一）“三公”经费财政拨款支出决算总体情况说明',
  '2022年度“三公”经费财政拨款支出预算为10.00万元，支出决算为7.66万元，完成预算的76.60%。较上年减少1.34万元，下降14.89%，主要原因是严格控制公务接待。',
  '（二）“三公”经费财政拨款支出决算具体情况说明',
  '1．因公出国（境）费支出０万元，全年安排因公出国（境）团组0个，出国（境）0人次。',
  '2．公务用车购置及运行维护费支出6.80万元，占“三公”经费的88.77%，完成预算的85%。其中：公务用车购置费0万元；公务用车运行维护费6.80万元。截至2022年12月31日，公务用车保有量为3辆。',
  '3．公务接待费支出0.86万元，占11.23%，完成预算的43%，比上年减少0.94万元，下降52.22%。国内公务接待5批次，40人次（不包括陪同人员）。',
  '八、政府性基金预算财政拨款收入支出决算情况说明',
  '2022年度政府性基金预算财政拨款收入16.00万元，支出16.00万元。',
  '九、国有资本经营预算财政拨款收入支出决算情况说明',
  '本部门2022年度没有国有资本经营预算财政拨款收入和支出。',
  '十、其他重要事项的情况说明',
  '（一）机关运行经费支出情况',
  '2022年度本部门机关运行经费支出332.12万元，比上年增加12.12万元，增长3.79%，主要原因是办公设备更新增加。',
  '（二）政府采购支出情况',
  '2022年度本部门政府采购支出总额1,200.00万元，其中：政府采购货物支出200.00万元、政府采购工程支出600.00万元、政府采购服务支出400.00万元。授予中小企业合同金额1,000.00万元，占政府采购支出总额的83.33%，其中：授予小微企业合同金额500.00万元，占政府采购支出总额的41.67%。',
  '（三）国有资产占有使用情况',
  '截至2022年12月31日，本部门共有车辆3辆，其中：主要领导干部用车0辆、机要通信用车0辆、应急保障用车1辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车2辆。',
  '第四部分 名词解释',
  '一、财政拨款收入：指本年度从本级财政部门取得的财政拨款。',
];

describe('伍家岭 2022: a correct 说明 in other departments’ wording', () => {
  let r: AuditResult;
  beforeAll(async () => {
    const b = await book('wujialing2022-shanghai-onesheet');
    r = auditNarrative(text(WJL_CORRECT), b.accounts, supplement(WJL_SUPPLEMENT));
  });
  it('finds no 错误 or 警告, and places every figure', () => {
    expect(bad(r)).toEqual([]);
    expect(unplaced(r)).toEqual([]);
    expect(r.counts.figures).toBeGreaterThan(90);
    // 部门概况 and 名词解释 are counted, not checked.
    expect(r.counts.outOfScope).toBeGreaterThan(0);
  });
  it('reads thousands separators, full-width digits and 人民币 as the amounts they are', () => {
    const total = r.claims.find((c) => c.where === '第12行' && c.kind === 'amount' && c.subject === 'expenditure.total')!;
    expect(total.status).toBe('ok');
    expect(r.claims.find((c) => c.written === '5,430.75万元')!.subject).toBe('income.total');
  });
  it('joins a sentence broken over two lines: the share on the second line is of the amount on the first', () => {
    const share = r.claims.find((c) => c.written === '97.66%')!;
    expect(share.subject).toBe('general.total.share');
    expect(share.status).toBe('ok');
  });
  it('reads "比重为", "占总支出的", "同比增加", "较2021年度减少"', () => {
    expect(r.claims.find((c) => c.written === '39.58%')!.status).toBe('ok');
    expect(r.claims.find((c) => c.written === '44.15%')!.status).toBe('ok');
    expect(r.claims.find((c) => c.written === '98.90万元')!.status).toBe('ok');
    expect(r.claims.find((c) => c.written === '189.28万元')!.status).toBe('ok');
  });
});

// ----------------------------------------------------------------------------------------------- planted
interface Plant {
  what: string;
  /** The line of WJL_CORRECT to change (a fragment of it) and the change. */
  line: string;
  from: string;
  to: string;
  rule: string;
  quote: string;
  /** Keys of the fixture's cells map the finding must point at. */
  cells: string[];
  expected?: string;
  /** Other rules the same mistake may also (rightly) raise. */
  also?: string[];
  /** Where the finding is, when not the changed line (a sentence broken over two lines is quoted at its first). */
  where?: string;
}

const PLANTS: Plant[] = [
  { what: 'a wrong total', line: '本年收入合计人民币', from: '5,430.75万元', to: '5,403.75万元', rule: 'A-金额不符', quote: '5,403.75万元', cells: ['T1.incomeTotal'], expected: '5430.75万元', also: ['A-其中之和'] },
  { what: '总计 given as the 合计', line: '收入、支出总计均为', from: '均为5,479.02万元', to: '均为5,430.75万元', rule: 'A-总计为合计', quote: '5,430.75万元', cells: ['T1.incomeGrandTotal', 'T1.incomeTotal'], expected: '5479.02万元' },
  { what: '收入总计 ≠ 支出总计 side by side', line: '收入、支出总计均为', from: '收入、支出总计均为5,479.02万元', to: '收入总计5,479.02万元，支出总计5,437.72万元', rule: 'A-收支总计不等', quote: '收入总计5,479.02万元，支出总计5,437.72万元', cells: ['T1.incomeGrandTotal', 'T1.expGrandTotal'], also: ['A-总计为合计'] },
  { what: 'a share on the wrong denominator (收入总计)', line: '本年收入合计人民币', from: '占98.52%', to: '占97.66%', rule: 'A-占比分母', quote: '97.66%', cells: ['T1.incomeTotal'], expected: '98.52%' },
  { what: 'a share off in the last digit', line: '主要用于以下方面', from: '卫生健康支出（类）783.85万元，占14.76%', to: '卫生健康支出（类）783.85万元，占14.77%', rule: 'A-占比不符', quote: '14.77%', cells: ['T5.row.210.total', 'T5.total.total'], expected: '14.76%' },
  { what: 'a share rounded to one decimal (0.38% written 0.4%)', line: '主要用于以下方面', from: '国防支出（类）20.00万元，占0.38%', to: '国防支出（类）20.00万元，占0.4%', rule: 'A-占比精度', quote: '0.4%', cells: ['T5.total.total'], expected: '0.38%' },
  { what: '完成预算 that is the item’s share', line: '行政运行（项）', from: '完成年初预算的99.89%', to: '完成年初预算的24.45%', rule: 'A-完成率为占比', quote: '24.45%', cells: ['T5.row.2010301.total'], expected: '99.89%' },
  { what: 'a 三公 share that is the completion rate', line: '公务用车购置及运行维护费支出6.80万元', from: '88.77%', to: '85.00%', rule: 'A-占比为完成率', quote: '85.00%', cells: ['T7.actual.vehicle', 'T7.actual.total', 'T7.budget.vehicle'], expected: '88.77%' },
  { what: 'last year’s label', line: '基本支出2400.49万元', from: '2022年度一般公共预算', to: '2021年度一般公共预算', rule: 'A-年度标签', quote: '2021年', cells: [], expected: '2022年' },
  { what: '元 for 万元', line: '公务接待费支出0.86万元', from: '0.86万元', to: '0.86元', rule: 'A-单位', quote: '0.86元', cells: ['T7.actual.reception'], expected: '0.86万元' },
  { what: 'a 类 ≠ Σ 项', line: '主要用于以下方面', from: '公共安全支出（类）20.00万元，占0.38%', to: '公共安全支出（类）22.00万元，占0.41%', rule: 'A-类项不符', quote: '22.00万元', cells: ['T5.row.204.total', 'T5.row.2040605.total'], expected: '20.00万元', also: ['A-金额不符', 'A-占比不符'] },
  { what: 'a direction word contradicting the sign', line: '较2021年度减少189.28万元', from: '较2021年度减少189.28万元，下降3.44%', to: '较2021年度增加189.28万元，增长3.44%', rule: 'A-变动方向', quote: '189.28万元', cells: [], expected: '减少189.28万元', where: '第17行', also: ['A-原因方向', 'A-变动方向'] },
  { what: 'a reason pointing the other way', line: '机关运行经费支出332.12万元', from: '办公设备更新增加', to: '压减会议费和培训费', rule: 'A-原因方向', quote: '增加12.12万元', cells: [] },
  { what: 'a part larger than its total', line: '政府采购支出总额', from: '政府采购服务支出400.00万元', to: '政府采购服务支出1,400.00万元', rule: 'A-前后矛盾', quote: '1,400.00万元', cells: [], also: ['A-金额不符'] },
  { what: 'a change rate on this year’s base', line: '机关运行经费支出332.12万元', from: '增长3.79%', to: '增长3.65%', rule: 'A-变动率分母', quote: '3.65%', cells: [], expected: '增长3.79%' },
  { what: 'a wrong count', line: '国内公务接待5批次', from: '40人次', to: '45人次', rule: 'A-数量不符', quote: '45人次', cells: [], expected: '40人次' },
];

describe('伍家岭 2022: one planted mistake of each §8 kind, each found with its rule and cells', () => {
  let b: Book;
  let base: AuditResult;
  beforeAll(async () => {
    b = await book('wujialing2022-shanghai-onesheet');
    base = auditNarrative(text(WJL_CORRECT), b.accounts, supplement(WJL_SUPPLEMENT));
  });
  for (const p of PLANTS) {
    it(p.what, () => {
      const i = WJL_CORRECT.findIndex((l) => l.includes(p.line));
      expect(i).toBeGreaterThanOrEqual(0);
      expect(WJL_CORRECT[i]).toContain(p.from);
      const lines = [...WJL_CORRECT];
      lines[i] = lines[i].replace(p.from, p.to);
      const r = auditNarrative(text(lines), b.accounts, supplement(WJL_SUPPLEMENT));
      const f = one(r, p.rule, p.quote);
      expect(f.where).toBe(p.where ?? `第${i + 1}行`);
      expect(f.severity).not.toBe('提示');
      for (const k of p.cells) expect(f.cells).toContain(b.cells[k]);
      if (p.expected) expect(f.expected).toBe(p.expected);
      // Nothing else is raised: the other findings are about the same planted mistake.
      const others = r.findings.filter((x) => x.severity !== '提示' && x !== f && !(p.also ?? []).includes(x.rule));
      expect(others.map((x) => `${x.rule} ${x.where} ${x.quote}`)).toEqual([]);
      expect(r.counts.unplaced).toBeLessThanOrEqual(base.counts.unplaced);
    });
  }
});


// ----------------------------------------------------------------------------------------------- 玉泉 2021
/** A correct 说明 of 玉泉街道 2021 in the 四川 form's paths with other wording ("同比", "收支总计", "（类）支出"). */
const YQ_CORRECT = [
  '西区玉泉街道办事处2021年度部门决算情况说明',
  '一、收入支出决算总体情况说明',
  '2021年度收支总计853.00万元，比上年减少54.20万元，下降5.97%，主要原因是本年度项目收入减少。',
  '二、收入决算情况说明',
  '本年收入合计853.00万元，其中：一般公共预算财政拨款收入843.28万元，占本年收入合计的98.86%；政府性基金预算财政拨款收入9.72万元，占比为1.14%；事业收入0万元，占0%；其他收入0万元，占0%。',
  '三、支出决算情况说明',
  '本年支出合计853.00万元，其中：基本支出623.25万元，占73.07%；项目支出229.76万元，占26.94%。',
  '四、财政拨款收入支出决算总体情况说明',
  '2021年度财政拨款收入853.00万元，财政拨款支出853.00万元。财政拨款收入同比减少53.71万元，下降5.92%，主要原因是项目资金减少。',
  '五、一般公共预算财政拨款支出决算情况说明',
  '（一）一般公共预算财政拨款支出决算总体情况',
  '2021年度一般公共预算财政拨款支出843.28万元，占本年支出合计的98.86%，与2020年度相比，增加53.69万元，增长6.80%，主要原因是项目资金增加。',
  '（二）一般公共预算财政拨款支出决算结构情况',
  '一般公共服务（类）支出642.25万元，占76.16%；文化旅游体育与传媒（类）支出5.74万元，占0.68%；社会保障和就业（类）支出27.71万元，占3.29%；卫生健康（类）支出16.56万元，占1.96%；城乡社区（类）支出118.33万元，占14.03%；农林水（类）支出5.00万元，占0.59%；住房保障（类）支出27.69万元，占3.28%。',
  '（三）一般公共预算财政拨款支出决算具体情况',
  '1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）行政运行（01）：支出决算为118.97万元，完成预算100%，主要用于机关正常运转。',
  '2.卫生健康（210）行政事业单位医疗（11）行政单位医疗（01）：支出决算为6.64万元，完成预算的100.00%。',
  '3.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算27.69万元，完成预算的100%。',
  '六、一般公共预算财政拨款基本支出决算情况说明',
  '2021年度一般公共预算财政拨款基本支出623.25万元，其中：人员经费592.91万元，公用经费30.34万元。',
  '七、财政拨款“三公”经费支出决算情况说明',
  '2021年度“三公”经费财政拨款支出决算为5.00万元，完成预算的100%，比上年增加2.50万元，增长100%，主要原因是新增一台公务用车。',
  '1.因公出国（境）费支出决算为0万元，全年因公出国（境）团组0个，出国（境）0人次。',
  '2.公务用车购置及运行维护费支出决算为5.00万元，占“三公”经费的100%，完成预算的100%。其中：公务用车购置费0万元；公务用车运行维护费5.00万元，主要用于应急、安全等工作所需的燃料费、维修费。截至2021年12月31日，单位共有公务用车2辆。',
  '3.公务接待费支出决算为0万元，与上年持平。国内公务接待0批次，0人次。',
  '八、政府性基金预算财政拨款收入支出决算情况说明',
  '2021年度政府性基金预算财政拨款收入9.72万元，支出9.72万元。',
  '九、国有资本经营预算财政拨款收入支出决算情况说明',
  '本单位2021年度无国有资本经营预算财政拨款收入和支出。',
  '十、其他重要事项的情况说明',
  '（一）机关运行经费支出情况',
  '2021年度机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15%，主要原因是人员经费减少。',
  '（二）政府采购支出情况',
  '2021年度政府采购支出总额35.95万元，其中：政府采购货物支出35.95万元、政府采购工程支出0万元、政府采购服务支出0万元。授予中小企业合同金额21.06万元，占政府采购支出总额的58.58%，其中：授予小微企业合同金额21.06万元，占58.58%。',
  '（三）国有资产占有使用情况',
  '截至2021年12月31日，本单位共有车辆2辆，其中：主要领导干部用车0辆、机要通信用车0辆、应急保障用车2辆、其他用车0辆；单价50万元以上通用设备0台（套），单价100万元以上专用设备0台（套）。',
  '（四）预算绩效管理情况',
  '本单位对21个项目开展了绩效自评，编制绩效目标的项目21个。',
];

describe('玉泉 2021: a correct 说明 in the 四川 form with other wording', () => {
  let r: AuditResult;
  beforeAll(async () => {
    const b = await book('yuquan2021-sichuan');
    const sup = supplement({ ...SEED_001_SUPPLEMENT, 'last.threePublic': '2.50', 'last.abroad': '0', 'last.reception': '0', ...itemBudgetsEqualToActual(b.accounts) });
    r = auditNarrative(text(YQ_CORRECT), b.accounts, sup);
  });
  it('finds no 错误 or 警告 and places every figure', () => {
    expect(bad(r)).toEqual([]);
    expect(unplaced(r)).toEqual([]);
  });
});
