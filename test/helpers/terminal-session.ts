// The state of one program in a pseudo-terminal read through @xterm/headless, and what reads it:
// the screen, the hyperlinks, the cursor's visibility, and waiting for a condition on them.
import {performance} from 'node:perf_hooks';
import type {IPty} from 'node-pty';
import type {Terminal} from '@xterm/headless';
import type {ExitStatus, LinkRun} from './terminal.js';

/** The parts of @xterm/headless's internals that know which link a cell belongs to. */
type LinkCell = {readonly extended?: {urlId?: number}; getChars(): string};
type LinkData = {id?: string; uri: string};
type LinkCore = {_core: {_oscLinkService: {getLinkData(id: number): LinkData | undefined}}};

export type Session = {
	readonly term: Terminal;
	readonly pty: IPty;
	cols: number;
	rows: number;
	/** Everything the program wrote, as it came. */
	readonly chunks: string[];
	rawBytes: number;
	/** Chunks given to the emulator and not yet parsed. */
	pendingWrites: number;
	lastActivity: number;
	/** The last DECTCEM seen. */
	cursorShown: boolean;
	/** The start of a sequence split across chunks. */
	cursorCarry: string;
	exitStatus: ExitStatus | undefined;
	disposed: boolean;
	/** After dispose the emulator must not be touched; the last screen is kept for messages and late reads. */
	final: {lines: string[]; alternate: boolean} | undefined;
	/** Called on every parsed chunk and on exit. */
	readonly listeners: Set<() => void>;
	notify(): void;
};

export function newSession(term: Terminal, pty: IPty, size: {cols: number; rows: number}): Session {
	const listeners = new Set<() => void>();
	return {
		term,
		pty,
		...size,
		chunks: [],
		rawBytes: 0,
		pendingWrites: 0,
		lastActivity: performance.now(),
		cursorShown: true,
		cursorCarry: '',
		exitStatus: undefined,
		disposed: false,
		final: undefined,
		listeners,
		notify() {
			for (const listener of listeners) {
				listener();
			}
		},
	};
}

function trackCursor(session: Session, chunk: string): void {
	const text = session.cursorCarry + chunk;
	for (const match of text.matchAll(/\u001B\[\?([\d;]*)([hl])/g)) {
		if (match[1]!.split(';').includes('25')) {
			session.cursorShown = match[2] === 'h';
		}
	}

	// A sequence split across chunks is completed by the next one.
	session.cursorCarry = /\u001B(?:\[(?:\?[\d;]*)?)?$/.exec(text)?.[0] ?? '';
}

/**
 * Feed the program's output to the emulator, and the emulator's answers (cursor position and
 * mode reports) back to the program, as a real terminal does. `processEnded` settles when the
 * process ends, `exited` once the emulator has also parsed all of its output.
 */
export function attach(session: Session): {
	processEnded: Promise<ExitStatus>;
	exited: Promise<ExitStatus>;
} {
	const {pty, term} = session;
	pty.onData((data) => {
		if (session.disposed) {
			return;
		}

		session.chunks.push(data);
		session.rawBytes += Buffer.byteLength(data);
		session.lastActivity = performance.now();
		trackCursor(session, data);
		session.pendingWrites++;
		term.write(data, () => {
			session.pendingWrites--;
			session.lastActivity = performance.now();
			session.notify();
		});
	});

	term.onData((data) => {
		if (!session.disposed && session.exitStatus === undefined) {
			pty.write(data);
		}
	});

	const processEnded = new Promise<ExitStatus>((resolve) => {
		pty.onExit(({exitCode, signal}) => {
			session.exitStatus = signal ? {exitCode, signal} : {exitCode};
			resolve(session.exitStatus);
			session.notify();
		});
	});

	const exited = new Promise<ExitStatus>((resolve) => {
		session.listeners.add(function check() {
			if (session.exitStatus && (session.pendingWrites === 0 || session.disposed)) {
				session.listeners.delete(check);
				resolve(session.exitStatus);
			}
		});
	});

	return {processEnded, exited};
}

/** The visible rows, right-trimmed (the last screen once disposed). */
export function readScreen(session: Session): string[] {
	if (session.final) {
		return [...session.final.lines];
	}

	const buffer = session.term.buffer.active;
	return Array.from(
		{length: session.rows},
		(_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
	);
}

/** The OSC 8 hyperlinks on screen as the emulator holds them: one run of cells per row. */
export function readLinks(session: Session): LinkRun[] {
	const runs: LinkRun[] = [];
	const buffer = session.term.buffer.active;
	const service = (session.term as unknown as LinkCore)._core._oscLinkService;
	for (let y = 0; y < session.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		if (!line) {
			continue;
		}

		let run: (LinkRun & {urlId: number}) | undefined;
		for (let x = 0; x < session.cols; x++) {
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
}

/** Whether the program is in the alternate screen (as it was at dispose, once disposed). */
export const inAlternate = (session: Session) =>
	session.final?.alternate ?? session.term.buffer.active.type === 'alternate';

/** The screen framed for an error message, with the buffer and the exit status. */
export function describeScreen(session: Session): string {
	const alternate = inAlternate(session);
	const status = session.exitStatus ? `, exited ${JSON.stringify(session.exitStatus)}` : '';
	const text = readScreen(session).join('\n').trimEnd();
	return `--- screen ${session.cols}x${session.rows}, ${alternate ? 'alternate' : 'normal'} buffer${status} ---\n${text}\n--- end of screen ---`;
}

const pollMs = 50;

/** Run `check` on every parsed chunk, on exit and every `pollMs` until it returns true; fail after `timeoutMs`. */
export async function poll(
	session: Session,
	check: () => boolean,
	what: string,
	timeoutMs: number,
): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		const finish = (error?: Error) => {
			clearInterval(interval);
			clearTimeout(timer);
			session.listeners.delete(run);
			if (error) {
				reject(error);
			} else {
				resolve();
			}
		};

		const run = () => {
			try {
				if (session.disposed) {
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
			finish(new Error(`Timed out after ${timeoutMs} ms ${what}\n${describeScreen(session)}`));
		}, timeoutMs);
		session.listeners.add(run);
		run();
	});
}
