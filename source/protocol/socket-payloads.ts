import {parseCount, parseMessage, parseUserList, type UserList} from './parse.js';
import {sanitizeText} from './sanitize.js';
import type {Message, SafeText} from './types.js';

/** Where the server's live events go once parsed: each valid payload, or what was wrong with one. */
export type PayloadSink = {
	readonly message: (message: Message) => void;
	readonly userList: (list: UserList) => void;
	readonly userCount: (count: number) => void;
	readonly invalid: (problem: SafeText) => void;
};

/** What socket.io hands us for `message`, `userList` and `userCount`: untrusted until parsed. */
export type PayloadHandlers = Record<
	'message' | 'userList' | 'userCount',
	(payload: unknown) => void
>;

/**
 * The three live events, parsed and sanitized where they enter. A malformed payload is dropped
 * and said to be (`invalid`); a valid one after it still arrives.
 */
export function payloadHandlers(sink: PayloadSink): PayloadHandlers {
	const invalid = (problem: string) => {
		sink.invalid(sanitizeText(problem));
	};

	return {
		message(payload) {
			const message = parseMessage(payload);
			if (!message.ok) {
				invalid(`dropped a message: ${message.error}`);
				return;
			}

			if (message.value.truncatedChars) {
				invalid(`cut ${message.value.truncatedChars} characters off a long message`);
			}

			sink.message(message.value);
		},
		userList(payload) {
			const list = parseUserList(payload);
			if (!list.ok) {
				invalid(`dropped a user list: ${list.error}`);
				return;
			}

			if (list.value.dropped > 0) {
				invalid(`user list: dropped ${list.value.dropped} entries`);
			}

			sink.userList(list.value);
		},
		userCount(payload) {
			const count = parseCount(payload);
			if (count.ok) {
				sink.userCount(count.value);
			} else {
				invalid(`dropped a user count: ${count.error}`);
			}
		},
	};
}

/**
 * How long to wait before try number `attempt` (from 1): doubling from `minMs` up to `maxMs`,
 * with full jitter on the upper half, so a restarted server is not hit by every client at once.
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
	const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt - 1, 16));
	return Math.round(base / 2 + (Math.random() * base) / 2);
}
