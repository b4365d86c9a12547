import {MessageTooLongError, overLimit} from '../protocol/content-limit.js';
import {
	ChatSocket,
	type ChatSocketEvents,
	type ConnectionState,
} from '../protocol/socket-client.js';
import {sanitize, sanitizeText} from '../protocol/sanitize.js';
import {limits, type Message, type SafeText} from '../protocol/types.js';
import {nodeCrypto} from '../startup/node-crypto.js';
import {ChatSendError, handled, SendQueue, type SendRate} from './send-queue.js';
import {
	restPages,
	TimelineEmitter,
	TimelineKeeper,
	type TimelineEvents,
} from './timeline-keeper.js';
import type {StoredMessage} from './timeline.js';

export {ChatSendError} from './send-queue.js';
export {MessageTooLongError} from '../protocol/content-limit.js';

/*
ChatClient, the SDK's live client: ChatSocket (the socket client of the full-screen chat) with a
SendQueue (the chat's outbox rules) for a promise per sent line, paced under the reference
server's rate limit, and the chat's timeline (client/timeline-keeper.ts): after every join it
catches up over REST, so each message is told once, in the server's order, missed ones included.
*/

/** The events a ChatClient tells about. */
export type ChatClientEvents = Omit<ChatSocketEvents, 'message'> & TimelineEvents;

export type ChatClientOptions = {
	/** The server, default `http://localhost:3000`; `https://` uses TLS. */
	readonly url?: string;
	/** The name shown to others. */
	readonly username: string;
	/** Default: a new `sdk_<unix seconds>_<hex>` per client, as the guide makes one per run. */
	readonly userId?: string;
	/** Accept any TLS certificate. */
	readonly insecure?: boolean;
	/** How long a sent line may wait for its echo before `sendMessage` rejects. Default 10 s. */
	readonly echoTimeoutMs?: number;
	/**
	 * Pace sends to at most `messages` in any `perMs` (default 15 in 6000 ms: safely under the
	 * reference server's 20 in 5 s, whose window is measured on arrival, and which drops the
	 * excess silently); `false` sends at once.
	 */
	readonly sendRate?: SendRate | false;
	/** The `ping` interval, default 30 s. */
	readonly heartbeatMs?: number;
	/** Reconnection delays, default 0.5 s doubling to 30 s. */
	readonly backoff?: {readonly minMs?: number; readonly maxMs?: number};
	readonly transports?: Array<'polling' | 'websocket'>;
	/** The REST base for catching up, default `<url>/api`. */
	readonly apiUrl?: string;
	/**
	 * After every join, fetch what was missed over REST (default true). With `false`, `message`
	 * tells the live events as they come, and nothing sent while offline is seen.
	 */
	readonly catchUp?: boolean;
	/** How many of the newest messages to tell after the first join (default 0). */
	readonly history?: number;
	/**
	 * The longest line `sendMessage` sends, in characters (code points, as the reference server
	 * counts them, whose limit is 2000); a longer one rejects with a MessageTooLongError. Default:
	 * no check, the server decides.
	 */
	readonly maxLength?: number;
};

export type ConnectOptions = {
	/** How long to wait for the join, default 10 s; `Infinity` waits for ever. */
	readonly timeoutMs?: number;
	/** `false`: fail at the first refused or lost attempt and close the client. Default true. */
	readonly retry?: boolean;
};

/**
 * `connect` did not join: within its timeout (the client keeps trying until `close()`), or, with
 * `retry: false`, at the first failure (the client is closed, so a script can exit).
 */
export class ChatConnectError extends Error {
	override readonly name = 'ChatConnectError';
}

/**
 * The live chat: connect, join (on every connect, under `username`), send lines and be told
 * about messages, the user list and the connection through typed events.
 *
 * ```ts
 * const client = new ChatClient({url: 'http://localhost:3000', username: 'ada'});
 * client.on('message', (message) => console.log(message.sender, message.content));
 * await client.connect();
 * await client.sendMessage('hello'); // resolves with the server's echo
 * client.close();
 * ```
 *
 * Lines sent while offline wait and go out in order once joined. Every remote string in an
 * event is sanitized (`SafeText`): no escape sequence or control character gets through.
 */
export class ChatClient {
	readonly url: string;
	readonly userId: string;
	readonly #socket: ChatSocket;
	readonly #queue: SendQueue;
	readonly #maxLength: number | undefined;
	#username: SafeText;
	#started = false;
	#closed = false;
	#lastProblem = '';
	readonly #events = new TimelineEmitter();
	readonly #timeline: TimelineKeeper | undefined;
	#catchingUp = false;

	constructor(options: ChatClientOptions) {
		this.url = options.url ?? 'http://localhost:3000';
		this.userId =
			options.userId ??
			`sdk_${Math.floor(Date.now() / 1000)}_${nodeCrypto().randomBytes(3).toString('hex')}`;
		this.#username = sanitizeText(options.username, limits.nameLength);
		this.#maxLength = options.maxLength;
		this.#socket = new ChatSocket({
			url: this.url,
			userId: this.userId,
			username: this.#username,
			insecure: options.insecure,
			heartbeatMs: options.heartbeatMs,
			backoff: options.backoff,
			transports: options.transports,
		});
		this.#queue = new SendQueue({
			userId: this.userId,
			// Lines wait while a catch-up is under way: its echoes are confirmed first.
			send: (content) => !this.#closed && !this.#catchingUp && this.#socket.send(content),
			echoTimeoutMs: options.echoTimeoutMs ?? 10_000,
			rate: options.sendRate ?? {messages: 15, perMs: 6000},
			server: this.url,
		});
		this.#timeline =
			options.catchUp === false
				? undefined
				: this.#keeper(options.apiUrl, options.insecure, options.history);
		this.#socket.on('message', (message) => {
			this.#queue.confirm(message);
			if (this.#timeline) {
				this.#timeline.live(message);
			} else {
				this.#events.tell('message', message);
			}
		});
		this.#socket.on('state', (state) => {
			if (state.status === 'reconnecting' || state.status === 'offline') {
				this.#lastProblem = state.reason;
				this.#queue.linkLost();
			}
		});
		this.#socket.on('joined', () => {
			if (!this.#timeline) {
				this.#queue.flush();
				return;
			}

			// Lines whose echo the catch-up brings are confirmed before anything goes out again.
			this.#catchingUp = true;
			this.#timeline.joined();
			void this.#timeline.settled().then(() => {
				this.#catchingUp = false;
				this.#queue.flush();
			});
		});
	}

	/** The messages held, in the server's order (the newest 5,000 at most). */
	get messages(): readonly StoredMessage[] {
		return this.#timeline?.messages ?? [];
	}

	/** Settles once the catch-ups after the joins so far are done. */
	async caughtUp(): Promise<void> {
		return this.#timeline?.settled();
	}

	get username(): SafeText {
		return this.#username;
	}

	get state(): ConnectionState {
		return this.#socket.connectionState;
	}

	get connected(): boolean {
		return this.#socket.connected;
	}

	/** Lines given to `sendMessage` that the server has not echoed yet. */
	get pendingCount(): number {
		return this.#queue.size;
	}

	/** Listen to an event; returns the function that stops listening. */
	on<Name extends keyof ChatClientEvents>(
		name: Name,
		listener: ChatClientEvents[Name],
	): () => void {
		if (name === 'message' || name === 'caughtUp') {
			return this.#events.on(name, listener as TimelineEvents[keyof TimelineEvents]);
		}

		return this.#socket.on(name, listener as ChatSocketEvents[keyof ChatSocketEvents]);
	}

	/**
	 * Connect and join. Resolves once joined; rejects with a ChatConnectError after `timeoutMs`
	 * (default 10 s, `Infinity` waits for ever), while the client keeps retrying in the background.
	 * With `retry: false` it tries once, as the guide's `connect()` does: the first failure (or the
	 * time-out) rejects and closes the client, so nothing keeps a script alive.
	 */
	async connect({timeoutMs = 10_000, retry = true}: ConnectOptions = {}): Promise<void> {
		if (this.#closed) {
			throw new ChatConnectError('the client is closed');
		}

		if (this.#socket.connected) {
			return;
		}

		const joined = new Promise<void>((resolve, reject) => {
			const stop: Array<() => void> = [];
			const finish = (error?: Error) => {
				clearTimeout(timer);
				for (const off of stop) {
					off();
				}

				if (error) {
					if (!retry) {
						this.close();
					}

					reject(error);
				} else {
					resolve();
				}
			};

			const timer = Number.isFinite(timeoutMs)
				? setTimeout(() => {
						const why = this.#lastProblem ? `: ${this.#lastProblem}` : '';
						finish(
							new ChatConnectError(
								`cannot connect to ${this.url} within ${timeoutMs / 1000} s${why}`,
							),
						);
					}, timeoutMs)
				: undefined;
			stop.push(
				this.on('joined', () => {
					finish();
				}),
				this.on('state', (state) => {
					if (!retry && state.status === 'reconnecting') {
						finish(new ChatConnectError(`cannot connect to ${this.url}: ${state.reason}`));
					} else if (state.status === 'offline' && this.#closed) {
						finish(new ChatConnectError('the client was closed before it could join'));
					}
				}),
			);
		});
		if (!this.#started) {
			this.#started = true;
			this.#socket.connect();
		}

		return joined;
	}

	/**
	 * Send a line. It waits while offline and goes out in order; the promise resolves with the
	 * server's echo of it, or rejects with a ChatSendError (no echo within `echoTimeoutMs` of going
	 * out, or closed first). Ignoring the promise is safe: its rejection is never unhandled.
	 * An empty line throws a TypeError; one longer than `maxLength` rejects with a
	 * MessageTooLongError (a RangeError) and is not sent.
	 */
	// Not `async`: the caller must get the very promise that is marked as handled.
	// eslint-disable-next-line @typescript-eslint/promise-function-async
	sendMessage(content: string): Promise<Message> {
		const clean = sanitize(content, {multiline: true, maxLength: limits.contentLength}).text;
		if (clean.trim().length === 0) {
			throw new TypeError('sendMessage: the message is empty');
		}

		const tooLong = this.#maxLength === undefined ? undefined : overLimit(content, this.#maxLength);
		if (tooLong) {
			const counts = `${tooLong.length.toLocaleString('en-US')} of ${tooLong.max.toLocaleString('en-US')}`;
			const error = `sendMessage: the message is too long (${counts} characters); not sent`;
			return handled(Promise.reject(new MessageTooLongError(error, tooLong)));
		}

		if (this.#closed) {
			return handled(Promise.reject(new ChatSendError('the client is closed')));
		}

		return this.#queue.add(clean);
	}

	/** Join again under another name. */
	rename(username: string): void {
		this.#username = sanitizeText(username, limits.nameLength);
		this.#socket.rename(this.#username);
	}

	/** Drop the connection and connect again at once. */
	reconnect(): void {
		this.#socket.reconnectNow();
	}

	/** Disconnect for good. Lines not yet echoed reject. */
	close(): void {
		if (this.#closed) {
			return;
		}

		this.#closed = true;
		this.#socket.close();
		this.#queue.close('closed before the server confirmed the message');
	}

	#keeper(apiUrl: string | undefined, insecure: boolean | undefined, history = 0) {
		return new TimelineKeeper({
			fetchPage: restPages(apiUrl ?? `${this.url.replace(/\/+$/, '')}/api`, insecure),
			history,
			onMessages: (messages) => {
				for (const message of messages) {
					this.#events.tell('message', message);
				}
			},
			onCaughtUp: (report) => {
				for (const message of report.added) {
					this.#queue.confirm(message);
				}

				this.#events.tell('caughtUp', report);
			},
			onError: (error, reconnect) => {
				const what = reconnect ? 'missed messages' : 'the history';
				this.#socket.report(`could not load ${what}: ${(error as Error).message}`);
			},
		});
	}
}
