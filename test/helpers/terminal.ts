// End-to-end harness: run a program in a real pseudo-terminal (node-pty) and read
// the screen through a headless xterm.js emulator.
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {spawn} from 'node-pty';
// @xterm/headless is CommonJS without named-export hints: Node's ESM loader only offers a default import.
import xtermHeadless from '@xterm/headless';

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

/** The parts of @xterm/headless's internals that know which link a cell belongs to. */
type LinkCell = {readonly extended?: {urlId?: number}; getChars(): string};
type LinkData = {id?: string; uri: string};
type LinkCore = {_core: {_oscLinkService: {getLinkData(id: number): LinkData | undefined}}};

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
const pollMs = 50;

export function startTerminal(options: TerminalOptions): TestTerminal {
	let cols = options.cols ?? 120;
	let rows = options.rows ?? 40;
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

	const chunks: string[] = [];
	let rawBytes = 0;
	let pendingWrites = 0;
	let lastActivity = performance.now();
	let cursorShown = true;
	let cursorCarry = '';
	let exitStatus: ExitStatus | undefined;
	let disposed = false;
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const listener of listeners) {
			listener();
		}
	};

	const trackCursor = (chunk: string) => {
		const text = cursorCarry + chunk;
		for (const match of text.matchAll(/\u001B\[\?([\d;]*)([hl])/g)) {
			if (match[1]!.split(';').includes('25')) {
				cursorShown = match[2] === 'h';
			}
		}

		// A sequence split across chunks is completed by the next one.
		cursorCarry = /\u001B(?:\[(?:\?[\d;]*)?)?$/.exec(text)?.[0] ?? '';
	};

	pty.onData((data) => {
		if (disposed) {
			return;
		}

		chunks.push(data);
		rawBytes += Buffer.byteLength(data);
		lastActivity = performance.now();
		trackCursor(data);
		pendingWrites++;
		term.write(data, () => {
			pendingWrites--;
			lastActivity = performance.now();
			notify();
		});
	});

	// What the emulator answers (cursor position reports, mode reports) goes back to the program,
	// as a real terminal's answers do.
	term.onData((data) => {
		if (!disposed && exitStatus === undefined) {
			pty.write(data);
		}
	});

	const processEnded = new Promise<ExitStatus>((resolve) => {
		pty.onExit(({exitCode, signal}) => {
			exitStatus = signal ? {exitCode, signal} : {exitCode};
			resolve(exitStatus);
			notify();
		});
	});

	const exited = new Promise<ExitStatus>((resolve) => {
		listeners.add(function check() {
			if (exitStatus && (pendingWrites === 0 || disposed)) {
				listeners.delete(check);
				resolve(exitStatus);
			}
		});
	});

	// After dispose the emulator must not be touched; the last screen is kept for messages and late reads.
	let final: {lines: string[]; alternate: boolean} | undefined;
	const screen = () => {
		if (final) {
			return [...final.lines];
		}

		const buffer = term.buffer.active;
		return Array.from(
			{length: rows},
			(_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
		);
	};

	const screenText = () => screen().join('\n');

	const links = (): LinkRun[] => {
		const runs: LinkRun[] = [];
		const buffer = term.buffer.active;
		const service = (term as unknown as LinkCore)._core._oscLinkService;
		for (let y = 0; y < rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			if (!line) {
				continue;
			}

			let run: (LinkRun & {urlId: number}) | undefined;
			for (let x = 0; x < cols; x++) {
				const cell = line.getCell(x) as LinkCell | undefined;
				const urlId = cell?.extended?.urlId ?? 0;
				if (urlId === 0) {
					run = undefined;
					continue;
				}

				if (run?.urlId !== urlId) {
					const data = service.getLinkData(urlId);
					run = {row: y, text: '', id: data?.id, uri: data?.uri ?? '', urlId};
					runs.push(run);
				}

				run.text += cell!.getChars();
			}
		}

		return runs.map(({row, text, id, uri}) => ({row, text, id, uri}));
	};

	const inAlternateScreen = () => final?.alternate ?? term.buffer.active.type === 'alternate';

	const describe = () => {
		const buffer = inAlternateScreen() ? 'alternate' : 'normal';
		const status = exitStatus ? `, exited ${JSON.stringify(exitStatus)}` : '';
		const text = screenText().trimEnd();
		return `--- screen ${cols}x${rows}, ${buffer} buffer${status} ---\n${text}\n--- end of screen ---`;
	};

	/** Run `check` on every parsed chunk, on exit and every `pollMs` until it returns true; fail after `timeoutMs`. */
	const poll = async (check: () => boolean, what: string, timeoutMs: number) =>
		new Promise<void>((resolve, reject) => {
			const finish = (error?: Error) => {
				clearInterval(interval);
				clearTimeout(timer);
				listeners.delete(run);
				if (error) {
					reject(error);
				} else {
					resolve();
				}
			};

			const run = () => {
				try {
					if (disposed) {
						throw new Error(`Terminal disposed while ${what}`);
					}

					if (check()) {
						finish();
					}
				} catch (error) {
					finish(error as Error);
				}
			};

			const interval = setInterval(run, pollMs);
			const timer = setTimeout(() => {
				finish(new Error(`Timed out after ${timeoutMs} ms ${what}\n${describe()}`));
			}, timeoutMs);
			listeners.add(run);
			run();
		});

	const waitFor = async (
		predicate: (screen: string) => boolean,
		label: string,
		timeoutMs = 10_000,
	) =>
		poll(
			() => {
				if (predicate(screenText())) {
					return true;
				}

				if (exitStatus && pendingWrites === 0) {
					throw new Error(`Process exited while waiting for ${label}\n${describe()}`);
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
			() => pendingWrites === 0 && performance.now() - lastActivity >= quietMs,
			`waiting for output to stay quiet for ${quietMs} ms`,
			timeoutMs,
		);

	const kill = (signal?: string) => {
		if (!exitStatus) {
			pty.kill(signal);
		}
	};

	let disposing: Promise<void> | undefined;
	const dispose = async () => {
		disposing ??= (async () => {
			if (!exitStatus) {
				pty.kill('SIGTERM');
				const grace = delay(killGraceMs, 'grace over', {ref: false});
				if ((await Promise.race([processEnded, grace])) === 'grace over') {
					pty.kill('SIGKILL');
					await processEnded;
				}
			}

			final = {lines: screen(), alternate: inAlternateScreen()};
			disposed = true;
			notify();
			listeners.clear();
			term.dispose();
		})();
		return disposing;
	};

	return {
		pid: pty.pid,
		screen,
		screenText,
		raw() {
			if (chunks.length > 1) {
				chunks.splice(0, chunks.length, chunks.join(''));
			}

			return chunks[0] ?? '';
		},
		rawLength: () => rawBytes,
		write(data) {
			if (exitStatus !== undefined || disposed) {
				throw new Error(
					`Cannot write ${JSON.stringify(data)}: the process has exited\n${describe()}`,
				);
			}

			pty.write(data);
		},
		resize(newCols, newRows) {
			if (disposed) {
				throw new Error('Cannot resize a disposed terminal');
			}

			cols = newCols;
			rows = newRows;
			term.resize(newCols, newRows);
			if (!exitStatus) {
				pty.resize(newCols, newRows);
			}
		},
		waitFor,
		waitForText,
		waitForQuiet,
		exited,
		kill,
		dispose,
		inAlternateScreen,
		cursorVisible: () => cursorShown,
		links,
	};
}
