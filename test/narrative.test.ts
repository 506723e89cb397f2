/**
 * 生成说明, 四川 form, on the two seed documents: whole generated paragraphs compared with the published
 * sentences — equal where the published text is right, and with the right figure where it is wrong
 * (DOMAIN.md §8; each such difference is named in the test).
 */
import { taojiadu2020, yuquan2021 } from './fixtures/specs';
import { SEED_001_SUPPLEMENT, SEED_002_SUPPLEMENT, accountsFromSpec, itemBudgetsEqualToActual } from './narrativeSupport';
import { supplementFromValues } from '../src/supplement/sheet';
import { buildNarrative, computeFacts, findParagraph, paragraphText, BuiltNarrative } from '../src/narrative';

function text(n: BuiltNarrative, key: string): string {
  const p = findParagraph(n, key);
  if (!p) throw new Error(`no paragraph ${key}`);
  return paragraphText(p);
}

describe('seed 001 玉泉街道 2021 (四川 form)', () => {
  const accounts = accountsFromSpec(yuquan2021);
  const sup = supplementFromValues({ ...SEED_001_SUPPLEMENT, ...itemBudgetsEqualToActual(accounts) });
  const n = buildNarrative(accounts, sup, { form: 'sichuan' });

  test('一 收入支出总计 with changes against last year', () => {
    // Published: "2021年本年度收入为853.00万元、支出为853.00万元。与2020年相比，收入比去年减少了54.20万元，下降5.97%，
    // 支出增加了15.27万元，增长1.82%，主要是本年度项目收入增减变动。" — same figures, the form's wording.
    expect(text(n, 'total')).toBe(
      '2021年度收入总计853.00万元、支出总计853.00万元。与2020年相比，收入总计减少54.20万元，下降5.97%；支出总计增加15.27万元，增长1.82%。主要变动原因是本年度项目收入增减变动。',
    );
  });

  test('二 收入决算: the published sentence, zeros kept', () => {
    expect(text(n, 'income.structure')).toBe(
      '2021年本年收入合计853.00万元，其中：一般公共预算财政拨款收入843.28万元，占98.86%；政府性基金预算财政拨款收入9.72万元，占1.14%；国有资本经营预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；事业收入0万元，占0%；经营收入0万元，占0%；附属单位上缴收入0万元，占0%；其他收入0万元，占0%。',
    );
  });

  test('三 支出决算: 基本支出 share is 73.07% (published 73.06%, forced to add to 100)', () => {
    expect(text(n, 'expenditure.structure')).toBe(
      '2021年本年支出合计853.00万元，其中：基本支出623.25万元，占73.07%；项目支出229.76万元，占26.94%；上缴上级支出0万元，占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。',
    );
  });

  test('四 财政拨款: changes divided by last year (published 6.30% and 1.83% divide by this year)', () => {
    expect(text(n, 'fiscal')).toBe(
      '2021年财政拨款收入853.00万元、支出853.00万元。与2020年相比，财政拨款收入减少53.71万元，下降5.92%；财政拨款支出增加15.60万元，增长1.86%。主要变动原因是项目资金增减。',
    );
  });

  test('五（一） the published sentence', () => {
    expect(text(n, 'general.total')).toBe(
      '2021年一般公共预算财政拨款支出843.28万元，占本年支出合计的98.86%。与2020年相比，一般公共预算财政拨款支出增加53.69万元，增长6.80%。主要变动原因是项目资金增加。',
    );
  });

  test('五（二） structure by 类: 城乡社区支出 is 14.03% (published 14.04%)', () => {
    expect(text(n, 'general.structure')).toBe(
      '2021年一般公共预算财政拨款支出843.28万元，主要用于以下方面：一般公共服务支出642.25万元，占76.16%；文化旅游体育与传媒支出5.74万元，占0.68%；社会保障和就业支出27.71万元，占3.29%；卫生健康支出16.56万元，占1.96%；城乡社区支出118.33万元，占14.03%；农林水支出5.00万元，占0.59%；住房保障支出27.69万元，占3.28%。',
    );
  });

  test('五（三） lead sentence and one sentence per 项, the report year in every label', () => {
    expect(text(n, 'general.detail')).toBe('2021年一般公共预算支出决算数为843.28万元，完成预算100%。其中：');
    expect(text(n, 'general.item.2010301')).toBe(
      '1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：2021年支出决算数为118.97万元，完成预算100%。',
    );
    // Published item 21: "住房保障支出（221）住房改革支出（02）住房公积金（01）: 2020年支出决算数为27.69万元" in a 2021 report.
    expect(text(n, 'general.item.2210201')).toBe('21.住房保障（类）住房改革支出（款）住房公积金（项）：2021年支出决算数为27.69万元，完成预算100%。');
    // 20805 carries its 2021 name 行政事业单位养老支出.
    expect(text(n, 'general.item.2080505')).toBe(
      '13.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：2021年支出决算数为20.79万元，完成预算100%。',
    );
  });

  test('六 基本支出 = 人员经费 + 公用经费, listing the 经济分类 款 that have money', () => {
    expect(text(n, 'basic.total')).toBe('2021年一般公共预算财政拨款基本支出623.25万元，其中：');
    expect(text(n, 'basic.personnel')).toBe(
      '人员经费592.91万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、其他工资福利支出、退休费、生活补助、其他对个人和家庭的补助。',
    );
    expect(text(n, 'basic.public')).toMatch(/^公用经费30\.34万元，主要包括：办公费、.*公务用车运行维护费.*办公设备购置。$/);
  });

  test('七 "三公": total, structure ("0元" written as 0万元), items', () => {
    // The total's change (last year's from its items) and, all of it being the vehicles', their reason.
    expect(text(n, 'threePublic.total')).toBe(
      '2021年“三公”经费财政拨款支出决算为5.00万元，完成预算100%。“三公”经费财政拨款支出决算比2020年增加2.50万元，增长100%。主要原因是西区机关事务局给我办增加了一台车的编制，用于社会治理、应急等工作使用。',
    );
    expect(text(n, 'threePublic.structure')).toBe(
      '2021年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算5.00万元，占100%；公务接待费支出决算0万元，占0%。具体情况如下：',
    );
    // Published "完成预算0%" for a budget of 0: no division, "年初未安排预算".
    expect(text(n, 'threePublic.abroad')).toBe(
      '1.因公出国（境）费支出0万元，年初未安排预算。全年安排因公出国（境）团组0个，出国（境）0人次。因公出国（境）费支出决算与2020年持平。',
    );
    expect(text(n, 'threePublic.vehicle')).toBe(
      '2.公务用车购置及运行维护费支出5.00万元，完成预算100%。公务用车购置及运行维护费支出决算比2020年增加2.50万元，增长100%。主要原因是西区机关事务局给我办增加了一台车的编制，用于社会治理、应急等工作使用。',
    );
    expect(text(n, 'threePublic.vehiclePurchase')).toBe('其中：公务用车购置支出0万元。全年按规定更新购置公务用车0辆。截至2021年12月底，单位共有公务用车2辆，其中：轿车0辆、越野车0辆、载客汽车0辆，其他车辆2辆。');
    expect(text(n, 'threePublic.vehicleRunning')).toBe(
      '公务用车运行维护费支出5.00万元，主要用于单位党建、宣传、应急、安全、森林草原防灭火、维稳、计生、居民救助等工作应急所需的公务用车燃料费、维修费、过路过桥费、保险费等支出。与2020年相比，公务用车运行维护费增加2.50万元，增长100%。主要原因是新增一台公务用车，用于保障街办应急、安全等日常事务。',
    );
    expect(text(n, 'threePublic.reception')).toBe('3.公务接待费支出0万元，年初未安排预算。公务接待费支出决算与2020年持平。');
    expect(text(n, 'threePublic.reception.domestic')).toBe('国内公务接待支出0万元。国内公务接待0批次，0人次（不包括陪同人员），共计支出0万元。');
    expect(text(n, 'threePublic.reception.foreign')).toBe('外事接待支出0万元，外事接待0批次，0人次，共计支出0万元。');
  });

  test('八 / 九: the fund that has money, and "本年度没有…" for the empty one', () => {
    expect(text(n, 'fund')).toBe('2021年政府性基金预算财政拨款收入9.72万元，支出9.72万元，占本年支出合计的1.14%。');
    // Published: "2021年国有资本经营预算财政拨款支出0万元。"
    expect(text(n, 'capital')).toBe('本年度没有国有资本经营预算财政拨款收入和支出。');
  });

  test('十 其他重要事项: the published sentences', () => {
    expect(text(n, 'running')).toBe('2021年，西区玉泉街道办事处机关运行经费支出30.34万元，比2020年减少6.73万元，下降18.15%。主要原因是人员经费减少。');
    expect(text(n, 'procurement')).toBe(
      '2021年，西区玉泉街道办事处政府采购支出总额35.95万元，其中：政府采购货物支出35.95万元、政府采购工程支出0万元、政府采购服务支出0万元。授予中小企业合同金额21.06万元，占政府采购支出总额的58.58%，其中：授予小微企业合同金额21.06万元，占政府采购支出总额的58.58%。',
    );
    expect(text(n, 'assets')).toBe(
      '截至2021年12月31日，西区玉泉街道办事处共有车辆2辆，其中：主要领导干部用车0辆、机要通信用车0辆、应急保障用车2辆、其他用车0辆，单价50万元以上通用设备0台（套），单价100万元以上专用设备0台（套）。',
    );
    expect(text(n, 'performance')).toBe(
      '根据预算绩效管理要求，本部门在2021年度预算编制阶段，组织对21个项目开展了预算事前绩效评估，对21个项目编制了绩效目标，预算执行过程中，选取21个项目开展绩效监控，年终执行完毕后，对21个项目开展了绩效自评。',
    );
  });

  test('sections 一 … 十 with 五（一）（二）（三）, 七（一）（二）, then 名词解释', () => {
    expect(n.title).toBe('攀枝花市西区玉泉街道办事处2021年度部门决算情况说明');
    expect(n.sections.map((s) => s.heading)).toEqual([
      '一、收入支出决算总体情况说明',
      '二、收入决算情况说明',
      '三、支出决算情况说明',
      '四、财政拨款收入支出决算总体情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      '七、“三公”经费财政拨款支出决算情况说明',
      '八、政府性基金预算支出决算情况说明',
      '九、国有资本经营预算支出决算情况说明',
      '十、其他重要事项的情况说明',
      '名词解释',
    ]);
    expect(n.sections[4].children.map((s) => s.heading)).toEqual([
      '（一）一般公共预算财政拨款支出决算总体情况',
      '（二）一般公共预算财政拨款支出决算结构情况',
      '（三）一般公共预算财政拨款支出决算具体情况',
    ]);
    expect(n.sections[6].children.map((s) => s.heading)).toEqual([
      '（一）“三公”经费财政拨款支出决算总体情况说明',
      '（二）“三公”经费财政拨款支出决算具体情况说明',
    ]);
  });

  test('名词解释 lists only the 科目 in the tables, named by the 2021 catalogue', () => {
    const g = n.sections[10].paragraphs.map(paragraphText);
    expect(g[0]).toBe('1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。');
    expect(g).toContain('4.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：指行政单位（包括实行公务员管理的事业单位）的基本支出。');
    const subjects = g.filter((t) => /（项）：/.test(t));
    expect(subjects).toHaveLength(22); // 21 项 of 表5 + the 政府性基金 项 of 表8
    // No 其他收入 (0 this year), no 科目 of other units (published: 文化体育与传媒…宣传文化发展专项支出, 医疗卫生与计划生育…).
    expect(g.join('\n')).not.toMatch(/其他收入|宣传文化发展专项|医疗卫生与计划生育/);
    // An explanation the project does not have is left to the user, visibly.
    // Every standard 科目 explained (no placeholder): the curated wording, else one from the catalogue's names.
    expect(g).toContain('9.一般公共服务（类）统计信息事务（款）专项统计业务（项）：指开展专项统计调查、统计执法检查、统计资料开发等专项统计业务的支出。');
    expect(g).toContain('17.社会保障和就业（类）企业改革补助（款）其他企业改革发展补助（项）：指企业改革补助中用于其他企业改革发展补助方面的支出。');
    expect(g.filter((x) => x.includes('【请填写'))).toEqual([]);
  });

  test('figure runs carry the cells they come from', () => {
    const p = findParagraph(n, 'income.structure')!;
    const figures = p.runs.filter((r) => r.kind === 'figure');
    expect(figures[0]).toMatchObject({ text: '853.00', fact: 'income.total', cells: ['公开01表!C33'] });
    expect(figures[1]).toMatchObject({ text: '843.28', fact: 'income.generalBudget', cells: ['公开01表!C7'] });
    expect(figures[2]).toMatchObject({ text: '98.86', fact: 'income.generalBudget.share', cells: ['公开01表!C7', '公开01表!C33'] });
    const running = findParagraph(n, 'running')!;
    expect(running.runs.find((r) => r.kind === 'figure' && r.fact === 'running.amount.change')).toMatchObject({
      text: '6.73',
      cells: ['补充信息!running.amount', '补充信息!last.runningCost'],
    });
  });
});

describe('seed 002 陶家渡街道 2020 (四川 form): the published mistakes corrected', () => {
  const accounts = accountsFromSpec(taojiadu2020);
  const sup = supplementFromValues({ ...SEED_002_SUPPLEMENT, ...itemBudgetsEqualToActual(accounts) });
  const n = buildNarrative(accounts, sup);

  test('一: 收入总计 = 支出总计 = 839.87 (published "收入总计746.99万元、支出总计839.19万元")', () => {
    expect(text(n, 'total')).toBe(
      '2020年度收入总计839.87万元、支出总计839.87万元。与2019年相比，收入总计增加318.78万元，增长61.18%；支出总计增加270.93万元，增长47.62%。主要变动原因是原摩梭河街道与陶家渡街道合并后人员增加、正常增资和工作任务的增加。',
    );
  });

  test('二: shares with 2 decimals (published 98.3%, 1.6%, and 0.68/746.99 written 0.1%)', () => {
    expect(text(n, 'income.structure')).toBe(
      '2020年本年收入合计746.99万元，其中：一般公共预算财政拨款收入734.34万元，占98.31%；政府性基金预算财政拨款收入11.98万元，占1.60%；国有资本经营预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；事业收入0万元，占0%；经营收入0万元，占0%；附属单位上缴收入0万元，占0%；其他收入0.68万元，占0.09%。',
    );
  });

  test('三: published 82.5% / 17.5%', () => {
    expect(text(n, 'expenditure.structure')).toBe(
      '2020年本年支出合计839.19万元，其中：基本支出692.39万元，占82.51%；项目支出146.79万元，占17.49%；上缴上级支出0万元，占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。',
    );
  });

  test('四: 财政拨款收入 is 746.32 (published "财政拨款收入总计734.34", the 一般公共预算 line only)', () => {
    expect(text(n, 'fiscal')).toBe(
      '2020年财政拨款收入746.32万元、支出839.19万元，财政拨款收、支总计均为839.19万元。与2019年相比，财政拨款收入增加225.23万元，增长43.22%；财政拨款支出增加270.25万元，增长47.50%。主要变动原因是原摩梭河街道与陶家渡街道合并后人员增加、正常增资和工作任务的增加。',
    );
  });

  test('五（一）: the published figures', () => {
    expect(text(n, 'general.total')).toBe(
      '2020年一般公共预算财政拨款支出814.37万元，占本年支出合计的97.04%。与2019年相比，一般公共预算财政拨款支出增加245.43万元，增长43.14%。主要变动原因是原摩梭河街道与陶家渡街道合并后人员增加、正常增资和工作任务的增加。',
    );
  });

  test('五（二）: 类 amounts are the sums of their 项 (published 城乡社区 29.21, 农林水 4.3) and shares recomputed', () => {
    expect(text(n, 'general.structure')).toBe(
      '2020年一般公共预算财政拨款支出814.37万元，主要用于以下方面：一般公共服务支出678.46万元，占83.31%；文化旅游体育与传媒支出8.20万元，占1.01%；社会保障和就业支出46.62万元，占5.72%；卫生健康支出20.70万元，占2.54%；城乡社区支出25.30万元，占3.11%；农林水支出3.76万元，占0.46%；住房保障支出31.32万元，占3.85%。',
    );
    const f = computeFacts(accounts, sup);
    expect(f.facts['general.class.212'].fen).toBe(f.facts['general.class.212.itemSum'].fen);
    expect(f.facts['general.class.212.itemSum'].fen).toBe(25_300_000);
  });

  test('五（三）: 2020 names (行政事业单位离退休) and "万元" after the total (published "814.37，完成预算100%")', () => {
    expect(text(n, 'general.detail')).toBe('2020年一般公共预算支出决算数为814.37万元，完成预算100%。其中：');
    expect(text(n, 'general.item.2080505')).toBe(
      '11.社会保障和就业（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）：2020年支出决算数为25.15万元，完成预算100%。',
    );
  });

  test('七: completion 42%, the reason, and the change 57.49% (published 57.48%)', () => {
    expect(text(n, 'threePublic.total')).toBe(
      '2020年“三公”经费财政拨款支出决算为1.05万元，完成预算42%，决算数小于预算数的主要原因是街道车辆维护多方比价，选择最优惠的定点维修单位，减少了维修费用。“三公”经费财政拨款支出决算比2019年减少1.42万元，下降57.49%。主要原因是街道车辆维护多方比价，选择最优惠的定点维修单位，减少了维修费用。',
    );
    expect(text(n, 'threePublic.vehicle')).toBe(
      '2.公务用车购置及运行维护费支出1.05万元，完成预算42%。公务用车购置及运行维护费支出决算比2019年减少1.42万元，下降57.49%。主要原因是街道车辆维护多方比价，选择最优惠的定点维修单位，减少了维修费用。',
    );
  });

  test('八: income and expenditure of the fund', () => {
    expect(text(n, 'fund')).toBe('2020年政府性基金预算财政拨款收入11.98万元，支出24.82万元，占本年支出合计的2.96%。');
  });

  test('十: 机关运行经费 27.14% (published 27.13%); 服务 follows from the total (published 109万元 > total)', () => {
    expect(text(n, 'running')).toBe('2020年，西区陶家渡街道办事处机关运行经费支出25.37万元，比2019年减少9.45万元，下降27.14%。主要原因是街道合并公用经费下降。');
    expect(text(n, 'procurement')).toMatch(
      /^2020年，西区陶家渡街道办事处政府采购支出总额44\.93万元，其中：政府采购货物支出44\.93万元、政府采购工程支出0万元、政府采购服务支出0万元。/,
    );
  });
});

describe('computeFacts: a keyed structure a checker can use', () => {
  const a1 = accountsFromSpec(yuquan2021);
  const f1 = computeFacts(a1, supplementFromValues({ ...SEED_001_SUPPLEMENT, ...itemBudgetsEqualToActual(a1) }));
  const a2 = accountsFromSpec(taojiadu2020);
  const f2 = computeFacts(a2, supplementFromValues({ ...SEED_002_SUPPLEMENT, 'procurement.services': '109' }));

  test('shares: value, cells and how', () => {
    expect(f1.facts['income.generalBudget.share']).toMatchObject({
      kind: 'percent',
      percent: { text: '98.86', hundredths: 9886, whole: false },
      cells: ['公开01表!C7', '公开01表!C33'],
      from: ['income.generalBudget', 'income.total'],
      how: '一般公共预算财政拨款收入 843.28 ÷ 本年收入合计 853.00 × 100% = 98.86%',
    });
    expect(f1.facts['general.class.212.share'].percent!.text).toBe('14.03');
    expect(f1.facts['expenditure.basic.share'].percent!.text).toBe('73.07');
  });

  test('a "三公" item has a share of the 三公 total and, separately, a completion of its budget', () => {
    expect(f2.facts['threePublic.vehicle.share'].percent).toEqual({ text: '100.00', hundredths: 10000, whole: true });
    expect(f2.facts['threePublic.vehicle.completion'].percent).toEqual({ text: '42.00', hundredths: 4200, whole: true });
    expect(f2.facts['threePublic.total.completion'].how).toBe('“三公”经费决算数 1.05 ÷ 预算数 2.50 × 100% = 42.00%');
    // 0 / 0: no completion, said as such.
    expect(f2.facts['threePublic.abroad.completion']).toBeUndefined();
    expect(f2.gaps['threePublic.abroad.completion'].why).toBe('zeroBase');
  });

  test('changes carry a direction; a percentage only against a non-zero last year', () => {
    expect(f1.facts['total.income.change']).toMatchObject({ fen: -54_200_000, direction: 'decrease', how: '本年 853.00 − 上年 907.20 = -54.20' });
    expect(f1.facts['total.income.changePct']).toMatchObject({ direction: 'decrease', percent: { text: '5.97' } });
    expect(f1.facts['threePublic.abroad.change']).toMatchObject({ fen: 0, direction: 'flat' });
    expect(f1.facts['threePublic.abroad.changePct']).toBeUndefined();
    // The "三公" total of last year follows from its three items.
    expect(f1.facts['threePublic.total.last']).toMatchObject({ fen: 2_500_000 });
    expect(f1.facts['threePublic.total.changePct'].percent!.text).toBe('100.00');
  });

  test('基本支出 = 人员经费 + 公用经费; completion of the 一般公共预算 and of each 项', () => {
    expect(f1.facts['basic.sum'].fen).toBe(f1.facts['basic.total'].fen);
    expect(f1.facts['basic.sum'].how).toBe('人员经费 + 公用经费：592.91 + 30.34');
    expect(f1.facts['general.total.completion'].percent!.whole).toBe(true);
    expect(f1.facts['general.item.2010301.completion'].percent!.text).toBe('100.00');
    expect(f1.lists.generalItems).toHaveLength(21);
    expect(f1.lists.generalClasses).toEqual(['201', '207', '208', '210', '212', '213', '221']);
    expect(f1.lists.subjects).toHaveLength(22);
  });

  test('names from the catalogue of the report year', () => {
    expect(f1.names['20805']).toBe('行政事业单位养老支出');
    expect(f2.names['20805']).toBe('行政事业单位离退休');
  });

  test('missing inputs are gaps that name the 补充信息 field, never zeros', () => {
    const f = computeFacts(a1, supplementFromValues({}));
    expect(f.facts['total.income.change']).toBeUndefined();
    expect(f.gaps['total.income.change']).toMatchObject({ why: 'input', needs: ['last.incomeGrandTotal'] });
    expect(f.gaps['running.amount']).toMatchObject({ why: 'input', needs: ['running.amount'] });
    expect(f.gaps['vehicles.fleet']).toMatchObject({ why: 'input', needs: ['vehicles.fleet'] });
    // A 因公出国（境）费 of 0 answers the number of trips: 0, from the table, not a placeholder.
    expect(f.facts['trips.groups']).toMatchObject({ number: 0, how: '因公出国（境）费决算数为0，团组数、人次按0计' });
    // 国内/外事接待 of a zero 公务接待费 are 0 by the table, not by guess.
    expect(f.facts['reception.domestic.amount']).toMatchObject({ fen: 0, how: '公务接待费决算数为0' });
  });

  test('inconsistent inputs are warned about (published 服务 109万元 > 采购总额 44.93万元)', () => {
    expect(f2.warnings).toEqual(['补充信息中政府采购货物、工程、服务支出之和（153.93万元）不等于政府采购支出总额（44.93万元），请核对。']);
  });
});
