/**
 * 说明核对 (src/audit): the two real published 说明 (seeds 001 and 002) against workbooks built from their
 * fixture specs, every real mistake of DOMAIN.md §8 they contain found with its cells and suggested
 * reading, correct sentences passing; then one small test per claim pattern.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { snapshotFromExcelJs, snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { Supplement, emptySupplement, supplementFromValues } from '../src/supplement/sheet';
import { AuditResult, NarrativeFinding, auditNarrative, paragraphsFromSheet, readNarrativeFile, summarise } from '../src/audit';
import { findTokens } from '../src/audit/tokens';
import { parsePath, resolvePath } from '../src/audit/paths';
import { matchHeading } from '../src/audit/sections';
import { buildInto } from './fixtures/builder/index';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { linesToParagraphs } from '../src/audit/text';
import { AccountsSpec, taojiadu2020, yuquan2021 } from './fixtures/specs';

jest.setTimeout(60000);

// Copies of ../shared/seeds, so the tests do not depend on where the repository is cloned.
const SEEDS = path.join(__dirname, 'fixtures', 'seeds');
const SEED_001 = path.join(SEEDS, '001_77e66ac85627d199.txt');
const SEED_002 = path.join(SEEDS, '002_256816beafe99349.txt');
const XLSX = path.join(__dirname, 'fixtures', 'xlsx');

interface Book {
  accounts: Accounts;
  /** Fixture cells map: key → "公开05表!C38". */
  cells: Record<string, string>;
}

const books = new Map<string, Book>();

/** The seed's workbook: the committed .xlsx when present, else built in memory from the spec. */
async function book(spec: AccountsSpec): Promise<Book> {
  const hit = books.get(spec.id);
  if (hit) return hit;
  const file = path.join(XLSX, `${spec.id}-sichuan.xlsx`);
  const cellsFile = path.join(XLSX, `${spec.id}-sichuan.cells.json`);
  let b: Book;
  if (fs.existsSync(file) && fs.existsSync(cellsFile)) {
    const snap = await snapshotFromXlsx(fs.readFileSync(file), path.basename(file));
    b = { accounts: readAccounts(snap), cells: JSON.parse(fs.readFileSync(cellsFile, 'utf8')) };
  } else {
    const built = buildInto(spec, 'sichuan');
    b = { accounts: readAccounts(snapshotFromExcelJs(built.workbook, spec.id)), cells: built.cells };
  }
  books.set(spec.id, b);
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

async function seed(file: string): Promise<{ paragraphs: { text: string; where: string }[] }> {
  return readNarrativeFile(fs.readFileSync(file), path.basename(file));
}

function at(r: AuditResult, where: string): NarrativeFinding[] {
  return r.findings.filter((f) => f.where === where);
}

function one(r: AuditResult, rule: string, quotePart: string): NarrativeFinding {
  const hits = r.findings.filter((f) => f.rule === rule && f.quote.includes(quotePart));
  if (hits.length !== 1) throw new Error(`expected one ${rule} finding on “${quotePart}”, got ${hits.length}:\n${r.findings.map((f) => `${f.rule} ${f.quote}`).join('\n')}`);
  return hits[0];
}

// ----------------------------------------------------------------------------------------------- seed 001
describe('seed 001 (玉泉街道 2021) against its workbook', () => {
  let r: AuditResult;
  let cells: Record<string, string>;
  beforeAll(async () => {
    const b = await book(yuquan2021);
    cells = b.cells;
    r = auditNarrative(await seed(SEED_001), b.accounts, emptySupplement());
  });

  it('reads the year and the ten sections of the 情况说明 (numbering "1、", "四、", "9、", "（一）")', () => {
    expect(r.year).toBe(2021);
    const kinds = r.sections.map((s) => s.kind);
    for (const k of ['overview', 'income', 'expenditure', 'fiscal', 'general', 'basic', 'threePublic', 'govFund', 'stateCapital', 'other', 'running', 'procurement', 'assets', 'performance']) {
      expect(kinds).toContain(k);
    }
    // 部门概况 and the 附件 are not audited: their figures are counted, not checked.
    expect(r.counts.outOfScope).toBeGreaterThan(50);
    expect(r.claims.every((c) => !/工业总产值|党史/.test(c.quote))).toBe(true);
  });

  it('passes the correct income sentence: 本年收入合计853.00万元，其中：一般公共预算财政拨款收入843.28万元，占98.86%', () => {
    expect(at(r, '第32行')).toEqual([]);
    const line = r.claims.filter((c) => c.where === '第32行');
    expect(line.length).toBe(17); // 1 total + 8 lines + 8 shares
    expect(line.every((c) => c.status === 'ok')).toBe(true);
    const share = line.find((c) => c.written === '98.86%')!;
    expect(share.subject).toBe('income.generalBudget.share');
  });

  it('finds no wrong amount: every amount of the text agrees with the tables', () => {
    expect(r.findings.filter((f) => f.rule === 'A-金额不符' || f.rule === 'A-总计为合计')).toEqual([]);
    // The 21 项 of 五（三） are each placed on their 项 and agree.
    const items = r.claims.filter((c) => c.kind === 'amount' && c.subject?.startsWith('general.item.'));
    expect(items.length).toBe(21);
    expect(items.filter((c) => c.status === 'ok' || c.status === 'mismatch').length).toBe(21);
  });

  it('item 21: the previous year’s label "2020年支出决算数" in a 2021 说明', () => {
    const f = one(r, 'A-年度标签', '2020年支出决算数为27.69万元');
    expect(f.where).toBe('第87行');
    expect(f.severity).toBe('警告');
    expect(f.message).toContain('应写作“2021年支出决算数为27.69万元”');
    expect(f.expected).toBe('2021年');
  });

  it('四: 财政拨款 changes whose rates were divided by this year instead of last year', () => {
    const down = one(r, 'A-变动率分母', '下降6.30%');
    expect(down.where).toBe('第42行');
    expect(down.expected).toBe('下降5.92%');
    expect(down.message).toContain('53.71 ÷ 906.71 = 5.92%');
    const up = one(r, 'A-变动率分母', '增长1.83%');
    expect(up.expected).toBe('增长1.86%');
    // The other change statements of the text are consistent with their amounts.
    expect(r.findings.filter((f) => f.rule === 'A-变动率分母' || f.rule === 'A-变动率不符').length).toBe(2);
  });

  it('五（二）: a share forced to make 100% (城乡社区支出 118.33 ÷ 843.28 is 14.03%, not 14.04%)', () => {
    const f = one(r, 'A-占比不符', '城乡社区支出118.33万元，占14.04%');
    expect(f.expected).toBe('14.03%');
    expect(f.cells).toEqual(expect.arrayContaining([cells['T5.row.212.total'], cells['T5.total.total']]));
    expect(f.message).toContain('不必凑成100%');
  });

  it('七: "0元" where 万元 is meant, and 完成预算0% where there was no budget', () => {
    const unit = one(r, 'A-单位', '因公出国（境）费支出决算0元');
    expect(unit.severity).toBe('提示');
    expect(unit.expected).toBe('0万元');
    const noBudget = r.findings.filter((f) => f.rule === 'A-无预算');
    expect(noBudget.map((f) => f.where)).toEqual(['第100行', '第104行']);
    expect(noBudget[0].cells).toEqual([cells['T7.budget.abroad']]);
  });

  it('names in the 科目 path that are not the catalogue’s ("一般行政运行（02）")', () => {
    const f = one(r, 'A-科目名称', '一般行政运行');
    expect(f.expected).toBe('一般行政管理事务');
    expect(f.cells).toEqual([cells['T5.row.2010302.total']]);
  });

  it('lists every figure it could not place, with the reason, and counts them', () => {
    expect(r.counts.figures).toBe(r.claims.length);
    expect(r.counts.checked + r.counts.unplaced).toBe(r.counts.figures);
    expect(r.unplaced.length).toBe(r.counts.unplaced);
    expect(r.unplaced.every((c) => !!c.reason)).toBe(true);
    // Without 补充信息 the per-项 完成预算100% cannot be checked: 未核对, never passed.
    const completion = r.claims.find((c) => c.where === '第67行' && c.kind === 'completion')!;
    expect(completion.status).toBe('unplaced');
    expect(completion.reason).toContain('2010301 行政运行 年初预算');
    expect(summarise(r)).toMatch(/未核对 \d+ 个/);
  });
});

// ----------------------------------------------------------------------------------------------- seed 002
describe('seed 002 (陶家渡街道 2020) against its workbook', () => {
  let r: AuditResult;
  let cells: Record<string, string>;
  beforeAll(async () => {
    const b = await book(taojiadu2020);
    cells = b.cells;
    r = auditNarrative(await seed(SEED_002), b.accounts, emptySupplement());
  });

  it('一: 本年收入合计 given as 收入总计 (年初结转 forgotten), and 收入总计 ≠ 支出总计 side by side', () => {
    const inc = one(r, 'A-总计为合计', '收入总计746.99万元');
    expect(inc.where).toBe('第35行');
    expect(inc.expected).toBe('839.87万元');
    expect(inc.cells).toEqual(expect.arrayContaining([cells['T1.incomeGrandTotal'], cells['T1.incomeTotal']]));
    const exp = one(r, 'A-总计为合计', '支出总计839.19万元');
    expect(exp.expected).toBe('839.87万元');
    expect(exp.cells).toEqual(expect.arrayContaining([cells['T1.expGrandTotal'], cells['T1.expTotal']]));
    const pair = one(r, 'A-收支总计不等', '收入总计746.99万元、支出总计839.19万元');
    expect(pair.severity).toBe('错误');
    expect(pair.cells).toEqual(expect.arrayContaining([cells['T1.incomeGrandTotal'], cells['T1.expGrandTotal']]));
  });

  it('二: 其他收入0.68万元，占0.1% — 0.68 ÷ 746.99 is 0.09%', () => {
    const f = one(r, 'A-占比精度', '其他收入0.68万元，占0.1%');
    expect(f.severity).toBe('警告');
    expect(f.expected).toBe('0.09%');
    expect(f.message).toContain('写作“占0.09%”');
    expect(f.cells).toEqual(expect.arrayContaining([cells['T1.income.other'], cells['T1.incomeTotal']]));
  });

  it('四: 财政拨款收入总计 and 支出总计 that are other figures of the tables', () => {
    const inc = one(r, 'A-金额不符', '财政拨款收入总计734.34万元');
    expect(inc.expected).toBe('839.19万元');
    expect(inc.cells).toContain(cells['T4.incomeGrandTotal']);
    expect(inc.message).toContain('一般公共预算财政拨款收入');
    one(r, 'A-收支总计不等', '财政拨款收入总计734.34万元、财政拨款支出总计814.37万元');
  });

  it('五: 城乡社区支出29.21万元 in the structure paragraph vs its 项 20.3 + 5 in the detail paragraphs', () => {
    const f = one(r, 'A-类项不符', '城乡社区支出29.21万元');
    expect(f.where).toBe('第51行');
    expect(f.expected).toBe('25.30万元');
    expect(f.message).toContain('第81行 20.30 + 第82行 5.00');
    expect(f.cells).toEqual(expect.arrayContaining([cells['T5.row.212.total'], cells['T5.row.2120199.total'], cells['T5.row.2129999.total']]));
    const farm = one(r, 'A-类项不符', '农林水支出4.3万元');
    expect(farm.expected).toBe('3.76万元');
    // Its share is recomputed on the table's amount.
    expect(one(r, 'A-占比不符', '城乡社区支出29.21万元，占3.58%').expected).toBe('3.11%');
  });

  it('十: 政府采购服务支出109万元 larger than the 采购 total 44.93万元', () => {
    const f = one(r, 'A-前后矛盾', '政府采购服务支出109万元');
    expect(f.where).toBe('第117行');
    expect(f.message).toContain('153.93万元');
  });

  it('an amount written without its unit: "决算数为814.37，完成预算100%"', () => {
    const f = one(r, 'A-单位', '814.37');
    expect(f.expected).toBe('814.37万元');
    expect(f.where).toBe('第54行');
  });

  it('passes correct sentences', () => {
    // 2020年一般公共预算财政拨款支出814.37万元，占本年支出合计的97.04%。
    expect(at(r, '第48行')).toEqual([]);
    // The 20 项 of 五（三）, each on its 项 (names like "财务事务", "住房改革指出" resolved).
    const items = r.claims.filter((c) => c.kind === 'amount' && c.subject?.startsWith('general.item.'));
    expect(items.length).toBe(20);
    expect(items.every((c) => c.status === 'ok')).toBe(true);
    // "三公" 完成预算42% = 1.05 ÷ 2.50.
    const tp = r.claims.find((c) => c.where === '第95行' && c.kind === 'completion')!;
    expect(tp.status).toBe('ok');
    expect(at(r, '第95行')).toEqual([]);
  });

  it('checks what it can of the 补充信息 figures against the text itself, and says so', () => {
    const rate = r.claims.find((c) => c.where === '第114行' && c.kind === 'changeRate')!;
    expect(rate.status).toBe('text');
    expect(rate.reason).toContain('补充信息中没有上年数');
    expect(r.counts.textOnly).toBeGreaterThan(0);
    expect(r.counts.checked + r.counts.unplaced).toBe(r.counts.figures);
  });
});

// ----------------------------------------------------------------------------------------------- 补充信息
describe('with 补充信息 (last year, budgets, counts)', () => {
  it('checks changes against last year and keeps the rate on last year’s base', async () => {
    const b = await book(yuquan2021);
    const sup = supplement({ 'last.incomeGrandTotal': '907.20', 'last.expenditureGrandTotal': '837.73', 'last.fiscalGrandTotal': '906.71', 'last.fiscalIncome': '906.71' });
    const r = auditNarrative(
      text([
        '一、收入支出决算总体情况说明',
        '2021年本年度收入为853.00万元、支出为853.00万元。与2020年相比，收入比去年减少了54.20万元，下降5.97%，支出增加了15.27万元，增长1.82%。',
        '四、财政拨款收入支出决算总体情况说明',
        '2021年财政拨款收入853.00万元。与2020年相比，财政拨款收入比去年减少了53.71万元，下降6.30%。',
      ]),
      b.accounts,
      sup,
    );
    expect(r.findings.filter((f) => f.where === '第2行')).toEqual([]);
    const changes = r.claims.filter((c) => c.where === '第2行' && (c.kind === 'change' || c.kind === 'changeRate'));
    expect(changes.every((c) => c.status === 'ok' && c.basis === 'supplement')).toBe(true);
    const f = one(r, 'A-变动率分母', '下降6.30%');
    expect(f.expected).toBe('下降5.92%');
    expect(f.cells.some((c) => c.startsWith('补充信息!'))).toBe(true);
  });

  it('flags a wrong direction, a wrong change amount and a reason pointing the other way', async () => {
    const b = await book(yuquan2021);
    const sup = supplement({ 'last.incomeGrandTotal': '907.20', 'last.runningCost': '37.07', 'running.amount': '30.34' });
    const r = auditNarrative(
      text([
        '一、收入支出决算总体情况说明',
        '2021年收入总计853.00万元。与2020年相比，收入总计增加54.20万元，增长5.97%。',
        '十、其他重要事项的情况说明',
        '（一）机关运行经费支出情况',
        '2021年机关运行经费支出30.34万元，比2020年减少6.70万元，下降18.15%，主要原因是办公费用增加。',
      ]),
      b.accounts,
      sup,
    );
    expect(one(r, 'A-变动方向', '增加54.20万元').expected).toBe('减少54.20万元');
    expect(one(r, 'A-变动方向', '增长5.97%').expected).toBe('下降5.97%');
    expect(one(r, 'A-变动不符', '减少6.70万元').expected).toBe('6.73万元');
    expect(one(r, 'A-原因方向', '主要原因是办公费用增加').severity).toBe('警告');
  });

  it('checks 完成预算 against budgets; a completion that is really the item’s share is named as such', async () => {
    const b = await book(yuquan2021);
    const sup = supplement({ 'itemBudget.2010301': '118.97', 'itemBudget.2010350': '150.00' });
    const r = auditNarrative(
      text([
        '（三）一般公共预算财政拨款支出决算具体情况',
        '1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）行政运行（01）:2021年支出决算数为118.97万元，完成预算14.11%；',
        '2.一般公共服务（201）政府办公厅（室）及相关机构事务（03）事业运行（50）:2021年支出决算数为129.38万元，完成预算86.25%；',
        '3.一般公共服务（201）政府办公厅（室）及相关机构事务（03）一般行政管理事务（02）:2021年支出决算数为85.22万元，完成预算10.11%；',
      ]),
      b.accounts,
      sup,
    );
    const f = one(r, 'A-完成率为占比', '完成预算14.11%');
    expect(f.severity).toBe('错误');
    expect(f.expected).toBe('100%');
    expect(f.cells).toEqual(expect.arrayContaining(['补充信息!C4']));
    expect(r.findings.filter((x) => x.where === '第3行')).toEqual([]); // 129.38 ÷ 150 = 86.25%
    // No budget for 2010302: 10.11% is its share of 843.28 — suspicious, said as a warning.
    const w = one(r, 'A-完成率为占比', '完成预算10.11%');
    expect(w.severity).toBe('警告');
  });

  it('compares counts with 补充信息', async () => {
    const b = await book(yuquan2021);
    const sup = supplement({ 'trips.groups': 0, 'trips.people': 0, 'vehicles.fleet': 3, 'reception.domestic.batches': 2, 'reception.domestic.people': 15 });
    const r = auditNarrative(
      text([
        '（二）“三公”经费财政拨款支出决算具体情况说明',
        '1.因公出国（境）经费支出0万元。全年安排因公出国（境）团组0次，出国（境）0人。',
        '截至2021年12月底，单位共有公务用车2辆。',
        '国内公务接待2批次，12人次（不包括陪同人员），共计支出0万元。',
      ]),
      b.accounts,
      sup,
    );
    expect(r.findings.filter((f) => f.where === '第2行')).toEqual([]);
    expect(one(r, 'A-数量不符', '共有公务用车2辆').expected).toBe('3辆');
    expect(one(r, 'A-数量不符', '12人次').expected).toBe('15人次');
    expect(r.claims.find((c) => c.written === '2批次')!.status).toBe('ok');
  });
});

// ----------------------------------------------------------------------------------------------- round trip
describe('the narrative the project generates passes its own audit', () => {
  const RICH: Record<string, string | number> = {
    'last.incomeGrandTotal': '700.00', 'last.expenditureGrandTotal': '700.00', 'last.incomeTotal': '690.00', 'last.expenditureTotal': '680.00',
    'last.fiscalIncome': '650.00', 'last.fiscalExpenditure': '640.00', 'last.fiscalGrandTotal': '660.00', 'last.generalExpenditure': '600.00',
    'last.threePublic': '2.50', 'last.abroad': '0', 'last.vehicle': '2.50', 'last.vehiclePurchase': '0', 'last.vehicleRunning': '2.50', 'last.reception': '0',
    'last.runningCost': '30.00', 'running.amount': '25.37', 'budget.general': '800.00',
    'trips.groups': 0, 'trips.people': 0, 'reception.domestic.batches': 0, 'reception.domestic.people': 0, 'reception.foreign.batches': 0, 'reception.foreign.people': 0,
    'vehicles.purchased': 0, 'vehicles.purchased.sedan': 0, 'vehicles.purchased.sedanAmount': '0', 'vehicles.purchased.suv': 0, 'vehicles.purchased.suvAmount': '0',
    'vehicles.purchased.bus': 0, 'vehicles.purchased.busAmount': '0', 'vehicles.fleet': 1, 'vehicles.total': 2, 'vehicles.leader': 0, 'vehicles.confidential': 0,
    'vehicles.emergency': 0, 'vehicles.enforcement': 0, 'vehicles.special': 0, 'vehicles.retiree': 0, 'vehicles.other': 2,
    'procurement.total': '44.93', 'procurement.goods': '44.93', 'procurement.works': '0', 'procurement.services': '0', 'procurement.sme': '20.00', 'procurement.small': '10.00',
    'assets.generalEquipment': 0, 'assets.specialEquipment': 0, 'performance.preAssessed': 14, 'performance.targets': 14, 'performance.monitored': 14, 'performance.selfAssessed': 14,
    'itemBudget.2010301': '140.00', 'itemBudget.2010302': '59.45',
  };
  for (const spec of [yuquan2021, taojiadu2020]) {
    for (const form of ['sichuan', 'shanghai'] as const) {
      for (const rich of [false, true]) {
        it(`${spec.id}, ${form} form, ${rich ? 'with' : 'without'} 补充信息: every figure placed and right`, async () => {
          const b = await book(spec);
          const sup = rich ? supplement(RICH) : emptySupplement();
          const txt = narrativeText(buildNarrative(b.accounts, sup, { form }));
          const r = auditNarrative({ paragraphs: linesToParagraphs(txt) }, b.accounts, sup);
          expect(r.findings.map((f) => `${f.rule} ${f.where} ${f.quote}`)).toEqual([]);
          expect(r.unplaced.map((c) => `${c.where} ${c.quote}`)).toEqual([]);
          expect(r.counts.figures).toBeGreaterThan(70);
          expect(r.counts.textOnly).toBe(0);
        });
      }
    }
  }
});

// ----------------------------------------------------------------------------------------------- patterns
describe('claim patterns', () => {
  let y: Accounts;
  let t: Accounts;
  beforeAll(async () => {
    y = (await book(yuquan2021)).accounts;
    t = (await book(taojiadu2020)).accounts;
  });
  const audit = (acc: () => Accounts, lines: string[], sup = emptySupplement()) => auditNarrative(text(lines), acc(), sup);

  it('amount with its subject: right, wrong, 元 for 万元, missing decimals', () => {
    const r = audit(() => y, [
      '二、收入决算情况说明',
      '2021年本年收入合计853.00万元。',
      '2021年本年收入合计835.00万元。',
      '2021年本年收入合计853.00元。',
      '其中：政府性基金预算财政拨款收入9.7万元。',
    ]);
    expect(at(r, '第2行')).toEqual([]);
    const wrong = one(r, 'A-金额不符', '835.00');
    expect(wrong.expected).toBe('853.00万元');
    expect(wrong.actual).toBe('835.00万元');
    expect(one(r, 'A-单位', '853.00元').severity).toBe('错误');
    // 9.7 is not 9.72 even at one decimal (9.72 → 9.7 would be a precision hint; here it rounds to 9.7).
    expect(one(r, 'A-精度', '9.7万元').expected).toBe('9.72万元');
  });

  it('share on the section’s denominator; a share on the wrong denominator is named', () => {
    const r = audit(() => t, [
      '二、收入决算情况说明',
      '2020年本年收入合计746.99万元，其中：一般公共预算财政拨款收入734.34万元，占87.44%；政府性基金预算财政拨款收入11.98万元，占1.60%。',
    ]);
    // 734.34 ÷ 839.87 (收入总计) = 87.44%: computed on 收入总计 instead of 本年收入合计.
    const f = one(r, 'A-占比分母', '占87.44%');
    expect(f.expected).toBe('98.31%');
    expect(f.message).toContain('收入总计');
    expect(r.claims.find((c) => c.written === '1.60%')!.status).toBe('ok');
  });

  it('explicit denominator: "占本年支出合计的97.04%"', () => {
    const r = audit(() => t, ['（一）一般公共预算财政拨款支出决算总体情况', '2020年一般公共预算财政拨款支出814.37万元，占本年支出合计的97.05%。']);
    expect(one(r, 'A-占比不符', '占本年支出合计的97.05%').expected).toBe('97.04%');
  });

  it('a "三公" item’s 占X% that is its completion rate', () => {
    const r = audit(() => t, [
      '（二）“三公”经费财政拨款支出决算具体情况说明',
      '2020年“三公”经费财政拨款支出决算中，公务用车购置及运行维护费支出决算1.05万元，占42%。',
    ]);
    const f = one(r, 'A-占比为完成率', '占42%');
    expect(f.expected).toBe('100%');
  });

  it('change against the text’s own figures when 补充信息 has no last year', () => {
    const r = audit(() => y, ['五、一般公共预算财政拨款支出决算情况说明', '2021年一般公共预算财政拨款支出843.28万元。与2020年相比，增加53.69万元，增长6.37%。']);
    const f = one(r, 'A-变动率分母', '增长6.37%');
    expect(f.expected).toBe('增长6.80%');
  });

  it('direction words that contradict each other', () => {
    const r = audit(() => y, ['一、收入支出决算总体情况说明', '2021年收入总计853.00万元。与2020年相比，收入总计增加54.20万元，下降5.97%。']);
    expect(one(r, 'A-变动方向', '增加54.20万元').severity).toBe('错误');
  });

  it('完成预算 of the "三公" total against table 7', () => {
    const r = audit(() => t, ['（一）“三公”经费财政拨款支出决算总体情况说明', '2020年“三公”经费财政拨款支出决算为1.05万元，完成预算45%，大于预算数的原因是车辆维修。']);
    expect(one(r, 'A-完成率不符', '完成预算45%').expected).toBe('42%');
    expect(one(r, 'A-预算差异方向', '大于预算数').severity).toBe('警告');
  });

  it('类/款/项 named by codes or by level markers, resolved to the 项 of table 5', () => {
    const year = 2021;
    const p1 = parsePath('1.一般公共服务（201）政府办公厅（室）及相关机构事务（03）行政运行（01）:2021年支出决算数为118.97万元');
    expect(p1!.segments.map((s) => s.code)).toEqual(['201', '03', '01']);
    expect(resolvePath(p1!.segments, p1!.end, y, year).code).toBe('2010301');
    const p2 = parsePath('20.住房保障支出(类)住房改革指出(款)住房公积金(项):支出决算为31.32万元');
    const r2 = resolvePath(p2!.segments, p2!.end, t, 2020);
    expect(r2.code).toBe('2210201');
    expect(r2.nameIssues.map((i) => i.official)).toEqual(['住房改革支出']);
    expect(parsePath('一般公共服务(类)支出642.25万元')!.segments.length).toBe(1);
  });

  it('year labels: a previous year’s label, and a comparison with the wrong year', () => {
    const r = audit(() => y, [
      '五、一般公共预算财政拨款支出决算情况说明',
      '2020年一般公共预算财政拨款支出843.28万元。与2019年相比，增加53.69万元，增长6.80%。',
    ]);
    expect(one(r, 'A-年度标签', '2020年一般公共预算财政拨款支出843.28万元').expected).toBe('2021年');
    expect(one(r, 'A-年度标签', '2019').expected).toBe('2020年');
  });

  it('"其中" lists: parts larger than the total, parts that do not add up', () => {
    const r = audit(() => y, [
      '（二）政府采购支出情况',
      '2021年，政府采购支出总额35.95万元，其中：政府采购货物支出30.95万元、政府采购工程支出0万元、政府采购服务支出0万元。',
      '授予中小企业合同金额21.06万元，占政府采购支出总额的58.58%，其中：授予小微企业合同金额25.06万元。',
    ]);
    expect(one(r, 'A-其中之和', '政府采购支出总额35.95万元').expected).toBe('30.95万元');
    expect(one(r, 'A-前后矛盾', '授予小微企业合同金额25.06万元').severity).toBe('错误');
    // The share is checked against the text's own total (no 补充信息): consistent.
    expect(r.claims.find((c) => c.written === '58.58%')!.status).toBe('text');
  });

  it('"持平" against last year', async () => {
    const sup = supplement({ 'last.abroad': '1.20' });
    const r = audit(() => y, ['（二）“三公”经费财政拨款支出决算具体情况说明', '1.因公出国（境）经费支出0万元。因公出国（境）支出决算与2020年持平。'], sup);
    expect(one(r, 'A-变动方向', '持平').expected).toBe('减少1.20万元');
  });

  it('a figure that cannot be placed is 未核对 with its reason, never passed', () => {
    const r = audit(() => y, ['二、收入决算情况说明', '2021年本年收入合计853.00万元，满意度达95%，另有其他款项12.00万元。']);
    const un = r.unplaced.map((c) => c.written);
    expect(un).toEqual(['95%', '12.00万元']);
    expect(r.unplaced.every((c) => c.reason && c.reason.length > 5)).toBe(true);
    expect(r.counts.unplaced).toBe(2);
  });

  it('tokens: ordinals, codes, dates, captions and thresholds are not figures', () => {
    const kinds = (s: string) => findTokens(s).map((t) => `${t.kind}:${t.numText}${t.unit}`);
    expect(kinds('1.一般公共服务(201)行政运行(01):2021年支出决算数为2.40万元')).toEqual(['year:2021年', 'money:2.40万元']);
    expect(kinds('截至2021年12月31日，单价50万元以上通用设备0台(套)')).toEqual(['year:2021年', 'count:0台(套)']);
    expect(kinds('(图1:收、支决算总计变动情况图)第3部分')).toEqual([]);
    expect(kinds('投入资金10余万元，占98.3%')).toEqual(['money:10万元', 'percent:98.3%']);
    expect(findTokens('投入资金10余万元')[0].approx).toBe(true);
  });

  it('headings in their numbering variants, and captions that are not headings', () => {
    expect(matchHeading('9、 [bookmark: _Toc5711]国有资本经营预算支出决算情况说明'.replace(/\[bookmark:[^\]]*\]/g, ''))?.kind).toBe('stateCapital');
    expect(matchHeading('收入支出决算总体情况说明')?.kind).toBe('overview');
    expect(matchHeading('四、财政拨款收入支出决算总体情况说明')?.kind).toBe('fiscal');
    expect(matchHeading('（三）一般公共预算财政拨款支出决算具体情况')).toEqual(expect.objectContaining({ kind: 'general', sub: 'detail' }));
    expect(matchHeading('第二部分 2021年度部门决算情况说明')?.part).toBe('narrative');
    expect(matchHeading('（图5：一般公共预算财政拨款支出决算变动情况）')).toBeUndefined();
  });
});

// ----------------------------------------------------------------------------------------------- inputs
describe('inputs', () => {
  it('reads a .docx: paragraphs from w:p / w:t, runs joined, bookmarks and deleted text dropped', async () => {
    const zip = new JSZip();
    const p = (runs: string) => `<w:p><w:pPr/>${runs}</w:p>`;
    const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>` +
        p(`<w:bookmarkStart w:id="1" w:name="_Toc1"/>${run('二、收入决算情况说明')}<w:bookmarkEnd w:id="1"/>`) +
        p(`${run('2021年本年收入合计')}${run('835.00')}<w:del><w:r><w:delText>853.00</w:delText></w:r></w:del>${run('万元&amp;。')}`) +
        `<w:p/></w:body></w:document>`,
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const input = await readNarrativeFile(bytes, '说明.docx');
    expect(input.paragraphs).toEqual([
      { text: '二、收入决算情况说明', where: '第1段' },
      { text: '2021年本年收入合计835.00万元&。', where: '第2段' },
    ]);
    const b = await book(yuquan2021);
    const r = auditNarrative(input, b.accounts, emptySupplement());
    expect(one(r, 'A-金额不符', '835.00').where).toBe('第2段');
  });

  it('reads a .txt in GB18030 as well as UTF-8', async () => {
    const utf8 = await readNarrativeFile(Buffer.from('二、收入决算情况说明\r\n\r\n本年收入合计853.00万元。', 'utf8'), 'a.txt');
    expect(utf8.paragraphs.map((x) => x.where)).toEqual(['第1行', '第3行']);
    // "收入" in GB18030.
    const gb = await readNarrativeFile(new Uint8Array([0xca, 0xd5, 0xc8, 0xeb]), 'b.txt');
    expect(gb.paragraphs[0].text).toBe('收入');
  });

  it('reads a sheet of the workbook, one or many paragraphs per cell, keeping the cell of each', async () => {
    const b = await book(yuquan2021);
    const snapshot = {
      source: 'x.xlsx',
      sheets: [
        {
          name: '说明',
          hidden: false,
          merges: [],
          hiddenRows: [],
          hiddenCols: [],
          cells: [[{ v: '二、收入决算情况说明' }], [], [{ v: '2021年本年收入合计853.00万元。\n其中：其他收入1.00万元。' }]],
        },
      ],
    };
    const input = paragraphsFromSheet(snapshot);
    expect(input.paragraphs.map((x) => x.where)).toEqual(['说明!A1', '说明!A3', '说明!A3']);
    const r = auditNarrative(input, b.accounts, emptySupplement());
    expect(one(r, 'A-金额不符', '其他收入1.00万元').where).toBe('说明!A3');
  });
});
