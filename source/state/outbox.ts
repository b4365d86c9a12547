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
	/**
	 * The key of the newest message held when it was typed ('' when none was): a message a page
	 * puts before that one (any, for '') was on the server before the line, and is not its echo.
	 * Lines restored from disk have none: a page may hold the echo of their last run's send.
	 */
	readonly after?: string;
};

export type Outbox = readonly PendingLine[];

/** Servers may trim what they store. */
const echoKey = (content: string) => content.trim();

/** The shortest cut echo taken for a line: a server that cuts shorter is not cutting. */
const minCutLength = 8;

/** Whether `echo` is the line as the server keeps it: the same text, or its start, cut. */
function isEchoOf(echo: string, line: string): boolean {
	return (
		echo === line ||
		(echo.length >= minCutLength && echo.length < line.length && line.startsWith(echo))
	);
}

/**
 * Every own message in `added` confirms one line, in send order: the oldest with the same text,
 * else the oldest whose text it begins (a server that cuts long lines echoes their start). Time
 * takes no part: the server's clock is its own.
 */
export function confirmEchoes(
	outbox: Outbox,
	added: ReadonlyArray<Message & {readonly key?: string}>,
	userId: string,
	/** Where the message with this key sits in the timeline: given for messages a page brought. */
	placeOf?: (key: string) => number | undefined,
): Outbox {
	let result = outbox;
	const canEcho = (message: Message & {readonly key?: string}, line: PendingLine) => {
		if (!placeOf || line.after === undefined || message.key === undefined) {
			return true;
		}

		if (line.after === '') {
			return false;
		}

		const after = placeOf(line.after);
		return after === undefined || (placeOf(message.key) ?? 0) > after;
	};

	for (const message of added) {
		if (result.length === 0) {
			break;
		}

		if (message.type !== 'text' || message.senderId !== userId) {
			continue;
		}

		const echo = echoKey(message.content);
		let at = result.findIndex((line) => echoKey(line.content) === echo && canEcho(message, line));
		if (at === -1) {
			at = result.findIndex(
				(line) => isEchoOf(echo, echoKey(line.content)) && canEcho(message, line),
			);
		}

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
