/**
 * The built client (`node dist/cli.cjs …`) as a plain child process with real pipes, not a pty:
 * for line mode, the one-shot commands and the bot. Each run gets its own config directory; every
 * process started here is killed at teardown.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import {tempConfigHome, type Teardown} from './chat-terminal.js';
import {waitFor} from './server-harness.js';
import {cliPath, terminalEnv} from './terminal.js';

export type CliOptions = {
	/** Written to stdin, which is then closed; without it stdin stays open (see `end`). */
	input?: string;
	env?: Record<string, string | undefined>;
	/** Default: a fresh directory, removed at teardown. */
	configHome?: string;
	/** Program arguments before the CLI's; default runs `node dist/cli.cjs`. */
	command?: {file: string; args: string[]};
};

export type ExitStatus = {code: number | undefined; signal: NodeJS.Signals | undefined};

export type CliRun = {
	readonly exited: Promise<ExitStatus>;
	readonly configHome: string;
	/** The process id, for what `ps` shows of it. */
	readonly pid: number;
	readonly stdout: () => string;
	readonly stderr: () => string;
	/** Stdout's complete lines so far. */
	readonly lines: () => string[];
	write(text: string): void;
	/** Close stdin (EOF). */
	end(): void;
	kill(signal?: NodeJS.Signals): void;
	/** Resolves once stdout satisfies `predicate`; rejects on timeout or exit, showing the output. */
	waitForStdout(
		predicate: (stdout: string) => boolean,
		label: string,
		timeoutMs?: number,
	): Promise<string>;
};

/** The child's output as it comes, and its exit, with a listener set to wait on them. */
type Watched = {
	stdout: string;
	stderr: string;
	status: ExitStatus | undefined;
	readonly listeners: Set<() => void>;
	readonly exited: Promise<ExitStatus>;
};

function watch(child: ChildProcessWithoutNullStreams): Watched {
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const listener of listeners) {
			listener();
		}
	};

	const watched: Watched = {
		stdout: '',
		stderr: '',
		status: undefined,
		listeners,
		exited: new Promise<ExitStatus>((resolve) => {
			child.on('close', (code, signal) => {
				// Node reports the one that does not apply as null.
				watched.status = {code: code ?? undefined, signal: signal ?? undefined};
				resolve(watched.status);
				notify();
			});
		}),
	};
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		watched.stdout += chunk;
		notify();
	});
	child.stderr.on('data', (chunk: string) => {
		watched.stderr += chunk;
		notify();
	});
	child.stdin.on('error', () => undefined);
	return watched;
}

const describe = ({stdout, stderr, status}: Watched) =>
	`--- stdout ---\n${stdout}--- stderr ---\n${stderr}--- ${status ? `exited ${JSON.stringify(status)}` : 'running'} ---`;

/** Resolves once stdout satisfies `predicate`; rejects on timeout or exit, showing the output. */
async function waitForStdout(
	watched: Watched,
	predicate: (stdout: string) => boolean,
	label: string,
	timeoutMs: number,
): Promise<string> {
	return new Promise<string>((resolve, reject) => {
		const check = () => {
			if (predicate(watched.stdout)) {
				finish();
				resolve(watched.stdout);
			} else if (watched.status) {
				finish();
				reject(new Error(`exited while waiting for ${label}\n${describe(watched)}`));
			}
		};

		const timer = setTimeout(() => {
			finish();
			reject(
				new Error(`timed out after ${timeoutMs} ms waiting for ${label}\n${describe(watched)}`),
			);
		}, timeoutMs);
		const finish = () => {
			clearTimeout(timer);
			watched.listeners.delete(check);
		};

		watched.listeners.add(check);
		check();
	});
}

export async function startCli(
	t: Teardown,
	args: string[],
	options: CliOptions = {},
): Promise<CliRun> {
	const configHome = options.configHome ?? (await tempConfigHome(t));
	const file = options.command?.file ?? process.execPath;
	const fullArgs = options.command ? [...options.command.args, ...args] : [cliPath, ...args];
	const child = spawn(file, fullArgs, {
		env: terminalEnv({
			XDG_CONFIG_HOME: configHome,
			XDG_STATE_HOME: path.join(configHome, 'state'),
			LC_ALL: undefined,
			// The developer's own settings must not reach the tests.
			CHAT_TUI_SERVER: undefined,
			CHAT_TUI_NAME: undefined,
			...options.env,
		}),
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	const watched = watch(child);
	t.teardown(async () => {
		if (!watched.status) {
			child.kill('SIGKILL');
			await watched.exited;
		}
	});
	if (options.input !== undefined) {
		child.stdin.end(options.input);
	}

	return {
		pid: child.pid!,
		stdout: () => watched.stdout,
		stderr: () => watched.stderr,
		lines: () => watched.stdout.split('\n').slice(0, -1),
		write(text) {
			child.stdin.write(text);
		},
		end() {
			child.stdin.end();
		},
		kill(signal = 'SIGTERM') {
			child.kill(signal);
		},
		async waitForStdout(predicate, label, timeoutMs = 20_000) {
			return waitForStdout(watched, predicate, label, timeoutMs);
		},
		exited: watched.exited,
		configHome,
	};
}

/** Run to the end; resolves with the exit status and the output. */
export async function runCli(
	t: Teardown,
	args: string[],
	options: CliOptions = {},
): Promise<ExitStatus & {stdout: string; stderr: string}> {
	const run = await startCli(t, args, {input: '', ...options});
	const status = await run.exited;
	return {...status, stdout: run.stdout(), stderr: run.stderr()};
}

/** `chat-tui serve` with `args` (a free port is chosen), until the test ends; its URL once it listens. */
export async function startServe(t: Teardown, args: string[]): Promise<{run: CliRun; url: string}> {
	const run = await startCli(t, ['serve', '--port', '0', ...args]);
	t.teardown(() => {
		run.kill();
	});
	await waitFor(() => /listening on http:\/\/127\.0\.0\.1:\d+/.test(run.stderr()), {
		timeoutMs: 20_000,
		description: 'the listening line',
	});
	const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr())![1]!;
	return {run, url};
}
