// The demo in a pseudo-terminal, read through @xterm/headless.

import path from 'node:path';
import process from 'node:process';
import {spawn, type IPty} from 'node-pty';
// @xterm/headless is CommonJS without named-export hints: Node's ESM loader only offers a default import.
import xtermHeadless, {type IUnicodeVersionProvider} from '@xterm/headless';
import stringWidth from 'string-width';
import {cliPath, terminalEnv} from '../../test/helpers/terminal.js';
import {readCells} from './cells.js';
import {cols, name, rows, ScreenshotError, settleMs, waitMs} from './settings.js';

const {Terminal} = xtermHeadless;

// ---- The pseudo-terminal -----------------------------------------------------------------------

/**
 * Widths as chat-tui counts them (string-width, per code point), with emoji modifiers, ZWJ
 * sequences, variation selectors and combining marks joined onto the cell before them, as a
 * terminal with current Unicode tables shows them. xterm.js's own tables (Unicode 6, or 11 with
 * its addon) give 🚀 one cell or 👍🏽 four.
 */
export const joinAfterZwj = 1;
/* eslint-disable no-bitwise -- xterm.js packs a character's properties into one number */
export const property = (state: number, width: number, join: boolean) =>
	((state & 0xff_ff_ff) << 3) | ((width & 3) << 1) | (join ? 1 : 0);

export const chatTuiWidths: IUnicodeVersionProvider = {
	version: 'chat-tui',
	wcwidth(codepoint) {
		return Math.min(2, stringWidth(String.fromCodePoint(codepoint))) as 0 | 1 | 2;
	},
	charProperties(codepoint, preceding) {
		const precedingWidth = (preceding >> 1) & 3;
		const afterZwj = preceding >> 3 === joinAfterZwj;
		const joins =
			preceding !== 0 &&
			precedingWidth > 0 &&
			(afterZwj ||
				codepoint === 0x20_0d ||
				(codepoint >= 0xfe_00 && codepoint <= 0xfe_0f) ||
				(codepoint >= 0x1_f3_fb && codepoint <= 0x1_f3_ff) ||
				(codepoint >= 0xe_00_20 && codepoint <= 0xe_00_7f) ||
				this.wcwidth(codepoint) === 0);
		if (joins) {
			return property(codepoint === 0x20_0d ? joinAfterZwj : 0, precedingWidth, true);
		}

		return property(0, this.wcwidth(codepoint), false);
	},
};
/* eslint-enable no-bitwise */

export type Session = {
	readonly pty: IPty;
	readonly term: InstanceType<typeof Terminal>;
	exited: boolean;
	exitCode: number | undefined;
	cursorVisible: boolean;
	/** Resolves once everything written so far has been parsed. */
	parsed(): Promise<void>;
	screen(): string[];
};

export function startDemo(configHome: string): Session {
	const term = new Terminal({cols, rows, allowProposedApi: true});
	term.unicode.register(chatTuiWidths);
	term.unicode.activeVersion = chatTuiWidths.version;
	const pty = spawn(process.execPath, [cliPath, '--demo', '--name', name], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: path.dirname(configHome),
		env: terminalEnv({
			XDG_CONFIG_HOME: configHome,
			LANG: 'en_US.UTF-8',
			LC_ALL: undefined,
			LC_MESSAGES: undefined,
			NO_COLOR: undefined,
		}),
	});
	let pending = Promise.resolve();
	let carry = '';
	const session: Session = {
		pty,
		term,
		exited: false,
		exitCode: undefined,
		cursorVisible: true,
		parsed: async () => pending,
		screen() {
			const buffer = term.buffer.active;
			return Array.from(
				{length: rows},
				(_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
			);
		},
	};
	pty.onData((data) => {
		// The cursor's visibility (DECTCEM) is not in xterm's public API: follow it in the stream.
		const text = carry + data;
		for (const match of text.matchAll(/\u001B\[\?([\d;]*)([hl])/g)) {
			if (match[1]!.split(';').includes('25')) {
				session.cursorVisible = match[2] === 'h';
			}
		}

		carry = /\u001B(?:\[(?:\?[\d;]*)?)?$/.exec(text)?.[0] ?? '';
		pending = new Promise((resolve) => {
			term.write(data, resolve);
		});
	});
	pty.onExit(({exitCode}) => {
		session.exited = true;
		session.exitCode = exitCode;
	});
	return session;
}

export const sleep = async (ms: number) =>
	new Promise<void>((resolve) => {
		setTimeout(resolve, ms);
	});

export async function waitFor(
	session: Session,
	label: string,
	predicate: (screen: string[]) => boolean,
): Promise<void> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		await session.parsed();
		const screen = session.screen();
		if (predicate(screen)) {
			return;
		}

		if (session.exited) {
			throw new ScreenshotError(
				`chat-tui --demo exited (code ${session.exitCode}) while waiting for ${label}\n${screen.join('\n')}`,
			);
		}

		if (Date.now() > deadline) {
			throw new ScreenshotError(
				`timed out after ${waitMs / 1000} s waiting for ${label}; the screen:\n${screen.join('\n')}`,
			);
		}

		await sleep(50);
	}
}

/** Resolves once the screen (characters and attributes) has not changed for `settleMs`. */
export async function waitForStillness(session: Session): Promise<void> {
	const deadline = Date.now() + waitMs;
	let last = '';
	let since = Date.now();
	for (;;) {
		await session.parsed();
		const now = JSON.stringify([readCells(session.term), session.cursorVisible]);
		if (now !== last) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= settleMs) {
			return;
		}

		if (Date.now() > deadline) {
			throw new ScreenshotError(`the screen kept changing for ${waitMs / 1000} s`);
		}

		await sleep(50);
	}
}

export async function stopDemo(session: Session): Promise<void> {
	if (!session.exited) {
		session.pty.write('/quit\r');
	}

	for (const signal of [undefined, 'SIGTERM', 'SIGKILL']) {
		if (signal && !session.exited) {
			session.pty.kill(signal);
		}

		const deadline = Date.now() + 2000;
		while (!session.exited && Date.now() < deadline) {
			await sleep(50);
		}
	}
}
