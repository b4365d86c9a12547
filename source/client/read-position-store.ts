import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {nodeCrypto} from '../startup/node-crypto.js';
import {writePrivateFile, writePrivateFileNow} from '../config/private-file.js';
import {tailLength, type ReadTail} from '../state/read-position.js';

/*
The read position on disk (see state/read-position.ts): one small file per server and user in
$XDG_STATE_HOME/chat-tui/ (default ~/.local/state/chat-tui/), mode 0600, written atomically.
It is state, not configuration: losing it costs only the unread marker.
*/

export function stateDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	// An empty XDG_STATE_HOME counts as unset, as the XDG spec says.
	// eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	const base = environment.XDG_STATE_HOME?.trim() || path.join(os.homedir(), '.local', 'state');
	return path.join(base, 'chat-tui');
}

export function readPositionPath(
	server: string,
	userId: string,
	environment: NodeJS.ProcessEnv = process.env,
): string {
	const key = nodeCrypto()
		.createHash('sha256')
		.update(`${server}\n${userId}`)
		.digest('hex')
		.slice(0, 16);
	return path.join(stateDirectory(environment), `read-${key}.json`);
}

const fingerprintPattern = /^[\da-f]{16}$/;

/** The stored tail; a missing or unreadable file is none (it is ours, not the user's). */
export async function loadReadPosition(file: string): Promise<ReadTail> {
	try {
		const {readFile} = await import('node:fs/promises');
		const json = JSON.parse(await readFile(file, 'utf8')) as {tail?: unknown} | undefined;
		const tail = json?.tail;
		if (
			!Array.isArray(tail) ||
			tail.length > tailLength ||
			!tail.every((entry) => typeof entry === 'string' && fingerprintPattern.test(entry))
		) {
			return [];
		}

		return tail as string[];
	} catch {
		return [];
	}
}

const text = (tail: ReadTail) => JSON.stringify({version: 1, tail});

/** How often the position is written while it moves: at most once this many ms. */
const saveEveryMs = 1000;

export type ReadPositionSaver = {
	/** Keep this tail: written soon, in the background. */
	save(tail: ReadTail): void;
	/** Write what is waiting now, synchronously: on the way out. */
	flush(): void;
};

export function readPositionSaver(file: string): ReadPositionSaver {
	let waiting: ReadTail | undefined;
	let written = '';
	let timer: NodeJS.Timeout | undefined;
	const write = () => {
		timer = undefined;
		if (waiting === undefined) {
			return;
		}

		const next = text(waiting);
		waiting = undefined;
		if (next !== written) {
			written = next;
			writePrivateFile(file, next).catch(() => {
				// A full disk must not stop the chat; the marker is all it costs.
			});
		}
	};

	return {
		save(tail) {
			waiting = tail;
			timer ??= setTimeout(write, saveEveryMs);
			timer.unref();
		},
		flush() {
			clearTimeout(timer);
			timer = undefined;
			if (waiting === undefined) {
				return;
			}

			const next = text(waiting);
			waiting = undefined;
			if (next === written) {
				return;
			}

			written = next;
			try {
				writePrivateFileNow(file, next);
			} catch {
				// As above.
			}
		},
	};
}
