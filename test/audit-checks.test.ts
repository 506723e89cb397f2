/**
 * 核对说明 checks as units, ESLint-style: every finding id of the registry (src/audit/checks) has its own
 * invalid sentences (the finding asserted exactly: id, severity, expected, actual, cells) and valid sentences
 * (no finding of that id), written here in wordings of our own against the 玉泉 2021 workbook. A registry test
 * fails when a check is added without cases. The last block holds the false-错误 patterns of published texts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { Supplement, emptySupplement, supplementFromValues } from '../src/supplement/sheet';
import { AuditResult, NarrativeFinding, auditNarrative } from '../src/audit';
import { CLAIM_CHECKS, TEXT_CHECKS, allChecks } from '../src/audit/checks';

jest.setTimeout(60000);

const XLSX = path.join(__dirname, 'fixtures', 'xlsx');
const BOOKS = ['yuquan2021-sichuan', 'taojiadu2020-sichuan'] as const;
type BookName = (typeof BOOKS)[number];
const books = new Map<BookName, { accounts: Accounts; cells: Record<string, string> }>();
beforeAll(async () => {
  for (const name of BOOKS) {
    const accounts = readAccounts(await snapshotFromXlsx(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)), `${name}.xlsx`));
    books.set(name, { accounts, cells: JSON.parse(fs.readFileSync(path.join(XLSX, `${name}.cells.json`), 'utf8')) });
  }
});

/** 补充信息 with the given values; cells 补充信息!C4, C5 … in the order given. */
function sup(values: Record<string, string | number> = {}): Supplement {
  if (!Object.keys(values).length) return emptySupplement();
  return supplementFromValues(values, Object.fromEntries(Object.keys(values).map((k, i) => [k, `补充信息!C${i + 4}`])));
}

function audit(lines: string[], values: Record<string, string | number> = {}, book: BookName = 'yuquan2021-sichuan'): AuditResult {
  return auditNarrative({ paragraphs: lines.map((t, i) => ({ text: t, where: `第${i + 1}行` })) }, books.get(book)!.accounts, sup(values));
}

const list = (r: AuditResult) => r.findings.map((f) => `${f.severity} ${f.rule} ${f.where} ${f.quote}`).join('\n');

interface Expect {
  quote: string;
  severity?: '错误' | '警告' | '提示';
  expected?: string;
  actual?: string;
  /** Keys of the fixture's cells map, or literal cells ("补充信息!C4"); the finding's cells must equal these. */
  cells?: string[];
  /** Fragments the message must contain. */
  says?: string[];
}

interface Case {
  rule: string;
  name: string;
  lines: string[];
  sup?: Record<string, string | number>;
  /** The workbook (default 玉泉 2021). */
  book?: BookName;
  /** Absent: a valid case (no finding of the rule). */
  finds?: Expect;
}

const H = {
  overview: '一、收入支出决算总体情况说明',
  income: '二、收入决算情况说明',
  expenditure: '三、支出决算情况说明',
  fiscal: '四、财政拨款收入支出决算总体情况说明',
  general: '（一）一般公共预算财政拨款支出决算总体情况',
  structure: '（二）一般公共预算财政拨款支出决算结构情况',
  detail: '（三）一般公共预算财政拨款支出决算具体情况',
  basic: '六、一般公共预算财政拨款基本支出决算情况说明',
  threeTotal: '（一）“三公”经费财政拨款支出决算总体情况说明',
  threeDetail: '（二）“三公”经费财政拨款支出决算具体情况说明',
  running: '（一）机关运行经费支出情况',
  procurement: '（二）政府采购支出情况',
  assets: '（三）国有资产占有使用情况',
  performance: '（四）预算绩效管理情况',
};
const P201 = '一般公共服务（类）政府办公厅（室）及相关机构事务（款）';

const CASES: Case[] = [
  // ------------------------------------------------------------------ amounts
  { rule: 'A-金额不符', name: 'right total', lines: [H.income, '2021年本年收入合计853.00万元。'] },
  { rule: 'A-金额不符', name: 'wrong total', lines: [H.income, '2021年本年收入合计835.00万元。'], finds: { quote: '本年收入合计835.00万元', expected: '853.00万元', actual: '835.00万元', cells: ['T1.incomeTotal'] } },
  { rule: 'A-单位', name: '万元', lines: [H.income, '本年收入合计853.00万元。'] },
  { rule: 'A-单位', name: '元 for 万元', lines: [H.income, '本年收入合计853.00元。'], finds: { quote: '853.00元', severity: '错误', expected: '853.00万元', actual: '853.00元', cells: ['T1.incomeTotal'] } },
  { rule: 'A-单位', name: '0元', lines: [H.income, '本年收入合计853.00万元，其中：其他收入0元。'], finds: { quote: '其他收入0元', severity: '提示', expected: '0万元', actual: '0元', cells: [] } },
  { rule: 'A-精度', name: 'two decimals', lines: [H.income, '政府性基金预算财政拨款收入9.72万元。'] },
  { rule: 'A-精度', name: 'one decimal', lines: [H.income, '政府性基金预算财政拨款收入9.7万元。'], finds: { quote: '9.7万元', severity: '提示', expected: '9.72万元', actual: '9.7万元', cells: ['T1.income.gov'] } },
  { rule: 'A-总计为合计', name: '总计 right', lines: [H.overview, '2021年度收入总计853.00万元。'] },
  {
    rule: 'A-总计为合计',
    name: '本年收入合计 given as 收入总计',
    book: 'taojiadu2020-sichuan',
    lines: [H.overview, '2020年度收入总计746.99万元。'],
    finds: { quote: '收入总计746.99万元', expected: '839.87万元', actual: '746.99万元', cells: ['T1.incomeGrandTotal', 'T1.incomeTotal'] },
  },
  { rule: 'A-科目不在表中', name: '项 of table 5', lines: [H.detail, `1.${P201}行政运行（项）：支出决算为118.97万元。`] },
  {
    rule: 'A-科目不在表中',
    name: '项 not in table 5',
    lines: [H.detail, '1.一般公共服务（201）人大事务（01）人大会议（04）：支出决算为3.00万元。'],
    finds: { quote: '3.00万元', severity: '警告', actual: '3.00万元', cells: ['T5.total.total'] },
  },
  {
    rule: 'A-科目与数不符',
    name: 'the figures of another 项 under this 项’s name',
    lines: [H.detail, `1.${P201}行政运行（项）：支出决算为129.38万元，主要用于机关运转。`],
    finds: { quote: '129.38万元', expected: '2010350 事业运行', actual: '一般公共服务/政府办公厅(室)及相关机构事务/行政运行', cells: ['T5.row.2010350.total', 'T5.row.2010301.total'], says: ['是 2010350 事业运行 的决算数'] },
  },
  { rule: 'A-科目与数不符', name: 'its own figures', lines: [H.detail, `1.${P201}事业运行（项）：支出决算为129.38万元。`] },
  {
    rule: 'A-款不符',
    name: 'a 项 written under another 款 of its 类',
    lines: [H.detail, '1.一般公共服务（201）人大事务（01）行政运行（01）：支出决算为118.97万元。'],
    finds: { quote: '118.97万元', expected: '政府办公厅（室）及相关机构事务（03）', actual: '人大事务', cells: ['T5.row.2010301.total'] },
  },
  { rule: 'A-款不符', name: 'under its own 款', lines: [H.detail, '1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）行政运行（01）：支出决算为118.97万元。'] },
  { rule: 'A-预算数不符', name: 'budget right', lines: [H.threeTotal, '2021年“三公”经费财政拨款支出预算为5.00万元，支出决算为5.00万元，完成预算的100%。'] },
  {
    rule: 'A-预算数不符',
    name: 'budget wrong',
    lines: [H.threeTotal, '2021年“三公”经费财政拨款支出预算为6.00万元，支出决算为5.00万元。'],
    finds: { quote: '6.00万元', expected: '5.00万元', actual: '6.00万元', cells: ['T7.budget.total'] },
  },
  {
    rule: 'A-尾差',
    name: 'a sum of printed figures 0.01 off',
    lines: [H.income, '2021年财政拨款收入853.01万元。'],
    finds: { quote: '853.01万元', severity: '提示', expected: '853.00万元', actual: '853.01万元', cells: ['T1.income.general', 'T1.income.gov', 'T1.income.capital'] },
  },
  { rule: 'A-尾差', name: 'the sum itself', lines: [H.income, '2021年财政拨款收入853.00万元。'] },
  { rule: 'A-上年数不符', name: 'last year right', lines: [H.running, '2021年机关运行经费支出30.34万元，上年为37.07万元，比上年减少6.73万元。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  {
    rule: 'A-上年数不符',
    name: 'last year wrong',
    lines: [H.running, '2021年机关运行经费支出30.34万元，上年机关运行经费为36.07万元。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '36.07万元', expected: '37.07万元', actual: '36.07万元', cells: ['补充信息!C5'] },
  },
  // ------------------------------------------------------------------ counts
  { rule: 'A-数量不符', name: 'count right', lines: [H.threeDetail, '截至2021年12月31日，单位共有公务用车2辆。'], sup: { 'vehicles.fleet': 2 } },
  {
    rule: 'A-数量不符',
    name: 'count wrong',
    lines: [H.threeDetail, '截至2021年12月31日，公务用车保有量为3辆。'],
    sup: { 'vehicles.fleet': 2 },
    finds: { quote: '3辆', expected: '2辆', actual: '3辆', cells: ['补充信息!C4'] },
  },
  // ------------------------------------------------------------------ shares
  { rule: 'A-占比不符', name: 'share right', lines: [H.structure, '城乡社区支出（类）118.33万元，占14.03%。'] },
  {
    rule: 'A-占比不符',
    name: 'share wrong',
    lines: [H.structure, '城乡社区支出（类）118.33万元，占15.03%。'],
    finds: { quote: '15.03%', severity: '错误', expected: '14.03%', actual: '15.03%', cells: ['T5.row.212.total', 'T5.total.total'] },
  },
  {
    rule: 'A-占比精度',
    name: 'one decimal',
    lines: [H.structure, '城乡社区支出（类）118.33万元，占14%。'],
    finds: { quote: '14%', severity: '提示', expected: '14.03%', actual: '14%', cells: ['T5.row.212.total', 'T5.total.total'] },
  },
  { rule: 'A-占比精度', name: 'two decimals', lines: [H.structure, '城乡社区支出（类）118.33万元，占14.03%。'] },
  {
    rule: 'A-占比分母',
    name: 'on 本年收入合计 instead of 一般公共预算支出',
    lines: [H.structure, '一般公共服务（类）支出642.25万元，占75.29%。'],
    finds: { quote: '75.29%', expected: '76.16%', actual: '75.29%', cells: ['T5.row.201.total', 'T5.total.total', 'T1.incomeTotal'] },
  },
  { rule: 'A-占比分母', name: 'on its own denominator', lines: [H.structure, '一般公共服务（类）支出642.25万元，占76.16%。'] },
  {
    rule: 'A-占比为完成率',
    name: '占 that is 决算 ÷ 预算',
    lines: [H.detail, `1.${P201}行政运行（项）：支出决算为118.97万元，占84.98%。`],
    sup: { 'itemBudget.2010301': '140.00' },
    finds: { quote: '84.98%', expected: '14.11%', actual: '84.98%', cells: ['T5.row.2010301.total', 'T5.total.total', '补充信息!C4'] },
  },
  { rule: 'A-占比为完成率', name: 'a share', lines: [H.threeDetail, '公务用车购置及运行维护费支出决算为5.00万元，占“三公”经费的100%。'] },
  // ------------------------------------------------------------------ completion
  { rule: 'A-完成率不符', name: 'right', lines: [H.threeTotal, '2021年“三公”经费财政拨款支出决算为5.00万元，完成预算的100%。'] },
  {
    rule: 'A-完成率不符',
    name: 'wrong',
    lines: [H.threeTotal, '2021年“三公”经费财政拨款支出决算为5.00万元，完成预算的90%。'],
    finds: { quote: '90%', expected: '100%', actual: '90%', cells: ['T7.actual.total', 'T7.budget.total'] },
  },
  {
    rule: 'A-完成率精度',
    name: 'no decimals',
    lines: [H.detail, `1.${P201}行政运行（项）：年初预算为140.00万元，支出决算为118.97万元，完成年初预算的85%。`],
    sup: { 'itemBudget.2010301': '140.00' },
    finds: { quote: '85%', severity: '提示', expected: '84.98%', actual: '85%', cells: ['T5.row.2010301.total', '补充信息!C4'] },
  },
  { rule: 'A-完成率精度', name: 'two decimals', lines: [H.detail, `1.${P201}行政运行（项）：年初预算为140.00万元，支出决算为118.97万元，完成年初预算的84.98%。`], sup: { 'itemBudget.2010301': '140.00' } },
  {
    rule: 'A-完成率为占比',
    name: 'the item’s share',
    lines: [H.detail, `1.${P201}行政运行（项）：支出决算为118.97万元，完成预算14.11%。`],
    sup: { 'itemBudget.2010301': '118.97' },
    finds: { quote: '14.11%', severity: '错误', expected: '100%', actual: '14.11%', cells: ['T5.row.2010301.total', '补充信息!C4'] },
  },
  { rule: 'A-完成率为占比', name: 'the completion', lines: [H.detail, `1.${P201}行政运行（项）：支出决算为118.97万元，完成预算100%。`], sup: { 'itemBudget.2010301': '118.97' } },
  {
    rule: 'A-无预算',
    name: 'completion of a zero budget',
    lines: [H.threeDetail, '1.因公出国（境）费支出决算为0万元，完成预算0%。'],
    finds: { quote: '0%', severity: '提示', actual: '0%', cells: ['T7.budget.abroad'] },
  },
  { rule: 'A-无预算', name: 'no rate written', lines: [H.threeDetail, '1.因公出国（境）费支出决算为0万元，年初未安排预算。'] },
  {
    rule: 'A-预算差异方向',
    name: '“大于预算” with a rate under 100%',
    lines: [H.detail, `1.${P201}行政运行（项）：年初预算为140.00万元，支出决算为118.97万元，完成年初预算的84.98%，决算数大于预算数的主要原因是人员增加。`],
    sup: { 'itemBudget.2010301': '140.00' },
    finds: { quote: '决算数大于预算数', severity: '警告', cells: ['T5.row.2010301.total', '补充信息!C4'] },
  },
  { rule: 'A-预算差异方向', name: '“小于预算” with a rate under 100%', lines: [H.detail, `1.${P201}行政运行（项）：年初预算为140.00万元，支出决算为118.97万元，完成年初预算的84.98%，决算数小于预算数的主要原因是厉行节约。`], sup: { 'itemBudget.2010301': '140.00' } },
  // ------------------------------------------------------------------ changes
  { rule: 'A-变动方向', name: 'right direction', lines: [H.running, '2021年度机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15%。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  {
    rule: 'A-变动方向',
    name: 'increase for a decrease',
    lines: [H.running, '2021年度机关运行经费支出30.34万元，比上年增加6.73万元。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '增加6.73万元', expected: '减少6.73万元', actual: '6.73万元', cells: ['补充信息!C4', '补充信息!C5'] },
  },
  {
    rule: 'A-变动方向',
    name: 'against the text’s own last-year figure',
    lines: [H.running, '2021年度机关运行经费支出30.34万元，上年为37.07万元，比上年增加6.73万元。'],
    finds: { quote: '增加6.73万元', expected: '减少6.73万元', actual: '增加6.73万元', cells: [] },
  },
  { rule: 'A-变动不符', name: 'right amount', lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  {
    rule: 'A-变动不符',
    name: 'wrong amount',
    lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.70万元。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '减少6.70万元', expected: '6.73万元', actual: '6.70万元', cells: ['补充信息!C4', '补充信息!C5'] },
  },
  { rule: 'A-变动率不符', name: 'right rate', lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15%。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  {
    rule: 'A-变动率不符',
    name: 'wrong rate',
    lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降19.15%。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '19.15%', expected: '下降18.15%', actual: '19.15%', cells: ['补充信息!C4', '补充信息!C5'] },
  },
  {
    rule: 'A-变动率分母',
    name: 'divided by this year',
    lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降22.18%。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '22.18%', expected: '下降18.15%', actual: '22.18%', cells: ['补充信息!C4', '补充信息!C5'] },
  },
  { rule: 'A-变动率分母', name: 'divided by last year', lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15%。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  {
    rule: 'A-变动率精度',
    name: 'one decimal',
    lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降18.2%。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '18.2%', severity: '提示', expected: '18.15%', actual: '18.2%', cells: ['补充信息!C4', '补充信息!C5'] },
  },
  { rule: 'A-变动率精度', name: 'two decimals', lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15%。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  {
    rule: 'A-变动率',
    name: 'a rate on a zero base (补充信息)',
    lines: [H.threeDetail, '2.公务用车购置及运行维护费支出决算为5.00万元，比上年增加5.00万元，增长100%。'],
    sup: { 'last.vehicle': '0' },
    finds: { quote: '100%', severity: '警告', actual: '100%', cells: ['补充信息!C4'] },
  },
  {
    rule: 'A-变动率',
    name: 'a rate on a zero base (the text’s own figures)',
    lines: [H.threeDetail, '2.公务用车购置及运行维护费支出决算为5.00万元，比上年增加5.00万元，增长100%。'],
    finds: { quote: '100%', severity: '警告', actual: '100%', cells: ['T7.actual.vehicle'] },
  },
  { rule: 'A-变动率', name: 'no rate on a zero base', lines: [H.threeDetail, '2.公务用车购置及运行维护费支出决算为5.00万元，比上年增加5.00万元。'], sup: { 'last.vehicle': '0' } },
  // ------------------------------------------------------------------ text checks
  {
    rule: 'A-年度标签',
    name: 'last year’s label on this year’s figure',
    lines: [H.general, '2020年一般公共预算财政拨款支出843.28万元。'],
    finds: { quote: '2020年一般公共预算财政拨款支出843.28万元', severity: '警告', expected: '2021年', actual: '2020年', cells: ['T1.title'] },
  },
  { rule: 'A-年度标签', name: 'last year’s label on last year’s figure', lines: [H.general, '2021年一般公共预算财政拨款支出843.28万元，2020年为789.59万元。'] },
  {
    rule: 'A-收支总计不等',
    name: 'two different 总计',
    lines: [H.overview, '2021年度收入总计853.00万元、支出总计835.00万元。'],
    finds: { quote: '收入总计853.00万元、支出总计835.00万元', expected: '853.00万元', cells: ['T1.incomeGrandTotal', 'T1.expGrandTotal'] },
  },
  { rule: 'A-收支总计不等', name: 'equal', lines: [H.overview, '2021年度收入总计853.00万元、支出总计853.00万元。'] },
  {
    rule: 'A-前后矛盾',
    name: 'a part larger than its total',
    lines: [H.procurement, '政府采购支出总额35.95万元，其中：政府采购货物支出45.95万元。'],
    finds: { quote: '政府采购支出总额35.95万元，其中：政府采购货物支出45.95万元', actual: '45.95万元', cells: [] },
  },
  {
    rule: 'A-其中之和',
    name: 'parts that do not add up',
    lines: [H.procurement, '政府采购支出总额35.95万元，其中：政府采购货物支出30.95万元、政府采购工程支出0万元、政府采购服务支出0万元。'],
    finds: { quote: '政府采购支出总额35.95万元', expected: '30.95万元', actual: '35.95万元', cells: [] },
  },
  { rule: 'A-其中之和', name: 'parts that add up', lines: [H.procurement, '政府采购支出总额35.95万元，其中：政府采购货物支出35.95万元、政府采购工程支出0万元、政府采购服务支出0万元。'] },
  {
    rule: 'A-其中之和',
    name: 'faithful to 补充信息 that does not add up: a 警告 about the inputs',
    lines: [H.procurement, '政府采购支出总额10.00万元，其中：政府采购货物支出8.00万元、政府采购工程支出3.00万元、政府采购服务支出0万元。'],
    sup: { 'procurement.total': '10.00', 'procurement.goods': '8.00', 'procurement.works': '3.00', 'procurement.services': '0' },
    finds: { quote: '政府采购支出总额10.00万元', severity: '警告', expected: '11.00万元', actual: '10.00万元', cells: ['补充信息!C4', '补充信息!C5', '补充信息!C6', '补充信息!C7'] },
  },
  {
    rule: 'A-采购构成',
    name: 'parts in the next sentence',
    lines: [H.procurement, '2021年度政府采购支出总额35.95万元。货物采购支出30.95万元，工程采购支出0万元，服务采购支出2.00万元。'],
    finds: { quote: '政府采购支出总额35.95万元', expected: '32.95万元', actual: '35.95万元', cells: [] },
  },
  { rule: 'A-采购构成', name: 'parts that add up', lines: [H.procurement, '2021年度政府采购支出总额35.95万元。货物采购支出35.95万元，工程采购支出0万元，服务采购支出0万元。'] },
  {
    rule: 'A-类项不符',
    name: '类 ≠ its 项',
    lines: [H.structure, '城乡社区支出（类）120.33万元，占14.27%。', H.detail, '1.城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）：支出决算为113.33万元。', '2.城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（项）：支出决算为5.00万元。'],
    finds: { quote: '120.33万元', expected: '118.33万元', actual: '120.33万元', cells: ['T5.row.212.total', 'T5.row.2120199.total', 'T5.row.2120399.total'] },
  },
  {
    rule: 'A-缺项',
    name: '项 of table 5 not described',
    lines: [H.detail, `1.${P201}行政运行（项）：支出决算为118.97万元。`],
    finds: { quote: H.detail, severity: '提示', says: ['2010350 事业运行（129.38万元）'] },
  },
  {
    rule: 'A-原因方向',
    name: 'a reason pointing the other way',
    lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，主要原因是办公设备购置增加。'],
    finds: { quote: '减少6.73万元，主要原因是办公设备购置增加', severity: '警告', cells: [] },
  },
  { rule: 'A-原因方向', name: 'a reason in the same direction', lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，主要原因是压减会议费。'] },
  {
    rule: 'A-科目名称',
    name: 'a name not the catalogue’s',
    lines: [H.detail, '1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）一般行政运行（02）：支出决算为85.22万元。'],
    finds: { quote: '一般行政运行', severity: '提示', expected: '一般行政管理事务', actual: '一般行政运行', cells: ['T5.row.2010302.total'] },
  },
  {
    rule: 'A-模板残留',
    name: 'alternatives left in',
    lines: [H.running, '2021年度机关运行经费支出30.34万元，比上年增加（减少）6.73万元。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '增加（减少）', expected: '减少', actual: '增加（减少）', cells: ['补充信息!C4', '补充信息!C5'] },
  },
  { rule: 'A-模板残留', name: 'XXX left in', lines: [H.running, '2021年度XXX机关运行经费支出30.34万元。'], finds: { quote: 'XXX', actual: 'XXX', cells: [] } },
  { rule: 'A-模板残留', name: 'a chosen word', lines: [H.running, '2021年度机关运行经费支出30.34万元，比上年减少6.73万元。'] },
  {
    rule: 'A-百分号',
    name: 'a rate without %',
    lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15。'],
    sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    finds: { quote: '18.15', severity: '警告', expected: '18.15%', actual: '18.15', cells: ['补充信息!C4'] },
  },
  { rule: 'A-百分号', name: 'a rate with %', lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15%。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  {
    rule: 'A-百分号',
    name: 'a share’s change without its unit: 个百分点, not %',
    lines: [H.expenditure, '2021年度本年支出合计853.00万元，其中：基本支出623.25万元，占73.07%，占比比上年下降1.2。'],
    finds: { quote: '下降1.2', severity: '警告', expected: '1.2个百分点', actual: '1.2', says: ['是占比的增减，缺少单位“个百分点”，应写作“1.2个百分点”'] },
  },
  {
    rule: 'A-百分号',
    name: 'a completion rate without %',
    lines: [H.threeTotal, '2021年“三公”经费财政拨款支出决算为5.00万元，完成预算的100.00。'],
    finds: { quote: '100.00', severity: '警告', expected: '100.00%', actual: '100.00', says: ['的百分比缺少“%”'] },
  },
  // Non-percent decimals in published wordings: each carries its own unit and is no finding.
  { rule: 'A-百分号', name: 'a share’s change in 个百分点', lines: [H.expenditure, '2021年度本年支出合计853.00万元，其中：基本支出623.25万元，占73.07%，比上年下降1.2个百分点。'] },
  { rule: 'A-百分号', name: '增长0.5个百分点', lines: [H.income, '2021年度收入合计853.00万元，财政拨款收入占本年收入合计的比重比上年增长0.5个百分点。'] },
  { rule: 'A-百分号', name: '增长1.5倍', lines: [H.expenditure, '2021年度本年支出合计853.00万元，比上年增长1.5倍，主要原因是项目支出增加。'] },
  { rule: 'A-百分号', name: '是上年的1.5倍', lines: [H.expenditure, '2021年度本年支出合计853.00万元，是上年的1.5倍。'] },
  { rule: 'A-百分号', name: '下降0.8成', lines: [H.running, '机关运行经费支出30.34万元，比上年下降0.8成。'], sup: { 'running.amount': '30.34' } },
  { rule: 'A-百分号', name: '人均0.35万元', lines: [H.running, '机关运行经费支出30.34万元，人均0.35万元，比上年下降0.05万元。'], sup: { 'running.amount': '30.34' } },
  { rule: 'A-百分号', name: 'a full-width ％', lines: [H.running, '机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15％。'], sup: { 'running.amount': '30.34', 'last.runningCost': '37.07' } },
  { rule: 'A-百分号', name: 'a share’s rise with no figure after it', lines: [H.income, '2021年度收入合计853.00万元，财政拨款收入占比有所提高，主要原因是其他收入减少。'] },
  {
    rule: 'A-年度不符',
    name: 'another year in the title',
    lines: ['西区玉泉街道办事处2020年度部门决算', H.income, '本年收入合计853.00万元。'],
    finds: { quote: '2020年度部门决算', expected: '2021年', actual: '2020年', cells: ['T1.title'] },
  },
  { rule: 'A-年度不符', name: 'the tables’ year', lines: ['西区玉泉街道办事处2021年度部门决算', H.income, '本年收入合计853.00万元。'] },
  {
    rule: 'A-单位名称',
    name: 'a name cut short',
    lines: [H.procurement, '2021年度西区玉泉街道办事政府采购支出总额35.95万元。'],
    finds: { quote: '西区玉泉街道办事', severity: '警告', expected: '西区玉泉街道办事处', actual: '西区玉泉街道办事', cells: ['公开01表!A3'] },
  },
  { rule: 'A-单位名称', name: 'the short name', lines: [H.procurement, '2021年度西区玉泉街道办事处政府采购支出总额35.95万元。'] },
  {
    rule: 'A-经费构成',
    name: 'items that are 0 in table 6',
    lines: [H.basic, '2021年度一般公共预算财政拨款基本支出623.25万元，其中：人员经费592.91万元，主要包括基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休费、生活补助、其他对个人和家庭的补助。'],
    finds: { quote: '伙食补助费', actual: '伙食补助费', cells: ['T6.personnelTotal'], says: ['30106 伙食补助费'] },
  },
  {
    rule: 'A-经费构成',
    name: 'a non-zero item left out',
    lines: [H.basic, '公用经费30.34万元，主要包括办公费、水费、电费、邮电费、差旅费、维修（护）费、培训费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出。'],
    finds: { quote: '办公费', severity: '警告', cells: ['T6.publicTotal'], says: ['31002 办公设备购置'] },
  },
  { rule: 'A-经费构成', name: 'the items of table 6', lines: [H.basic, '公用经费30.34万元，主要包括办公费、水费、电费、邮电费、差旅费、维修（护）费、培训费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出、办公设备购置。'] },
  {
    rule: 'A-用途重复',
    name: 'a purpose copied from the previous 项',
    lines: [H.detail, `1.${P201}行政运行（项）：支出决算为118.97万元，主要用于保障机关正常运转的人员工资和日常公用支出。`, `2.${P201}事业运行（项）：支出决算为129.38万元，主要用于保障机关正常运转的人员工资和日常公用支出。`],
    finds: { quote: '用于保障机关正常运转的人员工资和日常公用支出', severity: '警告', cells: ['T5.row.2010350.total'] },
  },
  { rule: 'A-用途重复', name: 'different purposes', lines: [H.detail, `1.${P201}行政运行（项）：支出决算为118.97万元，主要用于机关正常运转。`, `2.${P201}事业运行（项）：支出决算为129.38万元，主要用于事业单位人员工资。`] },
];

describe('每个核对单元：有效句与无效句', () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.finds ? 'finds' : 'passes'} ${c.name}`, () => {
      const r = audit(c.lines, c.sup, c.book);
      const cells = books.get(c.book ?? 'yuquan2021-sichuan')!.cells;
      const hits = r.findings.filter((f) => f.rule === c.rule);
      if (!c.finds) {
        expect(hits.map((f) => `${f.rule} ${f.quote}`)).toEqual([]);
        return;
      }
      const e = c.finds;
      const mine = hits.filter((f) => f.quote.includes(e.quote));
      if (mine.length !== 1) throw new Error(`expected one ${c.rule} on “${e.quote}”:\n${list(r)}`);
      const f: NarrativeFinding = mine[0];
      const meta = allChecks().find((x) => x.id === c.rule)!;
      expect(f.severity).toBe(e.severity ?? meta.severity);
      if ('expected' in e) expect(f.expected).toBe(e.expected);
      if ('actual' in e) expect(f.actual).toBe(e.actual);
      if (e.cells) expect(f.cells).toEqual(e.cells.map((k) => cells[k] ?? k));
      for (const s of e.says ?? []) expect(f.message).toContain(s);
      expect(f.sentence).toBeTruthy();
    });
  }
});

describe('the registry', () => {
  it('every check has an id, a Chinese title, a severity and a description; ids are unique', () => {
    const all = allChecks();
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const c of all) {
      expect(c.id).toMatch(/^A-/);
      expect(c.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(['错误', '警告', '提示']).toContain(c.severity);
      expect(c.description.length).toBeGreaterThan(10);
    }
    expect(CLAIM_CHECKS.every((c) => c.kinds.length > 0)).toBe(true);
    expect(TEXT_CHECKS.length).toBeGreaterThan(0);
  });
  it('every registered check has an invalid case and a valid case here', () => {
    const invalid = new Set(CASES.filter((c) => c.finds).map((c) => c.rule));
    const valid = new Set(CASES.filter((c) => !c.finds).map((c) => c.rule));
    const ids = allChecks().map((c) => c.id);
    expect(ids.filter((id) => !invalid.has(id))).toEqual([]);
    expect(ids.filter((id) => !valid.has(id) && !ALWAYS_INVALID.has(id))).toEqual([]);
    // Cases name only registered checks.
    expect(CASES.map((c) => c.rule).filter((id) => !ids.includes(id))).toEqual([]);
  });
});

/** Checks whose valid cases are the correct texts of the other tests (their wording is what is absent). */
const ALWAYS_INVALID = new Set(['A-前后矛盾', 'A-类项不符', 'A-缺项', 'A-科目名称']);

// ----------------------------------------------------------------------------------------------- patterns
/** Wordings of published texts that raised false 错误, in words of our own: each is no mistake. */
describe('published wordings that are not mistakes', () => {
  const errors = (r: AuditResult) => r.findings.filter((f) => f.severity === '错误').map((f) => `${f.rule} ${f.quote}`);
  const claim = (r: AuditResult, written: string) => r.claims.find((c) => c.written === written)!;

  it('a count of problems found is not the count of projects evaluated', () => {
    const r = audit([H.performance, '本单位对21个项目开展了绩效自评，自评中发现问题0个，已整改0个。', '共选取14个项目开展绩效监控，发现的问题3项均已完成整改。'], {
      'performance.selfAssessed': 21,
      'performance.monitored': 14,
    });
    expect(errors(r)).toEqual([]);
    expect(claim(r, '21个').status).toBe('ok');
    expect(claim(r, '0个').subject).toBe('performance.issues');
    expect(claim(r, '14个').status).toBe('ok');
    expect(claim(r, '3项').subject).toBe('performance.issues');
  });

  it('figures in a reason clause are not the sentence’s change', () => {
    const r = audit(
      [H.running, '2021年度机关运行经费支出30.34万元，比上年减少6.73万元，下降18.15%，主要原因是办公费较上年减少3.20万元，差旅费下降12.5%。'],
      { 'running.amount': '30.34', 'last.runningCost': '37.07' },
    );
    expect(errors(r)).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(claim(r, '6.73万元').status).toBe('ok');
    expect(claim(r, '3.20万元').status).toBe('unplaced');
    expect(claim(r, '3.20万元').reason).toContain('原因');
    expect(claim(r, '12.5%').status).toBe('unplaced');
  });

  it('a reason that names its own subject is checked against that subject', () => {
    const r = audit([H.threeTotal, '2021年度“三公”经费财政拨款支出5.00万元，比上年增加2.50万元，增长100%，变动原因：公务用车运行维护费较上年增加2.50万元。'], {
      'last.threePublic': '2.50',
      'last.vehicleRunning': '2.50',
    });
    expect(errors(r)).toEqual([]);
    expect(r.claims.filter((c) => c.written === '2.50万元').map((c) => c.subject)).toEqual(['threePublic.total.change', 'threePublic.vehicleRunning.change']);
  });

  it('全年预算（调整后） and 年初预算 in one sentence are told apart', () => {
    const line = `1.${P201}行政运行（项）：年初预算为100.00万元，全年预算（调整后）为118.97万元，支出决算为118.97万元，完成全年预算的100%，完成年初预算的118.97%。`;
    const full = audit([H.detail, line], { 'itemBudget.2010301': '100.00', 'itemAdjustedBudget.2010301': '118.97' });
    expect(errors(full)).toEqual([]);
    expect(claim(full, '118.97%').status).toBe('ok');
    expect(claim(full, '100%').status).toBe('ok');
    // Without the 全年预算 in 补充信息 it is 未核对 (or checked against the sentence), never compared with the 年初预算.
    const partial = audit([H.detail, line], { 'itemBudget.2010301': '100.00' });
    expect(errors(partial)).toEqual([]);
    const wrong = audit([H.detail, line.replace('全年预算（调整后）为118.97万元', '全年预算（调整后）为120.00万元')], { 'itemBudget.2010301': '100.00', 'itemAdjustedBudget.2010301': '118.97' });
    expect(wrong.findings.filter((f) => f.rule === 'A-预算数不符').map((f) => f.expected)).toEqual(['118.97万元']);
  });

  it('a bracketed 全年预算 after the 年初预算 restates the same 项’s budget', () => {
    const line = `1.${P201}行政运行（项）：年初预算为100.00万元（全年预算为118.97万元），支出决算为118.97万元，完成全年预算的100%。`;
    const sup = { 'itemBudget.2010301': '100.00', 'itemAdjustedBudget.2010301': '118.97' };
    const ok = audit([H.detail, line], sup);
    expect(errors(ok)).toEqual([]);
    expect(ok.unplaced).toEqual([]);
    expect(claim(ok, '118.97万元').subject).toBe('general.item.2010301.adjustedBudget');
    const wrong = audit([H.detail, line.replace('（全年预算为118.97万元）', '（全年预算为120.00万元）')], sup);
    expect(wrong.findings.filter((f) => f.rule === 'A-预算数不符').map((f) => `${f.quote} ${f.expected} ${f.actual}`)).toEqual(['（全年预算为120.00万元 118.97万元 120.00万元']);
  });

  it('上海 预算绩效管理: "涉及预算金额" is the amount of the projects counted before it; 绩效评级 counts their grade', () => {
    const line =
      '编报绩效目标的2021年度项目5个，涉及预算金额120.00万元；绩效跟踪评价的2021年度项目3个，涉及预算金额80.00万元；绩效自评的2021年度项目4个，涉及预算金额60.00万元，平均得分90分（其中，绩效评级为“优”的项目2个；绩效评级为“良”的项目1个；绩效评级为“合格”的项目1个；绩效评级为“不合格”的项目0个）。';
    const values = {
      'performance.targets': 5,
      'performance.targetsAmount': '120.00',
      'performance.monitored': 3,
      'performance.monitoredAmount': '80.00',
      'performance.selfAssessed': 4,
      'performance.amount': '60.00',
      'performance.gradeExcellent': 2,
      'performance.gradeGood': 1,
      'performance.gradePass': 1,
      'performance.gradeFail': 0,
    };
    const ok = audit([H.performance, line], values);
    expect(list(ok)).toBe('');
    expect(ok.unplaced).toEqual([]);
    expect(['120.00万元', '80.00万元', '60.00万元'].map((w) => claim(ok, w).subject)).toEqual(['performance.targetsAmount', 'performance.monitoredAmount', 'performance.amount']);
    const wrong = audit([H.performance, line.replace('涉及预算金额80.00万元', '涉及预算金额81.00万元').replace('“良”的项目1个', '“良”的项目2个')], values);
    expect(wrong.findings.map((f) => `${f.rule} ${f.quote} ${f.expected} ${f.actual} ${f.cells.join(',')}`)).toEqual([
      'A-金额不符 涉及预算金额81.00万元 80.00万元 81.00万元 补充信息!C7',
      'A-数量不符 绩效评级为“良”的项目2个 1个 2个 补充信息!C11',
    ]);
  });

  it('"单价100万元（含）以上设备（不含车辆）2台（套）" counts the large equipment', () => {
    const line = '截至2021年12月31日，单价100万元（含）以上设备（不含车辆）2台（套）。';
    const ok = audit([H.assets, line], { 'assets.largeEquipment': 2 });
    expect(list(ok)).toBe('');
    expect(ok.unplaced).toEqual([]);
    const wrong = audit([H.assets, line.replace('2台', '3台')], { 'assets.largeEquipment': 2 });
    expect(wrong.findings.map((f) => `${f.rule} ${f.quote} ${f.expected} ${f.actual} ${f.cells.join(',')}`)).toEqual(['A-数量不符 单价100万元（含）以上设备（不含车辆）3台（套） 2台(套) 3台(套) 补充信息!C4']);
  });

  it('the contents of a 【请填写】 placeholder are never claims (a 项 code is no count)', () => {
    const line = `1.${P201}行政运行（项）：主要用于：【请填写：2010301 行政运行的主要用途，如 3 处办公场所】。支出决算为118.97万元。`;
    const r = audit([H.detail, line]);
    expect(r.unplaced).toEqual([]);
    expect(r.claims.map((c) => c.written)).toEqual(['118.97万元']);
    // The same figures outside a placeholder are read.
    const bare = audit([H.detail, line.replace(/【请填写：([^】]*)】/, '$1')]);
    expect(bare.claims.map((c) => c.written)).toContain('3处');
  });

  it('国内公务接待支出 with 补充信息 empty is checked against 表7’s 公务接待费, the placeholder beside it read as nothing', () => {
    const line = '3、公务接待费支出0.00万元。其中：国内公务接待支出0.00万元（含外宾接待支出【请填写：外宾接待支出】万元）。';
    const ok = audit([H.threeDetail, line]);
    expect(list(ok)).toBe('');
    expect(ok.unplaced).toEqual([]);
    const wrong = audit([H.threeDetail, line.replace('国内公务接待支出0.00万元', '国内公务接待支出5.00万元')]);
    expect(wrong.findings.map((f) => `${f.rule} ${f.quote} ${f.expected} ${f.actual}`)).toEqual(['A-金额不符 国内公务接待支出5.00万元 0.00万元 5.00万元']);
  });

  it('the first item after "其中：" is read, and not reported missing', () => {
    const r = audit([
      H.detail,
      `1.${P201}支出638.90万元，其中：行政运行（项）118.97万元，一般行政管理事务（项）85.22万元，信访事务（项）2.00万元，事业运行（项）129.38万元，其他政府办公厅（室）及相关机构事务支出（项）303.33万元。`,
    ]);
    expect(errors(r)).toEqual([]);
    const items = r.claims.filter((c) => c.subject?.startsWith('general.item.'));
    expect(items.map((c) => c.subject)).toEqual(['general.item.2010301', 'general.item.2010302', 'general.item.2010308', 'general.item.2010350', 'general.item.2010399']);
    expect(items.every((c) => c.status === 'ok')).toBe(true);
    const missing = r.findings.find((f) => f.rule === 'A-缺项')!;
    expect(missing.message).not.toContain('2010301');
    expect(missing.message).toContain('2010505');
  });

  it('a 外宾 count is never the domestic reception count', () => {
    const lines = [H.threeDetail, '3.公务接待费支出决算为0万元。国内公务接待5批次，40人次（不包括陪同人员）；接待外宾2批次，10人次。'];
    const r = audit(lines, { 'reception.domestic.batches': 5, 'reception.domestic.people': 40, 'reception.foreign.batches': 2, 'reception.foreign.people': 10 });
    expect(errors(r)).toEqual([]);
    expect(r.claims.filter((c) => c.kind === 'count').map((c) => `${c.subject} ${c.status}`)).toEqual([
      'reception.domestic.batches ok',
      'reception.domestic.people ok',
      'reception.foreign.batches ok',
      'reception.foreign.people ok',
    ]);
    // Without 外事接待 figures in 补充信息 the domestic ones are still checked against their own.
    const d = audit(lines, { 'reception.domestic.batches': 5, 'reception.domestic.people': 40 });
    expect(d.findings.filter((f) => f.severity === '错误' && !/外宾|10人次/.test(f.quote))).toEqual([]);
  });

  it('"收、支总计" and "收入、支出决算总计" are the 总计', () => {
    for (const w of ['收、支总计均为853.00万元', '收入、支出决算总计均为853.00万元', '收支总计853.00万元']) {
      const r = audit([H.overview, `2021年度${w}。`]);
      expect(r.claims.map((c) => `${c.subject} ${c.status}`)).toEqual(['total.income ok']);
    }
  });

  it('0.01 万元 against a sum of printed figures is a 尾差, never an 错误', () => {
    // 基本 623.25 + 项目 229.76 = 853.01 against 本年支出合计 853.00: the tables' own 尾差, faithfully written.
    const r = audit([H.expenditure, '本年支出合计853.00万元，其中：基本支出623.25万元，占73.07%；项目支出229.76万元，占26.94%。']);
    expect(r.findings).toEqual([]);
    // Written from the sum: 提示（尾差）.
    const s = audit([H.income, '2021年财政拨款收入853.01万元。']);
    expect(s.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['提示 A-尾差']);
  });
});

// ----------------------------------------------------------------------------------------------- output
describe('output a reviewer can work through', () => {
  const SEED2 = path.join(__dirname, 'fixtures', 'seeds', '002_256816beafe99349.txt');
  const run = async (json: boolean) => {
    // Required lazily: the CLI module pulls in the workbook loader.
    const { auditCommand } = await import('../src/cli/commands/audit');
    let text = '';
    const code = await auditCommand(path.join(XLSX, 'taojiadu2020-sichuan.xlsx'), { text: SEED2, json }, (s) => (text += s));
    return { code, text };
  };

  it('--json: counts of 错误 / 警告 / 提示 / 未核对 first, findings in the order of the text with sentence, cells and wording', async () => {
    const { code, text } = await run(true);
    expect(code).toBe(1);
    const j = JSON.parse(text);
    expect(Object.keys(j)[0]).toBe('totals');
    expect(Object.keys(j.totals)).toEqual(['错误', '警告', '提示', '未核对']);
    expect(j.totals.错误).toBe(j.findings.filter((f: NarrativeFinding) => f.severity === '错误').length);
    expect(j.totals.未核对).toBe(j.unplaced.length);
    const at = j.findings.map((f: NarrativeFinding) => f.at);
    expect(at).toEqual([...at].sort((a: number, b: number) => a - b));
    const f = j.findings.find((x: NarrativeFinding) => x.rule === 'A-总计为合计');
    expect(f.sentence).toContain('收入总计746.99万元');
    expect(f.suggestion).toBe('839.87万元');
    expect(f.cells).toContain('公开01表!C36');
  });

  it('text: the counts line at the top, each finding with its sentence and suggested wording', async () => {
    const { text } = await run(false);
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^错误 \d+ 处、警告 \d+ 处、提示 \d+ 处；未核对 \d+ 个数字$/);
    expect(text).toContain('建议写作：“839.87万元”');
    expect(text).toContain('原句：');
    // The first finding is the first mistake of the text (第35行), not the first 错误 of a severity sort.
    expect(lines.find((l) => l.startsWith('['))).toMatch(/第35行/);
  });
});
