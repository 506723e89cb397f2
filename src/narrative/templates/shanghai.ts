/**
 * The 上海 form: the wording of the official 2024 上海 部门决算 template (第三部分, 第四部分). Differences
 * from the 四川 form: lines that are zero are not listed ("不涉及的不列"); 财政拨款收入 is one line; years are
 * written "2023年度"; totals are "收入支出总计" (one figure); 四 uses 财政拨款收入支出总计; 五（三） states the
 * 年初预算 and the reason for each 项; 七 states completion and change per item; 八/九 list their 项; 十 is
 * 预算绩效管理 and 十一 其他重要事项; reasons read "主要原因：…。"; a department without "三公" / funds /
 * 机关运行经费 says so in one sentence.
 */
import type { BaseKey, FactKey, IncomeLineKey } from '../../model/quantities';
import type { ThreePublicKey } from '../../model/types';
import { EXPENDITURE_LINES, INCOME_LINES } from '../facts';
import { subjectPath } from '../subjects';
import { NarrativeSection } from '../types';
import { Ctx, Para, cnNumber, section } from './common';
import { shanghaiGlossary } from './glossary';

export function shanghaiSections(c: Ctx): NarrativeSection[] {
  const f = c.f;
  const S: NarrativeSection[] = [];
  const h = (n: number, text: string) => `${cnNumber(n)}、${text}`;
  const names = new Map(Object.entries(f.names));
  const nonZero = (key: FactKey) => c.has(key) && (c.fen(key) ?? 0) !== 0;
  const versusLast = (p: Para) => {
    p.t('与');
    c.lastYear(p).t('年度相比，');
    return p;
  };
  const reason = (p: Para, base: BaseKey, supKey: string, subject: string) => {
    if (c.changeState(base) === 'flat') return;
    p.t('主要原因：');
    c.userText(p, supKey, c.changeReasonLabel(base, subject)).t('。');
  };

  // 一 收入支出总计
  {
    const p = new Para('total');
    c.unit(p);
    c.year(p).t('年度收入支出总计');
    const same = c.fen('total.income') !== undefined && c.fen('total.income') === c.fen('total.expenditure');
    if (same || !c.has('total.expenditure')) {
      c.amount(p, 'total.income').t('万元。');
      versusLast(p).t('收入支出总计');
      c.change(p, 'total.income', '收入支出总计').t('。');
      reason(p, 'total.income', 'reason.total', '收入支出总计');
    } else {
      // 收入总计 ≠ 支出总计 in the tables: state both (the 校验 reports the difference).
      p.t('：收入总计');
      c.amount(p, 'total.income').t('万元、支出总计');
      c.amount(p, 'total.expenditure').t('万元。');
      versusLast(p).t('收入总计');
      c.change(p, 'total.income', '收入总计').t('，支出总计');
      c.change(p, 'total.expenditure', '支出总计').t('。');
      reason(p, 'total.income', 'reason.total', '收入支出总计');
    }
    S.push(section('1', h(1, '收入支出决算总体情况说明'), 1, [p]));
  }

  // 二 收入 (财政拨款收入 as one line; zero lines left out)
  {
    const p = new Para('income.structure').t('本年收入合计');
    c.amount(p, 'income.total').t('万元');
    const lines: [IncomeLineKey | 'fiscal', string][] = [['fiscal', '财政拨款收入'], ...INCOME_LINES.slice(3).map(([k, l]) => [k, l] as [IncomeLineKey, string])];
    let first = true;
    for (const [k, label] of lines) {
      if (!nonZero(`income.${k}`)) continue;
      p.t(first ? '，其中：' : '；').t(label);
      first = false;
      c.amount(p, `income.${k}`).t('万元');
      if (c.has(`income.${k}.share`)) c.pct(p.t('，占'), `income.${k}.share`).t('%');
    }
    p.t('。');
    S.push(section('2', h(2, '收入决算情况说明'), 1, [p]));
  }

  // 三 支出
  {
    const p = new Para('expenditure.structure').t('本年支出合计');
    c.amount(p, 'expenditure.total').t('万元');
    let first = true;
    for (const [k, label] of EXPENDITURE_LINES) {
      if (!nonZero(`expenditure.${k}`)) continue;
      p.t(first ? '，其中：' : '；').t(label);
      first = false;
      c.amount(p, `expenditure.${k}`).t('万元');
      if (c.has(`expenditure.${k}.share`)) c.pct(p.t('，占'), `expenditure.${k}.share`).t('%');
    }
    p.t('。');
    S.push(section('3', h(3, '支出决算情况说明'), 1, [p]));
  }

  // 四 财政拨款收入支出总计
  {
    const p = new Para('fiscal');
    c.unit(p);
    c.year(p).t('年度财政拨款收入支出总计');
    c.amount(p, 'fiscal.grandTotal').t('万元。');
    versusLast(p).t('财政拨款收入支出总计');
    c.change(p, 'fiscal.grandTotal', '财政拨款收入支出总计').t('。');
    reason(p, 'fiscal.grandTotal', 'reason.fiscal', '财政拨款收入支出总计');
    S.push(section('4', h(4, '财政拨款收入支出决算总体情况说明'), 1, [p]));
  }

  // 五 一般公共预算
  {
    const p1 = new Para('general.total').t('一般公共预算财政拨款支出');
    c.amount(p1, 'general.total').t('万元');
    if (c.has('general.share')) c.pct(p1.t('，占本年支出合计的'), 'general.share').t('%');
    p1.t('。');
    versusLast(p1).t('一般公共预算财政拨款支出');
    c.change(p1, 'general.total', '一般公共预算财政拨款支出').t('。');
    reason(p1, 'general.total', 'reason.general', '一般公共预算财政拨款支出');

    const p2 = new Para('general.structure').t('一般公共预算财政拨款支出');
    c.amount(p2, 'general.total').t('万元，主要用于以下方面：');
    const classes = f.lists.generalClasses.filter((code) => nonZero(`general.class.${code}`));
    classes.forEach((code, i) => {
      if (i) p2.t('；');
      p2.t(`${f.names[code] ?? code}（类）`);
      c.amount(p2, `general.class.${code}`).t('万元');
      if (c.has(`general.class.${code}.share`)) c.pct(p2.t('，占'), `general.class.${code}.share`).t('%');
    });
    p2.t('。');

    const p3 = new Para('general.detail').t('一般公共预算财政拨款支出年初预算为');
    c.amount(p3, 'general.total.budget').t('万元，支出决算为');
    c.amount(p3, 'general.total').t('万元');
    if (c.has('general.total.completion')) c.completion(p3.t('，'), 'general.total', { of: true, initial: true });
    p3.t('。');
    budgetReason(c, p3, 'general.total', 'reason.generalBudget', '一般公共预算财政拨款支出');
    p3.t('其中：');
    const items = f.lists.generalItems
      .filter((code) => nonZero(`general.item.${code}`))
      .map((code, i) => itemParagraph(c, `general.item.${code}`, i + 1, code, names, 'item'));
    S.push(
      section('5', h(5, '一般公共预算财政拨款支出决算情况说明'), 1, [], [
        section('5.1', '（一）一般公共预算财政拨款支出决算总体情况', 2, [p1]),
        section('5.2', '（二）一般公共预算财政拨款支出决算结构情况', 2, [p2]),
        section('5.3', '（三）一般公共预算财政拨款支出决算具体情况', 2, [p3, ...items]),
      ]),
    );
  }

  // 六 基本支出
  {
    const p = new Para('basic').t('一般公共预算财政拨款基本支出');
    c.amount(p, 'basic.total').t('万元。其中：人员经费');
    c.amount(p, 'basic.personnel').t('万元');
    if (f.lists.personnelItems.length) p.t(`，主要包括：${f.lists.personnelItems.map((i) => i.name).join('、')}`);
    p.t('；公用经费');
    c.amount(p, 'basic.public').t('万元');
    if (f.lists.publicItems.length) p.t(`，主要包括：${f.lists.publicItems.map((i) => i.name).join('、')}`);
    p.t('。');
    S.push(section('6', h(6, '一般公共预算财政拨款基本支出决算情况说明'), 1, [p]));
  }

  // 七 "三公"
  S.push(threePublic(c, h(7, '财政拨款“三公”经费支出决算情况说明')));

  // 八 / 九
  for (const [n, fund, title] of [
    [8, 'fund', '政府性基金预算'],
    [9, 'capital', '国有资本经营预算'],
  ] as const) {
    const heading = h(n, `${title}财政拨款收入支出决算情况说明`);
    if (fund === 'fund' ? f.flags.fundEmpty : f.flags.capitalEmpty) {
      const p = new Para(fund);
      c.unit(p);
      c.year(p).t(`年度无${title}财政拨款收入和支出。`);
      S.push(section(String(n), heading, 1, [p]));
      continue;
    }
    const p = new Para(fund).t(`${title}财政拨款收入`);
    c.amount(p, `${fund}.income`).t('万元，支出');
    c.amount(p, `${fund}.expenditure`).t('万元');
    const list = fund === 'fund' ? f.lists.fundItems : f.lists.capitalItems;
    p.t(list.length ? '，支出具体情况如下：' : '。');
    const items = list.map((code, i) => itemParagraph(c, `${fund}.item.${code}`, i + 1, code, names, fund));
    S.push(section(String(n), heading, 1, [p, ...items]));
  }

  // 十 预算绩效管理
  {
    const p = new Para('performance');
    c.unit(p);
    c.year(p).t('年度预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度：');
    c.userText(p, 'performance.systems', '预算绩效管理制度名称').t('，建立了');
    c.userText(p, 'performance.mechanism', '预算绩效管理工作机制').t('的预算绩效管理工作机制；全过程绩效管理实施情况：编报绩效目标的');
    c.year(p).t('年度项目');
    c.count(p, 'performance.targets').t('个，涉及预算金额');
    c.amount(p, 'performance.targetsAmount').t('万元；绩效跟踪评价的');
    c.year(p).t('年度项目');
    c.count(p, 'performance.monitored').t('个，涉及预算金额');
    c.amount(p, 'performance.monitoredAmount').t('万元；绩效自评的');
    c.year(p).t('年度项目');
    c.count(p, 'performance.selfAssessed').t('个，涉及预算金额');
    c.amount(p, 'performance.amount').t('万元，平均得分');
    c.count(p, 'performance.averageScore').t('分（其中，绩效评级为“优”的项目');
    c.count(p, 'performance.gradeExcellent').t('个；绩效评级为“良”的项目');
    c.count(p, 'performance.gradeGood').t('个；绩效评级为“合格”的项目');
    c.count(p, 'performance.gradePass').t('个；绩效评级为“不合格”的项目');
    c.count(p, 'performance.gradeFail').t('个。绩效自评中共发现问题');
    c.count(p, 'performance.issues').t('个，已经完成整改的');
    c.count(p, 'performance.issuesFixed').t('个，正在整改的');
    c.count(p, 'performance.issuesFixing').t('个）。');
    S.push(section('10', h(10, '预算绩效管理情况'), 1, [p]));
  }

  // 十一 其他重要事项
  {
    const running = new Para('running');
    if (c.isZero('running.amount') && (c.fen('running.amount.last') ?? 0) === 0) {
      c.unit(running);
      c.year(running).t('年度无机关运行经费支出。');
    } else {
      running.t('机关运行经费支出');
      c.amount(running, 'running.amount').t('万元，');
      c.changeAgainstLastYear(running, 'running.amount', '机关运行经费', '年度').t('。');
      if (c.changeState('running.amount') !== 'flat') {
        running.t('主要原因是');
        c.userText(running, 'reason.running', c.changeReasonLabel('running.amount', '机关运行经费')).t('。');
      }
    }

    const proc = new Para('procurement');
    c.unit(proc);
    c.year(proc).t('年度政府采购金额（以合同签订为准）为');
    c.amount(proc, 'procurement.total').t('万元');
    if (!c.isZero('procurement.total')) {
      proc.t('，其中：货物采购金额');
      c.amount(proc, 'procurement.goods', '货物采购金额').t('万元、工程采购金额');
      c.amount(proc, 'procurement.works', '工程采购金额').t('万元、服务采购金额');
      c.amount(proc, 'procurement.services', '服务采购金额').t('万元');
    }
    proc.t('。');
    const sme = new Para('procurement.sme');
    c.year(sme).t('年度本部门面向中小企业预留政府采购项目预算金额');
    c.amount(sme, 'procurement.reservedSme').t('万元，面向小微企业预留政府采购项目预算金额');
    c.amount(sme, 'procurement.reservedSmall').t('万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额');
    c.amount(sme, 'procurement.reservedSmeAwarded').t('万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额');
    c.amount(sme, 'procurement.reservedSmallAwarded').t('万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额');
    c.amount(sme, 'procurement.otherSmeAwarded').t('万元。');

    const assets = new Para('assets').t('截至');
    c.year(assets).t('年12月31日，');
    c.unit(assets).t('共有车辆');
    c.count(assets, 'vehicles.total').t('辆，其中：');
    const kinds: [FactKey, string][] = [
      ['vehicles.ministerial', '部级领导干部用车'],
      ['vehicles.leader', '主要领导干部用车'],
      ['vehicles.confidential', '机要通信用车'],
      ['vehicles.emergency', '应急保障用车'],
      ['vehicles.enforcement', '执法执勤用车'],
      ['vehicles.special', '特种专业技术用车'],
      ['vehicles.retiree', '离退休干部用车'],
      ['vehicles.other', '其他用车'],
    ];
    kinds.forEach(([key, label], i) => {
      if (i) assets.t('、');
      c.count(assets.t(label), key).t('辆');
    });
    assets.t('。单价100万元（含）以上设备（不含车辆）');
    c.count(assets, 'assets.largeEquipment').t('台（套）。');

    S.push(
      section('11', h(11, '其他重要事项的情况说明'), 1, [], [
        section('11.1', '（一）机关运行经费支出情况', 2, [running]),
        section('11.2', '（二）政府采购支出情况', 2, [proc, sme]),
        section('11.3', '（三）国有资产占有使用情况说明', 2, [assets]),
      ]),
    );
  }

  S.push(shanghaiGlossary(c));
  return S;
}

/** "决算数大于预算数的主要原因：…。" / "决算数与预算数持平。" (nothing when there is no budget to compare). */
function budgetReason(c: Ctx, p: Para, base: BaseKey, supKey: string, subject: string, budgetKey: FactKey = `${base}.budget`): void {
  // Against the budget the sentence completes (全年预算 when the unit states it).
  const a = c.fen(base);
  const b = c.fen(budgetKey);
  const s = a === undefined || b === undefined ? 'unknown' : a > b ? 'over' : a < b ? 'under' : 'equal';
  if (s === 'equal') {
    p.t('决算数与预算数持平。');
    return;
  }
  const word = s === 'over' ? '决算数大于预算数' : s === 'under' ? '决算数小于预算数' : '决算数与预算数差异';
  p.t(`${word}的主要原因：`);
  c.userText(p, supKey, `${subject}${word}的主要原因`).t('。');
}

/** One 项 of 五（三）, 八, 九: path, use, 年初预算, 决算, reason. */
function itemParagraph(c: Ctx, base: BaseKey, n: number, code: string, names: Map<string, string>, kind: 'item' | 'fund' | 'capital'): Para {
  const p = new Para(base).t(`${n}、${subjectPath(code, c.f.year, 'shanghai', names)}。主要用于：`);
  const name = c.f.names[code] ?? code;
  c.userText(p, `${kind}Use.${code}`, `${code} ${name}的主要用途`).t('。');
  // As the unit states its budget: 年初预算 (and 全年预算 when adjusted), completion of the one stated last.
  const initial = c.has(`${base}.budget`);
  const adjusted = c.has(`${base}.adjusted`);
  if (initial || !adjusted) {
    p.t('年初预算为');
    c.amount(p, `${base}.budget`).t('万元');
    if (adjusted) c.amount(p.t('（全年预算为'), `${base}.adjusted`).t('万元）');
  } else c.amount(p.t('全年预算为'), `${base}.adjusted`).t('万元');
  p.t('，支出决算为');
  c.amount(p, base).t('万元');
  if (adjusted && c.has(`${base}.adjustedCompletion`)) c.pct(p.t('，完成全年预算的'), `${base}.adjustedCompletion`).t('%');
  else if (c.has(`${base}.completion`)) c.completion(p.t('，'), base, { of: true, initial: true });
  p.t('。');
  budgetReason(c, p, base, `${kind}Reason.${code}`, `${code} ${name}`, adjusted ? `${base}.adjusted` : `${base}.budget`);
  return p;
}

function threePublic(c: Ctx, heading: string): NarrativeSection {
  const none =
    c.isZero('threePublic.total') && (c.fen('threePublic.total.budget') ?? 0) === 0 && (c.fen('threePublic.total.last') ?? 0) === 0;
  if (none) {
    const p = new Para('threePublic.none');
    c.unit(p);
    c.year(p).t('年度无“三公”经费财政拨款支出。');
    return section('7', heading, 1, [p]);
  }
  const items: [ThreePublicKey, string, string, string][] = [
    ['abroad', '因公出国（境）费', '因公出国（境）费决算为', 'reason.abroad'],
    ['vehicle', '公务用车购置及运行维护费', '公务用车购置及运行维护费支出决算为', 'reason.vehicle'],
    ['reception', '公务接待费', '公务接待费支出决算为', 'reason.reception'],
  ];
  const completion = (p: Para, base: BaseKey) => {
    if (!c.has(`${base}.completion`) && c.f.gaps[`${base}.completion`]?.why === 'zeroBase' && c.isZero(base)) return p;
    return c.completion(p.t('，'), base, { of: true });
  };

  const p1 = new Para('threePublic.total').t('“三公”经费财政拨款支出年初预算为');
  c.amount(p1, 'threePublic.total.budget').t('万元，支出决算为');
  c.amount(p1, 'threePublic.total').t('万元');
  completion(p1, 'threePublic.total').t('，其中：');
  items.forEach(([k, , lead], i) => {
    if (i) p1.t('；');
    p1.t(lead);
    c.amount(p1, `threePublic.${k}`).t('万元');
    completion(p1, `threePublic.${k}`);
  });
  p1.t('。');
  c.year(p1).t('年度“三公”经费支出');
  budgetReason(c, p1, 'threePublic.total', 'reason.threePublicBudget', '“三公”经费');

  const p2 = new Para('threePublic.change');
  c.year(p2).t('年度“三公”经费财政拨款支出决算数');
  c.changeAgainstLastYear(p2, 'threePublic.total', '“三公”经费', '年度').t('，其中：');
  items.forEach(([k, label], i) => {
    if (i) p2.t('；');
    p2.t(`${label}支出决算`);
    c.change(p2, `threePublic.${k}`, label);
  });
  p2.t('。');
  for (const [k, label, , supKey] of items) {
    const s = c.changeState(`threePublic.${k}`);
    if (s === 'flat') continue;
    p2.t(`${label}支出${s === 'increase' ? '增加' : s === 'decrease' ? '减少' : '变动'}的主要原因是`);
    c.userText(p2, supKey, c.changeReasonLabel(`threePublic.${k}`, label)).t('。');
  }

  const p3 = new Para('threePublic.structure').t('“三公”经费财政拨款支出决算中，');
  items.forEach(([k, label], i) => {
    if (i) p3.t('；');
    p3.t(`${label}支出决算`);
    c.amount(p3, `threePublic.${k}`).t('万元');
    if (c.has(`threePublic.${k}.share`)) c.pct(p3.t('，占'), `threePublic.${k}.share`).t('%');
  });
  p3.t('。具体情况如下：');

  const abroad = new Para('threePublic.abroad').t('1、因公出国（境）费支出');
  c.amount(abroad, 'threePublic.abroad').t('万元。全年安排因公出国（境）团组');
  c.count(abroad, 'trips.groups').t('个、累计出国（境）');
  c.count(abroad, 'trips.people').t('人次。');
  if (!c.isZero('threePublic.abroad')) {
    abroad.t('开支内容包括：');
    c.userText(abroad, 'trips.content', '因公出国（境）开支内容').t('。');
  }

  const vehicle = new Para('threePublic.vehicle').t('2、公务用车购置及运行维护费支出');
  c.amount(vehicle, 'threePublic.vehicle').t('万元。其中：');
  const purchase = new Para('threePublic.vehiclePurchase').t('公务用车购置支出为');
  c.amount(purchase, 'threePublic.vehiclePurchase').t('万元');
  if (!c.isZero('threePublic.vehiclePurchase')) {
    purchase.t('，全年购置公务用车');
    c.count(purchase, 'vehicles.purchased').t('辆');
  }
  purchase.t('。');
  const running = new Para('threePublic.vehicleRunning').t('公务用车运行维护支出');
  c.amount(running, 'threePublic.vehicleRunning').t('万元');
  if (!c.isZero('threePublic.vehicleRunning')) {
    running.t('。主要用于');
    c.userText(running, 'vehicles.runningUses', '公务用车运行维护费主要用途');
  }
  running.t('。');
  c.year(running).t('年，');
  c.unit(running).t('所属各预算单位开支财政拨款的公务用车保有量为');
  c.count(running, 'vehicles.fleet').t('辆。');

  const reception = new Para('threePublic.reception').t('3、公务接待费支出');
  c.amount(reception, 'threePublic.reception').t('万元。');
  if (!c.isZero('threePublic.reception')) {
    reception.t('其中：国内公务接待支出');
    c.amount(reception, 'threePublic.reception').t('万元（含外宾接待支出');
    c.amount(reception, 'reception.foreign.amount').t('万元）。主要用于');
    c.userText(reception, 'reception.uses', '公务接待费主要用途').t('，国内公务接待');
    c.count(reception, 'reception.domestic.batches').t('批次、');
    c.count(reception, 'reception.domestic.people').t('人次，接待外宾');
    c.count(reception, 'reception.foreign.batches').t('批次、');
    c.count(reception, 'reception.foreign.people').t('人次。');
  }

  return section('7', heading, 1, [], [
    section('7.1', '（一）“三公”经费财政拨款支出决算总体情况说明', 2, [p1, p2]),
    section('7.2', '（二）“三公”经费财政拨款支出决算具体情况说明', 2, [p3, abroad, vehicle, purchase, running, reception]),
  ]);
}
