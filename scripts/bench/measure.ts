import {spawn, type ChildProcess} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {once} from 'node:events';
import {io, type Socket} from 'socket.io-client';
import {cliPath} from '../../test/helpers/terminal.js';

/** Small helpers for the benchmark: the server as a child process, a peer, /proc readings. */

/** One row of the benchmark's table; no `ok`: shown for information, no verdict. */
export type Row = {
	readonly name: string;
	readonly value: string;
	readonly target: string;
	readonly ok?: boolean;
};

export type BenchServer = {
	readonly url: string;
	readonly process: ChildProcess;
	close(): Promise<void>;
};

/** A server in a child process, once it has logged "listening on URL". */
export async function spawnServer(args: readonly string[]): Promise<BenchServer> {
	const child = spawn(process.execPath, args, {stdio: ['ignore', 'ignore', 'pipe']});
	let log = '';
	const url = await new Promise<string>((resolve, reject) => {
		child.stderr.on('data', (chunk: Uint8Array) => {
			log += String(chunk);
			const match = /listening on (http:\/\/[\d.:]+)/.exec(log);
			if (match) {
				resolve(match[1]!);
			}
		});
		child.once('exit', () => {
			reject(new Error(`server exited: ${log}`));
		});
	});
	return {
		url,
		process: child,
		async close() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await once(child, 'exit');
			}
		},
	};
}

/** `chat-tui serve` on a free port, with the rate limit lifted for floods. */
export async function startServer(): Promise<BenchServer> {
	return spawnServer([cliPath, 'serve', '--port', '0', '--rate-limit', '1000000/1']);
}

export async function post(url: string, body: unknown): Promise<void> {
	const response = await fetch(url, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify(body),
	});
	if (!response.ok) {
		throw new Error(`POST ${url}: ${response.status}`);
	}

	await response.arrayBuffer();
}

export async function seedHistory(url: string, count: number, newest: string): Promise<void> {
	for (let index = 0; index < count; index++) {
		const content = index === count - 1 ? newest : `history line ${index} with some words in it`;
		await post(`${url}/api/messages`, {userId: 'seed', username: 'seeder', content, type: 'text'});
	}
}

/** A socket.io peer that has joined. */
export async function connectPeer(url: string, name: string): Promise<Socket> {
	const socket = io(url, {transports: ['websocket'], forceNew: true});
	await new Promise<void>((resolve) => {
		socket.once('connect', () => {
			resolve();
		});
	});
	socket.emit('join', {userId: `peer-${name}`, username: name});
	return socket;
}

/** User + system CPU seconds a process has used, from /proc. */
export async function cpuSeconds(pid: number): Promise<number> {
	const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return ticks / 100;
}

/** Resident memory in MB, from /proc. */
export async function rssMegabytes(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
	return kilobytes / 1024;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) {
		return Number.NaN;
	}

	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}
