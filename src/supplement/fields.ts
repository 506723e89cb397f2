/**
 * 补充信息: what the tables do not hold and the narrative and the rates need (DOMAIN.md §5 end, §6).
 * Each field has a stable key (kept in a hidden column of the sheet, so users may reorder or relabel
 * rows), a plain-Chinese label with its unit, and a kind that says how its value is read.
 *
 * Fields are data: the narrative templates and the rate definitions refer to them by key.
 */

export type FieldKind =
  | 'text' // 单位名称
  | 'year'
  | 'money' // 万元, 2 decimals
  | 'count' // 人、辆、个、批次、人次
  | 'score' // 分
  | 'reason'; // a reason sentence only a person can write

export interface FieldDef {
  key: string;
  group: string;
  label: string;
  kind: FieldKind;
  /** Unit shown next to the value. */
  unit?: string;
  /** A hint shown in the 说明 column. */
  hint?: string;
}

// Generic in the key, so that FieldKey below is the union of the literal keys (a misspelt key does not compile).
const money = <K extends string>(key: K, group: string, label: string, hint?: string): FieldDef & { key: K } => ({ key, group, label, kind: 'money', unit: '万元', hint });
const count = <K extends string>(key: K, group: string, label: string, unit: string, hint?: string): FieldDef & { key: K } => ({ key, group, label, kind: 'count', unit, hint });
const field = <K extends string>(f: FieldDef & { key: K }): FieldDef & { key: K } => f;
const reason = <K extends string>(key: K, group: string, label: string, hint?: string): FieldDef & { key: K } => ({ key, group, label, kind: 'reason', hint });

export const G = {
  basic: '基本信息',
  lastYear: '上年决算数（用于同比）',
  budget: '预算数（表中没有的）',
  staff: '人员',
  trips: '因公出国（境）',
  reception: '公务接待',
  vehicles: '公务用车和车辆',
  running: '机关运行经费',
  procurement: '政府采购',
  assets: '国有资产',
  performance: '预算绩效管理',
  reasons: '变动和差异原因',
  incomeContent: '收入主要内容（名词解释用）',
  lastItems: '上年一般公共预算财政拨款 各类、各项决算数（用于同比）',
  itemBudgets: '一般公共预算财政拨款 各项目年初预算',
  itemAdjusted: '一般公共预算财政拨款 各项目全年预算（调整后）',
  itemReasons: '各项目决算与预算差异原因',
  itemUses: '各项目主要用途',
  fundItems: '政府性基金预算财政拨款 各项目',
  capitalItems: '国有资本经营预算财政拨款 各项目',
} as const;

const FIELD_LIST = [
  field({ key: 'unitName', group: G.basic, label: '单位（部门）名称', kind: 'text', hint: '如：攀枝花市西区玉泉街道办事处' }),
  field({ key: 'shortName', group: G.basic, label: '单位简称（正文中使用，可空）', kind: 'text', hint: '如：西区玉泉街道办事处；空则用全称' }),
  field({ key: 'year', group: G.basic, label: '决算年度', kind: 'year', unit: '年' }),

  money('last.incomeGrandTotal', G.lastYear, '上年收入总计'),
  money('last.expenditureGrandTotal', G.lastYear, '上年支出总计'),
  money('last.incomeTotal', G.lastYear, '上年本年收入合计'),
  money('last.expenditureTotal', G.lastYear, '上年本年支出合计'),
  money('last.fiscalIncome', G.lastYear, '上年财政拨款收入（本年收入合计）'),
  money('last.fiscalExpenditure', G.lastYear, '上年财政拨款支出（本年支出合计）'),
  money('last.fiscalGrandTotal', G.lastYear, '上年财政拨款收入支出总计'),
  money('last.generalExpenditure', G.lastYear, '上年一般公共预算财政拨款支出'),
  money('last.threePublic', G.lastYear, '上年“三公”经费财政拨款支出合计'),
  money('last.abroad', G.lastYear, '上年因公出国（境）费'),
  money('last.vehicle', G.lastYear, '上年公务用车购置及运行维护费'),
  money('last.vehiclePurchase', G.lastYear, '上年公务用车购置费'),
  money('last.vehicleRunning', G.lastYear, '上年公务用车运行维护费'),
  money('last.reception', G.lastYear, '上年公务接待费'),
  money('last.runningCost', G.lastYear, '上年机关运行经费'),
  money('last.carryOver', G.lastYear, '上年年末结转和结余', '用于结转结余变动率'),
  money('last.fundIncome', G.lastYear, '上年政府性基金预算财政拨款收入'),
  money('last.fundExpenditure', G.lastYear, '上年政府性基金预算财政拨款支出'),
  money('last.capitalIncome', G.lastYear, '上年国有资本经营预算财政拨款收入'),
  money('last.capitalExpenditure', G.lastYear, '上年国有资本经营预算财政拨款支出'),

  money('budget.income', G.budget, '年初预算收入总数', '部门预算批复数'),
  money('budget.expenditure', G.budget, '年初预算支出总数'),
  money('budget.adjusted', G.budget, '全年预算数（调整后）', '用于预算执行率；空则用年初预算'),
  money('budget.adjustment', G.budget, '预算调整数', '用于预算调整率'),
  money('budget.general', G.budget, '一般公共预算财政拨款支出年初预算'),
  money('budget.publicFunds', G.budget, '公用经费预算数', '用于公用经费控制率'),
  money('budget.procurement', G.budget, '政府采购预算数', '用于政府采购执行率'),
  money('budget.keyProjects', G.budget, '重点项目支出', '用于重点支出安排率'),
  money('budget.paidPlanned', G.budget, '既定支付进度（应支付金额）', '用于支付进度率'),
  money('budget.paidActual', G.budget, '实际支付金额', '用于支付进度率'),

  count('staff.authorised', G.staff, '编制数', '人'),
  count('staff.actual', G.staff, '在职实有人数', '人'),
  count('staff.retired', G.staff, '离退休人数', '人'),

  count('trips.groups', G.trips, '因公出国（境）团组数', '个'),
  count('trips.people', G.trips, '因公出国（境）人次', '人次'),
  reason('trips.content', G.trips, '因公出国（境）开支内容', '无则留空'),

  count('reception.domestic.batches', G.reception, '国内公务接待批次', '批次'),
  count('reception.domestic.people', G.reception, '国内公务接待人次（不含陪同人员）', '人次'),
  money('reception.domestic.amount', G.reception, '国内公务接待支出'),
  count('reception.foreign.batches', G.reception, '外事接待批次', '批次'),
  count('reception.foreign.people', G.reception, '外事接待人次', '人次'),
  money('reception.foreign.amount', G.reception, '外事接待支出'),
  reason('reception.uses', G.reception, '公务接待费主要用途', '如：执行公务、开展业务活动开支的交通费、住宿费、用餐费等'),

  count('vehicles.purchased', G.vehicles, '本年购置公务用车', '辆'),
  count('vehicles.purchased.sedan', G.vehicles, '其中：轿车', '辆'),
  money('vehicles.purchased.sedanAmount', G.vehicles, '轿车购置金额'),
  count('vehicles.purchased.suv', G.vehicles, '其中：越野车', '辆'),
  money('vehicles.purchased.suvAmount', G.vehicles, '越野车购置金额'),
  count('vehicles.purchased.bus', G.vehicles, '其中：载客汽车', '辆'),
  money('vehicles.purchased.busAmount', G.vehicles, '载客汽车购置金额'),
  count('vehicles.fleet', G.vehicles, '年末公务用车保有量', '辆'),
  count('vehicles.fleet.sedan', G.vehicles, '保有量其中：轿车', '辆'),
  count('vehicles.fleet.suv', G.vehicles, '保有量其中：越野车', '辆'),
  count('vehicles.fleet.bus', G.vehicles, '保有量其中：载客汽车', '辆'),
  count('vehicles.fleet.other', G.vehicles, '保有量其中：其他车辆', '辆'),
  count('vehicles.total', G.vehicles, '年末车辆总数（国有资产）', '辆'),
  count('vehicles.ministerial', G.vehicles, '部级领导干部用车', '辆', '上海格式列出；没有的填0'),
  count('vehicles.leader', G.vehicles, '主要领导干部用车', '辆'),
  count('vehicles.confidential', G.vehicles, '机要通信用车', '辆'),
  count('vehicles.emergency', G.vehicles, '应急保障用车', '辆'),
  count('vehicles.enforcement', G.vehicles, '执法执勤用车', '辆'),
  count('vehicles.special', G.vehicles, '特种专业技术用车', '辆'),
  count('vehicles.retiree', G.vehicles, '离退休干部用车', '辆'),
  count('vehicles.other', G.vehicles, '其他用车', '辆'),
  reason('vehicles.otherUses', G.vehicles, '其他用车主要用途'),
  reason('vehicles.runningUses', G.vehicles, '公务用车运行维护费主要用途', '如：公务用车燃料费、维修费、过路过桥费、保险费等'),

  money('running.amount', G.running, '本年机关运行经费支出', '行政单位和参公事业单位使用一般公共预算财政拨款安排的日常公用经费；没有的填0'),

  money('procurement.total', G.procurement, '政府采购支出总额'),
  money('procurement.goods', G.procurement, '其中：货物'),
  money('procurement.works', G.procurement, '其中：工程'),
  money('procurement.services', G.procurement, '其中：服务'),
  money('procurement.sme', G.procurement, '授予中小企业合同金额'),
  money('procurement.small', G.procurement, '其中：授予小微企业合同金额'),
  money('procurement.reservedSme', G.procurement, '面向中小企业预留政府采购项目预算金额', '上海格式使用'),
  money('procurement.reservedSmall', G.procurement, '面向小微企业预留政府采购项目预算金额', '上海格式使用'),
  money('procurement.reservedSmeAwarded', G.procurement, '预留项目中由中小企业中标或成交的采购金额', '上海格式使用'),
  money('procurement.reservedSmallAwarded', G.procurement, '预留项目中由小微企业中标或成交的采购金额', '上海格式使用'),
  money('procurement.otherSmeAwarded', G.procurement, '其他采购项目中由中小企业中标或成交的采购金额', '上海格式使用'),

  count('assets.generalEquipment', G.assets, '单价50万元以上通用设备', '台（套）'),
  count('assets.specialEquipment', G.assets, '单价100万元以上专用设备', '台（套）'),
  count('assets.largeEquipment', G.assets, '单价100万元（含）以上设备（不含车辆）', '台（套）', '上海格式使用'),

  count('performance.preAssessed', G.performance, '开展事前绩效评估的项目', '个'),
  count('performance.targets', G.performance, '编制绩效目标的项目', '个'),
  count('performance.monitored', G.performance, '开展绩效监控的项目', '个'),
  count('performance.selfAssessed', G.performance, '开展绩效自评的项目', '个'),
  money('performance.amount', G.performance, '绩效自评项目涉及资金'),
  field({ key: 'performance.score', group: G.performance, label: '部门整体支出绩效自评得分', kind: 'score', unit: '分' }),
  field({ key: 'performance.systems', group: G.performance, label: '已建立的预算绩效管理制度（制度名称）', kind: 'text', hint: '上海格式使用，如：《XX局预算绩效管理办法》、《XX局绩效目标管理实施细则》' }),
  field({ key: 'performance.mechanism', group: G.performance, label: '预算绩效管理工作机制', kind: 'text', hint: '上海格式使用，如：“预算编制有目标、执行有监控、完成有评价、结果有应用”' }),
  money('performance.targetsAmount', G.performance, '编报绩效目标项目涉及预算金额', '上海格式使用'),
  money('performance.monitoredAmount', G.performance, '绩效跟踪评价项目涉及预算金额', '上海格式使用；项目数填在“开展绩效监控的项目”'),
  field({ key: 'performance.averageScore', group: G.performance, label: '绩效自评项目平均得分', kind: 'score', unit: '分', hint: '上海格式使用' }),
  count('performance.gradeExcellent', G.performance, '绩效评级为“优”的项目', '个', '上海格式使用'),
  count('performance.gradeGood', G.performance, '绩效评级为“良”的项目', '个', '上海格式使用'),
  count('performance.gradePass', G.performance, '绩效评级为“合格”的项目', '个', '上海格式使用'),
  count('performance.gradeFail', G.performance, '绩效评级为“不合格”的项目', '个', '上海格式使用'),
  count('performance.issues', G.performance, '绩效自评中发现的问题', '个', '上海格式使用'),
  count('performance.issuesFixed', G.performance, '已完成整改的问题', '个', '上海格式使用'),
  count('performance.issuesFixing', G.performance, '正在整改的问题', '个', '上海格式使用'),

  reason('reason.total', G.reasons, '收入支出总计变动的主要原因'),
  reason('reason.fiscal', G.reasons, '财政拨款收入支出变动的主要原因'),
  reason('reason.general', G.reasons, '一般公共预算财政拨款支出变动的主要原因'),
  reason('reason.generalBudget', G.reasons, '一般公共预算财政拨款支出决算数与年初预算数差异的主要原因'),
  reason('reason.threePublicBudget', G.reasons, '“三公”经费决算数与预算数差异的主要原因'),
  reason('reason.threePublicChange', G.reasons, '“三公”经费比上年变动的主要原因'),
  reason('reason.abroad', G.reasons, '因公出国（境）费变动的主要原因'),
  reason('reason.vehicle', G.reasons, '公务用车购置及运行维护费变动的主要原因'),
  reason('reason.vehicleRunning', G.reasons, '公务用车运行维护费变动的主要原因', '填了“上年公务用车运行维护费”且有变动时使用'),
  reason('reason.reception', G.reasons, '公务接待费变动的主要原因'),
  reason('reason.running', G.reasons, '机关运行经费变动的主要原因'),
  reason('reason.fund', G.reasons, '政府性基金预算财政拨款支出变动的主要原因'),
  reason('reason.capital', G.reasons, '国有资本经营预算财政拨款支出变动的主要原因'),

  reason('content.business', G.incomeContent, '事业收入主要是哪些收入', '如：XX服务收入；没有事业收入的留空'),
  reason('content.operating', G.incomeContent, '经营收入主要是哪些收入', '没有经营收入的留空'),
  reason('content.other', G.incomeContent, '其他收入主要是哪些收入', '如：利息收入；没有其他收入的留空'),
];

/** The key of a fixed 补充信息 field. */
export type FieldKey = (typeof FIELD_LIST)[number]['key'];

export const FIELDS: FieldDef[] = FIELD_LIST;

/** Per-项 fields, generated from table 5's 项 rows: 年初预算, 全年预算, 差异原因, 主要用途. */
export function itemFields(items: { code: string; name: string }[]): FieldDef[] {
  // One group after the other (all 年初预算, then all 全年预算 …), so each group heading appears once.
  return [
    ...items.map(({ code, name }) => ({ key: `itemBudget.${code}`, group: G.itemBudgets, label: `${code} ${name} 年初预算`, kind: 'money' as const, unit: '万元' })),
    ...items.map(({ code, name }) => ({
      key: `itemAdjustedBudget.${code}`,
      group: G.itemAdjusted,
      label: `${code} ${name} 全年预算（调整后）`,
      kind: 'money' as const,
      unit: '万元',
      hint: '说明中写“年初预算为X万元（全年预算为Y万元）”；未调整的留空',
    })),
    ...items.map(({ code, name }) => ({ key: `itemReason.${code}`, group: G.itemReasons, label: `${code} ${name} 决算数与预算数差异的主要原因`, kind: 'reason' as const })),
    ...items.map(({ code, name }) => ({ key: `itemUse.${code}`, group: G.itemUses, label: `${code} ${name} 主要用于`, kind: 'reason' as const })),
  ];
}

/** Per-项 fields of tables 8 and 9 (上海 form states 年初预算, reason and use per 项 of these funds too). */
export function fundItemFields(fund: 'fund' | 'capital', items: { code: string; name: string }[]): FieldDef[] {
  const group = fund === 'fund' ? G.fundItems : G.capitalItems;
  return items.flatMap(({ code, name }) => [
    { key: `${fund}Budget.${code}`, group, label: `${code} ${name} 年初预算`, kind: 'money' as const, unit: '万元' },
    { key: `${fund}Reason.${code}`, group, label: `${code} ${name} 决算数与预算数差异的主要原因`, kind: 'reason' as const },
    { key: `${fund}Use.${code}`, group, label: `${code} ${name} 主要用于`, kind: 'reason' as const },
  ]);
}

/**
 * Last year's 决算数 of each 类 and 项 of this year's table 5 (`lastClass.201`, `lastItem.2010301`), so the
 * 说明 can state per-类/项 changes. Filled by 从上年决算导入; a 项 new this year gets 0 with "上年无此项".
 */
export function lastItemFields(classes: { code: string; name: string }[], items: { code: string; name: string }[]): FieldDef[] {
  return [
    ...classes.map(({ code, name }) => ({ key: `lastClass.${code}`, group: G.lastItems, label: `${code} ${name}（类） 上年决算数`, kind: 'money' as const, unit: '万元' })),
    ...items.map(({ code, name }) => ({ key: `lastItem.${code}`, group: G.lastItems, label: `${code} ${name} 上年决算数`, kind: 'money' as const, unit: '万元' })),
  ];
}

/** The field a per-类/项 key stands for ("itemBudget.2010301", "fundReason.2296002", "lastItem.2010301"), without its label. */
export function itemFieldKind(key: string): FieldDef['kind'] | undefined {
  if (/^(last(Item|Class|Gone)|itemAdjustedBudget)\.\d+$/.test(key)) return 'money';
  const m = /^(item|fund|capital)(Budget|Reason|Use)\.(\d+)$/.exec(key);
  if (!m) return undefined;
  return /Budget$/.test(m[2]) ? 'money' : 'reason';
}

export const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));
