/**
 * The 上海 form on the seed data, and the cases every form must handle: unfilled 补充信息 (placeholders that
 * read correctly once filled), 持平, a zero last year (no percentage), a zero budget, empty 表8/表9.
 */
import { AccountsSpec, taojiadu2020, yuquan2021 } from './fixtures/specs';
import { SEED_001_SUPPLEMENT, SEED_002_SUPPLEMENT, accountsFromSpec, itemBudgetsEqualToActual } from './narrativeSupport';
import { supplementFromValues } from '../src/supplement/sheet';
import { FIELD_BY_KEY, itemFieldKind } from '../src/supplement/fields';
import {
  BuiltNarrative,
  Narrative,
  allParagraphs,
  buildNarrative,
  computeFacts,
  findParagraph,
  narrativeText,
  normaliseUserText,
  paragraphText,
} from '../src/narrative';

function text(n: Narrative, key: string): string {
  const p = findParagraph(n, key);
  if (!p) throw new Error(`no paragraph ${key}`);
  return paragraphText(p);
}

describe('上海 form on seed 001', () => {
  const accounts = accountsFromSpec(yuquan2021);
  const sup = supplementFromValues({ ...SEED_001_SUPPLEMENT, ...itemBudgetsEqualToActual(accounts), 'last.fiscalGrandTotal': '906.71' });
  const n = buildNarrative(accounts, sup, { form: 'shanghai' });

  test('sections 一 … 十一 with 十 预算绩效管理 and 十一 其他重要事项', () => {
    expect(n.sections.map((s) => s.heading)).toEqual([
      '一、收入支出决算总体情况说明',
      '二、收入决算情况说明',
      '三、支出决算情况说明',
      '四、财政拨款收入支出决算总体情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '七、财政拨款“三公”经费支出决算情况说明',
      '八、政府性基金预算财政拨款收入支出决算情况说明',
      '九、国有资本经营预算财政拨款收入支出决算情况说明',
      '十、预算绩效管理情况',
      '十一、其他重要事项的情况说明',
      '名词解释',
    ]);
  });

  test('template wording, one 收入支出总计, zero lines left out (不涉及的不列)', () => {
    expect(text(n, 'total')).toBe(
      '西区玉泉街道办事处2021年度收入支出总计853.00万元。与2020年度相比，收入支出总计减少54.20万元，下降5.97%。主要原因：本年度项目收入增减变动。',
    );
    expect(text(n, 'income.structure')).toBe('本年收入合计853.00万元，其中：财政拨款收入853.00万元，占100%。');
    expect(text(n, 'expenditure.structure')).toBe('本年支出合计853.00万元，其中：基本支出623.25万元，占73.07%；项目支出229.76万元，占26.94%。');
    expect(text(n, 'fiscal')).toBe(
      '西区玉泉街道办事处2021年度财政拨款收入支出总计853.00万元。与2020年度相比，财政拨款收入支出总计减少53.71万元，下降5.92%。主要原因：项目资金增减。',
    );
    expect(text(n, 'general.structure')).toMatch(/^一般公共预算财政拨款支出843\.28万元，主要用于以下方面：一般公共服务支出（类）642\.25万元，占76\.16%；文化旅游体育与传媒支出（类）5\.74万元，占0\.68%；/);
  });

  test('五（三） states 年初预算 and 决算 per 项, with 持平 where they are equal', () => {
    expect(text(n, 'general.detail')).toBe(
      '一般公共预算财政拨款支出年初预算为843.28万元，支出决算为843.28万元，完成年初预算的100%。决算数与预算数持平。其中：',
    );
    expect(text(n, 'general.item.2010301')).toBe(
      '1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。主要用于：【请填写：2010301 行政运行的主要用途】。年初预算为118.97万元，支出决算为118.97万元，完成年初预算的100%。决算数与预算数持平。',
    );
  });

  test('七 "三公": completion per item, change per item, shares of the 三公 total', () => {
    expect(text(n, 'threePublic.total')).toBe(
      '“三公”经费财政拨款支出年初预算为5.00万元，支出决算为5.00万元，完成预算的100%，其中：因公出国（境）费决算为0万元；公务用车购置及运行维护费支出决算为5.00万元，完成预算的100%；公务接待费支出决算为0万元。2021年度“三公”经费支出决算数与预算数持平。',
    );
    expect(text(n, 'threePublic.change')).toBe(
      '2021年度“三公”经费财政拨款支出决算数比2020年度增加2.50万元，增长100%，其中：因公出国（境）费支出决算持平；公务用车购置及运行维护费支出决算增加2.50万元，增长100%；公务接待费支出决算持平。公务用车购置及运行维护费支出增加的主要原因是西区机关事务局给我办增加了一台车的编制，用于社会治理、应急等工作使用。',
    );
    expect(text(n, 'threePublic.structure')).toBe(
      '“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算5.00万元，占100%；公务接待费支出决算0万元，占0%。具体情况如下：',
    );
  });

  test('八 lists the fund’s 项 with 年初预算; 九 says the department has none', () => {
    expect(text(n, 'fund')).toBe('政府性基金预算财政拨款收入9.72万元，支出9.72万元，支出具体情况如下：');
    expect(text(n, 'fund.item.2296002')).toBe(
      '1、其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金支出（项）。主要用于：【请填写：2296002 用于社会福利的彩票公益金支出的主要用途】。年初预算为【请填写：2296002 用于社会福利的彩票公益金支出 年初预算】万元，支出决算为9.72万元。决算数与预算数差异的主要原因：【请填写：2296002 用于社会福利的彩票公益金支出决算数与预算数差异的主要原因】。',
    );
    expect(text(n, 'capital')).toBe('西区玉泉街道办事处2021年度无国有资本经营预算财政拨款收入和支出。');
  });

  test('十一 其他重要事项 and 名词解释 in the template wording', () => {
    expect(text(n, 'running')).toBe('机关运行经费支出30.34万元，比2020年度减少6.73万元，下降18.15%。主要原因是人员经费减少。');
    expect(text(n, 'procurement')).toBe(
      '西区玉泉街道办事处2021年度政府采购金额（以合同签订为准）为35.95万元，其中：货物采购金额35.95万元、工程采购金额0万元、服务采购金额0万元。',
    );
    const glossary = n.sections[11].paragraphs.map(paragraphText);
    expect(glossary).toHaveLength(11);
    expect(glossary[1]).toBe('二、事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。');
    expect(glossary[10]).toBe('十一、机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。');
  });

  test('the 上海 form with a unit that has 其他收入 asks what it is', () => {
    const a = accountsFromSpec(taojiadu2020);
    const m = buildNarrative(a, supplementFromValues(SEED_002_SUPPLEMENT), { form: 'shanghai' });
    expect(text(m, 'income.structure')).toBe(
      '本年收入合计746.99万元，其中：财政拨款收入746.32万元，占99.91%；其他收入0.68万元，占0.09%。',
    );
    expect(text(m, 'glossary.其他收入')).toBe(
      '四、其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。主要是：【请填写：其他收入主要是哪些收入】等。',
    );
  });
});

describe('placeholders: never 0, and the sentence reads right once filled', () => {
  const accounts = accountsFromSpec(taojiadu2020);

  test('an empty 补充信息: last year, reasons and counts become placeholders', () => {
    const n = buildNarrative(accounts, supplementFromValues({}));
    expect(text(n, 'general.total')).toBe(
      '2020年一般公共预算财政拨款支出814.37万元，占本年支出合计的97.04%。与2019年相比，一般公共预算财政拨款支出【请填写：一般公共预算财政拨款支出比上年的增减额和增减幅度（或在补充信息中填写“上年一般公共预算财政拨款支出”）】。主要变动原因是【请填写：一般公共预算财政拨款支出变动的主要原因】。',
    );
    expect(text(n, 'threePublic.total')).toBe(
      '2020年“三公”经费财政拨款支出决算为1.05万元，完成预算42%，决算数小于预算数的主要原因是【请填写：“三公”经费决算数小于预算数的主要原因】。',
    );
    expect(text(n, 'general.detail')).toBe(
      '2020年一般公共预算支出决算数为814.37万元，完成预算【请填写：完成预算的百分比（或在补充信息中填写“一般公共预算财政拨款支出年初预算”）】%。其中：',
    );
    expect(text(n, 'general.item.2010301')).toBe(
      '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：2020年支出决算数为135.48万元，完成预算【请填写：完成预算的百分比（或在补充信息中填写“2010301 行政运行 年初预算”）】%。',
    );
    expect(text(n, 'running')).toBe(
      '2020年，西区陶家渡街道办事处机关运行经费支出【请填写：本年机关运行经费支出】万元，比2019年【请填写：机关运行经费比上年的增减额和增减幅度（或在补充信息中填写“上年机关运行经费”）】。主要原因是【请填写：机关运行经费变动的主要原因】。'
        .replace('西区陶家渡街道办事处', '攀枝花市西区陶家渡街道办事处'),
    );
    const all = narrativeText(n);
    // A missing last-year figure is never written as 0 or as a percentage of 0.
    expect(all).not.toMatch(/增加0万元|减少0万元|增长0%|下降0%/);
    // Per-项 completion is never the item's share of the total.
    const facts = computeFacts(accounts, supplementFromValues({}));
    expect(facts.facts['general.item.2010301.completion']).toBeUndefined();
    expect(facts.gaps['general.item.2010301.completion']).toMatchObject({ why: 'input', needs: ['itemBudget.2010301'] });
  });

  test('filling every reason gives exactly the text with each reason placeholder replaced', () => {
    const numbers = { ...SEED_002_SUPPLEMENT, ...itemBudgetsEqualToActual(accounts) };
    for (const k of Object.keys(numbers)) if (k.startsWith('reason.')) delete (numbers as Record<string, unknown>)[k];
    for (const form of ['sichuan', 'shanghai'] as const) {
      const unfilled = buildNarrative(accounts, supplementFromValues(numbers), { form });
      const reasonRuns = allParagraphs(unfilled)
        .flatMap((p) => p.runs)
        .filter((r) => r.kind === 'placeholder' && r.supplementKey && (itemFieldKind(r.supplementKey) ?? FIELD_BY_KEY.get(r.supplementKey)?.kind) === 'reason');
      expect(reasonRuns.length).toBeGreaterThan(3);
      const reasons: Record<string, string> = {};
      for (const r of reasonRuns) {
        const key = (r as { supplementKey: string }).supplementKey;
        reasons[key] = `因为${key}的缘故。`; // a full sentence with its own "。": the template keeps one
      }
      const filled = buildNarrative(accounts, supplementFromValues({ ...numbers, ...reasons }), { form });
      const expected = allParagraphs(unfilled).map((p) =>
        p.runs
          .map((r) => (r.kind === 'placeholder' && r.supplementKey && reasons[r.supplementKey] ? normaliseUserText(reasons[r.supplementKey]) : r.text))
          .join(''),
      );
      expect(allParagraphs(filled).map(paragraphText)).toEqual(expected);
      expect(narrativeText(filled)).not.toMatch(/。。|【请填写：[^】]*原因】/);
    }
  });

  test('the brief’s example sentence before and after', () => {
    const before = buildNarrative(accounts, supplementFromValues({}));
    const after = buildNarrative(accounts, supplementFromValues({ 'reason.threePublicBudget': '主要原因是车辆维护多方比价，减少了维修费用。' }));
    expect(text(before, 'threePublic.total')).toContain('【请填写：“三公”经费决算数小于预算数的主要原因】');
    expect(text(after, 'threePublic.total')).toBe('2020年“三公”经费财政拨款支出决算为1.05万元，完成预算42%，决算数小于预算数的主要原因是车辆维护多方比价，减少了维修费用。');
  });
});

describe('持平, zero last year, zero budget, empty 表8/表9', () => {
  const accounts = accountsFromSpec(yuquan2021);

  test('持平: no amount, no percentage, no reason', () => {
    const n = buildNarrative(accounts, supplementFromValues({ 'last.generalExpenditure': '843.28', 'last.runningCost': '30.34', 'running.amount': '30.34' }));
    expect(text(n, 'general.total')).toBe('2021年一般公共预算财政拨款支出843.28万元，占本年支出合计的98.86%。与2020年相比，一般公共预算财政拨款支出持平。');
    expect(text(n, 'running')).toBe('2021年，攀枝花市西区玉泉街道办事处机关运行经费支出30.34万元，与2020年持平。');
    const s = buildNarrative(accounts, supplementFromValues({ 'last.generalExpenditure': '843.28' }), { form: 'shanghai' });
    expect(text(s, 'general.total')).toBe('一般公共预算财政拨款支出843.28万元，占本年支出合计的98.86%。与2020年度相比，一般公共预算财政拨款支出持平。');
  });

  test('last year 0: the increase without a percentage', () => {
    const sup = supplementFromValues({ 'running.amount': '30.34', 'last.runningCost': 0, 'reason.running': '新设机构' });
    const n = buildNarrative(accounts, sup);
    expect(text(n, 'running')).toBe('2021年，攀枝花市西区玉泉街道办事处机关运行经费支出30.34万元，比2020年增加30.34万元。主要原因是新设机构。');
    const f = computeFacts(accounts, sup);
    expect(f.facts['running.amount.change']).toMatchObject({ fen: 30_340_000, direction: 'increase' });
    expect(f.facts['running.amount.changePct']).toBeUndefined();
    expect(f.gaps['running.amount.changePct'].why).toBe('zeroBase');
  });

  test('a budget of 0 is said, not divided', () => {
    const sup = supplementFromValues({ 'itemBudget.2010301': 0 });
    const n = buildNarrative(accounts, sup);
    expect(text(n, 'general.item.2010301')).toBe(
      '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：2021年支出决算数为118.97万元，年初未安排预算。',
    );
  });

  test('empty 表8 and 表9: one sentence each, in both forms', () => {
    const noFund: AccountsSpec = { ...yuquan2021, items: yuquan2021.items.filter((i) => !i.gov), overrides: {} };
    const a = accountsFromSpec(noFund);
    expect(a.T8?.location.empty).toBe(true);
    const sup = supplementFromValues({ shortName: '西区玉泉街道办事处' });
    const si = buildNarrative(a, sup);
    expect(text(si, 'fund')).toBe('本年度没有政府性基金预算财政拨款收入和支出。');
    expect(text(si, 'capital')).toBe('本年度没有国有资本经营预算财政拨款收入和支出。');
    const sh = buildNarrative(a, sup, { form: 'shanghai' });
    expect(text(sh, 'fund')).toBe('西区玉泉街道办事处2021年度无政府性基金预算财政拨款收入和支出。');
    const f = computeFacts(a, sup);
    expect(f.flags).toEqual({ fundEmpty: true, capitalEmpty: true });
    expect(f.facts['fund.expenditure'].fen).toBe(0);
    // The income sentence still lists the zero 政府性基金 line (四川 keeps zeros).
    expect(text(si, 'income.structure')).toContain('政府性基金预算财政拨款收入0万元，占0%；');
  });

  test('no "三公" at all: the 上海 form says so in one sentence', () => {
    const spec: AccountsSpec = {
      ...yuquan2021,
      threePublic: {
        budget: { abroad: '0', vehiclePurchase: '0', vehicleRunning: '0', reception: '0' },
        actual: { abroad: '0', vehiclePurchase: '0', vehicleRunning: '0', reception: '0' },
      },
    };
    const a = accountsFromSpec(spec);
    const n: BuiltNarrative = buildNarrative(a, supplementFromValues({ shortName: '西区玉泉街道办事处' }), { form: 'shanghai' });
    expect(text(n, 'threePublic.none')).toBe('西区玉泉街道办事处2021年度无“三公”经费财政拨款支出。');
    // The 四川 form too: one sentence, no list of zeros and no 团组/车辆 placeholders (issue 9: an empty 三公
    // table is no 三公 spending, said once).
    const s = buildNarrative(a, supplementFromValues({ shortName: '西区玉泉街道办事处' }));
    expect(text(s, 'threePublic.none')).toBe('2021年西区玉泉街道办事处无财政拨款“三公”经费支出。');
    expect(findParagraph(s, 'threePublic.structure')).toBeUndefined();
  });
});
