// End-to-end harness: run a program in a real pseudo-terminal (node-pty) and read
// the screen through a headless xterm.js emulator.
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {spawn} from 'node-pty';
// @xterm/headless is CommonJS without named-export hints: Node's ESM loader only offers a default import.
import xtermHeadless from '@xterm/headless';
import {
	attach,
	describeScreen,
	inAlternate,
	newSession,
	poll,
	readLinks,
	readScreen,
	type Session,
} from './terminal-session.js';

const {Terminal} = xtermHeadless;

export type TerminalOptions = {
	/** Arguments after `node dist/cli.cjs`; passed as-is when `command` is given. */
	args: string[];
	/** Default 120. */
	cols?: number;
	/** Default 40. */
	rows?: number;
	/** Merged over the cleaned process.env; an `undefined` value removes the key. */
	env?: Record<string, string | undefined>;
	cwd?: string;
	/** Program to run instead of `node dist/cli.cjs`, e.g. `process.execPath` with `args: ['-e', '...']`. */
	command?: string;
};

export type ExitStatus = {exitCode: number; signal?: number};

export type TestTerminal = {
	/** The program's process id (for /proc readings in the benchmark). */
	readonly pid: number;
	/** Settles when the process has ended and the emulator has parsed all of its output. */
	exited: Promise<ExitStatus>;
	/** Visible screen, one string per row, right-trimmed. */
	screen(): string[];
	/** `screen().join('\n')`. */
	screenText(): string;
	/** Everything the program wrote to the pty so far, escape sequences included. */
	raw(): string;
	/** UTF-8 byte length of `raw()`. */
	rawLength(): number;
	/** Type into the program (see `keys` and `bracketedPaste`). */
	write(data: string): void;
	/** Resize both the pty (the program gets SIGWINCH) and the emulator. */
	resize(cols: number, rows: number): void;
	/** Resolve when `predicate(screenText())` holds; reject with `label` and the screen on timeout (default 10 s) or when the program exited without it. */
	waitFor(predicate: (screen: string) => boolean, label: string, timeoutMs?: number): Promise<void>;
	waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
	/** Resolve once the program has written nothing for `quietMs` (default 150) and the emulator has parsed everything. */
	waitForQuiet(quietMs?: number, timeoutMs?: number): Promise<void>;
	kill(signal?: string): void;
	/** Kill if still running (SIGTERM, then SIGKILL after a grace) and dispose the emulator; safe to call twice. */
	dispose(): Promise<void>;
	inAlternateScreen(): boolean;
	/** Last DECTCEM (`CSI ? 25 h` / `CSI ? 25 l`) seen in the raw output; visible by default. */
	cursorVisible(): boolean;
	/** The OSC 8 hyperlinks on screen as the emulator holds them: one run of cells per row. */
	links(): LinkRun[];
};

/** Cells of one row that belong to one hyperlink: their text, the link's id= and URI. */
export type LinkRun = {row: number; text: string; id: string | undefined; uri: string};

export const cliPath = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

export {bracketedPaste, keys} from './keys.js';

const isCiKey = (key: string) =>
	key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_');
const droppedKeys = new Set(['FORCE_COLOR', 'COLUMNS', 'LINES']);

/** process.env without CI markers (Ink renders nothing live in CI), FORCE_COLOR or inherited sizes, with TERM/LANG defaults, then `extra` (undefined removes a key). */
export function terminalEnv(
	extra: Record<string, string | undefined> = {},
): Record<string, string> {
	const inherited = Object.entries(process.env).filter(
		([key]) => !isCiKey(key) && !droppedKeys.has(key),
	);
	const merged = {
		...Object.fromEntries(inherited),
		TERM: 'xterm-256color',
		LANG: 'en_US.UTF-8',
		...extra,
	};
	return Object.fromEntries(
		Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
	);
}

const killGraceMs = 1000;

/** waitFor, waitForText and waitForQuiet of one session. */
function waiters(session: Session) {
	const waitFor = async (
		predicate: (screen: string) => boolean,
		label: string,
		timeoutMs = 10_000,
	) =>
		poll(
			session,
			() => {
				if (predicate(readScreen(session).join('\n'))) {
					return true;
				}

				if (session.exitStatus && session.pendingWrites === 0) {
					throw new Error(`Process exited while waiting for ${label}\n${describeScreen(session)}`);
				}

				return false;
			},
			`waiting for ${label}`,
			timeoutMs,
		);

	const waitForText = async (text: string | RegExp, timeoutMs?: number) =>
		waitFor(
			(screen) => (typeof text === 'string' ? screen.includes(text) : screen.search(text) >= 0),
			typeof text === 'string' ? `text ${JSON.stringify(text)}` : `text matching ${String(text)}`,
			timeoutMs,
		);

	const waitForQuiet = async (quietMs = 150, timeoutMs = 10_000) =>
		poll(
			session,
			() => session.pendingWrites === 0 && performance.now() - session.lastActivity >= quietMs,
			`waiting for output to stay quiet for ${quietMs} ms`,
			timeoutMs,
		);

	return {waitFor, waitForText, waitForQuiet};
}

/** Kill if still running (SIGTERM, then SIGKILL after a grace), keep the last screen, dispose the emulator; once. */
function disposer(session: Session, processEnded: Promise<ExitStatus>) {
	let disposing: Promise<void> | undefined;
	return async () => {
		disposing ??= (async () => {
			if (!session.exitStatus) {
				session.pty.kill('SIGTERM');
				const grace = delay(killGraceMs, 'grace over', {ref: false});
				if ((await Promise.race([processEnded, grace])) === 'grace over') {
					session.pty.kill('SIGKILL');
					await processEnded;
				}
			}

			session.final = {lines: readScreen(session), alternate: inAlternate(session)};
			session.disposed = true;
			session.notify();
			session.listeners.clear();
			session.term.dispose();
		})();
		return disposing;
	};
}

export function startTerminal(options: TerminalOptions): TestTerminal {
	const cols = options.cols ?? 120;
	const rows = options.rows ?? 40;
	const command = options.command ?? process.execPath;
	const args = options.command === undefined ? [cliPath, ...options.args] : options.args;
	const term = new Terminal({cols, rows, allowProposedApi: true});
	const pty = spawn(command, args, {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: terminalEnv(options.env),
	});
	const session = newSession(term, pty, {cols, rows});
	const {processEnded, exited} = attach(session);
	const screen = () => readScreen(session);
	return {
		pid: pty.pid,
		screen,
		screenText: () => screen().join('\n'),
		raw() {
			const {chunks} = session;
			if (chunks.length > 1) {
				chunks.splice(0, chunks.length, chunks.join(''));
			}

			return chunks[0] ?? '';
		},
		rawLength: () => session.rawBytes,
		write(data) {
			if (session.exitStatus !== undefined || session.disposed) {
				throw new Error(
					`Cannot write ${JSON.stringify(data)}: the process has exited\n${describeScreen(session)}`,
				);
			}

			pty.write(data);
		},
		resize(newCols, newRows) {
			if (session.disposed) {
				throw new Error('Cannot resize a disposed terminal');
			}

			session.cols = newCols;
			session.rows = newRows;
			term.resize(newCols, newRows);
			if (!session.exitStatus) {
				pty.resize(newCols, newRows);
			}
		},
		...waiters(session),
		exited,
		kill(signal) {
			if (!session.exitStatus) {
				pty.kill(signal);
			}
		},
		dispose: disposer(session, processEnded),
		inAlternateScreen: () => inAlternate(session),
		cursorVisible: () => session.cursorShown,
		links: () => readLinks(session),
	};
}
