/** A 补充信息 with every field filled, consistently (shared by the audit round trip and the consistency test). */
import { Accounts } from '../src/model/types';
import { Supplement, emptySupplement, itemsOf, supplementFromValues } from '../src/supplement/sheet';
import { FIELDS } from '../src/supplement/fields';
import { computeFacts } from '../src/narrative/facts';
import { formatWanyuan } from '../src/money/money';

/** Every 补充信息 field filled, consistently with the tables and with itself. */
export function fullSupplement(accounts: Accounts): Supplement {
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
