// `npm run bench`: start-up, keystroke, append, flood, memory and a big room of the built client
// in a real pseudo-terminal at 120x40, against `chat-tui serve` (the big room: a server of its
// own). `--smoke` runs a small version for CI.
// Compare ratios within one run: these machines are noisy.
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {performance} from 'node:perf_hooks';
import {setTimeout} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import type {TestTerminal} from '../../test/helpers/terminal.js';
import {
	connectPeer,
	cpuSeconds,
	median,
	percentile,
	rssMegabytes,
	seedHistory,
	startServer,
	type Row,
} from './measure.js';
import {client, cols, newest, rows, type Bench} from './clients.js';
import {bigRoom} from './big-room.js';
import {startup} from './startup.js';

const smoke = process.argv.includes('--smoke');
/** `--only=memory,flood` (rows: startup, keystroke, append, flood, memory, big-room) runs those alone. */
const only = process.argv
	.find((argument) => argument.startsWith('--only='))
	?.slice(7)
	.split(',');
const runs = (row: string) => only === undefined || only.includes(row);
/** The memory row's verdict, at once and after the idle collection. */
const memoryTargetMb = 100;
const settleMs = smoke ? 3000 : 10_000;
const plan = smoke
	? {
			startupRuns: 2,
			keystrokes: 10,
			appends: 5,
			flood: 3000,
			floodRate: 1000,
			memory: 5000,
			bigRoomKeys: 20,
		}
	: {
			startupRuns: 10,
			keystrokes: 50,
			appends: 20,
			flood: 10_000,
			floodRate: 1000,
			memory: 100_000,
			bigRoomKeys: 200,
		};

const table: Row[] = [];

/** How many messages the client holds, from its own /stats line. */
async function statsCount(
	terminal: TestTerminal,
	atLeast: number,
	timeoutMs: number,
): Promise<number> {
	let count = 0;
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		terminal.write('/stats\r');
		const before = terminal.raw().length;
		await terminal.waitFor(
			() => terminal.raw().length > before && /received (\d+)/.test(terminal.screenText()),
			'stats',
			10_000,
		);
		const matches = [...terminal.screenText().matchAll(/received (\d+)/g)];
		count = Number(matches.at(-1)?.[1] ?? 0);
		if (count >= atLeast) {
			break;
		}

		await terminal.waitForQuiet(500, 30_000);
	}

	return count;
}

async function keystrokes(bench: Bench): Promise<void> {
	const terminal = await client(bench, 'typist');
	await terminal.waitForQuiet(300);
	const sizes: number[] = [];
	let typed = '';
	for (let index = 0; index < plan.keystrokes; index++) {
		const character = String.fromCodePoint(97 + (index % 26));
		typed += character;
		const before = terminal.rawLength();
		const expected = `> ${typed}`;
		terminal.write(character);
		await terminal.waitFor((screen) => screen.includes(expected), 'echo');
		await terminal.waitForQuiet(60);
		sizes.push(terminal.rawLength() - before);
	}

	await terminal.dispose();
	const bytes = median(sizes);
	table.push({
		name: `keystroke (median of ${plan.keystrokes})`,
		value: `${bytes} B`,
		target: '≤ 8 B',
		ok: bytes <= 8,
	});
}

async function appends(bench: Bench): Promise<void> {
	// A room of its own: the Python clients of the start-up rows talk over long-polling, so the
	// shared server keeps them in its list until their ping times out (about 45 s after they were
	// killed), and their names would be redrawn with the panel in every frame measured.
	const server = await startServer();
	await seedHistory(server.url, 60, newest);
	const terminal = await client({...bench, server}, 'reader');
	const peer = await connectPeer(server.url, 'writer');
	// Steady: the panel shows the two of them (the server sends the list at most once a second).
	await terminal.waitFor(
		(screen) => screen.includes('Online (2)') && screen.includes('│ writer'),
		'the panel to show the two of them',
		20_000,
	);
	const sizes: number[] = [];
	for (let index = 0; index < plan.appends + 5; index++) {
		await terminal.waitForQuiet(100);
		const before = terminal.rawLength();
		peer.emit('message', {content: `append number ${index} of the benchmark`, type: 'text'});
		await terminal.waitForText(`append number ${index} of`);
		await terminal.waitForQuiet(60);
		if (index >= 5) {
			sizes.push(terminal.rawLength() - before);
		}
	}

	peer.close();
	await terminal.dispose();
	await server.close();
	const bytes = median(sizes);
	table.push({
		name: `append (median of ${plan.appends}, steady)`,
		value: `${bytes} B`,
		target: '≤ 150 B',
		ok: bytes <= 150,
	});
}

async function flood(bench: Bench): Promise<void> {
	const terminal = await client(bench, 'flooded');
	const peer = await connectPeer(bench.server.url, 'flooder');
	const cpuBefore = await cpuSeconds(terminal.pid);
	const started = performance.now();
	let sent = 0;
	const perTick = plan.floodRate / 100;
	const sender = setInterval(() => {
		for (let index = 0; index < perTick && sent < plan.flood; index++) {
			peer.emit('message', {content: `flood ${sent}`, type: 'text'});
			sent++;
		}

		if (sent >= plan.flood) {
			clearInterval(sender);
		}
	}, 10);

	const latencies: number[] = [];
	let typed = '';
	while (sent < plan.flood) {
		typed = typed.length > 60 ? '' : typed;
		if (typed === '') {
			terminal.write('\u0015');
		}

		typed += 'k';
		const expected = `> ${typed}`;
		const at = performance.now();
		terminal.write('k');
		await terminal.waitFor(
			(screen) => screen.includes(expected) && !screen.includes(`${expected}k`),
			'echo during flood',
			20_000,
		);
		latencies.push(performance.now() - at);
	}

	await terminal.waitForText(`flood ${plan.flood - 1}`, 60_000);
	const seconds = (performance.now() - started) / 1000;
	const cpu = (await cpuSeconds(terminal.pid)) - cpuBefore;
	terminal.write('\u0015');
	const received = await statsCount(terminal, plan.flood, 30_000);
	peer.close();
	await terminal.dispose();
	const p50 = percentile(latencies, 50);
	const p95 = percentile(latencies, 95);
	table.push({
		name: `flood (${plan.flood} at ${plan.floodRate}/s)`,
		value: `${received}/${plan.flood} received; echo p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; CPU ${((cpu / seconds) * 100).toFixed(0)}% of a core`,
		target: 'p95 ≤ 50 ms, none lost',
		ok: p95 <= 50 && received >= plan.flood,
	});
}

async function memory(bench: Bench): Promise<void> {
	const terminal = await client(bench, 'hoarder');
	const peer = await connectPeer(bench.server.url, 'hoard');
	for (let index = 0; index < plan.memory; index++) {
		peer.emit('message', {content: `memory ${index} ${'x'.repeat(40)}`, type: 'text'});
		if (index % 2000 === 1999) {
			await new Promise<void>((resolve) => {
				peer.emit('ping');
				peer.once('pong', () => {
					resolve();
				});
			});
		}
	}

	const received = await statsCount(terminal, plan.memory, 300_000);
	const rss = await rssMegabytes(terminal.pid);
	// Also once the client has been idle a while (it collects the burst's garbage then): both
	// readings have the same target.
	await setTimeout(settleMs);
	const settled = await rssMegabytes(terminal.pid);
	peer.close();
	await terminal.dispose();
	table.push({
		name: `memory (RSS after ${plan.memory} messages)`,
		value: `${rss.toFixed(0)} MB at once, ${settled.toFixed(0)} MB ${settleMs / 1000} s later (${received} received)`,
		target: `≤ ${memoryTargetMb} MB, both`,
		ok: rss <= memoryTargetMb && settled <= memoryTargetMb,
	});
}

function print(): void {
	const widths = [0, 1, 2].map((column) =>
		Math.max(...table.map((row) => [row.name, row.value, row.target][column]!.length), 6),
	);
	const line = (cells: string[]) =>
		`| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
	const verdict = (row: Row) => (row.ok === undefined ? '–' : row.ok ? 'met' : 'MISSED');
	console.log(
		`\nchat-tui benchmark${smoke ? ' (smoke)' : ''}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${cols}×${rows}\n`,
	);
	console.log(`${line(['row', 'measured', 'target'])} verdict |`);
	console.log(`${line(widths.map((width) => '-'.repeat(width)))} --- |`);
	for (const row of table) {
		console.log(`${line([row.name, row.value, row.target])} ${verdict(row)} |`);
	}
}

const work = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-bench-'));
const server = await startServer();
const bench: Bench = {server, work};
try {
	await seedHistory(server.url, 60, newest);
	if (runs('startup')) {
		table.push(...(await startup(bench, plan.startupRuns)));
	}

	if (runs('keystroke')) {
		await keystrokes(bench);
	}

	if (runs('append')) {
		await appends(bench);
	}

	if (runs('flood')) {
		await flood(bench);
	}

	if (runs('memory')) {
		await memory(bench);
	}

	if (runs('big-room')) {
		table.push(...(await bigRoom(bench, plan.bigRoomKeys)));
	}

	print();
} finally {
	await server.close();
	await rm(work, {recursive: true, force: true});
}
