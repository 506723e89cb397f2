#!/usr/bin/env node
/**
 * Benchmark: reading + checking a typical workbook and a large one (a department with 600+ 项 rows).
 * Prints median timings over several runs for each stage, so the engine's share can be compared with the
 * cost of parsing the file. Uses the compiled engine in lib/ (built by `npm ci` / `npm run build:cli`).
 * Then the batch: `juesuan check <folder>` on 1,000 workbooks with --jobs 1 and with all cores (bench-batch.js).
 * Usage: npm run bench [-- <workbook.xlsx> ...] [-- --runs 9] [-- --batch 1000 | --batch 0 to skip]
 */
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');
const ExcelJS = require('exceljs');

let lib;
try {
  lib = {
    snap: require('../lib/adapters/exceljs/snapshotFromXlsx.js'),
    read: require('../lib/model/readAccounts.js'),
    rules: require('../lib/rules/index.js'),
  };
} catch {
  console.error('请先编译：npm run build:cli');
  process.exit(2);
}

const args = process.argv.slice(2);
const runsIdx = args.indexOf('--runs');
const runs = runsIdx >= 0 ? parseInt(args[runsIdx + 1], 10) : 15;
const batchIdx = args.indexOf('--batch');
const batch = batchIdx >= 0 ? parseInt(args[batchIdx + 1], 10) : 1000;
const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' && args[i - 1] !== '--batch');
const fixtures = path.join(__dirname, '..', 'test', 'fixtures', 'xlsx');
const targets = files.length
  ? files
  : ['yuquan2021-sichuan.xlsx', 'yuquan2021-shanghai-onesheet.xlsx', 'large-sichuan.xlsx', 'large-yuan-text.xlsx'].map((f) => path.join(fixtures, f));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;

(async () => {
  console.log(`决算助手 benchmark — ${runs} runs each after 5 warm-up runs, median; Node ${process.version}`);
  console.log('file'.padEnd(36), 'size'.padStart(8), 'rows'.padStart(6), '  parse .xlsx', '    snapshot', '     read', '    check', '  engine/parse');
  for (const file of targets) {
    const bytes = fs.readFileSync(file);
    const t = { parse: [], snap: [], read: [], check: [] };
    let rows = 0;
    let findings = 0;
    // Five warm-up runs (JIT) are not counted.
    for (let i = -5; i < runs; i++) {
      const keep = i >= 0;
      let t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes);
      if (keep) t.parse.push(performance.now() - t0);
      t0 = performance.now();
      const snapshot = lib.snap.snapshotFromExcelJs(wb, path.basename(file));
      if (keep) t.snap.push(performance.now() - t0);
      t0 = performance.now();
      const accounts = lib.read.readAccounts(snapshot);
      if (keep) t.read.push(performance.now() - t0);
      t0 = performance.now();
      const f = lib.rules.runRules(accounts);
      if (keep) t.check.push(performance.now() - t0);
      rows = ['T2', 'T3', 'T5', 'T8', 'T9'].reduce((n, id) => n + (accounts[id] ? accounts[id].rows.length : 0), 0);
      findings = f.length;
    }
    const engine = median(t.read) + median(t.check);
    console.log(
      path.basename(file).padEnd(36),
      `${(bytes.length / 1024).toFixed(0)} KB`.padStart(8),
      String(rows).padStart(6),
      ms(median(t.parse)),
      ms(median(t.snap)),
      ms(median(t.read)),
      ms(median(t.check)),
      `${((engine / median(t.parse)) * 100).toFixed(1).padStart(8)} %`,
      `  (${findings} findings)`,
    );
  }
  console.log('\nrows = 科目 rows read from tables 2, 3, 5, 8, 9; engine = read + check (pure TypeScript on the snapshot).');
  if (batch > 0) require('./bench-batch.js')(batch);
})();
