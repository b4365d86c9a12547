import type {ChatSocketEvents} from '../protocol/socket-client.js';
import type {SendRate} from './send-queue.js';
import type {TimelineEvents} from './timeline-keeper.js';

/* What a ChatClient (chat-client.ts) is made with, and what it tells about. */

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
