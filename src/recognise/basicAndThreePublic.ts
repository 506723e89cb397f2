/**
 * T6 一般公共预算财政拨款基本支出决算表 (经济分类 code/name/amount blocks side by side, 人员经费合计 and
 * 公用经费合计 at the bottom) and T7 财政拨款“三公”经费支出决算表 (预算数 and 决算数 per item, laid out
 * across columns in either order, or down rows).
 */
import { BasicExpenditureTable, Figure, Line, ReadIssue, TableId, ThreePublicKey, ThreePublicTable } from '../model/types';
import { AmountContext, looksNumeric, readFigure } from './amounts';
import { norm } from './grid';
import { Region } from './regions';
import { firstRow, headerPaths, isAuxRow } from './layout';
import { MoneyUnit } from '../money/money';

const ECON_RE = /^3\d{2}(?:\d{2})?$/;
/** "30101 基本工资", "[30101]基本工资", "30101基本工资": a 经济分类 code written inside the name cell. */
const ECON_IN_NAME_RE = /^[[【（(]?(3\d{2}(?:\d{2})?)[\]】）)]?[\s.．、:：\-—]*([^\d\s.．,，].*)$/s;

function econInName(text: string): { code: string; name: string } | undefined {
  const m = ECON_IN_NAME_RE.exec(text.trim());
  return m ? { code: m[1], name: m[2].replace(/\s*\n\s*/g, '').trim() } : undefined;
}

export function parseBasicExpenditure(
  region: Region,
  id: TableId,
  headerStart: number,
  ctx: { unit: MoneyUnit; issues: ReadIssue[]; textCells?: string[] },
  location: BasicExpenditureTable['location'],
): BasicExpenditureTable {
  const { grid } = region;
  const table: BasicExpenditureTable = { location, items: [] };
  const amountCtx: AmountContext = { grid, unit: ctx.unit, issues: ctx.issues, table: id, textCells: ctx.textCells };
  // Code columns: many cells with 经济分类 codes (301, 30101, or 301 | 01 split).
  const codeCols: { c: number; split: boolean; inName?: boolean }[] = [];
  for (let c = region.c0; c <= region.c1; c++) {
    const codes = new Set<string>();
    let split = 0;
    let inName = 0;
    for (let r = headerStart; r <= region.r1; r++) {
      const t = grid.norm(r, c);
      if (ECON_RE.test(t)) codes.add(t);
      else if (econInName(grid.text(r, c))) inName++;
      if (/^3\d{2}$/.test(t) && /^\d{2}$/.test(grid.norm(r, c + 1))) split++;
    }
    if (codes.size === 0 && inName >= 2) {
      codeCols.push({ c, split: false, inName: true });
      continue;
    }
    // Distinct codes: whole-元 amounts (37400 twice) look like 经济分类 codes, but a code column lists different
    // codes, and an amount column is headed as one.
    let n = codes.size;
    // A block may hold a single code ("310 资本性支出" alone) when its header says it is a code column.
    let headed = false;
    let amountHead = false;
    for (let r = headerStart; r <= Math.min(region.r1, headerStart + 4) && !headed; r++) {
      const h = grid.mergedNorm(r, c);
      headed = /编码|代码/.test(h);
      amountHead ||= /决算|金额|合计|^数额$/.test(h);
    }
    if (amountHead && !headed) n = 0;
    if (n >= 2 || (n === 1 && headed)) codeCols.push({ c, split: split > 0 && split * 2 >= n - 3 });
  }
  // Data starts at the first 经济分类 code, or at a 合计 row with amounts placed above the codes.
  const dataStart = firstRow(
    region,
    headerStart,
    (r) =>
      codeCols.some(({ c, inName }) => (inName ? !!econInName(grid.text(r, c)) : ECON_RE.test(grid.norm(r, c)))) ||
      (codeCols.some(({ c }) => /^(合计|总计)$/.test(grid.mergedNorm(r, c))) && grid.rowCells(r, region.c0, region.c1).some((x) => looksNumeric(grid, r, x.c))),
  );
  const paths = headerPaths(region, headerStart, dataStart);
  const blocks = codeCols.map(({ c, split, inName }, i) => {
    const codeEnd = split ? c + 1 : c;
    const limit = i + 1 < codeCols.length ? codeCols[i + 1].c - 1 : region.c1;
    let nameCol = inName ? c : codeEnd + 1;
    let amountCol = -1;
    // Some forms give each 经济分类 row two amount columns, 人员经费 and 公用经费 (with 合计 before them).
    let personnelCol = -1;
    let publicCol = -1;
    for (let x = codeEnd + 1; x <= limit; x++) {
      const path = (paths.get(x) || []).join('/');
      const last = (paths.get(x) || []).slice(-1)[0] || '';
      if (/名称/.test(path) && !inName) nameCol = x;
      else if (/^人员经费(合计)?$/.test(last)) personnelCol = x;
      else if (/^(日常)?公用经费(合计)?$/.test(last)) publicCol = x;
      else if (/决算|金额|合计/.test(path) && amountCol < 0) amountCol = x;
    }
    if (amountCol < 0 && personnelCol >= 0 && publicCol >= 0) amountCol = -2; // no 合计 column: pick per row
    if (amountCol === -1) {
      for (let x = nameCol + 1; x <= limit && amountCol < 0; x++) {
        for (let r = dataStart; r <= region.r1; r++) if (looksNumeric(grid, r, x)) {
          amountCol = x;
          break;
        }
      }
    }
    return { codeCol: c, split, inName: !!inName, nameCol, amountCol, personnelCol, publicCol };
  });
  location.columns = blocks.map((b, i) => ({ key: `block${i + 1}`, header: (paths.get(b.amountCol) || []).join('/'), col: b.amountCol }));
  // From the header on: a 合计 row may sit above the first 经济分类 row.
  for (let r = headerStart; r <= region.r1; r++) {
    if (isAuxRow(grid, region, r)) continue;
    for (const b of r < dataStart ? [] : blocks) {
      const inName = b.inName ? econInName(grid.text(r, b.codeCol)) : undefined;
      let code = inName ? inName.code : grid.norm(r, b.codeCol);
      if (b.split && /^3\d{2}$/.test(code) && /^\d{2}$/.test(grid.norm(r, b.codeCol + 1))) code += grid.norm(r, b.codeCol + 1);
      if (!ECON_RE.test(code) || b.amountCol === -1) continue;
      // Without a 合计 column, an item's amount is in its own column: 301/303 are 人员经费, the rest 公用经费.
      const col = b.amountCol >= 0 ? b.amountCol : /^30[13]/.test(code) ? b.personnelCol : b.publicCol;
      table.items.push({
        code,
        name: inName ? inName.name : grid.text(r, b.nameCol).replace(/\s*\n\s*/g, '').trim(),
        nameCell: grid.ref(r, b.nameCol),
        codeCell: grid.ref(r, b.codeCol),
        codeCells: b.split && code.length === 5 ? [grid.ref(r, b.codeCol), grid.ref(r, b.codeCol + 1)] : [grid.ref(r, b.codeCol)],
        value: readFigure(amountCtx, r, col),
      });
    }
    // A 合计 row in the two-column form: its 人员经费 and 公用经费 cells are the two totals.
    for (const b of blocks) {
      if (b.personnelCol < 0 || b.publicCol < 0 || table.personnelTotal) continue;
      const label = grid.norm(r, b.codeCol) || grid.norm(r, b.nameCol);
      if (!/^(合计|总计|基本支出合计)$/.test(label)) continue;
      const labelCell = grid.ref(r, b.codeCol);
      table.personnelTotal = { key: 'personnelTotal', label: '人员经费合计', labelCell, row: r, values: { amount: readFigure(amountCtx, r, b.personnelCol) } };
      table.publicTotal = { key: 'publicTotal', label: '公用经费合计', labelCell, row: r, values: { amount: readFigure(amountCtx, r, b.publicCol) } };
      if (b.amountCol >= 0) table.grandTotal = { key: 'grandTotal', label: '合计', labelCell, row: r, values: { amount: readFigure(amountCtx, r, b.amountCol) } };
    }
    // Total lines anywhere on a data row: label followed by the first amount to its right.
    for (let c = region.c0; r >= dataStart && c <= region.c1; c++) {
      const t = grid.norm(r, c);
      let key: 'personnelTotal' | 'publicTotal' | 'grandTotal' | undefined;
      if (/^人员经费(合计|小计)?$/.test(t)) key = 'personnelTotal';
      else if (/^(日常)?公用经费(合计|小计)?$/.test(t)) key = 'publicTotal';
      else if (/^(基本支出)?(合计|总计)$/.test(t)) key = 'grandTotal';
      if (!key || table[key]) continue;
      // Start after the label's merged area ("公用经费合计" is often merged over code and name columns).
      const start = (grid.merge(r, c)?.c1 ?? c) + 1;
      for (let x = start; x <= region.c1; x++) {
        if (blocks.some((b) => b.codeCol === x || b.nameCol === x) && !looksNumeric(grid, r, x)) continue;
        if (looksNumeric(grid, r, x) || blocks.some((b) => b.amountCol === x)) {
          const value = readFigure(amountCtx, r, x);
          const line: Line = { key, label: grid.text(r, c).trim(), labelCell: grid.ref(r, c), row: r, values: { amount: value } };
          table[key] = line;
          break;
        }
        if (norm(grid.text(r, x))) break;
      }
    }
  }
  return table;
}

const KIND_LABEL = /^(预算数?|年初预算数?|全年预算数?|决算数?|实际支出数?|支出决算数?|实际数)$/;

const ITEM_RULES: [ThreePublicKey, RegExp][] = [
  ['abroad', /因公出国/],
  ['reception', /公务接待/],
  ['vehiclePurchase', /^(公务用车)?购置(费|支出)?$/],
  ['vehicleRunning', /^(公务用车)?运行(维护|维修)?(费|支出)?$|^公务用车运行（维护）费$/],
  ['vehicle', /公务用车购置及运行|^小计$|^公务用车(费|支出)?$/],
  ['total', /^合计$|^总计$|三公经费合计|^三公经费$|财政拨款三公经费/],
];

function itemOf(segs: string[]): ThreePublicKey | undefined {
  // The lowest segment that is not a 预算数/决算数 label decides ("…运行维护费/小计" is the vehicle subtotal);
  // a sub-column such as "其中：外事接待费" under 公务接待费 is not the item itself.
  let last = segs.length - 1;
  while (last >= 0 && (KIND_LABEL.test(segs[last]) || /^(预算|决算|金额)/.test(segs[last]))) last--;
  if (last >= 0 && /^其中/.test(segs[last])) {
    // "其中：公务用车购置费" under 公务用车购置及运行费 is the item itself; "其中：外事接待费" is not.
    const s = segs[last].replace(/^其中[:：]?/, '').replace(/[（）()]/g, '');
    const hit = ITEM_RULES.find(([k, re]) => (k === 'vehiclePurchase' || k === 'vehicleRunning') && re.test(s));
    return hit && segs.slice(0, last).some((p) => /公务用车/.test(p)) ? hit[0] : undefined;
  }
  for (let i = last; i >= 0; i--) {
    const s = segs[i].replace(/（[^（）]*）/g, (m) => (/境/.test(m) ? m : '')).replace(/[（）()]/g, '');
    const hit = ITEM_RULES.find(([, re]) => re.test(s) || re.test(segs[i]));
    if (hit) {
      if (hit[0] === 'vehicle' && /^小计$/.test(segs[i]) && !segs.slice(0, i).some((p) => /公务用车/.test(p))) return 'total';
      return hit[0];
    }
  }
  return undefined;
}

/** Last year's figures, added beside this year's: never read as this year's 预算数/决算数. */
const PRIOR_YEAR = /上年|上期|去年/;

function kindOf(segs: string[]): 'budget' | 'actual' | undefined {
  if (segs.some((s) => PRIOR_YEAR.test(s))) return undefined;
  for (let i = segs.length - 1; i >= 0; i--) {
    // A title over the header ("一般公共预算财政拨款“三公”经费支出决算表") says nothing about the column.
    if (/表$/.test(segs[i])) continue;
    if (/预算/.test(segs[i]) && !/决算/.test(segs[i])) return 'budget';
    if (/决算|实际|执行数|支出数/.test(segs[i])) return 'actual';
  }
  return undefined;
}

/** A note under a table, or the sentence saying the table has no data. */
export function isNoteText(text: string): boolean {
  const t = norm(text);
  return /^(注|说明|备注)[:：\d１２３一二三]/.test(t) || (t.length >= 6 && /无数据|(没有|无)[^，。；]{0,30}(收入|支出|经费)/.test(t));
}

export function parseThreePublic(
  region: Region,
  id: TableId,
  headerStart: number,
  ctx: { unit: MoneyUnit; issues: ReadIssue[]; textCells?: string[] },
  location: ThreePublicTable['location'],
): ThreePublicTable {
  const { grid } = region;
  const table: ThreePublicTable = { location, budget: {}, actual: {} };
  const amountCtx: AmountContext = { grid, unit: ctx.unit, issues: ctx.issues, table: id, textCells: ctx.textCells };
  // Rows from a note on ("注：本年度没有…支出，故本表无数据") are not part of the table body.
  let limit = region.r1 + 1;
  for (let r = headerStart; r <= region.r1 && limit > region.r1; r++) if (grid.rowCells(r, region.c0, region.c1).some((x) => isNoteText(x.text))) limit = r;
  let dataStart = firstRow(region, headerStart, (r) => {
    const cells = grid.rowCells(r, region.c0, region.c1);
    return (
      cells.length > 0 &&
      cells.every((x) => looksNumeric(grid, r, x.c) || /^[-—－/]+$/.test(x.text.trim()) || /^(金额|决算数|数额)$/.test(norm(x.text)) || KIND_LABEL.test(norm(x.text))) &&
      cells.some((x) => looksNumeric(grid, r, x.c))
    );
  });
  // No row with a number: an empty table. Its header ends at the last row with words before the note; the
  // row after it (blank or dashes), if any, is the data row. A header cell is never read as an amount.
  let noDataRow = false;
  if (dataStart >= limit) {
    let headerEnd = headerStart - 1;
    for (let r = headerStart; r < limit; r++) if (grid.rowCells(r, region.c0, region.c1).some((x) => !/^[-—－–/\s0.]*$/.test(x.text))) headerEnd = r;
    dataStart = headerEnd + 1;
    noDataRow = dataStart >= limit;
  }
  const paths = headerPaths(region, headerStart, dataStart);
  const columns: { key: ThreePublicKey; kind: 'budget' | 'actual'; col: number; header: string; row: number }[] = [];
  const itemCols: { key: ThreePublicKey; col: number; header: string }[] = [];
  for (const [c, segs] of paths) {
    const item = itemOf(segs);
    const kind = kindOf(segs);
    if (item && kind) columns.push({ key: item, kind, col: c, header: segs.join('/'), row: dataStart });
    else if (item) itemCols.push({ key: item, col: c, header: segs.join('/') });
  }
  if (columns.length < 2 && itemCols.length >= 2) {
    // Items across the columns, one row per kind ("预算数" row, "决算数" row).
    for (let r = dataStart; r <= Math.min(region.r1, dataStart + 3); r++) {
      const label = grid.rowCells(r, region.c0, region.c1).find((x) => KIND_LABEL.test(norm(x.text)));
      if (!label) continue;
      const kind = kindOf([norm(label.text)]);
      if (!kind) continue;
      for (const ic of itemCols) columns.push({ key: ic.key, kind, col: ic.col, header: `${ic.header}/${norm(label.text)}`, row: r });
    }
  }
  if (columns.length >= 2 && (dataStart <= region.r1 || noDataRow)) {
    location.columns = columns.map((x) => ({ key: `${x.kind}.${x.key}`, header: x.header, col: x.col }));
    for (const col of noDataRow ? [] : columns) {
      const target = col.kind === 'budget' ? table.budget : table.actual;
      if (target[col.key]) continue; // the first column of an item wins
      const f = readFigure(amountCtx, col.row, col.col);
      if (f) target[col.key] = f;
    }
    return table;
  }
  // Vertical layout: one row per item, columns 预算数 | 决算数.
  let budgetCol = -1;
  let actualCol = -1;
  let kindRow = headerStart;
  for (let r = headerStart; r <= Math.min(region.r1, headerStart + 4); r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      const t = grid.norm(r, c);
      if (PRIOR_YEAR.test(t)) continue;
      if (/预算/.test(t) && !/决算/.test(t) && budgetCol < 0) {
        budgetCol = c;
        kindRow = Math.max(kindRow, r);
      }
      if (/决算|实际/.test(t) && actualCol < 0) {
        actualCol = c;
        kindRow = Math.max(kindRow, r);
      }
    }
  }
  // Item rows lie below the 预算数/决算数 header and above any note.
  for (let r = kindRow + 1; r < limit; r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      if (c === budgetCol || c === actualCol) continue;
      const item = itemOf([grid.norm(r, c).replace(/^[一二三四五六七八九十\d]+[、.．]|^其中[:：]?/, '')]);
      if (!item) continue;
      const put = (kind: 'budget' | 'actual', col: number) => {
        if (col < 0) return;
        const f: Figure | undefined = readFigure(amountCtx, r, col);
        const target = kind === 'budget' ? table.budget : table.actual;
        if (f && !target[item]) target[item] = f;
      };
      put('budget', budgetCol);
      put('actual', actualCol);
      break;
    }
  }
  location.columns = [
    { key: 'budget', header: '预算数', col: budgetCol },
    { key: 'actual', header: '决算数', col: actualCol },
  ].filter((x) => x.col >= 0);
  return table;
}
