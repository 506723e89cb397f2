/**
 * The reader on every committed fixture workbook: all nine tables found, and every figure the builder
 * wrote is read — exact value, exact cell, and the right meaning (line / code / column).
 */
import * as fs from 'fs';
import * as path from 'path';
import { snapshotFromXlsx, WorkbookReadError } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts, CodedTable, Figure, Line } from '../src/model/types';
import { FIXTURES } from './fixtures/builder/fixtures';
import { derive } from './fixtures/builder/derive';

const XLSX = path.join(__dirname, 'fixtures', 'xlsx');

async function read(name: string): Promise<Accounts> {
  const bytes = fs.readFileSync(path.join(XLSX, `${name}.xlsx`));
  return readAccounts(await snapshotFromXlsx(bytes, `${name}.xlsx`));
}

function cellsOf(name: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(XLSX, `${name}.cells.json`), 'utf8'));
}

/** Every figure the reader produced, by cell. */
function figuresByCell(a: Accounts): Map<string, Figure> {
  const m = new Map<string, Figure>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if ('fen' in v && 'cell' in v) {
      m.set((v as Figure).cell, v as Figure);
      return;
    }
    for (const [k, x] of Object.entries(v)) if (k !== 'location' && k !== 'tables' && k !== 'issues') visit(x);
  };
  visit(a);
  return m;
}

const META = /\.(title|unit|note|code|name)$|^meta\./;

// Builder keys → model paths, for the meaning of each figure.
const T1_INCOME: Record<string, string> = {
  general: 'generalBudget',
  gov: 'governmentFund',
  capital: 'stateCapital',
  upper: 'superiorSubsidy',
  career: 'business',
  business: 'operating',
  affiliated: 'affiliated',
  other: 'other',
};
const CODED_COLS: Record<string, Record<string, string>> = {
  T2: { total: 'total', fiscal: 'fiscal', upper: 'superior', career: 'business', business: 'operating', affiliated: 'affiliated', other: 'other' },
  T3: { total: 'total', basic: 'basic', project: 'project', upperPay: 'remit', business: 'operating', subsidy: 'subsidy' },
  T5: { total: 'total', basic: 'basic', project: 'project' },
  T8: { opening: 'opening', income: 'income', expTotal: 'expTotal', expBasic: 'basic', expProject: 'project', closing: 'closing' },
};
CODED_COLS.T9 = CODED_COLS.T8;
const T4_COLS: Record<string, string> = { total: 'total', general: 'general', gov: 'fund', capital: 'capital' };

function lineFig(lines: Line[] | undefined, key: string, col = 'amount'): Figure | undefined {
  return lines?.find((l) => l.key === key)?.values[col];
}

/** The model figure a builder key stands for, or undefined when the key has no model counterpart. */
function modelFigure(a: Accounts, key: string): Figure | undefined | 'n/a' {
  let m: RegExpExecArray | null;
  if ((m = /^T1\.income\.(\w+)$/.exec(key))) return lineFig(a.T1?.income, T1_INCOME[m[1]]);
  if (key === 'T1.incomeTotal') return lineFig(a.T1?.income, 'incomeTotal');
  if (key === 'T1.useNonFiscalReserve') return lineFig(a.T1?.income, 'useNonFiscalBalance');
  if (key === 'T1.openingBalance') return lineFig(a.T1?.income, 'openingBalance');
  if (key === 'T1.incomeGrandTotal') return lineFig(a.T1?.income, 'grandTotal');
  if ((m = /^T1\.exp\.(\d{3})$/.exec(key))) return lineFig(a.T1?.expenditure, `class:${m[1]}`);
  if (key === 'T1.expTotal') return lineFig(a.T1?.expenditure, 'expenditureTotal');
  if (key === 'T1.distribution') return lineFig(a.T1?.expenditure, 'surplusDistribution');
  if (key === 'T1.closingBalance') return lineFig(a.T1?.expenditure, 'closingBalance');
  if (key === 'T1.expGrandTotal') return lineFig(a.T1?.expenditure, 'grandTotal');
  if ((m = /^(T[23589])\.(total|row\.(\d+))\.(\w+)$/.exec(key))) {
    const t = a[m[1] as 'T2'] as CodedTable | undefined;
    const col = CODED_COLS[m[1]][m[4]];
    if (!col) return 'n/a';
    const row = m[3] ? t?.rows.find((r) => r.code === m![3]) : t?.total;
    return row?.values[col];
  }
  if ((m = /^T4\.income\.(\w+)$/.exec(key))) return lineFig(a.T4?.income, T1_INCOME[m[1]]);
  if (key === 'T4.incomeTotal') return lineFig(a.T4?.income, 'incomeTotal');
  if (key === 'T4.opening.total') return lineFig(a.T4?.income, 'openingBalance');
  if ((m = /^T4\.opening\.(\w+)$/.exec(key))) return lineFig(a.T4?.income, `opening.${T1_INCOME[m[1]]}`);
  if (key === 'T4.openingBalance' || key === 'T4.opening') return lineFig(a.T4?.income, 'openingBalance');
  if (key === 'T4.incomeGrandTotal') return lineFig(a.T4?.income, 'grandTotal');
  if ((m = /^T4\.exp\.(\d{3})\.(\w+)$/.exec(key))) return lineFig(a.T4?.expenditure, `class:${m[1]}`, T4_COLS[m[2]]);
  if ((m = /^T4\.expTotal\.(\w+)$/.exec(key))) return lineFig(a.T4?.expenditure, 'expenditureTotal', T4_COLS[m[1]]);
  if ((m = /^T4\.closing\.(\w+)$/.exec(key))) return lineFig(a.T4?.expenditure, 'closingBalance', T4_COLS[m[1]]);
  if ((m = /^T4\.expGrandTotal\.(\w+)$/.exec(key))) return lineFig(a.T4?.expenditure, 'grandTotal', T4_COLS[m[1]]);
  if ((m = /^T6\.item\.(\d+)$/.exec(key))) return a.T6?.items.find((i) => i.code === m![1])?.value;
  if (key === 'T6.personnelTotal') return a.T6?.personnelTotal?.values.amount;
  if (key === 'T6.publicTotal') return a.T6?.publicTotal?.values.amount;
  if ((m = /^T7\.(budget|actual)\.(\w+)$/.exec(key))) return a.T7?.[m[1] as 'budget'][m[2] as 'total'];
  return 'n/a';
}

const readable = FIXTURES.filter((f) => !f.unreadable && f.name !== 'two-years' && !f.name.startsWith('large-'));

describe.each(readable.map((f) => [f.name, f] as const))('reader on %s', (name, fixture) => {
  let a: Accounts;
  beforeAll(async () => {
    a = await read(name);
  });

  it('finds the standard tables and nothing else as standard', () => {
    const expectMissing = name.endsWith('missing-T6') ? ['T6'] : [];
    expect(a.missing).toEqual(expectMissing);
    expect(a.facts.year).toBe(fixture.spec.year);
    expect(a.facts.unitName).toContain(fixture.spec.unitName.replace(/^.*?(西区|开福区)/, '$1'));
  });

  it('reads every figure the builder wrote: exact value, exact cell, right meaning', () => {
    const cells = cellsOf(name);
    const d = derive(fixture.spec);
    const byCell = figuresByCell(a);
    const problems: string[] = [];
    let checked = 0;
    for (const [key, ref] of Object.entries(cells)) {
      if (META.test(key)) continue;
      if (name.endsWith('missing-T6') && key.startsWith('T6.')) continue;
      if (name.endsWith('ref-error') && /2010302\.(project|total)$/.test(key)) continue;
      let expected = d.values[key] ?? 0;
      if (name.endsWith('broken-item') && /^T5\.row\.2010350\.(total|basic)$/.test(key)) expected += 100;
      const got = byCell.get(ref);
      if (!got) {
        // Blank cells of zero lines may legitimately not be read when the whole line is absent.
        if (expected !== 0) problems.push(`${key} @ ${ref}: not read (expected ${expected / 100})`);
        continue;
      }
      if (got.fen !== expected * 10_000) problems.push(`${key} @ ${ref}: read ${got.fen / 1e6}, expected ${expected / 100}`);
      const meant = modelFigure(a, key);
      if (meant !== 'n/a' && meant?.cell !== ref) problems.push(`${key}: model has ${meant?.cell ?? 'nothing'}, builder wrote ${ref}`);
      checked++;
    }
    expect(problems.slice(0, 15)).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });
});

describe('reader on damaged and unusual workbooks', () => {
  it('two years in one book: reads the later year, names the ignored tables', async () => {
    const a = await read('two-years');
    expect(a.facts.year).toBe(2021);
    expect(a.missing).toEqual([]);
    expect(a.T1?.location.sheet).toBe('公开01表');
    const ignored = a.issues.filter((i) => i.code === 'R-其他年度的表');
    expect(ignored).toHaveLength(9);
    expect(ignored[0].message).toMatch(/2020年度/);
    expect(ignored.map((i) => i.cells[0].split('!')[0])).toContain('公开01表 (2)');
  });

  it('#REF! cells are reported with their address, never read as 0', async () => {
    const a = await read('yuquan2021-ref-error');
    const cells = cellsOf('yuquan2021-ref-error');
    const refs = a.issues.filter((i) => i.code === 'R-错误值').flatMap((i) => i.cells);
    expect(refs).toEqual(expect.arrayContaining([cells['T5.row.2010302.total'], cells['T5.row.2010302.project']]));
    const row = a.T5!.rows.find((r) => r.code === '2010302')!;
    expect(row.values.total).toBeUndefined();
  });

  it('a hidden 项 row is read, summed and mentioned', async () => {
    const a = await read('yuquan2021-hidden-rows');
    expect(a.T5!.rows.find((r) => r.code === '2010308')?.values.total?.fen).toBe(2_000_000);
    expect(a.issues.some((i) => i.code === 'R-隐藏行' && /2010308/.test(i.message))).toBe(true);
  });

  it('formula totals are read from their cached results and marked as formulas', async () => {
    const a = await read('yuquan2021-formulas');
    expect(a.T5!.total!.values.total!.formula).toBe(true);
    expect(a.T5!.total!.values.total!.fen).toBe(843_280_000);
  });

  it.each(['yuquan2021-not-xlsx', 'yuquan2021-truncated'])('%s: one Chinese sentence, no crash', async (name) => {
    const bytes = fs.readFileSync(path.join(XLSX, `${name}.xlsx`));
    await expect(snapshotFromXlsx(bytes, `${name}.xlsx`)).rejects.toThrow(WorkbookReadError);
    await expect(snapshotFromXlsx(bytes, `${name}.xlsx`)).rejects.toThrow(/无法读取文件“.*”：它不是有效的 \.xlsx 工作簿/);
  });

  it('the 13-table set: extra tables are listed, never taken for one of the nine', async () => {
    const a = await read('yuquan2021-sichuan13');
    const extras = a.tables.filter((t) => !/^T\d$/.test(t.id));
    expect(extras.map((t) => t.sheet)).toEqual(['公开10表', '公开11表', '公开12表', '公开13表']);
    expect(a.T7!.location.sheet).toBe('公开07表');
  });

  it('amounts in 元 are converted exactly; text numbers and dashes are read', async () => {
    const a = await read('yuquan2021-yuan-text');
    expect(a.T1!.location.unit).toBe('yuan');
    expect(lineFig(a.T1!.income, 'incomeTotal')!.fen).toBe(853_000_000);
    expect(lineFig(a.T1!.income, 'incomeTotal')!.fromText).toBe(true);
    expect(lineFig(a.T1!.income, 'superiorSubsidy')!.blank).toBe(true);
    expect(a.issues.some((i) => i.code === 'R-文本数字')).toBe(true);
  });

  it('T8/T9 with only their note are empty tables, not errors', async () => {
    const a = await read('yuquan2021-sichuan');
    expect(a.T9!.location.empty).toBe(true);
    expect(a.T8!.location.empty).toBe(false);
    expect(a.T8!.total!.values.expTotal!.fen).toBe(9_720_000);
  });
});
