#!/usr/bin/env node
// 决算助手 command line. The TypeScript sources are compiled to dist/ by `npm ci` (the "prepare" script).
try {
  require('../dist/cli/main.js').main(process.argv.slice(2)).then((code) => process.exit(code));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli[\\/]main/.test(String(e.message))) {
    console.error('决算助手尚未编译：请先在项目目录运行 npm ci（或 npm run build:cli）。');
    process.exit(2);
  }
  throw e;
}
