import {io, type Socket} from 'socket.io-client';
import {describeConnectError, describeDisconnect} from './connect-error.js';
import {Emitter} from './emitter.js';
import {socketProxyAgent} from './proxy-agent.js';
import type {UserList} from './parse.js';
import {sanitizeText} from './sanitize.js';
import {backoffDelay, payloadHandlers} from './socket-payloads.js';
import type {Message, SafeText} from './types.js';

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
	/** `join` was sent on a fresh connection; `reconnect` is false only the first time. */
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

/**
 * The live side of the service: the TypeScript counterpart of the guide's `ChatClient`.
 *
 * It joins on every connect, reconnects by itself after every kind of drop (socket.io does not
 * retry after a server-initiated disconnect, so retries are ours, with backoff and jitter), sends
 * the 30 s heartbeat and measures its round trip. It never lets socket.io buffer an emit while
 * disconnected: `send` refuses then, so a reconnect cannot replay old lines.
 */
export class ChatSocket extends Emitter<ChatSocketEvents> {
	private readonly socket: Socket;
	private readonly heartbeatMs: number;
	private readonly minBackoffMs: number;
	private readonly maxBackoffMs: number;
	private username: string;
	private readonly userId: string;
	private state: ConnectionState = {status: 'connecting'};
	private attempt = 0;
	private joinedBefore = false;
	private closed = false;
	private retryTimer: NodeJS.Timeout | undefined;
	private heartbeat: NodeJS.Timeout | undefined;
	private pingSentAt: number | undefined;
	private lastPongAt = 0;

	constructor(options: ChatSocketOptions) {
		super();
		this.userId = options.userId;
		this.username = options.username;
		this.heartbeatMs = options.heartbeatMs ?? 30_000;
		this.minBackoffMs = options.backoff?.minMs ?? 500;
		this.maxBackoffMs = options.backoff?.maxMs ?? 30_000;
		const agent = socketProxyAgent(options.url, {insecure: options.insecure});
		this.socket = io(options.url, {
			autoConnect: false,
			reconnection: false,
			forceNew: true,
			timeout: 10_000,
			rejectUnauthorized: !options.insecure,
			// HTTP(S)_PROXY and NO_PROXY, as for REST; no agent means a direct connection. (The
			// types say string | boolean; in Node, engine.io hands it to ws and to its XHR as is.)
			...(agent ? {agent: agent as unknown as string} : {}),
			...(options.transports ? {transports: options.transports} : {}),
			...options.socketOptions,
		});
		this.socket.on('connect', this.onConnect);
		this.socket.on('disconnect', this.onDisconnect);
		this.socket.on('connect_error', this.onConnectError);
		const payloads = payloadHandlers({
			message: (message) => {
				this.emit('message', message);
			},
			userList: (list) => {
				this.emit('userList', list);
			},
			userCount: (count) => {
				this.emit('userCount', count);
			},
			invalid: (problem) => {
				this.emit('invalid', problem);
			},
		});
		this.socket.on('message', payloads.message);
		this.socket.on('userList', payloads.userList);
		this.socket.on('userCount', payloads.userCount);
		this.socket.on('pong', this.onPong);
	}

	get connectionState(): ConnectionState {
		return this.state;
	}

	get connected(): boolean {
		return this.socket.connected;
	}

	connect(): void {
		this.closed = false;
		this.setState({status: 'connecting'});
		this.socket.connect();
	}

	/** Emit a chat line. Returns false, sending nothing, while not connected. */
	send(content: string): boolean {
		if (!this.socket.connected) {
			return false;
		}

		this.socket.emit('message', {content, type: 'text'});
		return true;
	}

	/** Join again under another name (`/nick`). */
	rename(username: string): void {
		this.username = username;
		if (this.socket.connected) {
			this.sendJoin();
		}
	}

	/** Drop the connection and connect again at once (`/reconnect`, or a dead heartbeat). */
	reconnectNow(reason = 'reconnect requested'): void {
		if (this.closed) {
			return;
		}

		this.stopHeartbeat();
		if (this.socket.connected) {
			this.socket.disconnect();
		}

		this.scheduleRetry(sanitizeText(reason), 0);
	}

	/** Tell the `invalid` listeners about a problem found elsewhere (a failed catch-up). */
	report(problem: string): void {
		this.emit('invalid', sanitizeText(problem));
	}

	close(): void {
		this.closed = true;
		this.stopHeartbeat();
		clearTimeout(this.retryTimer);
		this.socket.disconnect();
		this.setState({status: 'offline', reason: sanitizeText('closed')});
		this.removeAllListeners();
	}

	private readonly onConnect = () => {
		this.attempt = 0;
		this.sendJoin();
		this.setState({status: 'online'});
		this.emit('joined', {reconnect: this.joinedBefore});
		this.joinedBefore = true;
		this.startHeartbeat();
		// The first round trip runs over long-polling; measure again once on WebSocket.
		this.socket.io.engine?.once('upgrade', () => {
			if (this.socket.connected) {
				this.ping();
			}
		});
	};

	private readonly onDisconnect = (reason: string) => {
		this.stopHeartbeat();
		// Whatever socket.io buffered while the link was down must never be replayed.
		this.socket.sendBuffer.length = 0;
		if (this.closed || reason === 'io client disconnect') {
			return;
		}

		this.scheduleRetry(sanitizeText(describeDisconnect(reason)));
	};

	private readonly onConnectError = (error: Error) => {
		if (this.closed) {
			return;
		}

		this.scheduleRetry(sanitizeText(describeConnectError(error)));
	};

	private readonly onPong = () => {
		this.lastPongAt = Date.now();
		if (this.pingSentAt !== undefined) {
			this.emit('rtt', this.lastPongAt - this.pingSentAt);
			this.pingSentAt = undefined;
		}
	};

	private sendJoin(): void {
		this.socket.emit('join', {userId: this.userId, username: this.username});
	}

	private scheduleRetry(reason: SafeText, delayMs?: number): void {
		clearTimeout(this.retryTimer);
		this.attempt++;
		const delay = delayMs ?? backoffDelay(this.attempt, this.minBackoffMs, this.maxBackoffMs);
		// The timer is set before the state goes out, so a listener that calls close() clears it.
		this.retryTimer = setTimeout(() => {
			if (!this.closed) {
				this.setState({status: 'connecting'});
				this.socket.connect();
			}
		}, delay);
		this.setState({
			status: 'reconnecting',
			attempt: this.attempt,
			retryAt: Date.now() + delay,
			reason,
		});
	}

	private startHeartbeat(): void {
		this.stopHeartbeat();
		this.lastPongAt = Date.now();
		this.ping();
		this.heartbeat = setInterval(() => {
			if (Date.now() - this.lastPongAt > this.heartbeatMs * 2) {
				this.reconnectNow('no answer to ping');
				return;
			}

			this.ping();
		}, this.heartbeatMs);
		this.heartbeat.unref();
	}

	private ping(): void {
		this.pingSentAt = Date.now();
		this.socket.emit('ping');
	}

	private stopHeartbeat(): void {
		clearInterval(this.heartbeat);
		this.heartbeat = undefined;
		this.pingSentAt = undefined;
	}

	private setState(state: ConnectionState): void {
		this.state = state;
		this.emit('state', state);
	}
}
