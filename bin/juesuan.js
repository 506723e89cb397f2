#!/usr/bin/env node
// 决算助手 command line. The TypeScript sources are compiled to lib/ by `npm ci` (the "prepare" script).
// The exit code is set, never process.exit(): the process ends once stdout/stderr have drained, so output piped
// to another program (| clip, | tee, a slow reader) is never cut short.
function fail(line) {
  process.stderr.write(line + '\n');
  process.exitCode = 2;
}
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /lib[\\/]cli[\\/]main/.test(String(e.message).split('\n')[0])) {
    fail('决算助手尚未编译：请先在项目目录运行 npm ci（或 npm run build:cli）。');
  } else {
    fail(`决算助手无法启动：${String((e && e.message) || e).split('\n')[0]}`);
  }
}
if (cli) {
  cli.main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => fail(`处理时出错：${String((e && e.message) || e).split('\n')[0]}`),
  );
}
// A reader that goes away (| head) is not an error of ours.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exitCode = process.exitCode || 0;
});
