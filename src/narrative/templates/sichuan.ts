/**
 * The 四川 form (the default): the wording of the published 说明 of 攀枝花市西区 街道 (seeds 001, 002),
 * with their mistakes corrected. It keeps every income and expenditure line and every "三公" item, zeros
 * included ("0万元，占0%"); years are written "2021年"; changes as "增加X万元，增长Y%"; reasons as
 * "主要变动原因是…。".
 */
import type { BaseKey, FactKey } from '../../model/quantities';
import { EXPENDITURE_LINES, INCOME_LINES } from '../facts';
import { subjectPath } from '../subjects';
import { NarrativeSection } from '../types';
import { Ctx, Para, cnNumber, section } from './common';
import { sichuanGlossary } from './glossary';

export function sichuanSections(c: Ctx): NarrativeSection[] {
  const f = c.f;
  const S: NarrativeSection[] = [];
  const h = (n: number, text: string) => `${cnNumber(n)}、${text}`;

  // 一 收入支出决算总体情况
  {
    const p = new Para('total');
    c.year(p).t('年度收入总计');
    c.amount(p, 'total.income').t('万元、支出总计');
    c.amount(p, 'total.expenditure').t('万元。与');
    c.lastYear(p).t('年相比，');
    if (c.sameTotals('total.income', 'total.expenditure')) {
      // 收入总计 = 支出总计 (as 表1 always balances): "收、支总计各增加X万元，增长Y%", one clause, one input.
      c.bothChange(p, 'total.income', 'total.expenditure', '收、支总计').t('。');
    } else {
      p.t('收入总计');
      c.change(p, 'total.income', '收入总计').t('；支出总计');
      c.change(p, 'total.expenditure', '支出总计').t('。');
    }
    const moved = c.sameTotals('total.income', 'total.expenditure')
      ? c.changeState(c.has('total.income.change') || !c.has('total.expenditure.change') ? 'total.income' : 'total.expenditure') !== 'flat'
      : c.changeState('total.income') !== 'flat' || c.changeState('total.expenditure') !== 'flat';
    if (moved) {
      p.t('主要变动原因是');
      c.userText(p, 'reason.total', '收入支出总计变动的主要原因').t('。');
    }
    S.push(section('1', h(1, '收入支出决算总体情况说明'), 1, [p]));
  }

  // 二 收入决算情况
  {
    const p = new Para('income.structure');
    c.year(p).t('年本年收入合计');
    c.amount(p, 'income.total').t('万元，其中：');
    f.lists.incomeLines.forEach((k, i) => {
      const label = INCOME_LINES.find(([x]) => x === k)![1];
      if (i) p.t('；');
      p.t(label);
      c.amount(p, `income.${k}`).t('万元');
      if (c.has(`income.${k}.share`)) c.pct(p.t('，占'), `income.${k}.share`).t('%');
    });
    p.t('。');
    S.push(section('2', h(2, '收入决算情况说明'), 1, [p]));
  }

  // 三 支出决算情况
  {
    const p = new Para('expenditure.structure');
    c.year(p).t('年本年支出合计');
    c.amount(p, 'expenditure.total').t('万元，其中：');
    f.lists.expenditureLines.forEach((k, i) => {
      const label = EXPENDITURE_LINES.find(([x]) => x === k)![1];
      if (i) p.t('；');
      p.t(label);
      c.amount(p, `expenditure.${k}`).t('万元');
      if (c.has(`expenditure.${k}.share`)) c.pct(p.t('，占'), `expenditure.${k}.share`).t('%');
    });
    p.t('。');
    S.push(section('3', h(3, '支出决算情况说明'), 1, [p]));
  }

  // 四 财政拨款收入支出决算总体情况
  {
    // 财政拨款收、支总计 and its change (the documents' wording); 本年收入、支出 and their changes when known.
    const p = new Para('fiscal');
    c.year(p).t('年财政拨款收入');
    c.amount(p, 'fiscal.income').t('万元、支出');
    c.amount(p, 'fiscal.expenditure').t('万元');
    // The 收、支总计 too when the carry-overs make it differ from the year's income or expenditure.
    const grand = c.fen('fiscal.grandTotal');
    if (grand !== undefined && (grand !== c.fen('fiscal.income') || grand !== c.fen('fiscal.expenditure'))) {
      if (c.sameTotals('fiscal.grandTotal', 'fiscal.expenditureGrandTotal') || !c.has('fiscal.expenditureGrandTotal')) {
        c.amount(p.t('，财政拨款收、支总计均为'), 'fiscal.grandTotal').t('万元');
      } else {
        c.amount(p.t('，财政拨款收入总计'), 'fiscal.grandTotal').t('万元、支出总计');
        c.amount(p, 'fiscal.expenditureGrandTotal').t('万元');
      }
    }
    p.t('。与');
    c.lastYear(p).t('年相比，');
    const grandChange = c.fact('fiscal.grandTotal.change');
    const parts = c.has('fiscal.income.change') && c.has('fiscal.expenditure.change');
    const same = (k: BaseKey) => c.fact(`${k}.change`)?.fen === grandChange?.fen;
    let moved: boolean;
    if (grandChange || !parts) {
      // One clause on the 收、支总计 (one input when last year is unknown: 上年财政拨款收入支出总计).
      p.t('财政拨款收、支总计');
      if (c.changeState('fiscal.grandTotal') === 'flat') p.t('均持平');
      else c.change(p.t('各'), 'fiscal.grandTotal', '财政拨款收、支总计');
      if (grandChange && parts && !(same('fiscal.income') && same('fiscal.expenditure'))) {
        p.t('；本年财政拨款收入');
        c.change(p, 'fiscal.income', '财政拨款收入').t('，支出');
        c.change(p, 'fiscal.expenditure', '财政拨款支出');
      }
      moved = c.changeState('fiscal.grandTotal') !== 'flat';
    } else {
      p.t('财政拨款收入');
      c.change(p, 'fiscal.income', '财政拨款收入').t('；财政拨款支出');
      c.change(p, 'fiscal.expenditure', '财政拨款支出');
      moved = c.changeState('fiscal.income') !== 'flat' || c.changeState('fiscal.expenditure') !== 'flat';
    }
    p.t('。');
    if (moved) {
      p.t('主要变动原因是');
      c.userText(p, 'reason.fiscal', '财政拨款收入支出变动的主要原因').t('。');
    }
    S.push(section('4', h(4, '财政拨款收入支出决算总体情况说明'), 1, [p]));
  }

  // 五 一般公共预算财政拨款支出决算情况
  {
    const p1 = new Para('general.total');
    c.year(p1).t('年一般公共预算财政拨款支出');
    c.amount(p1, 'general.total').t('万元');
    if (c.has('general.share')) c.pct(p1.t('，占本年支出合计的'), 'general.share').t('%');
    p1.t('。与');
    c.lastYear(p1).t('年相比，一般公共预算财政拨款支出');
    c.change(p1, 'general.total', '一般公共预算财政拨款支出').t('。');
    if (c.changeState('general.total') !== 'flat') {
      p1.t('主要变动原因是');
      c.userText(p1, 'reason.general', c.changeReasonLabel('general.total', '一般公共预算财政拨款支出')).t('。');
    }

    const p2 = new Para('general.structure');
    c.year(p2).t('年一般公共预算财政拨款支出');
    c.amount(p2, 'general.total').t('万元，主要用于以下方面：');
    f.lists.generalClasses.forEach((code, i) => {
      if (i) p2.t('；');
      p2.t(f.names[code] ?? code);
      c.amount(p2, `general.class.${code}`).t('万元');
      if (c.has(`general.class.${code}.share`)) c.pct(p2.t('，占'), `general.class.${code}.share`).t('%');
    });
    p2.t('。');

    const p3 = new Para('general.detail');
    c.year(p3).t('年一般公共预算支出决算数为');
    c.amount(p3, 'general.total').t('万元，');
    c.completion(p3, 'general.total').t('。其中：');
    const items = f.lists.generalItems.map((code, i) => {
      const p = new Para(`general.item.${code}`);
      p.t(`${i + 1}.${subjectPath(code, f.year, 'sichuan', namesMap(f.names))}：`);
      c.year(p).t('年支出决算数为');
      c.amount(p, `general.item.${code}`).t('万元，');
      c.completion(p, `general.item.${code}`).t('。');
      return c.itemChange(p, `general.item.${code}`, `lastItem.${code}`);
    });
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
    const p1 = new Para('basic.total');
    c.year(p1).t('年一般公共预算财政拨款基本支出');
    c.amount(p1, 'basic.total').t('万元，其中：');
    const p2 = new Para('basic.personnel').t('人员经费');
    c.amount(p2, 'basic.personnel').t('万元');
    if (f.lists.personnelItems.length) p2.t(`，主要包括：${f.lists.personnelItems.map((i) => i.name).join('、')}`);
    p2.t('。');
    const p3 = new Para('basic.public').t('公用经费');
    c.amount(p3, 'basic.public').t('万元');
    if (f.lists.publicItems.length) p3.t(`，主要包括：${f.lists.publicItems.map((i) => i.name).join('、')}`);
    p3.t('。');
    S.push(section('6', h(6, '一般公共预算财政拨款基本支出决算情况说明'), 1, [p1, p2, p3]));
  }

  // 七 "三公"
  S.push(threePublic(c, h(7, '“三公”经费财政拨款支出决算情况说明')));

  // 八 / 九 政府性基金、国有资本经营
  for (const [n, fund, title] of [
    [8, 'fund', '政府性基金预算'],
    [9, 'capital', '国有资本经营预算'],
  ] as const) {
    const p = new Para(fund);
    if (fund === 'fund' ? f.flags.fundEmpty : f.flags.capitalEmpty) {
      p.t(`本年度没有${title}财政拨款收入和支出。`);
    } else {
      c.year(p).t(`年${title}财政拨款收入`);
      c.amount(p, `${fund}.income`).t('万元，支出');
      c.amount(p, `${fund}.expenditure`).t('万元');
      if (c.has(`${fund}.expenditure.share`)) c.pct(p.t('，占本年支出合计的'), `${fund}.expenditure.share`).t('%');
      p.t('。');
      // The change and its reason when last year's figure is known (补充信息, or 从上年决算导入).
      if (c.has(`${fund}.expenditure.change`)) {
        p.t('与');
        c.lastYear(p).t(`年相比，${title}财政拨款支出`);
        c.change(p, `${fund}.expenditure`, `${title}财政拨款支出`).t('。');
        if (c.changeState(`${fund}.expenditure`) !== 'flat') {
          p.t('主要变动原因是');
          c.userText(p, `reason.${fund}`, c.changeReasonLabel(`${fund}.expenditure`, `${title}财政拨款支出`)).t('。');
        }
      }
    }
    S.push(section(String(n), h(n, `${title}支出决算情况说明`), 1, [p]));
  }

  // 十 其他重要事项
  {
    const running = new Para('running');
    c.year(running).t('年，');
    c.unit(running).t('机关运行经费支出');
    c.amount(running, 'running.amount').t('万元，');
    c.changeAgainstLastYear(running, 'running.amount', '机关运行经费').t('。');
    if (c.changeState('running.amount') !== 'flat') {
      running.t('主要原因是');
      c.userText(running, 'reason.running', c.changeReasonLabel('running.amount', '机关运行经费')).t('。');
    }

    const proc = new Para('procurement');
    c.year(proc).t('年，');
    c.unit(proc);
    if (c.isZero('procurement.total')) proc.t('无政府采购支出。');
    else {
      proc.t('政府采购支出总额');
      c.amount(proc, 'procurement.total').t('万元，其中：政府采购货物支出');
      c.amount(proc, 'procurement.goods', '政府采购货物支出').t('万元、政府采购工程支出');
      c.amount(proc, 'procurement.works', '政府采购工程支出').t('万元、政府采购服务支出');
      c.amount(proc, 'procurement.services', '政府采购服务支出').t('万元。授予中小企业合同金额');
      c.amount(proc, 'procurement.sme').t('万元，占政府采购支出总额的');
      c.pct(proc, 'procurement.sme.share', '授予中小企业合同金额占政府采购支出总额的百分比').t('%，其中：授予小微企业合同金额');
      c.amount(proc, 'procurement.small').t('万元，占政府采购支出总额的');
      c.pct(proc, 'procurement.small.share', '授予小微企业合同金额占政府采购支出总额的百分比').t('%。');
    }

    const assets = new Para('assets').t('截至');
    c.year(assets).t('年12月31日，');
    c.unit(assets).t('共有车辆');
    c.count(assets, 'vehicles.total').t('辆，其中：主要领导干部用车');
    c.count(assets, 'vehicles.leader').t('辆、机要通信用车');
    c.count(assets, 'vehicles.confidential').t('辆、应急保障用车');
    c.count(assets, 'vehicles.emergency').t('辆、');
    for (const [key, label] of <[FactKey, string][]>[
      ['vehicles.enforcement', '执法执勤用车'],
      ['vehicles.special', '特种专业技术用车'],
      ['vehicles.retiree', '离退休干部用车'],
    ]) {
      if ((c.fact(key)?.number ?? 0) > 0) c.count(assets.t(label), key).t('辆、');
    }
    assets.t('其他用车');
    c.count(assets, 'vehicles.other').t('辆');
    if ((c.fact('vehicles.other')?.number ?? 0) > 0) {
      assets.t('，其他用车主要用于');
      c.userText(assets, 'vehicles.otherUses', '其他用车主要用途');
    }
    assets.t('，单价50万元以上通用设备');
    c.count(assets, 'assets.generalEquipment').t('台（套），单价100万元以上专用设备');
    c.count(assets, 'assets.specialEquipment').t('台（套）。');

    const perf = new Para('performance').t('根据预算绩效管理要求，本部门在');
    c.year(perf).t('年度预算编制阶段，组织对');
    c.count(perf, 'performance.preAssessed').t('个项目开展了预算事前绩效评估，对');
    c.count(perf, 'performance.targets').t('个项目编制了绩效目标，预算执行过程中，选取');
    c.count(perf, 'performance.monitored').t('个项目开展绩效监控，年终执行完毕后，对');
    c.count(perf, 'performance.selfAssessed').t('个项目开展了绩效自评。');
    if (c.has('performance.score')) {
      perf.t('本部门对');
      c.year(perf).t('年部门整体支出开展绩效自评，自评得分');
      c.count(perf, 'performance.score').t('分。');
    }

    S.push(
      section('10', h(10, '其他重要事项的情况说明'), 1, [], [
        section('10.1', '（一）机关运行经费支出情况', 2, [running]),
        section('10.2', '（二）政府采购支出情况', 2, [proc]),
        section('10.3', '（三）国有资产占有使用情况', 2, [assets]),
        section('10.4', '（四）预算绩效管理情况', 2, [perf]),
      ]),
    );
  }

  S.push(sichuanGlossary(c));
  return S;
}

function namesMap(names: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(names));
}

function threePublic(c: Ctx, heading: string): NarrativeSection {
  // No 三公 spending this year, none budgeted and none last year (an empty 三公 table): one sentence, no zeros.
  const none =
    c.isZero('threePublic.total') && (c.fen('threePublic.total.budget') ?? 0) === 0 && (c.fen('threePublic.total.last') ?? 0) === 0;
  if (none) {
    const p = new Para('threePublic.none');
    c.year(p).t('年');
    c.unit(p).t('无财政拨款“三公”经费支出。');
    return section('7', heading, 1, [p]);
  }
  const total = new Para('threePublic.total');
  c.year(total).t('年“三公”经费财政拨款支出决算为');
  c.amount(total, 'threePublic.total').t('万元，');
  c.completion(total, 'threePublic.total');
  const bs = c.budgetState('threePublic.total');
  if (bs === 'over' || bs === 'under' || (bs === 'unknown' && !c.has('threePublic.total.completion'))) {
    total.t(`，${c.budgetWord('threePublic.total')}的主要原因是`);
    c.userText(total, 'reason.threePublicBudget', `“三公”经费${c.budgetWord('threePublic.total')}的主要原因`);
  }
  total.t('。');
  // The change of the total against last year and its reason, when last year is known (from the items' last
  // year too); the items below ask for their own last-year figures.
  if (c.has('threePublic.total.change')) {
    total.t('“三公”经费财政拨款支出决算');
    c.changeAgainstLastYear(total, 'threePublic.total', '“三公”经费').t('。');
    if (c.changeState('threePublic.total') !== 'flat') {
      total.t('主要原因是');
      // When one item makes the whole change, its reason is the total's (unless one was typed for the total).
      const movers = (['abroad', 'vehicle', 'reception'] as const).filter((k) => c.changeState(`threePublic.${k}`) !== 'flat');
      const only = movers.length === 1 && c.fen(`threePublic.${movers[0]}.change`) === c.fen('threePublic.total.change') ? movers[0] : undefined;
      const key = !c.hasText('reason.threePublicChange') && only ? `reason.${only}` : 'reason.threePublicChange';
      c.userText(total, key, c.changeReasonLabel('threePublic.total', '“三公”经费')).t('。');
    }
  }

  const structure = new Para('threePublic.structure');
  c.year(structure).t('年“三公”经费财政拨款支出决算中，');
  (['abroad', 'vehicle', 'reception'] as const).forEach((k, i) => {
    if (i) structure.t('；');
    structure.t(`${k === 'abroad' ? '因公出国（境）费' : k === 'vehicle' ? '公务用车购置及运行维护费' : '公务接待费'}支出决算`);
    c.amount(structure, `threePublic.${k}`).t('万元');
    if (c.has(`threePublic.${k}.share`)) c.pct(structure.t('，占'), `threePublic.${k}.share`).t('%');
  });
  structure.t('。具体情况如下：');

  const changeSentence = (p: Para, base: BaseKey, subject: string, reasonKey: string) => {
    p.t(`${subject}支出决算`);
    c.changeAgainstLastYear(p, base, subject).t('。');
    if (c.changeState(base) !== 'flat') {
      p.t('主要原因是');
      c.userText(p, reasonKey, c.changeReasonLabel(base, subject)).t('。');
    }
  };

  const abroad = new Para('threePublic.abroad').t('1.因公出国（境）费支出');
  c.amount(abroad, 'threePublic.abroad').t('万元，');
  c.completion(abroad, 'threePublic.abroad').t('。全年安排因公出国（境）团组');
  c.count(abroad, 'trips.groups').t('个，出国（境）');
  c.count(abroad, 'trips.people').t('人次。');
  changeSentence(abroad, 'threePublic.abroad', '因公出国（境）费', 'reason.abroad');

  const vehicle = new Para('threePublic.vehicle').t('2.公务用车购置及运行维护费支出');
  c.amount(vehicle, 'threePublic.vehicle').t('万元，');
  c.completion(vehicle, 'threePublic.vehicle').t('。');
  changeSentence(vehicle, 'threePublic.vehicle', '公务用车购置及运行维护费', 'reason.vehicle');

  const purchase = new Para('threePublic.vehiclePurchase').t('其中：公务用车购置支出');
  c.amount(purchase, 'threePublic.vehiclePurchase').t('万元。全年按规定更新购置公务用车');
  c.count(purchase, 'vehicles.purchased').t('辆');
  if (c.fact('vehicles.purchased')?.number !== 0) {
    purchase.t('，其中：轿车');
    c.count(purchase, 'vehicles.purchased.sedan', '本年购置轿车数量').t('辆、金额');
    c.amount(purchase, 'vehicles.purchased.sedanAmount').t('万元，越野车');
    c.count(purchase, 'vehicles.purchased.suv', '本年购置越野车数量').t('辆、金额');
    c.amount(purchase, 'vehicles.purchased.suvAmount').t('万元，载客汽车');
    c.count(purchase, 'vehicles.purchased.bus', '本年购置载客汽车数量').t('辆、金额');
    c.amount(purchase, 'vehicles.purchased.busAmount').t('万元');
  }
  purchase.t('。截至');
  c.year(purchase).t('年12月底，单位共有公务用车');
  c.count(purchase, 'vehicles.fleet').t('辆');
  if (c.fact('vehicles.fleet')?.number !== 0) {
    purchase.t('，其中：轿车');
    c.count(purchase, 'vehicles.fleet.sedan', '保有轿车数量').t('辆、越野车');
    c.count(purchase, 'vehicles.fleet.suv', '保有越野车数量').t('辆、载客汽车');
    c.count(purchase, 'vehicles.fleet.bus', '保有载客汽车数量').t('辆，其他车辆');
    c.count(purchase, 'vehicles.fleet.other', '保有其他车辆数量').t('辆');
  }
  purchase.t('。');

  const running = new Para('threePublic.vehicleRunning').t('公务用车运行维护费支出');
  c.amount(running, 'threePublic.vehicleRunning').t('万元');
  if (!c.isZero('threePublic.vehicleRunning')) {
    running.t('，主要用于');
    c.userText(running, 'vehicles.runningUses', '公务用车运行维护费主要用途');
  }
  running.t('。');
  if (c.has('threePublic.vehicleRunning.change')) {
    running.t('与');
    c.lastYear(running).t('年相比，公务用车运行维护费');
    c.change(running, 'threePublic.vehicleRunning', '公务用车运行维护费').t('。');
    if (c.changeState('threePublic.vehicleRunning') !== 'flat') {
      running.t('主要原因是');
      c.userText(running, 'reason.vehicleRunning', c.changeReasonLabel('threePublic.vehicleRunning', '公务用车运行维护费')).t('。');
    }
  }

  const reception = new Para('threePublic.reception').t('3.公务接待费支出');
  c.amount(reception, 'threePublic.reception').t('万元，');
  c.completion(reception, 'threePublic.reception').t('。');
  changeSentence(reception, 'threePublic.reception', '公务接待费', 'reason.reception');

  const domestic = new Para('threePublic.reception.domestic').t('国内公务接待支出');
  c.amount(domestic, 'reception.domestic.amount').t('万元');
  if (!c.isZero('reception.domestic.amount')) {
    domestic.t('，主要用于');
    c.userText(domestic, 'reception.uses', '公务接待费主要用途');
  }
  domestic.t('。国内公务接待');
  c.count(domestic, 'reception.domestic.batches').t('批次，');
  c.count(domestic, 'reception.domestic.people').t('人次（不包括陪同人员），共计支出');
  c.amount(domestic, 'reception.domestic.amount').t('万元。');

  const foreign = new Para('threePublic.reception.foreign').t('外事接待支出');
  c.amount(foreign, 'reception.foreign.amount').t('万元，外事接待');
  c.count(foreign, 'reception.foreign.batches').t('批次，');
  c.count(foreign, 'reception.foreign.people').t('人次，共计支出');
  c.amount(foreign, 'reception.foreign.amount').t('万元。');

  return section('7', heading, 1, [], [
    section('7.1', '（一）“三公”经费财政拨款支出决算总体情况说明', 2, [total]),
    section('7.2', '（二）“三公”经费财政拨款支出决算具体情况说明', 2, [structure, abroad, vehicle, purchase, running, reception, domestic, foreign]),
  ]);
}
