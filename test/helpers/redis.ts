/**
 * A real redis-server of the test's own, on a free loopback port, without persistence; killed at
 * teardown. Debian's `redis-server` package provides it (.ci/run installs it when missing).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import net from 'node:net';
import {freePort, waitFor, type Teardown} from './server-harness.js';

export type TestRedis = {
	readonly url: string;
	readonly port: number;
	/** Kills it (SIGKILL) and waits for it to be gone. */
	kill(): Promise<void>;
};

/** Sends one inline command (e.g. `PING`, `FLUSHALL`) and resolves with the first line of the answer. */
export async function redisCommand(port: number, command: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1000);
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			answer += chunk.toString('latin1');
			if (answer.includes('\r\n')) {
				socket.destroy();
				resolve(answer.slice(0, answer.indexOf('\r\n')));
			}
		});
		socket.on('timeout', () => socket.destroy());
		socket.on('error', reject);
		socket.on('close', () => {
			reject(new Error(`no answer to ${command}`));
		});
	});
}

async function answersPing(port: number): Promise<boolean> {
	return redisCommand(port, 'PING')
		.catch(() => false)
		.then((answer) => answer === '+PONG');
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return;
	}

	const exited = new Promise((resolve) => {
		child.once('exit', resolve);
	});
	child.kill('SIGKILL');
	await exited;
}

/** A new redis-server; `port` starts one again where an earlier one was (empty: no persistence). */
export async function startRedis(t: Teardown, port?: number): Promise<TestRedis> {
	port ??= await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{stdio: ['ignore', 'pipe', 'pipe']},
	);
	let output = '';
	child.stdout.on('data', (chunk: Uint8Array) => {
		output += String(chunk);
	});
	child.stderr.on('data', (chunk: Uint8Array) => {
		output += String(chunk);
	});
	const spawned = new Promise<void>((resolve, reject) => {
		child.once('spawn', resolve);
		child.once('error', (error) => {
			reject(
				new Error(
					`cannot start redis-server (is Debian's redis-server installed?): ${error.message}`,
				),
			);
		});
	});
	t.teardown(async () => stop(child));
	await spawned;
	await waitFor(
		async () => {
			if (child.exitCode !== null) {
				throw new Error(`redis-server exited: ${output}`);
			}

			return answersPing(port);
		},
		{timeoutMs: 15_000, description: `redis-server on port ${port}`},
	);
	return {url: `redis://127.0.0.1:${port}`, port, kill: async () => stop(child)};
}
