// The big-room row of `npm run bench`: keystrokes in a room of 5,000 people whose list is sent
// again every 0.5 s (one leaves, one comes), against the same in a room of 10, and the RSS.
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {startTerminal} from '../../test/helpers/terminal.js';
import {clientEnv, cols, rows, type Bench} from './clients.js';
import {cpuSeconds, percentile, rssMegabytes, spawnServer, type Row} from './measure.js';

const serverScript = fileURLToPath(new URL('big-room-server.ts', import.meta.url));

async function startRoom(people: number, intervalMs: number) {
	return spawnServer(['--import=tsx', serverScript, String(people), String(intervalMs)]);
}

type Reading = {p50: number; p95: number; rss: number; cpuMs: number};

/** Keystroke echo times in a room of `people` whose list comes every 0.5 s, and the RSS after. */
async function typeInRoom(bench: Bench, people: number, keystrokes: number): Promise<Reading> {
	const room = await startRoom(people, 500);
	const name = `typist-${people}`;
	const terminal = startTerminal({
		args: ['--server', room.url, '--name', name],
		cols,
		rows,
		env: clientEnv(bench, name),
	});
	try {
		const heading = `Online (${(people + 1).toLocaleString('en')})`;
		await terminal.waitFor(
			(screen) => /● online \d+ ms/.test(screen) && screen.includes(heading),
			heading,
			30_000,
		);
		const latencies: number[] = [];
		let cpuBefore = 0;
		let typed = '';
		for (let index = 0; index < keystrokes + 20; index++) {
			if (typed.length >= 60) {
				const full = `> ${typed}`;
				terminal.write('\u0015');
				await terminal.waitFor((screen) => !screen.includes(full), 'cleared');
				typed = '';
			}

			const letter = String.fromCodePoint(97 + (index % 26));
			typed += letter;
			const expected = `> ${typed}`;
			const at = performance.now();
			terminal.write(letter);
			await terminal.waitFor(
				(screen) => screen.includes(expected) && !screen.includes(`${expected}${letter}`),
				'echo',
			);
			// The first 20 warm up.
			if (index >= 20) {
				latencies.push(performance.now() - at);
			} else if (index === 19) {
				cpuBefore = await cpuSeconds(terminal.pid);
			}
		}

		// The client's own CPU time, lists taken in included: a busy machine slows the echo, not this.
		const cpuMs = (((await cpuSeconds(terminal.pid)) - cpuBefore) * 1000) / keystrokes;
		const rss = await rssMegabytes(terminal.pid);
		return {p50: percentile(latencies, 50), p95: percentile(latencies, 95), rss, cpuMs};
	} finally {
		await terminal.dispose();
		await room.close();
	}
}

export async function bigRoom(bench: Bench, keystrokes: number): Promise<Row[]> {
	const small = await typeInRoom(bench, 10, keystrokes);
	const big = await typeInRoom(bench, 5000, keystrokes);
	const ms = (value: number) => `${value.toFixed(0)} ms`;
	return [
		{
			name: `big room: keystroke echo with 5,000 online, a list every 0.5 s (${keystrokes})`,
			value: `p50 ${ms(big.p50)}, p95 ${ms(big.p95)}, CPU ${big.cpuMs.toFixed(1)} ms a key; with 10 online p50 ${ms(small.p50)}, p95 ${ms(small.p95)}, CPU ${small.cpuMs.toFixed(1)} ms`,
			target: 'p95 ≤ 20 ms',
			ok: big.p95 <= 20,
		},
		{
			name: 'big room: RSS after typing with 5,000 online',
			value: `${big.rss.toFixed(0)} MB; with 10 online ${small.rss.toFixed(0)} MB`,
			target: '≤ 120 MB',
			ok: big.rss <= 120,
		},
	];
}
