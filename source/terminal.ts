import {writeSync} from 'node:fs';
import process from 'node:process';

/*
The terminal's state around the full-screen UI. Ink 6.8 has no alternate-screen option, so we
enter it ourselves, and leave it on every way out: a normal exit, Ctrl-C, SIGTERM, SIGHUP (a
dropped SSH link), SIGINT, and an uncaught error, whose message prints after the restore.
*/

// Alternate screen, bracketed paste, focus reporting (CSI I / CSI O on stdin, see keys/decode.ts).
const enter = '\u001B[?1049h\u001B[H\u001B[?2004h\u001B[?1004h';
// Focus reporting and bracketed paste off, the scroll region reset (source/render/scroll.ts),
// cursor shown, the window title popped, main screen back.
const leave = '\u001B[?1004l\u001B[?2004l\u001B[r\u001B[?25h\u001B[23;0t\u001B[?1049l';

/**
 * The window title, as irssi and vim set it: the terminal's own title is pushed (CSI 22;0t) and
 * popped on the way out (CSI 23;0t); OSC 2 sets ours. Control characters never reach it.
 */
export const titleSequence = (title: string) =>
	`\u001B[22;0t\u001B]2;${title.replaceAll(/[\u0000-\u001F\u007F-\u009F]/g, '')}\u0007`;

let entered = false;
/** Modes switched on after entering (grapheme clusters, say), switched off again on the way out. */
let alsoLeave = '';

/** Write `sequence` too when the terminal is restored. */
export function onRestore(sequence: string): void {
	alsoLeave += sequence;
}

function writeQuietly(text: string): void {
	try {
		writeSync(process.stdout.fd, text);
	} catch {
		// The terminal may be gone (SIGHUP): nothing left to restore on it.
	}
}

/** Leave the alternate screen, show the cursor, end raw mode. Safe to call any number of times. */
export function restoreTerminal(): void {
	if (!entered) {
		return;
	}

	entered = false;
	try {
		if (process.stdin.isTTY) {
			process.stdin.setRawMode(false);
		}
	} catch {
		// Stdin already closed.
	}

	writeQuietly(alsoLeave + leave);
}

const signals = {SIGTERM: 15, SIGHUP: 1, SIGINT: 2} as const;

/** Enter the alternate screen, with bracketed paste and focus reporting on, and set the window title. */
export function enterFullScreen(title = 'chat-tui'): void {
	entered = true;
	writeQuietly(enter + titleSequence(title));
	process.on('exit', restoreTerminal);
}

/**
 * Make sure every way out restores the terminal. `beforeExit` runs first on a signal or an
 * error (to unmount the UI); it must not throw.
 */
export function restoreOnExit(beforeExit: () => void): void {
	for (const [signal, number] of Object.entries(signals)) {
		process.once(signal, () => {
			beforeExit();
			restoreTerminal();
			process.exit(128 + number);
		});
	}

	const fail = (error: unknown) => {
		beforeExit();
		restoreTerminal();
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		process.stderr.write(`chat-tui: unexpected error: ${message}\n`);
		process.exit(1);
	};

	process.once('uncaughtException', fail);
	process.once('unhandledRejection', fail);
}
