/**
 * The tool's own text passes its own audit: the 说明 generated from every fixture workbook, in the 四川 and the
 * 上海 form, with 补充信息 empty and with every field filled (consistently: parts add up to their totals, as a
 * careful user would fill them), audits with 0 错误. Warnings and hints are listed in the failure message.
 */
import * as fs from 'fs';
import * as path from 'path';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { Supplement, emptySupplement, itemsOf, supplementFromValues } from '../src/supplement/sheet';
import { FIELDS } from '../src/supplement/fields';
import { auditNarrative } from '../src/audit';
import { linesToParagraphs } from '../src/audit/text';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { computeFacts } from '../src/narrative/facts';
import { formatWanyuan } from '../src/money/money';

jest.setTimeout(120000);

const XLSX = path.join(__dirname, 'fixtures', 'xlsx');
const FIXTURES = fs
  .readdirSync(XLSX)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => f.slice(0, -5))
  // Inputs that are deliberately broken (unreadable, truncated, a table missing) have their own tests.
  .filter((n) => !/not-xlsx|truncated|ref-error|missing-T6|broken-item/.test(n));

/** Every 补充信息 field filled, consistently with the tables and with itself. */
function fullSupplement(accounts: Accounts): Supplement {
  const facts = computeFacts(accounts, emptySupplement());
  const v: Record<string, string | number> = {};
  for (const f of FIELDS) {
    if (f.kind === 'money') v[f.key] = '12.34';
    else if (f.kind === 'count') v[f.key] = 2;
    else if (f.kind === 'score') v[f.key] = 95;
    else if (f.kind === 'reason' || f.kind === 'text') v[f.key] = '按规定执行，保障日常工作运转';
  }
  v.unitName = facts.unitName ?? '某单位';
  v.shortName = facts.unitName ?? '某单位';
  if (facts.year) v.year = facts.year;
  const reception = facts.facts['threePublic.reception']?.fen ?? 0;
  Object.assign(v, {
    'procurement.total': '30.00', 'procurement.goods': '10.00', 'procurement.works': '12.00', 'procurement.services': '8.00',
    'procurement.sme': '20.00', 'procurement.small': '10.00',
    'vehicles.purchased': 3, 'vehicles.purchased.sedan': 1, 'vehicles.purchased.suv': 1, 'vehicles.purchased.bus': 1,
    'vehicles.total': 8, 'vehicles.ministerial': 1, 'vehicles.leader': 1, 'vehicles.confidential': 1, 'vehicles.emergency': 1,
    'vehicles.enforcement': 1, 'vehicles.special': 1, 'vehicles.retiree': 1, 'vehicles.other': 1, 'vehicles.fleet': 8,
    'reception.domestic.amount': formatWanyuan(reception), 'reception.foreign.amount': '0.00',
    'reception.foreign.batches': 0, 'reception.foreign.people': 0,
    'performance.selfAssessed': 4, 'performance.gradeExcellent': 1, 'performance.gradeGood': 1, 'performance.gradePass': 1, 'performance.gradeFail': 1,
    'performance.issues': 3, 'performance.issuesFixed': 2, 'performance.issuesFixing': 1,
  });
  if (reception === 0) Object.assign(v, { 'reception.domestic.batches': 0, 'reception.domestic.people': 0 });
  for (const { code, name } of itemsOf(accounts)) {
    v[`itemBudget.${code}`] = '50.00';
    v[`itemAdjustedBudget.${code}`] = '60.00';
    v[`itemUse.${code}`] = `${name}相关工作`;
    v[`itemReason.${code}`] = '按实际需要支出';
  }
  return supplementFromValues(v, Object.fromEntries(Object.keys(v).map((k, i) => [k, `补充信息!C${i + 4}`])));
}

describe('the generated 说明 audits with 0 错误', () => {
  const books = new Map<string, Accounts>();
  beforeAll(async () => {
    for (const n of FIXTURES) books.set(n, readAccounts(await snapshotFromXlsx(fs.readFileSync(path.join(XLSX, `${n}.xlsx`)), `${n}.xlsx`)));
  });
  it('covers the fixtures', () => expect(FIXTURES.length).toBeGreaterThan(10));
  for (const n of FIXTURES) {
    for (const form of ['sichuan', 'shanghai'] as const) {
      for (const filled of [false, true]) {
        it(`${n}, ${form}, 补充信息 ${filled ? 'filled' : 'empty'}`, () => {
          const accounts = books.get(n)!;
          const sup = filled ? fullSupplement(accounts) : emptySupplement();
          const text = narrativeText(buildNarrative(accounts, sup, { form }));
          const r = auditNarrative({ paragraphs: linesToParagraphs(text) }, accounts, sup);
          expect(r.findings.filter((f) => f.severity === '错误').map((f) => `${f.rule} ${f.where} ${f.quote}: ${f.message}`)).toEqual([]);
          expect(r.counts.figures).toBeGreaterThan(40);
        });
      }
    }
  }
});
