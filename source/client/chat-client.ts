import {MessageTooLongError, overLimit} from '../protocol/content-limit.js';
import {
	ChatSocket,
	type ChatSocketEvents,
	type ConnectionState,
} from '../protocol/socket-client.js';
import {sanitize, sanitizeText} from '../protocol/sanitize.js';
import {limits, type Message, type SafeText} from '../protocol/types.js';
import {nodeCrypto} from '../startup/node-crypto.js';
import {ChatSendError, handled, SendQueue} from './send-queue.js';
import {
	restPages,
	TimelineEmitter,
	TimelineKeeper,
	type TimelineEvents,
} from './timeline-keeper.js';
import type {StoredMessage} from './timeline.js';
import type {ChatClientEvents, ChatClientOptions, ConnectOptions} from './client-options.js';
import {ChatConnectError, untilJoined} from './join-wait.js';

export {ChatSendError} from './send-queue.js';
export {MessageTooLongError} from '../protocol/content-limit.js';
export type {ChatClientEvents, ChatClientOptions, ConnectOptions} from './client-options.js';
export {ChatConnectError} from './join-wait.js';

/*
ChatClient, the SDK's live client: ChatSocket (the socket client of the full-screen chat) with a
SendQueue (the chat's outbox rules) for a promise per sent line, paced under the reference
server's rate limit, and the chat's timeline (client/timeline-keeper.ts): after every join it
catches up over REST, so each message is told once, in the server's order, missed ones included.
*/

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
			// Connected, not joined yet: lines wait for the join (and its catch-up).
			if (state.status === 'online') {
				this.#catchingUp = true;
			}

			if (state.status === 'reconnecting' || state.status === 'offline') {
				this.#lastProblem = state.reason;
				this.#queue.linkLost();
			}
		});
		this.#socket.on('joined', () => {
			if (!this.#timeline) {
				this.#catchingUp = false;
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

		const joined = untilJoined(this, {
			timeoutMs,
			retry,
			lastProblem: () => this.#lastProblem,
			closed: () => this.#closed,
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
