import type {Message, SafeText} from '../protocol/types.js';
import {
	confirmEchoes,
	expireSends,
	markSent,
	requeueSending,
	type Outbox,
} from '../state/outbox.js';

/*
The lines a ChatClient was given to send, until the server echoes them: the full-screen chat's
outbox rules (state/outbox.ts), a promise per line, pacing, and the echo timeout.
*/

/** `sendMessage` gave up: no echo in time, or the client was closed first. */
export class ChatSendError extends Error {
	override readonly name = 'ChatSendError';
}

export type SendRate = {readonly messages: number; readonly perMs: number};

export type SendQueueOptions = {
	readonly userId: string;
	/** Emit one line; false when it cannot go out now (offline). */
	readonly send: (content: SafeText) => boolean;
	readonly echoTimeoutMs: number;
	readonly rate: SendRate | false;
	/** Named in the error of a line with no echo. */
	readonly server: string;
};

type Waiter = {resolve(message: Message): void; reject(error: Error): void};

/** The promise, marked as handled: a caller that ignores it sees no unhandled rejection. */
// eslint-disable-next-line @typescript-eslint/promise-function-async
export function handled<T>(promise: Promise<T>): Promise<T> {
	promise.catch(() => undefined);
	return promise;
}

export class SendQueue {
	readonly #options: SendQueueOptions;
	readonly #waiters = new Map<number, Waiter>();
	/** When the last sends went out, for the pacing. */
	#sentTimes: number[] = [];
	#outbox: Outbox = [];
	#nextLocalId = 1;
	#flushTimer: NodeJS.Timeout | undefined;
	#expiryTimer: NodeJS.Timeout | undefined;

	constructor(options: SendQueueOptions) {
		this.#options = options;
	}

	get size(): number {
		return this.#outbox.length;
	}

	/** Queue a line and try to send; the promise settles on its echo or its failure. */
	// eslint-disable-next-line @typescript-eslint/promise-function-async
	add(content: SafeText): Promise<Message> {
		const localId = this.#nextLocalId++;
		const echo = new Promise<Message>((resolve, reject) => {
			this.#waiters.set(localId, {resolve, reject});
		});
		this.#outbox = [...this.#outbox, {localId, content, createdAt: Date.now(), status: 'queued'}];
		this.flush();
		return handled(echo);
	}

	/** Send what is queued, in order, as fast as the pacing allows. */
	flush(): void {
		clearTimeout(this.#flushTimer);
		this.#flushTimer = undefined;
		const now = Date.now();
		const sent: number[] = [];
		for (const line of this.#outbox) {
			if (line.status !== 'queued') {
				continue;
			}

			const wait = this.#paceDelay(now);
			if (wait > 0) {
				this.#flushTimer = setTimeout(() => {
					this.flush();
				}, wait);
				break;
			}

			if (!this.#options.send(line.content)) {
				break;
			}

			this.#sentTimes.push(now);
			sent.push(line.localId);
		}

		if (sent.length > 0) {
			this.#outbox = markSent(this.#outbox, sent, now);
			this.#watchEchoes();
		}
	}

	/** A message arrived: the echo of a line of ours settles it. */
	confirm(message: Message): void {
		if (this.#outbox.length === 0) {
			return;
		}

		const before = this.#outbox;
		this.#outbox = confirmEchoes(before, [message], this.#options.userId);
		const left = new Set(this.#outbox.map((line) => line.localId));
		for (const line of before) {
			if (!left.has(line.localId)) {
				this.#settle(line.localId, message);
			}
		}
	}

	/** The link dropped: what was on its way may be lost, so it goes out again after the join. */
	linkLost(): void {
		this.#outbox = requeueSending(this.#outbox);
	}

	/** Reject every line still waiting. */
	close(reason: string): void {
		clearTimeout(this.#flushTimer);
		clearInterval(this.#expiryTimer);
		const error = new ChatSendError(`${reason} (${this.#outbox.length} unconfirmed)`);
		this.#outbox = [];
		for (const waiter of this.#waiters.values()) {
			waiter.reject(error);
		}

		this.#waiters.clear();
	}

	#settle(localId: number, result: Message | Error): void {
		const waiter = this.#waiters.get(localId);
		this.#waiters.delete(localId);
		if (result instanceof Error) {
			waiter?.reject(result);
		} else {
			waiter?.resolve(result);
		}
	}

	/** How long until one more send fits the pacing window. */
	#paceDelay(now: number): number {
		if (!this.#options.rate) {
			return 0;
		}

		const {messages, perMs} = this.#options.rate;
		this.#sentTimes = this.#sentTimes.filter((time) => now - time < perMs);
		return this.#sentTimes.length < messages ? 0 : this.#sentTimes[0]! + perMs - now;
	}

	/** While lines wait for their echo, fail the ones that waited too long. */
	#watchEchoes(): void {
		if (this.#expiryTimer !== undefined) {
			return;
		}

		const {echoTimeoutMs, server} = this.#options;
		this.#expiryTimer = setInterval(
			() => {
				this.#outbox = expireSends(this.#outbox, Date.now(), echoTimeoutMs);
				for (const line of this.#outbox.filter((line) => line.status === 'failed')) {
					this.#settle(
						line.localId,
						new ChatSendError(
							`no echo from ${server} within ${echoTimeoutMs / 1000} s (the server may have refused the line)`,
						),
					);
				}

				this.#outbox = this.#outbox.filter((line) => line.status !== 'failed');
				if (!this.#outbox.some((line) => line.status === 'sending')) {
					clearInterval(this.#expiryTimer);
					this.#expiryTimer = undefined;
				}
			},
			Math.max(10, Math.min(1000, echoTimeoutMs / 4)),
		);
	}
}
