import {spawn} from 'node:child_process';
import process from 'node:process';
import {startTerminal, cliPath} from '../../test/helpers/terminal.js';
const child = spawn(process.execPath, ['--import=tsx', 'scripts/bench/big-room-server.ts', '5000', '500'], {stdio: ['ignore', 'ignore', 'pipe']});
let log = '';
const url = await new Promise<string>((resolve) => child.stderr.on('data', (c) => { log += String(c); const m = /listening on (\S+)/.exec(log); if (m) resolve(m[1]!); }));
const terminal = startTerminal({command: process.execPath, args: ['--cpu-prof', '--cpu-prof-dir=/tmp/w20prof', cliPath, '--server', url, '--name', 'prof'], cols: 120, rows: 40, env: {XDG_CONFIG_HOME: '/tmp/w20cfg', XDG_CACHE_HOME: '/tmp/w20cache'}});
await terminal.waitFor((s) => s.includes('Online (5,001)'), 'online', 30000);
let typed = '';
for (let i = 0; i < 300; i++) {
  if (typed.length >= 60) { terminal.write('\u0015'); const f = `> ${typed}`; await terminal.waitFor((s) => !s.includes(f), 'c'); typed = ''; }
  const l = String.fromCodePoint(97 + (i % 26)); typed += l; const e = `> ${typed}`;
  terminal.write(l); await terminal.waitFor((s) => s.includes(e), 'echo');
}
terminal.write('/quit\r');
await terminal.waitForExit?.(10000).catch(() => {});
await new Promise((r) => setTimeout(r, 2000));
await terminal.dispose();
child.kill();
