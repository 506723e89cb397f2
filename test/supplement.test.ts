/**
 * 补充信息: the fields (existing keys kept, new ones for the 上海 form and the 基金/国资 项), the sheet built from
 * the accounts and read back, typed values kept on rebuild, and values given as plain data.
 */
import ExcelJS from 'exceljs';
import { yuquan2021 } from './fixtures/specs';
import { accountsFromSpec } from './narrativeSupport';
import { FIELDS, FIELD_BY_KEY, itemFieldKind } from '../src/supplement/fields';
import { KEY_COL, SUPPLEMENT_SHEET, VALUE_COL, allFields, buildSupplementSheet, readSupplement, supplementFromValues } from '../src/supplement/sheet';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';

/** The keys of the first version of FIELDS: the CLI, the rates and users' sheets refer to them. */
const ORIGINAL_KEYS = [
  'unitName', 'shortName', 'year',
  'last.incomeGrandTotal', 'last.expenditureGrandTotal', 'last.incomeTotal', 'last.expenditureTotal', 'last.fiscalIncome',
  'last.fiscalExpenditure', 'last.fiscalGrandTotal', 'last.generalExpenditure', 'last.threePublic', 'last.abroad', 'last.vehicle',
  'last.vehiclePurchase', 'last.vehicleRunning', 'last.reception', 'last.runningCost', 'last.carryOver',
  'budget.income', 'budget.expenditure', 'budget.adjusted', 'budget.adjustment', 'budget.general', 'budget.publicFunds',
  'budget.procurement', 'budget.keyProjects', 'budget.paidPlanned', 'budget.paidActual',
  'staff.authorised', 'staff.actual', 'staff.retired',
  'trips.groups', 'trips.people', 'trips.content',
  'reception.domestic.batches', 'reception.domestic.people', 'reception.domestic.amount', 'reception.foreign.batches',
  'reception.foreign.people', 'reception.foreign.amount', 'reception.uses',
  'vehicles.purchased', 'vehicles.purchased.sedan', 'vehicles.purchased.sedanAmount', 'vehicles.purchased.suv',
  'vehicles.purchased.suvAmount', 'vehicles.purchased.bus', 'vehicles.purchased.busAmount', 'vehicles.fleet', 'vehicles.total',
  'vehicles.leader', 'vehicles.confidential', 'vehicles.emergency', 'vehicles.enforcement', 'vehicles.special', 'vehicles.retiree',
  'vehicles.other', 'vehicles.otherUses', 'vehicles.runningUses',
  'running.amount',
  'procurement.total', 'procurement.goods', 'procurement.works', 'procurement.services', 'procurement.sme', 'procurement.small',
  'assets.generalEquipment', 'assets.specialEquipment',
  'performance.preAssessed', 'performance.targets', 'performance.monitored', 'performance.selfAssessed', 'performance.amount',
  'performance.score',
  'reason.total', 'reason.fiscal', 'reason.general', 'reason.generalBudget', 'reason.threePublicBudget', 'reason.threePublicChange',
  'reason.abroad', 'reason.vehicle', 'reason.reception', 'reason.running',
];

describe('fields', () => {
  test('every original key is still there with its kind, and keys are unique', () => {
    for (const k of ORIGINAL_KEYS) expect(FIELD_BY_KEY.get(k)).toBeDefined();
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
    expect(FIELD_BY_KEY.get('last.runningCost')!.kind).toBe('money');
    expect(FIELD_BY_KEY.get('reason.total')!.kind).toBe('reason');
  });

  test('fields the 上海 form needs were added', () => {
    for (const k of ['vehicles.ministerial', 'assets.largeEquipment', 'procurement.reservedSme', 'performance.systems', 'performance.averageScore', 'reason.vehicleRunning', 'content.other']) {
      expect(FIELD_BY_KEY.get(k)).toBeDefined();
    }
  });

  test('per-项 keys: 表5 (item…), 表8 (fund…), 表9 (capital…)', () => {
    expect(itemFieldKind('itemBudget.2010301')).toBe('money');
    expect(itemFieldKind('itemReason.2010301')).toBe('reason');
    expect(itemFieldKind('fundBudget.2296002')).toBe('money');
    expect(itemFieldKind('capitalUse.2230199')).toBe('reason');
    expect(itemFieldKind('last.abroad')).toBeUndefined();
  });
});

describe('the 补充信息 sheet', () => {
  const accounts = accountsFromSpec(yuquan2021);

  test('rows for every field, one budget/reason/use per 项 of 表5 and of 表8, keys in the hidden column F', () => {
    const spec = buildSupplementSheet(accounts);
    const keys = spec.rows.map((r) => (r[KEY_COL]?.kind === 'text' ? r[KEY_COL].text : '')).filter((k) => k && k !== 'key');
    expect(keys).toEqual(allFields(accounts).map((f) => f.key));
    expect(keys).toContain('itemBudget.2010301');
    expect(keys).toContain('fundBudget.2296002');
    expect(keys).toContain('fundReason.2296002');
    expect(spec.hiddenColumns).toEqual([KEY_COL]);
    // 单位名称 and 年度 prefilled from the tables.
    const row = (k: string) => spec.rows.find((r) => r[KEY_COL]?.kind === 'text' && r[KEY_COL].text === k)!;
    expect(row('unitName')[VALUE_COL]).toMatchObject({ kind: 'text', text: '攀枝花市西区玉泉街道办事处' });
    expect(row('year')[VALUE_COL]).toMatchObject({ kind: 'number', value: 2021 });
  });

  test('written, typed into, read back with cells; bad values reported, typed values kept on rebuild', async () => {
    const wb = new ExcelJS.Workbook();
    writeSheetSpec(wb, buildSupplementSheet(accounts));
    const ws = wb.getWorksheet(SUPPLEMENT_SHEET)!;
    const typed: Record<string, ExcelJS.CellValue> = {
      'last.runningCost': 37.07,
      'trips.groups': 0,
      'reason.running': '人员经费减少。',
      'itemBudget.2010301': '118.97',
      'fundBudget.2296002': 9.72,
      'vehicles.fleet': '两辆',
    };
    let rowOf: Record<string, number> = {};
    ws.eachRow((row, r) => {
      const key = String(row.getCell(KEY_COL + 1).value ?? '');
      if (key in typed) {
        row.getCell(VALUE_COL + 1).value = typed[key];
        rowOf = { ...rowOf, [key]: r };
      }
    });
    const snap = await snapshotFromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx');
    const sup = readSupplement(snap, accounts);
    expect(sup.present).toBe(true);
    expect(sup.values.get('last.runningCost')).toMatchObject({ fen: 37_070_000, cell: `补充信息!C${rowOf['last.runningCost']}` });
    expect(sup.values.get('trips.groups')).toMatchObject({ number: 0 });
    expect(sup.values.get('reason.running')).toMatchObject({ text: '人员经费减少。' });
    expect(sup.values.get('itemBudget.2010301')).toMatchObject({ fen: 118_970_000 });
    expect(sup.values.get('fundBudget.2296002')).toMatchObject({ fen: 9_720_000 });
    expect(sup.values.has('vehicles.fleet')).toBe(false);
    expect(sup.problems).toEqual([`补充信息第${rowOf['vehicles.fleet']}行（年末公务用车保有量）：“两辆”不是非负整数，未使用。`]);
    // Empty rows still have their cell (formulas may point at them).
    expect(sup.cells.get('last.abroad')).toMatch(/^补充信息!C\d+$/);

    const again = buildSupplementSheet(accounts, sup);
    const row = (k: string) => again.rows.find((r) => r[KEY_COL]?.kind === 'text' && r[KEY_COL].text === k)!;
    expect(row('last.runningCost')[VALUE_COL]).toMatchObject({ kind: 'number', value: 37.07 });
    expect(row('reason.running')[VALUE_COL]).toMatchObject({ kind: 'text', text: '人员经费减少。' });
  });

  test('supplementFromValues: plain data with the same parsing', () => {
    const sup = supplementFromValues({ 'last.abroad': '0', 'running.amount': 30.34, 'trips.people': '3人次', 'trips.groups': 1.5, 'reason.total': '' });
    expect(sup.values.get('last.abroad')).toMatchObject({ fen: 0, cell: '补充信息!last.abroad' });
    expect(sup.values.get('running.amount')).toMatchObject({ fen: 30_340_000 });
    expect(sup.values.get('trips.people')).toMatchObject({ number: 3 });
    expect(sup.values.has('trips.groups')).toBe(false);
    expect(sup.values.has('reason.total')).toBe(false);
    expect(sup.problems).toHaveLength(1);
  });
});
