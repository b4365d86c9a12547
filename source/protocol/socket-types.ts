import type {UserList} from './parse.js';
import type {Message, SafeText} from './types.js';

/** The live side's types (socket-client.ts). */
export type ConnectionState =
	| {readonly status: 'connecting'}
	| {readonly status: 'online'}
	| {
			readonly status: 'reconnecting';
			readonly attempt: number;
			/** When the next try starts, in ms since the epoch. */
			readonly retryAt: number;
			readonly reason: SafeText;
	  }
	| {readonly status: 'offline'; readonly reason: SafeText};

export type ChatSocketEvents = {
	message: (message: Message) => void;
	userList: (list: UserList) => void;
	userCount: (count: number) => void;
	state: (state: ConnectionState) => void;
	/** The round-trip time of the last ping, in ms. */
	rtt: (ms: number) => void;
	/**
	 * The server took the join of a fresh connection (it answered a ping sent after it); the
	 * messages that came meanwhile follow. `reconnect` is false only the first time.
	 */
	joined: (info: {readonly reconnect: boolean}) => void;
	/** A payload was dropped or cut; the text says what and why. */
	invalid: (problem: SafeText) => void;
};

export type ChatSocketOptions = {
	readonly url: string;
	readonly userId: string;
	readonly username: string;
	readonly insecure?: boolean;
	/** The guide's heartbeat: a `ping` every 30 s. No `pong` for two intervals forces a reconnect. */
	readonly heartbeatMs?: number;
	readonly backoff?: {readonly minMs?: number; readonly maxMs?: number};
	/** socket.io transports; the default tries long-polling, then upgrades to WebSocket. */
	readonly transports?: Array<'polling' | 'websocket'>;
	/** Options passed to socket.io-client as they are (an `agent` for a proxy, say). */
	readonly socketOptions?: Record<string, unknown>;
};
