/**
 * A small evaluator for the formula subset the add-in writes (quoted sheet references, + − * /, &, comparisons,
 * SUM over ranges, IF / ISNUMBER / OR / AND / ROUND / N / VALUE, string literals), over an exceljs workbook.
 * Shared by the 执行率汇总 workbook test and the consistency test.
 */
import ExcelJS from 'exceljs';
import { parseA1, splitRef } from '../src/snapshot/address';
import { columnName } from '../src/snapshot/address';

// ---------------------------------------------------------------------------------------------
// Formula evaluator (the subset the rates sheet writes)
// ---------------------------------------------------------------------------------------------

export type XErr = { error: string };
export type XVal = number | string | boolean | null | XErr;
type XRange = { range: XVal[] };
type Tok = { t: 'num' | 'str' | 'ref' | 'name' | 'op' | '(' | ')' | ','; v: string };

export const isErr = (v: unknown): v is XErr => typeof v === 'object' && v !== null && 'error' in (v as object);

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const refRe = /^(?:'((?:[^']|'')+)'|([A-Za-z_\u4e00-\u9fa5][\w\u4e00-\u9fa5.]*))!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![\w(])/;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const ref = refRe.exec(rest);
    if (ref) {
      out.push({ t: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z][A-Za-z0-9.]*(?=\()/.exec(rest);
    if (name) {
      out.push({ t: 'name', v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/&=<>])/.exec(rest);
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: ch, v: ch });
      i++;
      continue;
    }
    throw new Error(`cannot read formula at "${rest}" in ${src}`);
  }
  return out;
}

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; sheet?: string; address: string }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'call'; name: string; args: Node[] };

function parseFormula(src: string): Node {
  const toks = tokenize(src.replace(/^=/, ''));
  let p = 0;
  const peek = () => toks[p];
  const take = (t?: string) => {
    const x = toks[p++];
    if (!x || (t && x.v !== t && x.t !== t)) throw new Error(`expected ${t} in ${src}`);
    return x;
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    while (peek()?.t === 'op' && ops.includes(peek().v)) {
      const op = take().v;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const x = take();
    if (x.t === 'num') return { k: 'num', v: Number(x.v) };
    if (x.t === 'str') return { k: 'str', v: x.v };
    if (x.t === 'ref') {
      const s = splitRef(x.v);
      return s ? { k: 'ref', sheet: s.sheet, address: s.address.replace(/\$/g, '') } : { k: 'ref', address: x.v.replace(/\$/g, '') };
    }
    if (x.t === 'op' && (x.v === '-' || x.v === '+')) {
      const a = unary();
      return x.v === '-' ? { k: 'neg', a } : a;
    }
    if (x.t === '(') {
      const e = expr();
      take(')');
      return e;
    }
    if (x.t === 'name') {
      take('(');
      const args: Node[] = [];
      if (peek()?.t !== ')') {
        args.push(expr());
        while (peek()?.t === ',') {
          take(',');
          args.push(expr());
        }
      }
      take(')');
      return { k: 'call', name: x.v, args };
    }
    throw new Error(`unexpected ${x.v} in ${src}`);
  };
  const unary = (): Node => primary();
  const term = binary(['*', '/'], unary);
  const additive = binary(['+', '-'], term);
  const concat = binary(['&'], additive);
  const expr = binary(['=', '<>', '<', '>', '<=', '>='], concat);
  const e = expr();
  if (p !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return e;
}

/** Values of a workbook (exceljs), formulas on `liveSheet` recomputed recursively, others by cached result. */
export class Evaluator {
  private cache = new Map<string, XVal>();
  constructor(
    private wb: ExcelJS.Workbook,
    private liveSheet: string,
  ) {}

  cellValue(sheet: string, address: string): XVal {
    const key = `${sheet}!${address}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) return { error: '#REF!' };
    const cell = ws.getCell(address);
    const v = cell.value as unknown;
    let out: XVal;
    if (v === null || v === undefined) out = null;
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out = v;
    else if (typeof v === 'object' && 'formula' in (v as object)) {
      const f = v as { formula: string; result?: unknown };
      // A formula never yields "blank": =A1 on an empty A1 is 0.
      if (sheet === this.liveSheet) out = this.evaluate(f.formula, sheet) ?? 0;
      else out = (f.result as XVal) ?? 0;
    } else if (typeof v === 'object' && 'richText' in (v as object)) out = (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    else if (isErr(v)) out = v;
    else out = String(v);
    this.cache.set(key, out);
    return out;
  }

  evaluate(formula: string, sheet: string): XVal {
    const v = this.ev(parseFormula(formula), sheet);
    if (typeof v === 'object' && v !== null && 'range' in v) return (v as XRange).range[0] ?? null;
    return v as XVal;
  }

  private ev(n: Node, sheet: string): XVal | XRange {
    switch (n.k) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 'ref': {
        const s = n.sheet ?? sheet;
        const r = parseA1(n.address)!;
        if (r.r0 === r.r1 && r.c0 === r.c1) return this.cellValue(s, n.address);
        const range: XVal[] = [];
        for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) range.push(this.cellValue(s, `${colName(c)}${row + 1}`));
        return { range };
      }
      case 'neg': {
        const a = num(this.scalar(n.a, sheet));
        return isErr(a) ? a : -a;
      }
      case 'bin':
        return this.binary(n.op, this.scalar(n.a, sheet), this.scalar(n.b, sheet));
      case 'call':
        return this.call(n.name, n.args, sheet);
    }
  }

  private scalar(n: Node, sheet: string): XVal {
    const v = this.ev(n, sheet);
    return typeof v === 'object' && v !== null && 'range' in v ? (v as XRange).range[0] ?? null : (v as XVal);
  }

  private binary(op: string, a: XVal, b: XVal): XVal {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (op === '&') return text(a) + text(b);
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const c = compare(a, b);
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op] as boolean;
    }
    const x = num(a);
    const y = num(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? { error: '#DIV/0!' } : x / y;
    }
    throw new Error(op);
  }

  private call(name: string, args: Node[], sheet: string): XVal {
    const arg = (i: number) => this.scalar(args[i], sheet);
    switch (name) {
      case 'IF': {
        const c = arg(0);
        if (isErr(c)) return c;
        const truthy = typeof c === 'boolean' ? c : typeof c === 'number' ? c !== 0 : c === null ? false : true;
        return truthy ? arg(1) : args.length > 2 ? arg(2) : false;
      }
      case 'ISNUMBER':
        return typeof arg(0) === 'number';
      case 'OR':
        return args.some((_, i) => arg(i) === true);
      case 'AND':
        return args.every((_, i) => arg(i) === true);
      case 'NOT':
        return !arg(0);
      case 'N': {
        const v = arg(0);
        return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : isErr(v) ? v : 0;
      }
      case 'VALUE': {
        const v = arg(0);
        if (typeof v === 'number') return v;
        if (v === null) return 0;
        if (typeof v !== 'string') return { error: '#VALUE!' };
        const s = v.replace(/,/g, '').trim();
        const paren = /^\((.*)\)$/.exec(s);
        const x = Number(paren ? `-${paren[1]}` : s);
        return s === '' || Number.isNaN(x) ? { error: '#VALUE!' } : x;
      }
      case 'ROUND': {
        const x = num(arg(0));
        const d = num(arg(1));
        if (isErr(x)) return x;
        if (isErr(d)) return d;
        const f = 10 ** d;
        const y = Math.abs(x) * f;
        // Half away from zero, with Excel's 15-digit tolerance.
        const r = Math.floor(y + 0.5 + 1e-9 * Math.max(1, y) * 1e-6);
        return (Math.sign(x) * r) / f;
      }
      case 'SUM': {
        let s = 0;
        for (const a of args) {
          const v = this.ev(a, sheet);
          if (typeof v === 'object' && v !== null && 'range' in v) {
            for (const x of (v as XRange).range) if (typeof x === 'number') s += x;
          } else {
            const x = num(v as XVal);
            if (isErr(x)) return x;
            s += x;
          }
        }
        return s;
      }
    }
    throw new Error(`function ${name} not supported`);
  }
}

/** Column letters of a 0-based column (the engine's own conversion). */
export const colName = columnName;

function num(v: XVal): number | XErr {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const x = Number(v.replace(/,/g, ''));
  return v.trim() === '' || Number.isNaN(x) ? { error: '#VALUE!' } : x;
}

function text(v: XVal): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Excel order: numbers < text < booleans; blank equals 0 and "". */
function compare(a: XVal, b: XVal): number {
  const rank = (v: XVal) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (rank(a as XVal) !== rank(b as XVal)) return rank(a as XVal) - rank(b as XVal);
  if (typeof a === 'string') return a.toLowerCase() < (b as string).toLowerCase() ? -1 : a.toLowerCase() > (b as string).toLowerCase() ? 1 : 0;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

