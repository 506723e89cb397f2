/**
 * Rule factories for the classified tables (T2, T3, T5, T8, T9): the same arithmetic on different
 * columns. Each rule module instantiates one of these with its own id.
 */
import { CodedRow, CodedTable, TableId, TABLE_NAMES } from '../model/types';
import { Rule, Severity } from './types';
import { checkRelation, Term } from './relation';
import { rowLabel, unitOf } from './lines';

type Coded = 'T2' | 'T3' | 'T5' | 'T8' | 'T9';

function tableOf(accounts: Record<string, unknown>, id: Coded): CodedTable | undefined {
  return accounts[id] as CodedTable | undefined;
}

function allRows(t: CodedTable): CodedRow[] {
  return t.total ? [t.total, ...t.rows] : t.rows;
}

function header(t: CodedTable, key: string): string {
  return t.location.columns.find((c) => c.key === key)?.header.split('/').pop() || key;
}

const SPLITS: Record<string, string[]> = { basic: ['basicPersonnel', 'basicPublic'] };

/** Column keys in words, for the ledger of relations not evaluated. */
const COLUMN_LABELS: Record<string, string> = {
  total: '合计',
  fiscal: '财政拨款收入',
  superior: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
  basic: '基本支出',
  project: '项目支出',
  basicPersonnel: '人员经费',
  basicPublic: '公用经费',
  opening: '年初结转和结余',
  income: '本年收入',
  expTotal: '本年支出合计',
  closing: '年末结转和结余',
};

/** Per row: total column = Σ part columns (with signs). Only columns the table has take part. */
export function rowSumRule(opts: {
  id: string;
  table: Coded;
  title: string;
  description: string;
  total: string;
  parts: { key: string; sign?: 1 | -1 }[];
  severity?: Severity;
}): Rule {
  return {
    id: opts.id,
    title: opts.title,
    severity: opts.severity ?? '错误',
    tables: [opts.table],
    description: opts.description,
    check({ accounts }, report) {
      const t = tableOf(accounts as unknown as Record<string, unknown>, opts.table);
      if (!t || t.location.empty) return;
      const cols = new Set(t.location.columns.map((c) => c.key));
      // A form that splits 基本支出 into 人员经费 and 公用经费 without a 小计 column: use the two parts.
      const expanded = opts.parts.flatMap((p) =>
        !cols.has(p.key) && SPLITS[p.key] && SPLITS[p.key].every((k) => cols.has(k)) ? SPLITS[p.key].map((k) => ({ key: k, sign: p.sign })) : [p],
      );
      const parts = expanded.filter((p) => cols.has(p.key));
      // No part column: the form does not have this relation at all (e.g. no 人员经费/公用经费 split).
      if (!parts.length) return;
      // Parts without their total column: the relation exists but cannot be evaluated — when the parts say so
      // (two or more of them; a lone 本年支出 column is a form without 结转 columns, not a gap).
      if (!cols.has(opts.total)) {
        if (parts.length < Math.min(2, opts.parts.length)) return;
        report.unchecked?.({
          reason: `${TABLE_NAMES[opts.table]}：${opts.title}未核对——表中找不到“${COLUMN_LABELS[opts.total] ?? opts.total}”栏。`,
          cells: [`${t.location.sheet}!${t.location.range}`],
        });
        return;
      }
      for (const row of allRows(t)) {
        const total: Term = { figure: row.values[opts.total], label: header(t, opts.total) };
        checkRelation({
          report,
          table: opts.table,
          unit: unitOf(t),
          where: `${TABLE_NAMES[opts.table]} ${rowLabel(row)}`,
          total,
          parts: parts.map((p) => ({ figure: row.values[p.key], label: header(t, p.key), sign: p.sign })),
        });
      }
    },
  };
}

/** 类 = Σ its 款, 款 = Σ its 项, 合计 = Σ 类 — for every amount column. */
export function hierarchyRule(id: string, table: Coded): Rule {
  const name = TABLE_NAMES[table as TableId];
  return {
    id,
    title: '类、款、项逐级相加',
    severity: '错误',
    tables: [table],
    description: `${name}：每一列中，类 = 其下各款之和，款 = 其下各项之和，合计 = 各类之和。`,
    check({ accounts }, report) {
      const t = tableOf(accounts as unknown as Record<string, unknown>, table);
      if (!t || t.location.empty) return;
      const unit = unitOf(t);
      const byLength = (n: number) => t.rows.filter((r) => r.code.length === n);
      // Children by parent code, built once (a large department has hundreds of 项).
      const kids = new Map<string, CodedRow[]>();
      for (const r of t.rows) {
        if (r.code.length < 5) continue;
        const p = r.code.slice(0, r.code.length - 2);
        kids.set(p, [...(kids.get(p) ?? []), r]);
      }
      const children = (parent: CodedRow, len: number) => (kids.get(parent.code) ?? []).filter((r) => r.code.length === len);
      for (const col of t.location.columns) {
        if (col.key.startsWith('?')) continue;
        const colName = col.header.split('/').pop() || col.key;
        const check = (parent: CodedRow, kids: CodedRow[]) => {
          if (!kids.length) return;
          checkRelation({
            report,
            table,
            unit,
            where: `${name} ${rowLabel(parent)}（${colName}）`,
            total: { figure: parent.values[col.key], label: parent.level === 'total' ? '合计' : parent.code },
            parts: kids.map((k) => ({ figure: k.values[col.key], label: k.code })),
          });
        };
        for (const cls of byLength(3)) {
          const items = children(cls, 5);
          // 类 and 项 without 款 rows: the 类 is the sum of its 项.
          check(cls, items.length ? items : t.rows.filter((r) => r.code.length === 7 && r.code.startsWith(cls.code)));
        }
        for (const item of byLength(5)) check(item, children(item, 7));
        if (t.total) {
          const classes = byLength(3);
          check(t.total, classes.length ? classes : byLength(5).length ? byLength(5) : byLength(7));
        }
      }
    },
  };
}
