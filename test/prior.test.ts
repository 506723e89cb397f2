/**
 * 从上年决算导入: two real workbooks of consecutive years (玉泉街道 2021 from its spec, 2020 derived from it by
 * scaling, one 项 new in 2021 and one gone since), read with the same reader; every 上年 field filled with
 * the exact figure and the exact source cell; the CLI writes them into 补充信息 and never overwrites what
 * was typed; another unit or year is refused.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { yuquan2021, wujialing2022 } from './fixtures/specs';
import { priorYearOf, yuquan2020 } from './fixtures/specs/priorYear';
import { Built, buildInto } from './fixtures/builder';
import { workbookBytes } from './fixtures/builder/fixtures';
import { wan } from './fixtures/builder/money';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { importPrior, PriorResult, sameUnit } from '../src/supplement/prior';
import { readSupplement, supplementFromValues } from '../src/supplement/sheet';
import { formatWanyuan } from '../src/money/money';
import { main } from '../src/cli/main';


interface Book {
  built: Built;
  bytes: Buffer;
  accounts: Accounts;
}

async function book(spec: typeof yuquan2021, layout: 'sichuan' | 'shanghai-onesheet' = 'sichuan'): Promise<Book> {
  const built = buildInto(spec, layout);
  const bytes = await workbookBytes(built.workbook);
  return { built, bytes, accounts: readAccounts(await snapshotFromXlsx(bytes, `${spec.id}.xlsx`)) };
}

let now: Book;
let last: Book;
let lastShanghai: Book;
let result: PriorResult;

beforeAll(async () => {
  now = await book(yuquan2021);
  last = await book(yuquan2020);
  lastShanghai = await book(yuquan2020, 'shanghai-onesheet');
  result = importPrior({ accounts: last.accounts, file: '玉泉2020.xlsx' }, now.accounts);
});

const value = (r: PriorResult, key: string) => r.values.find((v) => v.key === key);
/** Expect `key` = the 2020 book's figure `fixtureKey` (exact 万元) from its recorded cell. */
function expectFrom(r: PriorResult, key: string, fixtureKey: string, b: Book = last) {
  const v = value(r, key);
  expect(v).toBeDefined();
  expect(formatWanyuan(v!.fen!)).toBe(wan(b.built.derived.values[fixtureKey]));
  const [sheet, cell] = b.built.cells[fixtureKey].split('!');
  expect(v!.source).toEqual({ file: '玉泉2020.xlsx', sheet, cell });
  expect(v!.note.startsWith(`【上年导入】玉泉2020.xlsx ${sheet}!${cell}（上年`)).toBe(true);
}

describe('importPrior: 上年 fields from last year’s tables', () => {
  it('is accepted: same unit, previous year', () => {
    expect(result.refused).toBeUndefined();
  });

  it('totals of 表1 and 表4, with their cells', () => {
    expectFrom(result, 'last.incomeGrandTotal', 'T1.incomeGrandTotal');
    expectFrom(result, 'last.expenditureGrandTotal', 'T1.expGrandTotal');
    expectFrom(result, 'last.incomeTotal', 'T1.incomeTotal');
    expectFrom(result, 'last.expenditureTotal', 'T1.expTotal');
    expectFrom(result, 'last.carryOver', 'T1.closingBalance');
    expectFrom(result, 'last.fiscalIncome', 'T4.incomeTotal');
    expectFrom(result, 'last.fiscalExpenditure', 'T4.expTotal.total');
    expectFrom(result, 'last.fiscalGrandTotal', 'T4.incomeGrandTotal');
    // The figures themselves, so a wrong derivation cannot hide: 2021's 853.00 scaled by 0.9 and re-added.
    expect(formatWanyuan(value(result, 'last.incomeGrandTotal')!.fen!)).toBe('766.22');
    expect(value(result, 'last.incomeGrandTotal')!.source).toEqual({ file: '玉泉2020.xlsx', sheet: '公开01表', cell: 'C36' });
  });

  it('一般公共预算: total, each 类 and 项 of this year; a 项 new this year is 0 with 上年无此项', () => {
    expectFrom(result, 'last.generalExpenditure', 'T5.total.total');
    expect(formatWanyuan(value(result, 'last.generalExpenditure')!.fen!)).toBe('757.47');
    expectFrom(result, 'lastClass.201', 'T5.row.201.total');
    expectFrom(result, 'lastItem.2010301', 'T5.row.2010301.total');
    expect(formatWanyuan(value(result, 'lastItem.2010301')!.fen!)).toBe('107.07');
    for (const it of yuquan2021.items.filter((i) => i.general && i.code !== '2130299')) expectFrom(result, `lastItem.${it.code}`, `T5.row.${it.code}.total`);
    const fresh = value(result, 'lastItem.2130299')!;
    expect(fresh.fen).toBe(0);
    expect(fresh.note).toContain('上年无此项');
    expect(result.newItems).toEqual([{ code: '2130299', name: '其他林业和草原支出' }]);
    // 213 农林水 existed only through that 项: the 类 is new too.
    expect(value(result, 'lastClass.213')!.note).toContain('上年无此类');
  });

  it('a 项 gone since is listed with its last-year amount and cell', () => {
    expect(result.goneItems).toEqual([{ code: '2010507', name: '专项普查活动', fen: 3_000_000, cell: last.built.cells['T5.row.2010507.total'] }]);
    expect(value(result, 'lastGone.2010507')!.fen).toBe(3_000_000);
    expect(result.warnings).toContain('上年有、本年已没有的项：2010507 专项普查活动（上年3.00万元）。');
    expect(result.warnings).toContain('本年新增的项（上年无此项，上年数按0计）：2130299 其他林业和草原支出。');
  });

  it('"三公" items, 基金 and 国资', () => {
    expectFrom(result, 'last.threePublic', 'T7.actual.total');
    expect(formatWanyuan(value(result, 'last.threePublic')!.fen!)).toBe('3.30');
    expectFrom(result, 'last.abroad', 'T7.actual.abroad');
    expectFrom(result, 'last.vehicle', 'T7.actual.vehicle');
    expectFrom(result, 'last.vehiclePurchase', 'T7.actual.vehiclePurchase');
    expectFrom(result, 'last.vehicleRunning', 'T7.actual.vehicleRunning');
    expectFrom(result, 'last.reception', 'T7.actual.reception');
    expectFrom(result, 'last.fundIncome', 'T8.total.income');
    expectFrom(result, 'last.fundExpenditure', 'T8.total.expTotal');
    expect(formatWanyuan(value(result, 'last.fundExpenditure')!.fen!)).toBe('8.75');
    // 表9 has no data: 0, pointing at the table.
    expect(value(result, 'last.capitalExpenditure')!.fen).toBe(0);
    expect(value(result, 'last.capitalExpenditure')!.note).toMatch(/^【上年导入】玉泉2020\.xlsx 表9 公开09表!A1:E\d+无数据/);
  });

  it('机关运行经费 without last year’s 补充信息 is a guess from 表6 公用经费, marked to review', () => {
    const v = value(result, 'last.runningCost')!;
    expect(formatWanyuan(v.fen!)).toBe(wan(last.built.derived.values['T6.publicTotal']));
    expect(v.review).toBe(true);
    expect(v.note).toContain('推测');
    expect(result.warnings.some((w) => w.startsWith('上年机关运行经费是推测值'))).toBe(true);
  });

  it('any layout: last year’s 上海 one-sheet book gives the same figures from its own cells', () => {
    const r = importPrior({ accounts: lastShanghai.accounts, file: '玉泉2020.xlsx' }, now.accounts);
    expect(r.refused).toBeUndefined();
    for (const [key, fk] of [
      ['last.incomeGrandTotal', 'T1.incomeGrandTotal'],
      ['last.generalExpenditure', 'T5.total.total'],
      ['lastItem.2010301', 'T5.row.2010301.total'],
      ['last.threePublic', 'T7.actual.total'],
    ]) {
      expectFrom(r, key, fk, lastShanghai);
    }
  });

  it('机关运行经费, counts and texts from last year’s 补充信息: starting values to review', () => {
    const sup = supplementFromValues({ 'running.amount': '31.20', 'vehicles.fleet': 2, 'vehicles.runningUses': '公务用车燃料费、维修费', 'reason.total': '上年的原因' }, {
      'running.amount': '补充信息!C80',
      'vehicles.fleet': '补充信息!C50',
      'vehicles.runningUses': '补充信息!C62',
    });
    const r = importPrior({ accounts: last.accounts, file: '玉泉2020.xlsx', supplement: sup }, now.accounts);
    expect(value(r, 'last.runningCost')).toMatchObject({ fen: 31_200_000, source: { file: '玉泉2020.xlsx', sheet: '补充信息', cell: 'C80' } });
    expect(value(r, 'vehicles.fleet')).toMatchObject({ number: 2, review: true, source: { sheet: '补充信息', cell: 'C50' } });
    expect(value(r, 'vehicles.runningUses')).toMatchObject({ text: '公务用车燃料费、维修费', review: true });
    // A reason for last year's change is not this year's reason.
    expect(value(r, 'reason.total')).toBeUndefined();
  });

  it('机关运行经费 from last year’s 决算说明 when its 补充信息 does not hold it', () => {
    const r = importPrior(
      { accounts: last.accounts, file: '玉泉2020.xlsx', narrative: [{ text: '2020年，西区玉泉街道办事处机关运行经费支出37.07万元，比2019年减少1.00万元。', cell: '决算说明!A40' }] },
      now.accounts,
    );
    expect(value(r, 'last.runningCost')).toMatchObject({ fen: 37_070_000, source: { sheet: '决算说明', cell: 'A40' }, review: true });
    const fleet = importPrior(
      { accounts: last.accounts, file: '玉泉2020.xlsx', narrative: [{ text: '截至2020年12月底，单位共有公务用车1辆。', cell: '决算说明!A33' }] },
      now.accounts,
    );
    expect(value(fleet, 'vehicles.fleet')).toMatchObject({ number: 1, source: { sheet: '决算说明', cell: 'A33' }, review: true });
  });
});

describe('importPrior refuses another unit or year', () => {
  it('another unit: refused in Chinese; with force, imported with a warning', async () => {
    const other = await book(priorYearOf(wujialing2022, { scale: [1, 1], drop: [], add: [] }));
    const r = importPrior({ accounts: other.accounts, file: '伍家岭.xlsx' }, now.accounts);
    expect(r.refused).toBe('“伍家岭.xlsx”是“长沙市开福区伍家岭街道办事处”的决算，而本工作簿是“攀枝花市西区玉泉街道办事处”的决算；“伍家岭.xlsx”是2021年度的决算，不是上一年度（2020年）的决算。未导入上年数。');
    expect(r.values).toEqual([]);
    const forced = importPrior({ accounts: other.accounts, file: '伍家岭.xlsx' }, now.accounts, { force: true });
    expect(forced.refused).toBeUndefined();
    expect(forced.warnings[0]).toMatch(/已按要求仍然导入，请核对。$/);
    expect(forced.values.length).toBeGreaterThan(20);
  });

  it('the same year: refused', () => {
    const r = importPrior({ accounts: now.accounts, file: '玉泉2021.xlsx' }, now.accounts);
    expect(r.refused).toBe('“玉泉2021.xlsx”是2021年度的决算，不是上一年度（2020年）的决算。未导入上年数。');
  });

  it('unit names: short and full forms of one unit match, others do not', () => {
    expect(sameUnit('攀枝花市西区玉泉街道办事处', '西区玉泉街道办事处')).toBe(true);
    expect(sameUnit('攀枝花市西区玉泉街道办事处', '攀枝花市西区 玉泉街道办事处')).toBe(true);
    expect(sameUnit('攀枝花市西区玉泉街道办事处', '攀枝花市西区陶家渡街道办事处')).toBe(false);
  });
});

describe('juesuan init --prior', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-prior-'));
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
    return { code, out, err };
  };
  const readBack = async (file: string) => {
    const snap = await snapshotFromXlsx(fs.readFileSync(file), path.basename(file));
    const acc = readAccounts(snap);
    return { sup: readSupplement(snap, acc), snap };
  };

  it('fills every 上年 field with its source in 说明; typed values are kept unless --overwrite', async () => {
    const thisFile = path.join(tmp, '玉泉2021.xlsx');
    const lastFile = path.join(tmp, '玉泉2020.xlsx');
    fs.writeFileSync(thisFile, now.bytes);
    fs.writeFileSync(lastFile, last.bytes);
    const out = path.join(tmp, 'out.xlsx');
    const r = await run('init', thisFile, '--prior', lastFile, '-o', out);
    expect(r.err).toContain('提示：本年新增的项（上年无此项，上年数按0计）：2130299 其他林业和草原支出。');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已从上年决算“玉泉2020\.xlsx”导入 \d+ 项/);
    const { sup, snap } = await readBack(out);
    expect(sup.values.get('last.incomeGrandTotal')?.raw).toBe('766.22');
    expect(sup.values.get('last.incomeGrandTotal')?.note).toBe('【上年导入】玉泉2020.xlsx 公开01表!C36（上年收入总计）');
    expect(sup.values.get('lastItem.2010301')?.fen).toBe(107_070_000);
    expect(sup.values.get('lastGone.2010507')?.fen).toBe(3_000_000);
    expect(snap.sheets.find((s) => s.name === '补充信息')).toBeDefined();

    // Type a different 上年收入总计 over the import, re-run with --prior: kept; with --overwrite: replaced.
    const typed = path.join(tmp, 'typed.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('补充信息')!;
    ws.eachRow((row) => {
      if (row.getCell(6).value === 'last.incomeGrandTotal') row.getCell(3).value = 800;
    });
    await wb.xlsx.writeFile(typed);
    const again = path.join(tmp, 'again.xlsx');
    const r2 = await run('init', typed, '--prior', lastFile, '-o', again);
    expect(r2.code).toBe(0);
    expect(r2.out).toContain('未覆盖（需要覆盖请加 --overwrite）');
    expect((await readBack(again)).sup.values.get('last.incomeGrandTotal')?.raw).toBe('800');
    // A plain re-run keeps the imported values and their source notes.
    const plain = path.join(tmp, 'plain.xlsx');
    await run('init', again, '-o', plain);
    expect((await readBack(plain)).sup.values.get('last.generalExpenditure')?.note).toBe('【上年导入】玉泉2020.xlsx 公开05表!C7（上年一般公共预算财政拨款支出）');
    // generate prints what it noticed and the reasons owed on stderr; stdout is the text alone.
    const g = await run('generate', out, '--text');
    expect(g.code).toBe(0);
    expect(g.out).toContain('与2020年相比，收、支总计各增加86.78万元，增长11.33%。');
    expect(g.out).not.toContain('还需填写');
    expect(g.err).toContain('注意：补充信息中 1 项是从上年决算推测或沿用的内容，请核对：上年机关运行经费。');
    expect(g.err).toContain('还需填写 9 条原因（比上年或比预算变动10%以上、或从0变为非0的项目），请在补充信息中填写：');
    expect(g.err).toContain('  · 收入支出总计变动的主要原因：收入总计比上年增加86.78万元，增长11.33%');
    expect((await run('generate', out, '--text', '--reason-threshold', '60')).err).toContain('还需填写 3 条原因（比上年或比预算变动60%以上');
    expect(r.err).toContain('还需填写');
    // An existing 补充信息 is never rewritten, --overwrite or not: the typed value stays and the user is told.
    const over = path.join(tmp, 'over.xlsx');
    const ov = await run('init', typed, '--prior', lastFile, '--overwrite', '-o', over);
    expect(ov.err).toMatch(/已有的“补充信息”工作表不会被改动，已填写的 \d+ 项上年数保留原样/);
    expect((await readBack(over)).sup.values.get('last.incomeGrandTotal')?.raw).toBe('800');
  });

  it('an existing 补充信息 (filled by hand, 上年 rows empty): the import is appended below, no existing cell changes', async () => {
    const thisFile = path.join(tmp, '玉泉2021c.xlsx');
    const lastFile = path.join(tmp, '玉泉2020c.xlsx');
    fs.writeFileSync(thisFile, now.bytes);
    fs.writeFileSync(lastFile, last.bytes);
    const first = path.join(tmp, 'first.xlsx');
    await run('init', thisFile, '-o', first);
    const before = await readBack(first);
    const second = path.join(tmp, 'second.xlsx');
    const r = await run('init', first, '--prior', lastFile, '-o', second);
    expect(r.code).toBe(0);
    expect(r.out).toContain('原有内容一字未改');
    const after = await readBack(second);
    const sheet = (x: typeof after) => x.snap.sheets.find((s) => s.name === '补充信息')!;
    // Every row that was there reads the same.
    sheet(before).cells.forEach((row, i) => expect(JSON.stringify(sheet(after).cells[i])).toBe(JSON.stringify(row)));
    expect(after.sup.values.get('last.incomeGrandTotal')).toMatchObject({ raw: '766.22', note: '【上年导入】玉泉2020c.xlsx 公开01表!C36（上年收入总计）' });
    expect(after.sup.values.get('lastItem.2130299')?.fen).toBe(0);
    expect(after.sup.problems).toEqual([]);
  });

  it('another unit: exit 2, one Chinese line; --force imports with a warning', async () => {
    const other = await book(priorYearOf(wujialing2022, { scale: [1, 1], drop: [], add: [] }));
    const thisFile = path.join(tmp, '玉泉2021b.xlsx');
    const otherFile = path.join(tmp, '伍家岭.xlsx');
    fs.writeFileSync(thisFile, now.bytes);
    fs.writeFileSync(otherFile, other.bytes);
    const r = await run('init', thisFile, '--prior', otherFile, '-o', path.join(tmp, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('“伍家岭.xlsx”是“长沙市开福区伍家岭街道办事处”的决算，而本工作簿是“攀枝花市西区玉泉街道办事处”的决算');
    expect(r.err).toContain('确认无误时可加 --force 仍然导入。');
    expect(fs.existsSync(path.join(tmp, 'x.xlsx'))).toBe(false);
    const f = await run('init', thisFile, '--prior', otherFile, '--force', '-o', path.join(tmp, 'y.xlsx'));
    expect(f.code).toBe(0);
    expect(f.err).toContain('已按要求仍然导入，请核对。');
  });
});
