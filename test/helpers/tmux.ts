// End-to-end in a real tmux (Debian's package; `.ci/run` installs it): tmux measures emoji as
// terminals do (3.3a draws 👍🏽 as two wide characters), where @xterm/headless measures otherwise.
// Each session runs on its own server socket, killed at teardown.
import {execFile} from 'node:child_process';
import process from 'node:process';
import {promisify} from 'node:util';
import {setTimeout as delay} from 'node:timers/promises';

const run = promisify(execFile);
let sessions = 0;

export type Teardown = {teardown(callback: () => unknown): void};

export type Tmux = {
	/** The visible rows, right-trimmed, as many as the window has. */
	capture(): Promise<string[]>;
	/** Where tmux's cursor is and whether it shows. */
	cursor(): Promise<{x: number; y: number; shown: boolean}>;
	/** Keys as `tmux send-keys` names them ('F1', 'Escape', 'Enter'), or literal text. */
	keys(...keys: string[]): Promise<void>;
	type(text: string): Promise<void>;
	resize(cols: number, rows: number): Promise<void>;
	waitFor(
		predicate: (rows: string[]) => boolean,
		label: string,
		timeoutMs?: number,
	): Promise<string[]>;
};

export async function tmuxAvailable(): Promise<boolean> {
	try {
		await run('tmux', ['-V']);
		return true;
	} catch {
		return false;
	}
}

type TmuxCommand = (...args: string[]) => Promise<string>;

/** Run tmux on the server at `socket` (its own, without the user's config); resolves with stdout. */
const tmuxOn =
	(socket: string): TmuxCommand =>
	async (...args) => {
		const {stdout} = await run('tmux', ['-L', socket, '-f', '/dev/null', ...args], {
			env: {...process.env, LANG: 'C.UTF-8'},
		});
		return stdout;
	};

/** What a test does with the one pane of a tmux server: read it, find its cursor, type, resize. */
function paneOf(tmux: TmuxCommand): Tmux {
	const capture = async () => {
		const text = await tmux('capture-pane', '-p');
		return text
			.replace(/\n$/, '')
			.split('\n')
			.map((row) => row.trimEnd());
	};

	return {
		capture,
		async cursor() {
			const answer = await tmux('display', '-p', '#{cursor_x} #{cursor_y} #{cursor_flag}');
			const [x, y, flag] = answer.trim().split(' ').map(Number);
			return {x: x!, y: y!, shown: flag === 1};
		},
		async keys(...keys) {
			await tmux('send-keys', ...keys);
		},
		async type(text) {
			await tmux('send-keys', '-l', text);
		},
		async resize(newCols, newRows) {
			await tmux('resize-window', '-x', String(newCols), '-y', String(newRows));
		},
		async waitFor(predicate, label, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			let rows: string[] = [];
			while (Date.now() < deadline) {
				rows = await capture();
				if (predicate(rows)) {
					return rows;
				}

				await delay(100);
			}

			throw new Error(`Timed out waiting for ${label}:\n${rows.join('\n')}`);
		},
	};
}

/** `command` in a detached tmux session `cols`×`rows`, status line off; killed at teardown. */
export async function startTmux(
	t: Teardown,
	{
		cols,
		rows,
		command,
		env = {},
	}: {cols: number; rows: number; command: string[]; env?: Record<string, string>},
): Promise<Tmux> {
	const tmux = tmuxOn(`chat-tui-test-${process.pid}-${++sessions}`);
	const environment = Object.entries({LANG: 'C.UTF-8', TERM: 'tmux-256color', ...env}).map(
		([key, value]) => `${key}=${value}`,
	);
	const size = ['-x', String(cols), '-y', String(rows)];
	await tmux(
		'new-session',
		'-d',
		...size,
		'env',
		...environment,
		...command,
		';',
		'set',
		'-g',
		'status',
		'off',
	);
	t.teardown(async () => {
		await tmux('kill-server').catch(() => undefined);
	});
	return paneOf(tmux);
}

/** The cells tmux gives `text`, measured by tmux itself: where its cursor is after printing it. */
export async function tmuxWidth(t: Teardown, text: string): Promise<number> {
	const session = await startTmux(t, {
		cols: 40,
		rows: 3,
		command: [
			process.execPath,
			'-e',
			String.raw`process.stdout.write('\u001B[H' + process.argv[1]); setInterval(() => {}, 1000)`,
			text,
		],
	});
	const deadline = Date.now() + 10_000;
	for (;;) {
		const {x} = await session.cursor();
		if (x > 0 || Date.now() > deadline) {
			return x;
		}

		await delay(50);
	}
}
