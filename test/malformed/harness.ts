/**
 * The harness shared by the malformed-input tests: one command line run in-process with a time limit, and the
 * checks on a written workbook (user sheets byte for byte, formula-like text with Excel's quote prefix, no cell
 * over Excel's limit).
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { listSheets } from '../../src/adapters/exceljs/patchPackage';

export const NARRATIVE = path.join(__dirname, '..', 'fixtures', 'seeds', '002_256816beafe99349.txt');
export const PER_RUN_MS = 60_000;
export const STACK = /\n\s+at .+[:(]\d+|Error: .*\n\s+at |TypeError|RangeError|ReferenceError|Cannot read propert|undefined is not/;

export async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<number>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout: ${argv.join(' ')}`)), PER_RUN_MS);
  });
  try {
    const code = await Promise.race([main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') }), limit]);
    return { code, out, err };
  } finally {
    clearTimeout(timer);
  }
}

async function sheetParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const s of await listSheets(zip)) out.set(s.name, (await zip.file(s.part)?.async('string')) ?? '');
  return out;
}

/** Cells of a sheet XML whose text looks like a formula, with their style index. */
function formulaLikeCells(sheetXml: string, shared: string[]): { ref: string; s: number }[] {
  const out: { ref: string; s: number }[] = [];
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1];
    const t = /\bt="(\w+)"/.exec(attrs)?.[1];
    let text = '';
    if (t === 'inlineStr') text = [...(m[2] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join('');
    else if (t === 's') text = shared[Number(/<v>(\d+)<\/v>/.exec(m[2] ?? '')?.[1])] ?? '';
    else continue;
    if (/^[=+\-@]/.test(text) && text.length > 1) out.push({ ref: /\br="(\w+)"/.exec(attrs)?.[1] ?? '?', s: Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0) });
  }
  return out;
}

export async function checkOutput(input: Buffer, output: Buffer, label: string): Promise<string[]> {
  const problems: string[] = [];
  const before = await sheetParts(input);
  const after = await sheetParts(output);
  for (const [name, xml] of before) {
    if (!after.has(name)) problems.push(`${label}: sheet ${name} missing in the output`);
    if (['决算说明', '执行率汇总'].includes(name)) continue; // owned (the tool only replaces sheets it verified as its own)
    if (name === '补充信息') {
      // Kept byte for byte: every row the input had is in the output unchanged.
      const rows = [...xml.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>/g)].map((m) => m[0]);
      for (const r of rows) if (!after.get(name)?.includes(r)) problems.push(`${label}: ${name} row changed: ${r.slice(0, 80)}`);
      continue;
    }
    if (after.get(name) !== xml) problems.push(`${label}: user sheet ${name} changed`);
  }
  const zip = await JSZip.loadAsync(output);
  const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
  const xfs = [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const shared = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join(''));
  for (const [name, xml] of after) {
    if (before.has(name) && name !== '补充信息') continue;
    const userRows = new Set(before.has(name) ? [...before.get(name)!.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>/g)].map((m) => m[0]) : []);
    const own = [...xml.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>/g)].map((m) => m[0]).filter((r) => !userRows.has(r)).join('');
    for (const c of formulaLikeCells(own, shared)) {
      if (!/quotePrefix="1"/.test(xfs[c.s] ?? '')) problems.push(`${label}: ${name}!${c.ref} formula-like text without quote prefix`);
    }
    for (const m of own.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)) if (m[1].length > 32767 * 8) problems.push(`${label}: ${name} cell text too long`);
  }
  return problems;
}


/** Every command on one workbook (copied into its own folder): the problems found, as lines. */
export async function runEveryCommand(name: string, source: string, root: string): Promise<string[]> {
  const failures: string[] = [];
  const dir = path.join(root, 'runs', name);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, path.basename(source));
  fs.copyFileSync(source, file);
  const input = fs.readFileSync(file);
  const out = path.join(dir, 'out.xlsx');
  const commands: string[][] = [
    ['read', file],
    ['check', file],
    ['rates', file],
    ['generate', file, '--text'],
    ['audit', file, '--text', NARRATIVE],
    ['init', file],
    ['generate', file, '-o', out],
  ];
  for (const argv of commands) {
    const label = `${name}: ${argv[0]}${argv.includes('--text') ? ' --text' : ''}`;
    let r: { code: number; out: string; err: string };
    try {
      r = await run(argv);
    } catch (e) {
      failures.push(`${label}: ${String(e)}`);
      continue;
    }
    if (![0, 1, 2].includes(r.code)) failures.push(`${label}: exit ${r.code}`);
    if (STACK.test(r.out + r.err)) failures.push(`${label}: stack trace or English error: ${(r.err || r.out).slice(0, 300)}`);
    if (/(?<!“)\bNaN\b(?!”)|\bundefined\b|\[object Object\]/.test(r.out + r.err)) failures.push(`${label}: NaN/undefined in the output`);
    if (r.code === 2 && !/[\u4e00-\u9fff]/.test(r.err)) failures.push(`${label}: refusal without a Chinese message: ${r.err}`);
    if (r.code === 2 && r.err.trim().split('\n').length > 2) failures.push(`${label}: refusal longer than one line (plus usage): ${r.err.slice(0, 300)}`);
    if (!fs.readFileSync(file).equals(input)) failures.push(`${label}: input changed`);
    if (argv[0] === 'init' && r.code === 0) {
      const written = fs.readdirSync(dir).filter((f) => /_决算助手/.test(f));
      if (written.length !== 1) failures.push(`${label}: expected one new file, got ${written.join(',')}`);
      else failures.push(...(await checkOutput(input, fs.readFileSync(path.join(dir, written[0])), label)));
    }
    if (argv[0] === 'generate' && argv.includes('-o') && r.code === 0) failures.push(...(await checkOutput(input, fs.readFileSync(out), label)));
  }
  return failures;
}
