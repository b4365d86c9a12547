/**
 * Helpers for the end-to-end tests of the full-screen chat (test/e2e/*.ts): start the built
 * client in a pty against a test server, with its own config directory, and read the chat's
 * layout (log, panel, status bar, input line) off the emulated screen.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {textWidth, truncate} from '../../source/state/wrap.js';
import {startTerminal, type TestTerminal} from './terminal.js';
import {requestJson} from './server-harness.js';

export type Teardown = {teardown(callback: () => unknown): void};

/** A fresh `XDG_CONFIG_HOME` (and `XDG_STATE_HOME` below it), removed at teardown, so no run touches the real home. */
export async function tempConfigHome(t: Teardown): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-e2e-'));
	t.teardown(async () => rm(directory, {recursive: true, force: true}));
	return directory;
}

export type ChatTerminalOptions = {
	/** `--server`. */
	server: string;
	/** `--name`; without it the client asks. */
	name?: string;
	/** `--user-id`. */
	userId?: string;
	lang?: 'en' | 'zh';
	cols?: number;
	rows?: number;
	/** Reuse a config directory; default a fresh one. */
	configHome?: string;
	/** More environment for the client (e.g. proxy variables). */
	env?: Record<string, string | undefined>;
};

export type ChatTerminal = TestTerminal & {readonly configHome: string};

/** `node dist/cli.cjs --server … [--name …] [--user-id …] [--lang …]` in a pty, disposed at teardown. */
export async function startChat(t: Teardown, options: ChatTerminalOptions): Promise<ChatTerminal> {
	const configHome = options.configHome ?? (await tempConfigHome(t));
	const args = ['--server', options.server];
	if (options.name !== undefined) {
		args.push('--name', options.name);
	}

	if (options.userId !== undefined) {
		args.push('--user-id', options.userId);
	}

	if (options.lang !== undefined) {
		args.push('--lang', options.lang);
	}

	return startRaw(t, args, {...options, configHome});
}

/** Any arguments after `node dist/cli.cjs`, with a temporary config directory; disposed at teardown. */
export async function startRaw(
	t: Teardown,
	args: string[],
	options: {
		cols?: number;
		rows?: number;
		configHome?: string;
		env?: Record<string, string | undefined>;
	} = {},
): Promise<ChatTerminal> {
	const configHome = options.configHome ?? (await tempConfigHome(t));
	const terminal = startTerminal({
		args,
		cols: options.cols ?? 120,
		rows: options.rows ?? 40,
		env: {
			XDG_CONFIG_HOME: configHome,
			// The read position too stays out of the real home.
			XDG_STATE_HOME: path.join(configHome, 'state'),
			LANG: 'en_US.UTF-8',
			LC_ALL: undefined,
			LC_CTYPE: undefined,
			LC_MESSAGES: undefined,
			NO_COLOR: undefined,
			CHAT_TUI_SERVER: undefined,
			CHAT_TUI_NAME: undefined,
			...options.env,
		},
	});
	t.teardown(async () => terminal.dispose());
	return {...terminal, configHome};
}

/** The connection state of the status bar, e.g. `● online 3 ms`. */
export const onlinePattern = /● online \d+ ms/;

/** Resolves once the status bar says online, i.e. the client has connected and joined. */
export async function waitForOnline(
	terminal: TestTerminal,
	pattern = onlinePattern,
): Promise<void> {
	await terminal.waitFor(
		(screen) => pattern.test(statusRow(screen.split('\n'))),
		`the status bar to match ${String(pattern)}`,
	);
}

/*
The chat's layout on a terminal of R rows: the log and the panel take rows 0 … R - 3, the status
bar row R - 2, and the input line the last row, R - 1.
*/

export const statusRowIndex = (rows: number) => rows - 2;
export const inputRowIndex = (rows: number) => rows - 1;

export const statusRow = (screen: readonly string[]) => screen[statusRowIndex(screen.length)] ?? '';
export const inputRow = (screen: readonly string[]) => screen[inputRowIndex(screen.length)] ?? '';

/** The panel's left border; nothing else in the log area draws it. */
const panelBorder = '│';

function splitPane(row: string): {log: string; panel: string | undefined} {
	const border = row.lastIndexOf(panelBorder);
	if (border === -1) {
		return {log: row.trimEnd(), panel: undefined};
	}

	return {log: row.slice(0, border).trimEnd(), panel: row.slice(border + 1).trim()};
}

/** The log pane's rows, top to bottom, right-trimmed (blank rows included). */
export const logRows = (screen: readonly string[]) =>
	screen.slice(0, statusRowIndex(screen.length)).map((row) => splitPane(row).log);

/** The panel's non-empty lines (title first), or undefined when no panel is drawn. */
export function panelLines(screen: readonly string[]): string[] | undefined {
	const parts = screen.slice(0, statusRowIndex(screen.length)).map((row) => splitPane(row).panel);
	if (parts.every((part) => part === undefined)) {
		return undefined;
	}

	return parts.filter((part): part is string => part !== undefined && part.length > 0);
}

/** The log rows that are not blank, top to bottom. */
export const logLines = (screen: readonly string[]) => logRows(screen).filter((row) => row !== '');

export const screenRows = (screen: string) => screen.split('\n');

/** `HH:MM` of a time as the client shows it (local time). */
export function clock(time: string | number): string {
	const date = new Date(time);
	const two = (value: number) => String(value).padStart(2, '0');
	return `${two(date.getHours())}:${two(date.getMinutes())}`;
}

export const escapeRegExp = (text: string) =>
	text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/** The nick column in a pane wider than 40 cells with the time shown: 12 cells. */
export const nickColumnCells = 12;

/** `name` as the nick column shows it: cut to the column with "…", right-aligned in it. */
export function inNickColumn(name: string): string {
	const shown = truncate(name, nickColumnCells);
	return ' '.repeat(nickColumnCells - textWidth(shown)) + shown;
}

/** The log line `HH:MM name  text` exactly, for a name in a wide pane. */
export const messageLine = (clock: string, name: string, text: string) =>
	`${clock} ${inNickColumn(name)}  ${text}`;

/**
 * A log line `HH:MM name  text` (own lines `HH:MM name (me)  text`), the name right-aligned in
 * the nick column, nothing after the text.
 */
export function messageLinePattern(
	name: string,
	text: string,
	{me = false, meLabel = 'me'}: {me?: boolean; meLabel?: string} = {},
): RegExp {
	const marker = me ? ` \\(${escapeRegExp(meLabel)}\\)` : '';
	return new RegExp(`^\\d\\d:\\d\\d +${escapeRegExp(name)}${marker}  ${escapeRegExp(text)}$`);
}

/** POST /api/messages as `user`; resolves with the stored message (its `time` included). */
export async function seedMessage(
	serverUrl: string,
	user: {userId: string; username: string},
	content: string,
): Promise<{time: string; content: string; sender: string}> {
	const answer = await requestJson(`${serverUrl}/api/messages`, {
		method: 'POST',
		body: {...user, content, type: 'text'},
	});
	if (answer.status !== 201) {
		throw new Error(`seeding failed: ${answer.status} ${JSON.stringify(answer.body)}`);
	}

	return answer.body.message;
}

/** The bytes written since `from` (a `raw().length`), once `predicate` holds for them. */
export async function waitForOutput(
	terminal: TestTerminal,
	from: number,
	predicate: (output: string) => boolean,
	label: string,
): Promise<string> {
	await terminal.waitFor(() => predicate(terminal.raw().slice(from)), label);
	return terminal.raw().slice(from);
}

/** The screen with the round-trip time blanked: it is the one thing that changes on its own. */
export const withoutRtt = (screen: string) => screen.replace(/(● online) \d+ ms/, '$1 N ms');

/** Alternate screen on, off, and what was written after the last switch back to the main screen. */
export function screenSwitches(raw: string): {
	lastEnter: number;
	lastLeave: number;
	afterLeave: string;
} {
	const leave = '\u001B[?1049l';
	const lastLeave = raw.lastIndexOf(leave);
	return {
		lastEnter: raw.lastIndexOf('\u001B[?1049h'),
		lastLeave,
		afterLeave: lastLeave === -1 ? raw : raw.slice(lastLeave + leave.length),
	};
}

/** Wait until the input line starts with `prefix`. */
export async function waitForInput(
	terminal: TestTerminal,
	prefix: string,
	label: string,
	timeoutMs?: number,
): Promise<void> {
	await terminal.waitFor(
		(screen) => inputRow(screenRows(screen)).startsWith(prefix),
		label,
		timeoutMs,
	);
}

/** Wait until a line of the log satisfies `predicate`. */
export async function waitForLogLine(
	terminal: TestTerminal,
	predicate: (line: string) => boolean,
	label: string,
	timeoutMs?: number,
): Promise<void> {
	await terminal.waitFor(
		(screen) => logLines(screenRows(screen)).some((line) => predicate(line)),
		label,
		timeoutMs,
	);
}
