/**
 * The 说明 once 补充信息 is filled from last year's workbook: every change is this year minus last year (exact
 * sentences on 玉泉街道 2021 against its derived 2020 book), per-项 changes and "上年无此项", and the text
 * passes the project's own audit.
 */
import { yuquan2021 } from './fixtures/specs';
import { buildInto } from './fixtures/builder';
import { workbookBytes } from './fixtures/builder/fixtures';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { importPrior, withFilled } from '../src/supplement/prior';
import { emptySupplement, Supplement, supplementFromValues } from '../src/supplement/sheet';
import { buildNarrative, narrativeText, paragraphText, findParagraph, BuiltNarrative, computeFacts, reasonsOwed, narrativeWarnings } from '../src/narrative';
import { auditNarrative } from '../src/audit';
import { linesToParagraphs } from '../src/audit/text';
import { yuquan2020 } from './fixtures/specs/priorYear';

let now: Accounts;
let lastAccounts: Accounts;
let sup: Supplement;
let n: BuiltNarrative;
const text = (key: string) => paragraphText(findParagraph(n, key)!);

beforeAll(async () => {
  const read = async (spec: typeof yuquan2021) => readAccounts(await snapshotFromXlsx(await workbookBytes(buildInto(spec, 'sichuan').workbook), `${spec.id}.xlsx`));
  now = await read(yuquan2021);
  const last = await read(yuquan2020);
  lastAccounts = last;
  const r = importPrior({ accounts: last, file: '玉泉2020.xlsx' }, now);
  sup = withFilled(emptySupplement(), r.values);
  n = buildNarrative(now, sup);
});

describe('四川 form with last year imported', () => {
  it('一: 收、支总计 equal both years: one combined clause', () => {
    // 853.00 − 766.22 = 86.78; 86.78 ÷ 766.22 = 11.33%
    expect(text('total')).toBe(
      '2021年度收入总计853.00万元、支出总计853.00万元。与2020年相比，收、支总计各增加86.78万元，增长11.33%。主要变动原因是【请填写：收入支出总计变动的主要原因】。',
    );
  });

  it('四: 财政拨款收、支总计 and its change (no placeholder for the 本年 lines)', () => {
    expect(text('fiscal')).toBe(
      '2021年财政拨款收入853.00万元、支出853.00万元。与2020年相比，财政拨款收、支总计各增加86.78万元，增长11.33%。主要变动原因是【请填写：财政拨款收入支出变动的主要原因】。',
    );
  });

  it('五: the total’s change, each 项’s change, and a 项 new this year', () => {
    // 843.28 − 757.47 = 85.81; 85.81 ÷ 757.47 = 11.33%
    expect(text('general.total')).toContain('与2020年相比，一般公共预算财政拨款支出增加85.81万元，增长11.33%。');
    // 118.97 − 107.07 = 11.90; 11.90 ÷ 107.07 = 11.11%
    expect(text('general.item.2010301')).toBe(
      '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：2021年支出决算数为118.97万元，完成预算【请填写：完成预算的百分比（或在补充信息中填写“2010301 行政运行 年初预算”）】%。与2020年相比，增加11.90万元，增长11.11%。',
    );
    expect(text('general.item.2130299')).toMatch(/：2021年支出决算数为5\.00万元，完成预算.*%。上年无此项。$/);
  });

  it('七: the "三公" total’s change (2.50 + 0.80 → 5.00) and the items’', () => {
    expect(text('threePublic.total')).toBe(
      '2021年“三公”经费财政拨款支出决算为5.00万元，完成预算100%。“三公”经费财政拨款支出决算比2020年增加1.70万元，增长51.52%。主要原因是【请填写：“三公”经费增加的主要原因】。',
    );
    expect(text('threePublic.reception')).toContain('公务接待费支出决算比2020年减少0.80万元，下降100%。');
  });

  it('八: share of 本年支出合计 and the change (9.72 against 8.75)', () => {
    expect(text('fund')).toBe(
      '2021年政府性基金预算财政拨款收入9.72万元，支出9.72万元，占本年支出合计的1.14%。与2020年相比，政府性基金预算财政拨款支出增加0.97万元，增长11.09%。主要变动原因是【请填写：政府性基金预算财政拨款支出增加的主要原因】。',
    );
  });

  it('the text passes the project’s own audit, in both forms', () => {
    for (const form of ['sichuan', 'shanghai'] as const) {
      const txt = narrativeText(buildNarrative(now, sup, { form }));
      const r = auditNarrative({ paragraphs: linesToParagraphs(txt) }, now, sup);
      expect(r.findings.map((f) => `${f.rule} ${f.where} ${f.quote}`)).toEqual([]);
    }
  });
});

describe('reasons owed', () => {
  it('every change of 10% or more, or from 0, without a reason; exact figures', () => {
    const owed = reasonsOwed(n.facts);
    expect(owed.map((o) => `${o.key} ${o.why}`)).toEqual([
      'reason.total 收入总计比上年增加86.78万元，增长11.33%',
      'reason.fiscal 财政拨款收、支总计比上年增加86.78万元，增长11.33%',
      'reason.general 一般公共预算财政拨款支出比上年增加85.81万元，增长11.33%',
      'reason.threePublicChange “三公”经费比上年增加1.70万元，增长51.52%',
      'reason.vehicle 公务用车购置及运行维护费比上年增加2.50万元，增长100%',
      'reason.vehicleRunning 公务用车运行维护费比上年增加2.50万元，增长100%',
      'reason.reception 公务接待费比上年减少0.80万元，下降100%',
      'reason.fund 政府性基金预算财政拨款支出比上年增加0.97万元，增长11.09%',
    ]);
    expect(owed[0].label).toBe('收入支出总计变动的主要原因');
  });

  it('the threshold is configurable (11.2%: the 11.09% fund change no longer owes one); a typed reason is not owed', () => {
    const keys = reasonsOwed(n.facts, { threshold: 11.2 }).map((o) => o.key);
    expect(keys).toContain('reason.general');
    expect(keys).not.toContain('reason.fund');
    const typed = withFilled(supplementFromValues({ 'reason.total': '项目资金增加' }), importPrior({ accounts: lastAccounts, file: 'x.xlsx' }, now).values);
    expect(reasonsOwed(computeFacts(now, typed)).map((o) => o.key)).not.toContain('reason.total');
  });

  it('against budget: a 项 with no budget this year, a 项 over budget by 10% or more', () => {
    const s = withFilled(supplementFromValues({ 'itemBudget.2010301': '100.00', 'itemBudget.2010302': '80.00', 'itemBudget.2010308': '0' }), []);
    const owed = reasonsOwed(computeFacts(now, s)).filter((o) => o.key.startsWith('itemReason'));
    expect(owed.map((o) => `${o.key} ${o.why}`)).toEqual([
      'itemReason.2010301 2010301 行政运行决算118.97万元，预算100.00万元，完成预算的118.97%',
      'itemReason.2010308 2010308 信访事务年初未安排预算，决算2.00万元',
    ]);
  });
});

describe('warnings the generator shows', () => {
  it('parts ≠ total, a guess from last year, a 项 of 补充信息 the tables do not have', () => {
    const s = withFilled(
      supplementFromValues({ 'procurement.total': '35.95', 'procurement.goods': '30.00', 'procurement.works': '0', 'procurement.services': '1.00', 'itemUse.2050101': '学前教育' }),
      importPrior({ accounts: lastAccounts, file: '玉泉2020.xlsx' }, now).values,
    );
    const w = narrativeWarnings(now, computeFacts(now, s));
    expect(w).toContain('补充信息中政府采购货物、工程、服务支出之和（31.00万元）不等于政府采购支出总额（35.95万元），请核对。');
    expect(w).toContain('补充信息中 1 项是从上年决算推测或沿用的内容，请核对：上年机关运行经费。');
    expect(w).toContain('补充信息中填写了 2050101 的内容（补充信息!itemUse.2050101），但表中没有该项的支出，说明中不会写到它；请核对科目编码。');
  });
});

describe('上海 form: per-项 budgets as the unit states them', () => {
  const item = (values: Record<string, string>) =>
    paragraphText(findParagraph(buildNarrative(now, withFilled(supplementFromValues(values), []), { form: 'shanghai' }), 'general.item.2010301')!);
  const lead = '1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。主要用于：【请填写：2010301 行政运行的主要用途】。';

  it('年初预算 only: 完成年初预算的X%', () => {
    expect(item({ 'itemBudget.2010301': '110.00' })).toBe(
      `${lead}年初预算为110.00万元，支出决算为118.97万元，完成年初预算的108.15%。决算数大于预算数的主要原因：【请填写：2010301 行政运行决算数大于预算数的主要原因】。`,
    );
  });

  it('年初预算 and 全年预算: both stated, completion of the 全年预算, 持平 against it', () => {
    expect(item({ 'itemBudget.2010301': '110.00', 'itemAdjustedBudget.2010301': '118.97' })).toBe(
      `${lead}年初预算为110.00万元（全年预算为118.97万元），支出决算为118.97万元，完成全年预算的100%。决算数与预算数持平。`,
    );
  });

  it('全年预算 only: never "年初预算为0万元"', () => {
    expect(item({ 'itemAdjustedBudget.2010301': '120.00' })).toBe(
      `${lead}全年预算为120.00万元，支出决算为118.97万元，完成全年预算的99.14%。决算数小于预算数的主要原因：【请填写：2010301 行政运行决算数小于预算数的主要原因】。`,
    );
  });
});
