#!/usr/bin/env node
// 决算助手 command line. The TypeScript sources are compiled to lib/ by `npm ci` (the "prepare" script).
try {
  // exitCode, not exit(): process.exit() cuts off piped output beyond the pipe buffer (a long --json).
  require('../lib/cli/main.js').main(process.argv.slice(2)).then((code) => (process.exitCode = code));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /lib[\\/]cli[\\/]main/.test(String(e.message).split('\n')[0])) {
    console.error('决算助手尚未编译：请先在项目目录运行 npm ci（或 npm run build:cli）。');
    process.exit(2);
  }
  throw e;
}
