// The start-up rows of `npm run bench`: the built chat and the guide's Python client, from process
// start to the newest history message on screen.
import {readdir} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {performance} from 'node:perf_hooks';
import {setTimeout} from 'node:timers/promises';
import {startTerminal, type TestTerminal} from '../../test/helpers/terminal.js';
import {pythonWithSocketio, writeGuideClient} from '../../test/helpers/guide-client.js';
import {client, clientEnv, cols, newest, rows, type Bench} from './clients.js';
import {median, seedHistory, type Row} from './measure.js';

/** One start, from process start to the newest history on screen, in ms. */
async function timeStart(bench: Bench, start: () => TestTerminal): Promise<number> {
	// Each run leaves join and leave notices behind: post the marker again, so that it is always
	// on the newest page.
	await seedHistory(bench.server.url, 1, newest);
	const started = performance.now();
	const terminal = start();
	await terminal.waitForText(newest, 20_000);
	const time = performance.now() - started;
	await terminal.dispose();
	return time;
}

/** One start of the built chat as `name`. */
async function startOnce(
	bench: Bench,
	name: string,
	env: Record<string, string | undefined> = {},
): Promise<number> {
	return timeStart(bench, () =>
		startTerminal({
			args: ['--server', bench.server.url, '--name', name],
			cols,
			rows,
			env: {...clientEnv(bench, name), ...env},
		}),
	);
}

/** Run the chat until it has saved V8's code cache, as any session of a few seconds does. */
async function warmCodeCache(bench: Bench): Promise<void> {
	const terminal = await client(bench, 'warm-up');
	const folder = path.join(bench.work, 'cache', 'chat-tui');
	const saved = async () => {
		const files = await readdir(folder).catch(() => []);
		return files.some((file) => file.endsWith('-chat.v8'));
	};

	const deadline = performance.now() + 20_000;
	while (!(await saved())) {
		if (performance.now() > deadline) {
			throw new Error('the chat saved no code cache within 20 s');
		}

		await setTimeout(100);
	}

	await terminal.dispose();
}

/** The start-up rows: the median start, the first one, and without NODE_EXTRA_CA_CERTS where set. */
export async function startup(bench: Bench, runs: number): Promise<Row[]> {
	const first = await startOnce(bench, 'cold');
	await warmCodeCache(bench);
	const python = await pythonClient(bench);
	if (python) {
		// Its first start writes the guide's bytecode (__pycache__), as ours writes its code cache.
		await pythonOnce(bench, python, 'warm-up');
	}

	// One of each in turn: the machine's load drifts, and medians taken minutes apart drift with it.
	// Node 20 reads NODE_EXTRA_CA_CERTS before running any of our code; where it is set (as it is
	// system-wide on some machines), the starts without it show what that costs.
	const times: number[] = [];
	const withoutCa: number[] = [];
	const pythonTimes: number[] = [];
	for (let run = 0; run < runs; run++) {
		times.push(await startOnce(bench, `startup${run}`));
		if (process.env.NODE_EXTRA_CA_CERTS) {
			withoutCa.push(await startOnce(bench, `noca${run}`, {NODE_EXTRA_CA_CERTS: undefined}));
		}

		if (python) {
			pythonTimes.push(await pythonOnce(bench, python, `py${run}`));
		}
	}

	const ours = median(times);
	const pythonTime = python ? median(pythonTimes) : undefined;
	const versus = (time: number) =>
		pythonTime === undefined
			? `${time.toFixed(0)} ms`
			: `${time.toFixed(0)} ms vs Python ${pythonTime.toFixed(0)} ms = ${(time / pythonTime).toFixed(2)}×`;
	const rows: Row[] = [
		{
			name: `start-up (median of ${runs})`,
			value: versus(ours),
			target: '≤ 1.2× the Python client',
			ok: pythonTime === undefined ? undefined : ours <= pythonTime * 1.2,
		},
		{name: 'start-up, first run (no code cache yet)', value: versus(first), target: '–'},
	];
	if (withoutCa.length > 0) {
		rows.push({
			name: `start-up without NODE_EXTRA_CA_CERTS (median of ${runs})`,
			value: versus(median(withoutCa)),
			target: '–',
		});
	}

	return rows;
}

type PythonClient = {readonly python: string; readonly folder: string};

/** The guide's Python client, written out; none where python-socketio is not installed. */
async function pythonClient(bench: Bench): Promise<PythonClient | undefined> {
	const python = await pythonWithSocketio();
	if (!python) {
		return undefined;
	}

	return {
		python,
		folder: await writeGuideClient(path.join(bench.work, 'python'), bench.server.url),
	};
}

/** One start of the Python client, named `name` at its prompt. */
async function pythonOnce(bench: Bench, {python, folder}: PythonClient, name: string) {
	return timeStart(bench, () => {
		const terminal = startTerminal({command: python, args: ['main.py'], cwd: folder, cols, rows});
		terminal.write(`${name}\r`);
		return terminal;
	});
}
