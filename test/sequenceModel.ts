/**
 * The model behind test/sequences.test.ts: a folder of workbooks, random command lines run on them in-process
 * (the same `main` bin/juesuan.js runs), and random edits made the way Excel leaves a file (test/packageEdit.ts).
 * After every step the folder is compared with what the user may expect:
 *  - no file disappears; a file holding user input changes only by a reported in-place update of a workbook
 *    whose replaced sheets the user did not edit (or is kept as a backup copy byte for byte);
 *  - the inputs of a command (the workbook, --prior) are byte-identical after it;
 *  - every file the command wrote from a workbook carries that workbook over: user sheets and every part they
 *    reach (charts, images, comments) byte for byte, 补充信息 cell for cell (value, formula, cached value, style
 *    index) plus its validations / drawings, defined names, shared strings, the existing cell formats;
 *  - an update reported as in place really holds the new sheets, with a mark that verifies.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../src/cli/main';
import { listSheets, relsPathOf, resolveTarget, workbookPart } from '../src/adapters/exceljs/patchPackage';
import { editedSheets, loadForWriting, writtenByUs } from '../src/cli/workbookIo';
import { cellsOf, coveredByMerge, Pkg, TypedValue } from './packageEdit';

export const OWNED = ['补充信息', '决算说明', '执行率汇总', '整改清单'];
const GENERATED = ['决算说明', '执行率汇总'];

/** A small deterministic generator (mulberry32), so a failing sequence is replayed from its seed. */
export function rng(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(a: readonly T[]) => T; chance: (p: number) => boolean } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (arr) => arr[int(arr.length)], chance: (p) => next() < p };
}

/** What the user typed, as values of every kind the issue names. */
export const TYPED: TypedValue[] = [
  { kind: 'number', value: 123.45 },
  { kind: 'number', value: 0 },
  { kind: 'number', value: -3 },
  { kind: 'number', value: 1e21 },
  { kind: 'text', text: '1,234.50' },
  { kind: 'text', text: '约3000万元' },
  { kind: 'text', text: '十五' },
  { kind: 'text', text: ' 12 ' },
  { kind: 'text', text: '０．５' },
  { kind: 'text', text: '因公出国（境）团组减少，相应费用下降。' },
  { kind: 'text', text: '=HYPERLINK("http://example.invalid","x")' },
  { kind: 'formula', formula: '1+1', cached: 2 },
  { kind: 'formula', formula: "'公开01表'!D7" },
  { kind: 'formula', formula: 'SUM(C4:C5)*2', cached: 17.3 },
  { kind: 'formula', formula: '"约"&"5"', cached: '约5' },
  { kind: 'formula', formula: '1/0', cached: undefined },
];

interface FileState {
  /** Owned generated sheets the user typed into since the tool wrote them. */
  dirty: Set<string>;
  /** The file holds something the user made (their workbook, anything typed, anything derived from those). */
  userInput: boolean;
}

export interface StepLog {
  what: string;
}

export class Folder {
  readonly state = new Map<string, FileState>();
  readonly log: string[] = [];
  private outCount = 0;

  constructor(
    readonly dir: string,
    readonly seed: number,
    readonly r: ReturnType<typeof rng>,
    /** Files the commands may read but the user never edits (last year's workbook). */
    readonly readOnly: Set<string>,
  ) {}

  fail(msg: string): never {
    throw new Error(`seed ${this.seed}: ${msg}\nsteps:\n  ${this.log.join('\n  ')}`);
  }

  check(cond: unknown, msg: string): void {
    if (!cond) this.fail(msg);
  }

  files(): string[] {
    return fs.readdirSync(this.dir).filter((f) => f.endsWith('.xlsx')).sort();
  }

  snapshot(): Map<string, Buffer> {
    const m = new Map<string, Buffer>();
    for (const f of fs.readdirSync(this.dir)) m.set(f, fs.readFileSync(path.join(this.dir, f)));
    return m;
  }

  stateOf(f: string): FileState {
    let s = this.state.get(f);
    if (!s) this.state.set(f, (s = { dirty: new Set(), userInput: true }));
    return s;
  }

  editable(): string[] {
    return this.files().filter((f) => !this.readOnly.has(f));
  }

  // ------------------------------------------------------------------------------------------ edits

  async edit(): Promise<void> {
    const file = this.r.pick(this.editable());
    try {
      await this.editFile(file);
    } catch (e) {
      this.fail(`editing ${file}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  private async editFile(file: string): Promise<void> {
    const full = path.join(this.dir, file);
    const pkg = await Pkg.load(fs.readFileSync(full));
    const sheets = await pkg.sheetNames();
    const userSheets = sheets.filter((s) => !OWNED.includes(s));
    const r = this.r;
    const st = this.stateOf(file);
    const did: string[] = [];
    const kinds = ['supplement', 'supplement', 'supplementRows', 'supplementFormat', 'generated', 'generatedPart', 'drawing', 'validation', 'name', 'comment', 'newSheet', 'userCell'];
    for (let n = 1 + r.int(3); n > 0; n--) {
      const kind = r.pick(kinds);
      if (kind.startsWith('supplement') && sheets.includes('补充信息')) {
        const xml = (await pkg.sheetXml('补充信息'))!;
        const keyed = [...cellsOf(xml).entries()].filter(([ref, c]) => ref.startsWith('F') && /<t[^>]*>[a-zA-Z]/.test(c)).map(([ref]) => Number(ref.slice(1)));
        if (!keyed.length) continue;
        if (kind === 'supplement') {
          for (let k = 1 + r.int(4); k > 0; k--) {
            const row = r.pick(keyed);
            const v = r.pick(TYPED);
            await pkg.setCell('补充信息', `C${row}`, v);
            did.push(`补充信息!C${row}=${JSON.stringify(v)}`);
            if (r.chance(0.3)) {
              await pkg.setCell('补充信息', `E${row}`, { kind: 'text', text: `用户备注：按财务科口径（${r.int(100)}）` });
              did.push(`补充信息!E${row} note`);
            }
          }
        } else if (kind === 'supplementRows') {
          const last = await pkg.lastRow('补充信息');
          await pkg.setCell('补充信息', `B${last + 1}`, { kind: 'text', text: '我自己加的一行' });
          await pkg.setCell('补充信息', `C${last + 1}`, r.pick(TYPED));
          await pkg.setCell('补充信息', `C${last + 2}`, { kind: 'formula', formula: `C${last + 1}*2`, cached: 84 });
          did.push(`补充信息 rows ${last + 1}-${last + 2} added`);
        } else {
          const row = r.pick(keyed);
          await pkg.restyleCell('补充信息', `C${row}`, await pkg.addStyle(r.int(3)));
          did.push(`补充信息!C${row} restyled`);
        }
      } else if (kind === 'generated') {
        const owned = sheets.filter((s) => OWNED.includes(s) && s !== '补充信息');
        if (!owned.length) continue;
        const s = r.pick(owned);
        const xml = (await pkg.sheetXml(s))!;
        const ref = `${r.pick(['A', 'B', 'C'])}${2 + r.int(12)}`;
        if (coveredByMerge(xml, ref)) continue;
        const v: TypedValue = r.chance(0.5) ? { kind: 'text', text: '我改写的一句话。' } : r.pick(TYPED);
        const before = cellsOf((await pkg.sheetXml(s))!).get(ref);
        const cell = await pkg.setCell(s, ref, v);
        st.dirty.add(s);
        did.push(`${s}!${ref} typed ${JSON.stringify(v)} (was ${before ?? 'empty'}, now ${cell})`);
      } else if (kind === 'generatedPart') {
        // Added in Excel without changing a cell: a validation, a picture next to the tool's charts.
        const owned = sheets.filter((s) => OWNED.includes(s) && s !== '补充信息');
        if (!owned.length) continue;
        const s = r.pick(owned);
        const c = r.next();
        if (c < 0.35) await pkg.addValidation(s, 'H2:H9');
        else if (c < 0.7) await pkg.addDrawing(s, 'image', { cats: '', vals: '' });
        // A number format the user set on a cell of the tool's (a font or fill alone is not yet told apart).
        else {
          const ref = `${r.pick(['A', 'B', 'C'])}${2 + r.int(8)}`;
          if (coveredByMerge((await pkg.sheetXml(s))!, ref)) continue;
          await pkg.restyleCell(s, ref, await pkg.addStyle(0));
        }
        st.dirty.add(s);
        did.push(`${s} part added`);
      } else if (kind === 'drawing' && userSheets.length) {
        const s = r.pick(userSheets);
        const parts = await pkg.addDrawing(s, r.chance(0.5) ? 'chart' : 'image', { cats: '$A$7:$A$9', vals: '$C$7:$C$9' });
        if (parts.length) did.push(`${s} drawing ${parts.join(' ')}`);
      } else if (kind === 'validation' || kind === 'comment') {
        const targets = [...userSheets, ...(sheets.includes('补充信息') ? ['补充信息'] : [])];
        if (!targets.length) continue;
        const s = r.pick(targets);
        if (kind === 'validation' && r.chance(0.4)) {
          await pkg.addConditionalFormat(s, 'C4:C9');
          did.push(`${s} conditional format`);
          continue;
        }
        if (kind === 'comment') {
          const parts = await pkg.addComment(s, 'B3', '请核对此数');
          if (parts.length) did.push(`${s} comment ${parts.join(' ')}`);
          continue;
        }
        await pkg.addValidation(s, s === '补充信息' ? 'C4:C6' : 'H2:H9');
        did.push(`${s} validation`);
      } else if (kind === 'name') {
        const s = r.pick(userSheets.length ? userSheets : sheets);
        const name = r.pick(['我的合计', '打印区域_1', '决算助手备用', '本年数', 'Print_Titles_x']) + r.int(1000);
        await pkg.addDefinedName(name, `'${s}'!$C$7`);
        did.push(`name ${name}`);
      } else if (kind === 'newSheet') {
        const name = r.pick(['我的底稿', '测算', '附表', 'Sheet1']) + r.int(100);
        if (sheets.includes(name)) continue;
        await pkg.addSheet(name);
        await pkg.setCell(name, 'A1', { kind: 'text', text: '用户自己的工作表' });
        await pkg.setCell(name, 'B2', r.pick(TYPED));
        sheets.push(name);
        userSheets.push(name);
        did.push(`sheet ${name} added`);
      } else if (kind === 'userCell' && userSheets.length) {
        const s = r.pick(userSheets);
        const ref = `${r.pick(['H', 'J', 'Z'])}${1 + r.int(40)}`;
        await pkg.setCell(s, ref, r.pick(TYPED));
        did.push(`${s}!${ref} typed`);
      }
    }
    if (!did.length) return;
    fs.writeFileSync(full, await pkg.bytes());
    st.userInput = true;
    this.log.push(`edit ${file}: ${did.join('; ')}`);
  }

  // ------------------------------------------------------------------------------------------ commands

  /** A random command line on a random workbook of the folder; runs it and checks the folder after. */
  async command(prior: string | undefined): Promise<void> {
    const r = this.r;
    const inputs = this.editable();
    const file = r.pick(inputs);
    const full = path.join(this.dir, file);
    const others = this.files().filter((f) => f !== file);
    const outName = (): string => {
      const c = r.next();
      if (c < 0.15) return full;
      if (c < 0.45 && others.length) return path.join(this.dir, r.pick(others));
      return path.join(this.dir, `输出${++this.outCount}.xlsx`);
    };
    const kind = r.pick(['init', 'init', 'initPrior', 'generate', 'generate', 'generateShanghai', 'rates', 'report', 'text']);
    let argv: string[];
    let replaced: string[] = [];
    if (kind === 'init' || kind === 'initPrior') {
      argv = ['init', full];
      // Last year's workbook: the fixture, or another workbook of the folder (one with a 补充信息 of its own).
      const last = others.length && r.chance(0.3) ? r.pick(others) : prior;
      if (kind === 'initPrior' && last) argv.push('--prior', path.join(this.dir, last), '--force');
    } else if (kind === 'generate' || kind === 'generateShanghai') {
      argv = ['generate', full];
      if (kind === 'generateShanghai') argv.push('--form', 'shanghai');
      replaced = GENERATED;
      if (r.chance(0.3)) argv.push('--docx', path.join(this.dir, r.pick(['我的说明.docx', '说明.docx'])));
    } else if (kind === 'rates') argv = ['rates', full];
    else if (kind === 'text') argv = ['generate', full, '--text'];
    else argv = ['check', full, '--report', outName()];
    if ((kind.startsWith('init') || kind.startsWith('generate')) && r.chance(0.35)) argv.push('-o', outName());
    await this.run(argv, file, replaced, kind === 'report');
  }

  async run(argv: string[], file: string, replaced: string[], report: boolean): Promise<void> {
    const before = this.snapshot();
    let out = '';
    let err = '';
    const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
    const shown = argv.map((a) => (a.startsWith(this.dir) ? path.relative(this.dir, a) : a)).join(' ');
    this.log.push(`juesuan ${shown} → ${code}`);
    const after = this.snapshot();
    const where = `“juesuan ${shown}” (exit ${code}; stdout ${JSON.stringify(out.slice(0, 600))}; stderr ${JSON.stringify(err.slice(0, 300))})`;
    this.check([0, 1, 2].includes(code), `${where}: exit code`);
    this.check(!/\n\s+at .*:\d+:\d+/.test(out + err), `${where}: stack trace`);
    for (const f of before.keys()) this.check(after.has(f), `${where}: ${f} disappeared`);
    for (const f of after.keys()) this.check(!f.startsWith('.~'), `${where}: temporary file ${f} left behind`);
    const changedAll = [...after.keys()].filter((f) => before.has(f) && !before.get(f)!.equals(after.get(f)!));
    const createdAll = [...after.keys()].filter((f) => !before.has(f));
    // Word copies: never over an existing file, always named.
    for (const f of changedAll) this.check(!f.endsWith('.docx'), `${where}: ${f} overwritten`);
    for (const f of createdAll.filter((x) => x.endsWith('.docx'))) this.check(out.includes(f), `${where}: wrote ${f} without naming it`);
    const changed = changedAll.filter((f) => !f.endsWith('.docx'));
    const created = createdAll.filter((f) => !f.endsWith('.docx'));
    // Inputs byte-identical (the workbook, --prior), unless reported as updated in place.
    const inPlace = out.includes('就地更新');
    const priorIdx = argv.indexOf('--prior');
    if (priorIdx >= 0) this.check(!changed.includes(path.basename(argv[priorIdx + 1])), `${where}: --prior workbook changed`);
    if (!inPlace) this.check(!changed.includes(file), `${where}: the input ${file} changed without an in-place update being reported`);
    if (code === 2 || argv.includes('--text') || argv[0] === 'rates') {
      this.check(!changedAll.length && !createdAll.length, `${where}: a command that wrote nothing changed ${[...changed, ...created].join(', ')}`);
      return;
    }
    // Which file did the command write? The one it names.
    const written = [...changed, ...created].filter((f) => !this.isBackupOf(f, before, after, changed));
    this.check(written.length <= 1, `${where}: wrote several files ${written.join(', ')}`);
    for (const f of [...changed, ...created]) this.check(out.includes(f) || err.includes(f), `${where}: wrote ${f} without naming it`);
    if (!written.length) {
      // A run that changed nothing (e.g. an in-place init whose sheet is complete) must still say where it wrote.
      this.check(inPlace || report, `${where}: exit ${code} but no file written`);
      return;
    }
    const target = written[0];
    // A file holding user input is replaced only by an allowed in-place update, or after a backup copy was kept.
    if (before.has(target)) {
      const st = this.stateOf(target);
      const backedUp = created.some((f) => f !== target && after.get(f)!.equals(before.get(target)!));
      if (!backedUp && st.userInput) {
        if (report || target !== file) this.fail(`${where}: overwrote ${target}, which holds user input`);
        else {
          this.check(inPlace, `${where}: overwrote the input ${target} without an in-place update being reported`);
          const lost = replaced.filter((s) => st.dirty.has(s));
          this.check(!lost.length, `${where}: in-place update replaced ${lost.join(', ')} the user had edited`);
        }
      }
    }
    if (report) {
      this.state.set(target, { dirty: new Set(), userInput: false });
      for (const f of created) if (f !== target) this.state.set(f, { ...this.stateOf(f), userInput: true });
      return;
    }
    await this.carriedOver(before.get(file)!, after.get(target)!, replaced, where, target);
    if (inPlace) {
      this.check(target === file, `${where}: “就地更新” but ${target} written`);
      const loaded = await loadForWriting(path.join(this.dir, target));
      this.check(writtenByUs(loaded), `${where}: in-place result carries no valid mark`);
      for (const s of argv[0] === 'generate' ? GENERATED : ['补充信息']) this.check(loaded.wb.getWorksheet(s), `${where}: in-place result lacks ${s}`);
      this.check(!editedSheets(loaded, replaced).length, `${where}: in-place result's sheets do not match their mark`);
      await this.sameAsFresh(argv, before.get(file)!, after.get(target)!, where);
    }
    const src = this.stateOf(file);
    this.state.set(target, { dirty: new Set([...src.dirty].filter((s) => !replaced.includes(s))), userInput: true });
    for (const f of created) if (f !== target) this.state.set(f, { ...this.stateOf(f), userInput: true });
  }

  /**
   * The in-place result holds what the same command writes into a new file from the same workbook: the
   * sheets it wrote are identical, cell for cell (so "就地更新" really updated them).
   */
  private async sameAsFresh(argv: string[], pre: Buffer, result: Buffer, where: string): Promise<void> {
    const scratch = fs.mkdtempSync(`${this.dir}-fresh-`);
    try {
      const copy = path.join(scratch, 'copy.xlsx');
      fs.writeFileSync(copy, pre);
      const rest = argv.slice(2).filter((a, i, all) => !['--docx', '-o'].includes(a) && !['--docx', '-o'].includes(all[i - 1]));
      const out = path.join(scratch, 'fresh.xlsx');
      const code = await main([argv[0], copy, ...rest, '-o', out], { out: () => undefined, err: () => undefined });
      this.check(code === 0, `${where}: the same command into a new file failed (${code})`);
      const a = await Pkg.load(result);
      const b = await Pkg.load(fs.readFileSync(out));
      for (const s of argv[0] === 'generate' ? GENERATED : ['补充信息']) {
        const ca = cellsOf((await a.sheetXml(s)) ?? '');
        const cb = cellsOf((await b.sheetXml(s)) ?? '');
        this.check(ca.size === cb.size && [...cb].every(([ref, c]) => ca.get(ref) === c), `${where}: in-place ${s} differs from what the command writes into a new file`);
      }
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }

  /** A new file that is a byte-for-byte copy of a file that changed (a kept backup). */
  private isBackupOf(f: string, before: Map<string, Buffer>, after: Map<string, Buffer>, changed: string[]): boolean {
    return !before.has(f) && changed.some((c) => before.get(c)!.equals(after.get(f)!));
  }

  /** Everything of `src` the user owns is in `out` as it was (replaced: the sheets the command rebuilt). */
  async carriedOver(src: Buffer, out: Buffer, replaced: string[], where: string, target: string): Promise<void> {
    const a = await JSZip.loadAsync(src);
    const b = await JSZip.loadAsync(out);
    const wa = await workbookPart(a);
    const wb = await workbookPart(b);
    const sa = await listSheets(a, wa);
    const sb = await listSheets(b, wb);
    const free = new Set<string>([wa, relsPathOf(wa), '[Content_Types].xml', 'xl/styles.xml', 'xl/calcChain.xml']);
    for (const s of sa) {
      if (!replaced.includes(s.name) && s.name !== '补充信息') continue;
      // Parts of rebuilt sheets (and 补充信息's own part, compared cell by cell below) may change.
      free.add(s.part);
      free.add(relsPathOf(s.part));
      if (replaced.includes(s.name)) for (const p of await reachable(a, s.part)) free.add(p);
    }
    for (const s of sa) {
      const t = sb.find((x) => x.name === s.name);
      this.check(t, `${where}: sheet ${s.name} missing from ${target}`);
      if (replaced.includes(s.name)) continue;
      if (s.name === '补充信息') {
        const xa = (await a.file(s.part)!.async('string'))!;
        const xb = (await b.file(t!.part)!.async('string'))!;
        const cb = cellsOf(xb);
        for (const [ref, cell] of cellsOf(xa)) this.check(cb.get(ref) === cell, `${where}: 补充信息!${ref} was ${cell}, is ${cb.get(ref)} in ${target}`);
        const frame = (x: string) => x.replace(/<sheetData\b[^>]*\/>|<sheetData\b[^>]*>[\s\S]*?<\/sheetData>/, '').replace(/<dimension\b[^>]*\/>/, '');
        this.check(frame(xa) === frame(xb), `${where}: 补充信息's validations/drawings/settings changed in ${target}`);
        const ra = await a.file(relsPathOf(s.part))?.async('string');
        const rb = await b.file(relsPathOf(t!.part))?.async('string');
        this.check(ra === rb, `${where}: 补充信息's relationships changed in ${target}`);
      }
    }
    for (const p of Object.keys(a.files)) {
      if (a.files[p].dir || free.has(p)) continue;
      const x = await a.file(p)!.async('nodebuffer');
      const y = await b.file(p)?.async('nodebuffer');
      this.check(y && x.equals(y), `${where}: part ${p} not carried byte for byte into ${target}`);
    }
    const namesA = await definedNameElements(a, wa);
    const namesB = new Set(await definedNameElements(b, wb));
    for (const n of namesA) if (!/name="决算助手_(owned|签名)/.test(n)) this.check(namesB.has(n), `${where}: defined name ${n} lost in ${target}`);
    // Styles: the existing formats keep their indices (the tool's are appended); the rest is untouched.
    const stA = (await a.file('xl/styles.xml')?.async('string')) ?? '';
    const stB = (await b.file('xl/styles.xml')?.async('string')) ?? '';
    for (const c of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
      const inner = (x: string) => new RegExp(`<${c}\\b[^>]*>([\\s\\S]*?)</${c}>`).exec(x)?.[1] ?? '';
      this.check(inner(stB).startsWith(inner(stA)), `${where}: existing ${c} changed in ${target}`);
    }
    for (const c of ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']) {
      const whole = (x: string) => new RegExp(`<${c}\\b[^>]*?(?:/>|>[\\s\\S]*?</${c}>)`).exec(x)?.[0];
      this.check(whole(stA) === whole(stB), `${where}: styles ${c} changed in ${target}`);
    }
    // The package's lists keep every entry of the parts that stayed.
    const kept = (p: string) => !free.has(p.replace(/^\//, '')) || p === 'xl/styles.xml' || p === '/xl/styles.xml';
    const ctA = (await a.file('[Content_Types].xml')!.async('string')).match(/<(Default|Override)\b[^>]*>/g) ?? [];
    const ctB = new Set((await b.file('[Content_Types].xml')!.async('string')).match(/<(Default|Override)\b[^>]*>/g) ?? []);
    for (const e of ctA) {
      const part = /PartName="([^"]+)"/.exec(e)?.[1];
      if (!part || kept(part)) this.check(ctB.has(e), `${where}: content type ${e} lost in ${target}`);
    }
    const relsA = (await a.file(relsPathOf(wa))!.async('string')).match(/<Relationship\b[^>]*>/g) ?? [];
    const relsB = new Set((await b.file(relsPathOf(wb))!.async('string')).match(/<Relationship\b[^>]*>/g) ?? []);
    for (const e of relsA) {
      const t = resolveTarget(wa, /Target="([^"]+)"/.exec(e)![1]);
      if (kept(t) && !/\/calcChain"/.test(e)) this.check(relsB.has(e), `${where}: workbook relationship ${e} lost in ${target}`);
    }
  }
}

async function reachable(zip: JSZip, part: string, seen = new Set<string>()): Promise<Set<string>> {
  const rels = (await zip.file(relsPathOf(part))?.async('string')) ?? '';
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (/TargetMode="External"/.test(m[0])) continue;
    const t = resolveTarget(part, /Target="([^"]+)"/.exec(m[0])![1]);
    if (seen.has(t)) continue;
    seen.add(t);
    seen.add(relsPathOf(t));
    await reachable(zip, t, seen);
  }
  return seen;
}

async function definedNameElements(zip: JSZip, wb: string): Promise<string[]> {
  const xml = (await zip.file(wb)!.async('string')) ?? '';
  return [...xml.matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)].map((m) => m[0]);
}
