import {fill, labelsFor, type Lang} from '../look/i18n.js';
import type {Message} from '../protocol/types.js';
import {
	loadReadPosition,
	readPositionPath,
	readPositionSaver,
} from '../client/read-position-store.js';
import {
	fingerprint,
	locateTail,
	tailLength,
	unreadAfter,
	type ReadTail,
} from '../state/read-position.js';

/*
The read position in line mode (state/read-position.ts has the rules): a `--- 5 unread ---` line
above the first message of the history that came after the last one read, and every message
printed counts as read. With --json no line is printed (it would not be JSON); the position is
still kept.
*/

export type LineReadPosition = {
	/** The marker line and the index of the message it goes above, for the history printed. */
	markerIn(
		history: readonly Message[],
	): {readonly index: number; readonly line: string} | undefined;
	/** A message was printed: it is the newest read. */
	shown(message: Message): void;
	/** Write the position now (on the way out). */
	flush(): void;
};

export async function lineReadPosition(options: {
	readonly server: string;
	readonly userId: string;
	readonly lang: Lang;
}): Promise<LineReadPosition> {
	const file = readPositionPath(options.server, options.userId);
	const stored = await loadReadPosition(file);
	const saver = readPositionSaver(file);
	let tail: ReadTail = stored;
	return {
		markerIn(history) {
			const lastSeen = locateTail(history, stored);
			const unread =
				lastSeen === undefined ? undefined : unreadAfter(history, lastSeen, options.userId);
			if (!unread) {
				return undefined;
			}

			const label = fill(labelsFor(options.lang).unreadMarker, {n: unread.count});
			return {index: unread.index, line: `--- ${label} ---`};
		},
		shown(message) {
			tail = [...tail, fingerprint(message)].slice(-tailLength);
			saver.save(tail);
		},
		flush() {
			saver.flush();
		},
	};
}
