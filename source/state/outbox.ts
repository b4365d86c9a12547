import type {Message, SafeText} from '../protocol/types.js';

/*
Lines the user sent that the server has not echoed yet, as pure functions over the list. A line
is `queued` until it goes out, `sending` until its echo arrives, and `failed` when no echo came
within the timeout; a retry queues it again. Each goes out once per try: only queued lines are
sent, and sending marks them.
*/

export type PendingLine = {
	readonly localId: number;
	readonly content: SafeText;
	readonly createdAt: number;
	readonly status: 'sending' | 'queued' | 'failed';
	/** When it last went out, for the echo timeout. */
	readonly sentAt?: number;
};

export type Outbox = readonly PendingLine[];

/** An echo older than its line by more than this is an earlier message with the same text. */
const clockSkewMs = 60_000;

/** Servers may trim what they store. */
const echoKey = (content: string) => content.trim();

/**
 * Every own message in `added` confirms the oldest line with the same text that is not younger
 * than the message (allowing for clock skew between client and server).
 */
export function confirmEchoes(outbox: Outbox, added: readonly Message[], userId: string): Outbox {
	let result = outbox;
	for (const message of added) {
		if (result.length === 0) {
			break;
		}

		if (message.type !== 'text' || message.senderId !== userId) {
			continue;
		}

		const key = echoKey(message.content);
		const at = result.findIndex(
			(line) => echoKey(line.content) === key && message.time >= line.createdAt - clockSkewMs,
		);
		if (at !== -1) {
			result = [...result.slice(0, at), ...result.slice(at + 1)];
		}
	}

	return result;
}

export function markSent(outbox: Outbox, localIds: readonly number[], now: number): Outbox {
	const sent = new Set(localIds);
	return outbox.map((line) =>
		sent.has(line.localId) ? {...line, status: 'sending', sentAt: now} : line,
	);
}

/** The link dropped: what was on its way may be lost, so it goes out again (if no echo comes). */
export function requeueSending(outbox: Outbox): Outbox {
	return outbox.some((line) => line.status === 'sending')
		? outbox.map((line) => (line.status === 'sending' ? {...line, status: 'queued'} : line))
		: outbox;
}

/** Lines sent more than `timeoutMs` ago with no echo are failed. */
export function expireSends(outbox: Outbox, now: number, timeoutMs: number): Outbox {
	const expired = (line: PendingLine) =>
		line.status === 'sending' && line.sentAt !== undefined && now - line.sentAt > timeoutMs;
	return outbox.some(expired)
		? outbox.map((line) => (expired(line) ? {...line, status: 'failed'} : line))
		: outbox;
}

export function retryFailed(outbox: Outbox): Outbox {
	return outbox.some((line) => line.status === 'failed')
		? outbox.map((line) => (line.status === 'failed' ? {...line, status: 'queued'} : line))
		: outbox;
}

export const unsentCount = (outbox: Outbox) => outbox.length;
