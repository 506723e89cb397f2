/**
 * The command line's output is complete whatever it is piped into: more than 64 KiB through a pipe into a
 * reader that takes its time, and the process still ends with all of it written (bin/juesuan.js sets the exit
 * code instead of calling process.exit). Runs the compiled CLI (npx tsc -p tsconfig.build.json).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'juesuan.js');
const FIXTURE = path.join(__dirname, 'fixtures', 'xlsx', 'yuquan2021-sichuan.xlsx');

const SLOW_READER = `
const fs = require('fs');
const out = fs.openSync(process.argv[1], 'w');
process.stdin.on('data', (c) => {
  fs.writeSync(out, c);
  process.stdin.pause();
  setTimeout(() => process.stdin.resume(), 20);
});
process.stdin.on('end', () => fs.closeSync(out));
`;

const built = fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'));

(built ? describe : describe.skip)('output piped to a slow reader', () => {
  it('a folder check --json over 64 KiB arrives whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-pipe-'));
    for (let i = 0; i < 16; i++) fs.copyFileSync(FIXTURE, path.join(dir, `单位${String(i).padStart(2, '0')}.xlsx`));
    const received = path.join(dir, 'received.json');
    const reader = spawn(process.execPath, ['-e', SLOW_READER, received], { stdio: ['pipe', 'inherit', 'inherit'] });
    const cli = spawn(process.execPath, [BIN, 'check', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    cli.stdout.pipe(reader.stdin);
    let err = '';
    cli.stderr.on('data', (c) => (err += c));
    const code = await new Promise<number | null>((resolve) => cli.on('close', resolve));
    await new Promise((resolve) => reader.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    const text = fs.readFileSync(received, 'utf8');
    expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
    // A folder's --json is one JSON object per workbook per line (JSON Lines): every line arrives whole.
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(16);
    expect(lines.map((l) => l.file).sort()).toEqual(Array.from({ length: 16 }, (_, i) => `单位${String(i).padStart(2, '0')}.xlsx`));
  });
});
