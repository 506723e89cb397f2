/**
 * Batch part of `npm run bench`: `juesuan check <folder>` on N workbooks (default 1,000 copies of the fixtures, in
 * a temp folder) with --jobs 1 and with all cores, each in its own process: workbooks per second, CPU seconds per
 * workbook (user + system of the whole process, all threads), the speed-up, and peak memory (max RSS) with RSS
 * sampled along the run so one can see it stays flat. Uses the compiled lib/.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const fixtures = path.join(root, 'test', 'fixtures', 'xlsx');
const MIX = ['yuquan2021-sichuan.xlsx', 'taojiadu2020-sichuan.xlsx', 'wujialing2022-shanghai-onesheet.xlsx', 'yuquan2021-broken-item.xlsx'];

/** Runs in the child: the CLI in-process, RSS sampled every 250 ms, resource usage printed as JSON on stderr. */
const CHILD = `
const samples = [];
const t0 = Date.now();
const timer = setInterval(() => samples.push(process.memoryUsage().rss), 250);
const sink = { out: () => {}, err: () => {} };
require(${JSON.stringify(path.join(root, 'lib', 'cli', 'main.js'))}).main(JSON.parse(process.argv[1]), sink).then((code) => {
  clearInterval(timer);
  const u = process.resourceUsage();
  process.stderr.write(JSON.stringify({ code, wall: (Date.now() - t0) / 1000, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRss: u.maxRSS * 1024, samples }) + '\\n');
});
`;

function runBatch(dir, jobs) {
  const args = ['check', dir, '--jobs', String(jobs), '--summary', path.join(dir, '..', `汇总-${jobs}.xlsx`)];
  const r = spawnSync(process.execPath, ['-e', CHILD, JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = (r.stderr || '').trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`批量运行失败：${r.stderr}`);
  }
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;

function quartiles(samples) {
  if (!samples.length) return '—';
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return [0.1, 0.25, 0.5, 0.75, 1].map((q) => mb(at(q))).join(' → ');
}

module.exports = function benchBatch(count) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
  const dir = path.join(tmp, 'workbooks');
  fs.mkdirSync(dir);
  for (let i = 0; i < count; i++) fs.copyFileSync(path.join(fixtures, MIX[i % MIX.length]), path.join(dir, `${String(i).padStart(5, '0')}-${MIX[i % MIX.length]}`));
  const cores = os.cpus().length;
  console.log(`\n批量：${count} 个工作簿（${MIX.length} 种样例轮换），juesuan check <文件夹> --summary，各自一个进程；${cores} 个核`);
  console.log('jobs'.padEnd(6), 'wall s'.padStart(8), 'workbooks/s'.padStart(12), 'CPU s/workbook'.padStart(15), 'peak RSS'.padStart(10), '  RSS at 10% → 25% → 50% → 75% → end');
  const results = [];
  for (const jobs of [...new Set([1, cores])]) {
    const r = runBatch(dir, jobs);
    results.push(r);
    console.log(
      String(jobs).padEnd(6),
      r.wall.toFixed(1).padStart(8),
      (count / r.wall).toFixed(1).padStart(12),
      (r.cpu / count).toFixed(3).padStart(15),
      mb(r.maxRss).padStart(10),
      ' ',
      quartiles(r.samples),
    );
  }
  if (results.length > 1) console.log(`加速比（jobs ${cores} 对 jobs 1）：${(results[0].wall / results[1].wall).toFixed(2)}×`);
  fs.rmSync(tmp, { recursive: true, force: true });
};
