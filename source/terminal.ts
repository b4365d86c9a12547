import {writeSync} from 'node:fs';
import process from 'node:process';

/*
The terminal's state around the full-screen UI. Ink 6.8 has no alternate-screen option, so we
enter it ourselves, and leave it on every way out: a normal exit, Ctrl-C, SIGTERM, SIGHUP (a
dropped SSH link), SIGINT, and an uncaught error, whose message prints after the restore.
*/

// Alternate screen, bracketed paste, focus reporting (CSI I / CSI O on stdin, see state/keys.ts).
const enter = '\u001B[?1049h\u001B[H\u001B[?2004h\u001B[?1004h';
// Focus reporting and bracketed paste off, cursor shown, main screen back.
const leave = '\u001B[?1004l\u001B[?2004l\u001B[?25h\u001B[?1049l';

let entered = false;

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

	writeQuietly(leave);
}

const signals = {SIGTERM: 15, SIGHUP: 1, SIGINT: 2} as const;

/** Enter the alternate screen, with bracketed paste and focus reporting on. */
export function enterFullScreen(): void {
	entered = true;
	writeQuietly(enter);
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
