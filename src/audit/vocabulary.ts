/**
 * The vocabulary that maps what a sentence talks about ("本年收入合计", "公务接待费", "授予中小企业合同金额")
 * to a quantity of the accounts model or of 补充信息. It is data: one row per wording, scoped to the
 * sections where the wording has that meaning ("支出" alone is 支出总计 in 一 and 财政拨款支出 in 四).
 *
 * Quantities are the keys of narrative/facts.ts (computeFacts): "income.total", "total.income",
 * "general.class.212", "threePublic.reception", "procurement.sme", and 补充信息 keys for counts
 * ("vehicles.fleet"). Shares, changes and completion rates are that key plus ".share", ".change",
 * ".changePct", ".completion".
 */
import { SectionKind, SubKind } from './sections';
import type { FactKey } from '../model/quantities';

/** A fact key, or a part of a fund the checker resolves itself (fund.part, capital.part). */
export type VocabularyKey = FactKey | 'fund.part' | 'capital.part';
import { CLASS_NAMES, normaliseName } from '../catalogue/classes';

export interface SubjectEntry {
  /** Searched in the cleaned subject phrase (normalised characters: half-width brackets). */
  re: RegExp;
  /** The quantity (a key of the catalogue, model/quantities.ts), or per unit for counts. */
  q: VocabularyKey | Record<string, VocabularyKey>;
  /** Only in these sections (undefined: anywhere in scope). */
  in?: SectionKind[];
  /** Not in these sections. */
  notIn?: SectionKind[];
  /** The whole sentence must match (e.g. 购置 for the purchase counts). */
  sentence?: RegExp;
  /** Quantities the wording may also mean: a text equal to one of them is not a mistake. */
  accept?: VocabularyKey[];
  kind: 'money' | 'count';
}

const M = 'money' as const;
const C = 'count' as const;

export const SUBJECTS: SubjectEntry[] = [
  // 总表 lines
  { kind: M, re: /本年收入(合计|小计)/, q: 'income.total', notIn: ['fiscal'] },
  { kind: M, re: /本年收入(合计|小计)/, q: 'fiscal.income', in: ['fiscal'] },
  { kind: M, re: /本年支出(合计|小计)/, q: 'expenditure.total', notIn: ['fiscal'] },
  { kind: M, re: /本年支出(合计|小计)/, q: 'fiscal.expenditure', in: ['fiscal'] },
  // "收入、支出总计", "收、支总计", "收支决算总计": one figure for both (they are equal).
  { kind: M, re: /(收入[、和与及]?支出|收[、和与及]支|收支)(决算)?总计/, q: 'total.income', notIn: ['fiscal'], accept: ['total.expenditure'] },
  { kind: M, re: /收入总计/, q: 'total.income', notIn: ['fiscal'] },
  { kind: M, re: /支出总计/, q: 'total.expenditure', notIn: ['fiscal'] },
  { kind: M, re: /财政拨款(收入[、和与及]?支出|收[、和与及]支|收支)(决算)?总计/, q: 'fiscal.grandTotal' },
  { kind: M, re: /财政拨款收入总计/, q: 'fiscal.grandTotal' },
  { kind: M, re: /财政拨款支出总计/, q: 'fiscal.expenditureGrandTotal' },
  { kind: M, re: /(收入[、和与及]?支出|收[、和与及]支|收支)(决算)?总计/, q: 'fiscal.grandTotal', in: ['fiscal'] },
  { kind: M, re: /收入总计/, q: 'fiscal.grandTotal', in: ['fiscal'] },
  { kind: M, re: /支出总计/, q: 'fiscal.expenditureGrandTotal', in: ['fiscal'] },
  // "占总支出的44.15%", "占总收入的98.52%": the year's 合计 (the 总计 holds the carry-over).
  { kind: M, re: /^(本年)?总支出$|^(本年)?支出总额$/, q: 'expenditure.total', notIn: ['fiscal'], accept: ['total.expenditure'] },
  { kind: M, re: /^(本年)?总收入$|^(本年)?收入总额$/, q: 'income.total', notIn: ['fiscal'], accept: ['total.income'] },
  { kind: M, re: /(本年度?)?收入/, q: 'total.income', in: ['overview'], accept: ['income.total'] },
  { kind: M, re: /(本年度?)?支出/, q: 'total.expenditure', in: ['overview'], accept: ['expenditure.total'] },
  { kind: M, re: /(财政拨款)?收入/, q: 'fiscal.income', in: ['fiscal'], accept: ['fiscal.grandTotal'] },
  { kind: M, re: /(财政拨款)?支出/, q: 'fiscal.expenditure', in: ['fiscal'], accept: ['fiscal.expenditureGrandTotal'] },
  { kind: M, re: /财政拨款收入/, q: 'income.fiscal', in: ['income'] },
  { kind: M, re: /一般公共预算(财政)?拨款(收入)?/, q: 'income.generalBudget', in: ['income', 'overview', 'fiscal'] },
  { kind: M, re: /一般公共预算(财政)?拨款收入/, q: 'income.generalBudget' },
  { kind: M, re: /政府性基金预算(财政)?拨款(收入)?/, q: 'income.governmentFund', in: ['income', 'overview', 'fiscal'] },
  { kind: M, re: /国有资本经营预算(财政)?拨款(收入)?/, q: 'income.stateCapital', in: ['income', 'overview', 'fiscal'] },
  { kind: M, re: /上级补助收入/, q: 'income.superiorSubsidy' },
  { kind: M, re: /事业收入/, q: 'income.business' },
  { kind: M, re: /经营收入/, q: 'income.operating' },
  { kind: M, re: /附属单位上缴收入/, q: 'income.affiliated' },
  { kind: M, re: /其他收入/, q: 'income.other' },
  { kind: M, re: /使用非财政拨款结余/, q: 'income.useNonFiscalBalance' },
  { kind: M, re: /年初(财政拨款)?结转和?结余/, q: 'income.openingBalance', notIn: ['fiscal'] },
  { kind: M, re: /年末(财政拨款)?结转和?结余/, q: 'expenditure.closingBalance', notIn: ['fiscal'] },
  { kind: M, re: /结余分配/, q: 'expenditure.surplusDistribution' },
  // 支出决算表 columns (三)
  { kind: M, re: /基本支出/, q: 'expenditure.basic', in: ['expenditure', 'overview'] },
  { kind: M, re: /项目支出/, q: 'expenditure.project', in: ['expenditure', 'overview'] },
  { kind: M, re: /上缴上级支出/, q: 'expenditure.remit' },
  { kind: M, re: /经营支出/, q: 'expenditure.operating' },
  { kind: M, re: /对附属单位补助支出/, q: 'expenditure.subsidy' },
  // 一般公共预算 (五、六)
  { kind: M, re: /一般公共预算(财政拨款)?支出(决算)?/, q: 'general.total' },
  { kind: M, re: /一般公共预算(财政拨款)?(支出)?(中的?)?基本支出/, q: 'general.basic' },
  { kind: M, re: /一般公共预算(财政拨款)?(支出)?(中的?)?项目支出/, q: 'general.project' },
  { kind: M, re: /一般公共预算(财政)?拨款/, q: 'general.total', in: ['general'] },
  { kind: M, re: /基本支出/, q: 'general.basic', in: ['general', 'basic'] },
  { kind: M, re: /项目支出/, q: 'general.project', in: ['general', 'basic'] },
  { kind: M, re: /人员经费/, q: 'basic.personnel', in: ['basic', 'general', 'expenditure'] },
  { kind: M, re: /(日常)?公用经费/, q: 'basic.public', in: ['basic', 'general', 'expenditure'] },
  // "三公"经费 (七)
  { kind: M, re: /三公.?经费/, q: 'threePublic.total' },
  { kind: M, re: /因公出国\(境\)(费|经费)?/, q: 'threePublic.abroad' },
  { kind: M, re: /公务用车购置及运行(维护)?(费|经费)?/, q: 'threePublic.vehicle' },
  { kind: M, re: /公务用车购置(费|支出)?/, q: 'threePublic.vehiclePurchase' },
  { kind: M, re: /公务用车运行(维护)?(费|支出)?/, q: 'threePublic.vehicleRunning' },
  { kind: M, re: /公务接待(费)?/, q: 'threePublic.reception' },
  // The 上海 form's "国内公务接待支出X万元（含外宾接待支出Y万元）" is the whole 公务接待费.
  { kind: M, re: /国内公务接待(支出|费)?/, q: 'reception.domestic.amount', accept: ['threePublic.reception'] },
  { kind: M, re: /外事接待(支出|费)?|(接待)?外宾(接待)?(支出|费)/, q: 'reception.foreign.amount' },
  // 政府性基金 (八), 国有资本经营 (九)
  { kind: M, re: /政府性基金预算(财政)?(拨款)?支出/, q: 'fund.expenditure' },
  { kind: M, re: /政府性基金预算(财政)?(拨款)?收入/, q: 'fund.income', in: ['govFund'] },
  { kind: M, re: /国有资本经营预算(财政)?(拨款)?支出/, q: 'capital.expenditure' },
  { kind: M, re: /国有资本经营预算(财政)?(拨款)?收入/, q: 'capital.income', in: ['stateCapital'] },
  // Parts of the 基金/国资 expenditure the facts do not hold: placed, then reported as 未核对.
  { kind: M, re: /(基本|项目)支出/, q: 'fund.part', in: ['govFund'] },
  { kind: M, re: /(基本|项目)支出/, q: 'capital.part', in: ['stateCapital'] },
  { kind: M, re: /收入/, q: 'fund.income', in: ['govFund'] },
  { kind: M, re: /支出/, q: 'fund.expenditure', in: ['govFund'] },
  { kind: M, re: /收入/, q: 'capital.income', in: ['stateCapital'] },
  { kind: M, re: /支出/, q: 'capital.expenditure', in: ['stateCapital'] },
  // 其他重要事项 (十)
  { kind: M, re: /机关运行经费/, q: 'running.amount' },
  { kind: M, re: /政府采购(支出)?(总额|金额|合计)/, q: 'procurement.total' },
  { kind: M, re: /(政府采购)?货物(采购)?(支出)?/, q: 'procurement.goods', in: ['procurement', 'other'] },
  { kind: M, re: /(政府采购)?工程(采购)?(支出)?/, q: 'procurement.works', in: ['procurement', 'other'] },
  { kind: M, re: /(政府采购)?服务(采购)?(支出)?/, q: 'procurement.services', in: ['procurement', 'other'] },
  { kind: M, re: /(授予)?中小企业(合同)?(金额)?/, q: 'procurement.sme' },
  // 上海 form: 预留 budgets and what was awarded within them (longer wordings than 中小企业…金额, so they win).
  { kind: M, re: /面向中小企业预留(的)?(政府采购)?(项目)?(预算)?(金额)?/, q: 'procurement.reservedSme' },
  { kind: M, re: /面向小微企业预留(的)?(政府采购)?(项目)?(预算)?(金额)?/, q: 'procurement.reservedSmall' },
  { kind: M, re: /面向中小企业预留.{0,12}由中小企业.{0,8}中标或成交.{0,6}/, q: 'procurement.reservedSmeAwarded' },
  { kind: M, re: /面向小微企业预留.{0,12}由小微企业.{0,8}中标或成交.{0,6}/, q: 'procurement.reservedSmallAwarded' },
  { kind: M, re: /其他(政府)?采购项目.{0,8}由中小企业.{0,8}中标或成交.{0,6}/, q: 'procurement.otherSmeAwarded' },
  { kind: M, re: /(授予)?小微企业(合同)?(金额)?/, q: 'procurement.small' },
  { kind: M, re: /购置公务用车.{0,8}金额/, q: 'threePublic.vehiclePurchase', sentence: /购置/ },
  { kind: M, re: /轿车.{0,6}金额/, q: 'vehicles.purchased.sedanAmount', sentence: /购置/ },
  { kind: M, re: /越野车.{0,6}金额/, q: 'vehicles.purchased.suvAmount', sentence: /购置/ },
  { kind: M, re: /载客汽车.{0,6}金额/, q: 'vehicles.purchased.busAmount', sentence: /购置/ },
  // "编报绩效目标的项目5个，涉及预算金额…": the amount of the projects counted in the clause before.
  { kind: M, re: /(编报|编制)(了)?绩效目标.{0,16}涉及(预算)?(金额|资金)/, q: 'performance.targetsAmount', in: ['performance', 'other'] },
  { kind: M, re: /绩效(跟踪|监控).{0,16}涉及(预算)?(金额|资金)/, q: 'performance.monitoredAmount', in: ['performance', 'other'] },
  { kind: M, re: /绩效自评.{0,16}涉及(预算)?(金额|资金)|绩效自评.{0,8}资金|涉及.{0,4}资金/, q: 'performance.amount', in: ['performance', 'other'] },
  // Counts
  { kind: C, re: /团组/, q: { 个: 'trips.groups', 次: 'trips.groups', 人次: 'trips.people' } },
  { kind: C, re: /出国\(境\)/, q: { 人: 'trips.people', 人次: 'trips.people' }, in: ['threePublic'] },
  { kind: C, re: /国内公务接待/, q: { 批次: 'reception.domestic.batches', 次: 'reception.domestic.batches', 人次: 'reception.domestic.people', 人: 'reception.domestic.people' } },
  // 外宾 are 外事接待, never 国内公务接待.
  { kind: C, re: /外事接待|接待外宾|外宾接待|外宾/, q: { 批次: 'reception.foreign.batches', 次: 'reception.foreign.batches', 人次: 'reception.foreign.people', 人: 'reception.foreign.people' } },
  { kind: C, re: /购置公务用车/, q: { 辆: 'vehicles.purchased' } },
  { kind: C, re: /轿车/, q: { 辆: 'vehicles.purchased.sedan' }, sentence: /购置/ },
  { kind: C, re: /越野车/, q: { 辆: 'vehicles.purchased.suv' }, sentence: /购置/ },
  { kind: C, re: /载客汽车/, q: { 辆: 'vehicles.purchased.bus' }, sentence: /购置/ },
  { kind: C, re: /(共有|保有)公务用车|公务用车保有量/, q: { 辆: 'vehicles.fleet' } },
  { kind: C, re: /共有车辆|车辆总数/, q: { 辆: 'vehicles.total' } },
  { kind: C, re: /部级领导干部用车/, q: { 辆: 'vehicles.ministerial' }, in: ['assets', 'other'] },
  { kind: C, re: /主要领导干部用车/, q: { 辆: 'vehicles.leader' }, in: ['assets', 'other'] },
  { kind: C, re: /机要通信用车/, q: { 辆: 'vehicles.confidential' }, in: ['assets', 'other'] },
  { kind: C, re: /应急保障用车/, q: { 辆: 'vehicles.emergency' }, in: ['assets', 'other'] },
  { kind: C, re: /执法执勤用车/, q: { 辆: 'vehicles.enforcement' }, in: ['assets', 'other'] },
  { kind: C, re: /特种专业技术用车/, q: { 辆: 'vehicles.special' }, in: ['assets', 'other'] },
  { kind: C, re: /离退休干部用车/, q: { 辆: 'vehicles.retiree' }, in: ['assets', 'other'] },
  { kind: C, re: /其他用车/, q: { 辆: 'vehicles.other' }, in: ['assets', 'other'] },
  // 上海 form: "绩效评级为“优”的项目3个" counts the projects of that grade.
  { kind: C, re: /绩效评级(为|是)?[“"‘']?优(秀)?[”"’']?/, q: { 个: 'performance.gradeExcellent', 项: 'performance.gradeExcellent' } },
  { kind: C, re: /绩效评级(为|是)?[“"‘']?良(好)?[”"’']?/, q: { 个: 'performance.gradeGood', 项: 'performance.gradeGood' } },
  { kind: C, re: /绩效评级(为|是)?[“"‘']?合格[”"’']?/, q: { 个: 'performance.gradePass', 项: 'performance.gradePass' } },
  { kind: C, re: /绩效评级(为|是)?[“"‘']?不合格[”"’']?/, q: { 个: 'performance.gradeFail', 项: 'performance.gradeFail' } },
  // "单价100万元（含）以上设备（不含车辆）2台（套）": equipment of any kind above the price line.
  { kind: C, re: /以上(的)?设备([(（]不含车辆[)）])?/, q: { '台(套)': 'assets.largeEquipment', 台: 'assets.largeEquipment', 套: 'assets.largeEquipment' } },
  { kind: C, re: /通用设备/, q: { '台(套)': 'assets.generalEquipment', 台: 'assets.generalEquipment', 套: 'assets.generalEquipment' } },
  { kind: C, re: /专用设备/, q: { '台(套)': 'assets.specialEquipment', 台: 'assets.specialEquipment', 套: 'assets.specialEquipment' } },
  { kind: C, re: /事前绩效评估/, q: { 个: 'performance.preAssessed', 项: 'performance.preAssessed' } },
  { kind: C, re: /编制(了)?绩效目标|编报绩效目标/, q: { 个: 'performance.targets', 项: 'performance.targets' } },
  { kind: C, re: /绩效监控|绩效跟踪/, q: { 个: 'performance.monitored', 项: 'performance.monitored' } },
  { kind: C, re: /绩效自评|完成情况自评|开展.{0,10}自评/, q: { 个: 'performance.selfAssessed', 项: 'performance.selfAssessed' } },
  // Problems found and fixed are counts of 问题, not of the projects evaluated.
  { kind: C, re: /发现(的)?问题|存在(的)?问题/, q: { 个: 'performance.issues', 项: 'performance.issues', 条: 'performance.issues' } },
  { kind: C, re: /已(完成)?整改|整改完成|完成整改/, q: { 个: 'performance.issuesFixed', 项: 'performance.issuesFixed', 条: 'performance.issuesFixed' } },
  { kind: C, re: /正在整改|整改中/, q: { 个: 'performance.issuesFixing', 项: 'performance.issuesFixing', 条: 'performance.issuesFixing' } },
];

/** Denominators a wrong share may have been computed on (for "A-占比分母"), as fact keys. */
export const DENOMINATOR_SUSPECTS = [
  'income.total',
  'total.income',
  'expenditure.total',
  'total.expenditure',
  'fiscal.income',
  'fiscal.expenditure',
  'fiscal.grandTotal',
  'general.total',
  'threePublic.total',
  'procurement.total',
];

export interface SubjectMatch {
  q: string;
  accept: string[];
  /** Matched text in the phrase. */
  text: string;
  index: number;
}

/** Remove what is not the subject: years, 本年度, 其中, list lead-ins, 类/款/项 markers, verbs at the end. */
export function cleanSubject(phrase: string): string {
  return phrase
    .replace(/\d{4}\s*年度?/g, '')
    .replace(/本年度(?!收入合计|支出合计)/g, '')
    .replace(/[（(](类|款|项)[)）]/g, '')
    .replace(/^[\s、，,；;：:]+/, '')
    .replace(/^(其中|主要用于以下方面|具体情况如下)[:：]?/, '')
    .replace(/^[\s、，,；;：:]+/, '')
    .replace(/人民币$/, '')
    .trim();
}

function classMatch(phrase: string, marked: boolean): { code: string; text: string; index: number } | undefined {
  const n = normaliseName(phrase);
  let best: { code: string; text: string; index: number } | undefined;
  for (const c of CLASS_NAMES) {
    for (const name of c.names) {
      const short = name.replace(/支出$/, '');
      // The name without 支出 ("一般公共服务（类）") only with the 类 marker or right before the figure.
      const variants = [name];
      if (short !== name && short.length >= 3 && (marked || n.endsWith(short))) variants.push(short);
      for (const variant of variants) {
        const i = n.indexOf(variant);
        if (i >= 0 && (!best || variant.length > best.text.length)) best = { code: c.code, text: variant, index: i };
      }
    }
  }
  return best;
}

/**
 * Resolve a subject phrase in a section to a quantity: the longest matching vocabulary row allowed
 * there; 类 names ("卫生健康支出", "一般公共服务（类）支出") become general.class.<类> (五、六) or expenditure.class.<类> elsewhere.
 */
export function resolveSubject(
  phrase: string,
  ctx: { kind: SectionKind | undefined; sub: SubKind; sentence: string; unit?: string; tokenKind: 'money' | 'count' },
): SubjectMatch | undefined {
  const p = cleanSubject(phrase);
  if (!p) return undefined;
  let best: SubjectMatch | undefined;
  for (const e of SUBJECTS) {
    if (e.kind !== ctx.tokenKind) continue;
    if (e.in && (!ctx.kind || !e.in.includes(ctx.kind))) continue;
    if (e.notIn && ctx.kind && e.notIn.includes(ctx.kind)) continue;
    if (e.sentence && !e.sentence.test(ctx.sentence)) continue;
    const m = e.re.exec(p);
    if (!m) continue;
    let q: string | undefined;
    if (typeof e.q === 'string') q = e.q;
    else q = ctx.unit ? e.q[ctx.unit] : undefined;
    if (!q) continue;
    // Longest match wins; on a tie the match nearer the end of the phrase (the figure's own subject).
    if (!best || m[0].length > best.text.length || (m[0].length === best.text.length && m.index > best.index)) {
      best = { q, accept: e.accept ?? [], text: m[0], index: m.index };
    }
  }
  // 类 names only where 类 are listed (五 结构, 三 支出): elsewhere "其他支出" is just words.
  if (ctx.tokenKind === 'money' && (ctx.kind === 'general' || ctx.kind === 'expenditure')) {
    const cm = classMatch(p, /[(（]类[)）]/.test(phrase));
    if (cm && (!best || cm.text.length > best.text.length)) {
      const table = ctx.kind === 'general' ? 'general' : 'expenditure';
      best = { q: `${table}.class.${cm.code}`, accept: [], text: cm.text, index: cm.index };
    }
  }
  return best;
}
