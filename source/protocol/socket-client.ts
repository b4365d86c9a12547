import {io, type Socket} from 'socket.io-client';
import {describeConnectError, describeDisconnect} from './connect-error.js';
import {Emitter} from './emitter.js';
import {socketProxyAgent} from './proxy-agent.js';
import type {UserList} from './parse.js';
import {Joining} from './joining.js';
import {sanitizeText} from './sanitize.js';
import {backoffDelay, payloadHandlers} from './socket-payloads.js';
import type {ChatSocketEvents, ChatSocketOptions, ConnectionState} from './socket-types.js';
import type {Message, SafeText} from './types.js';

/** How long the join waits for the pong that shows the server handled it (see onConnect). */
const joinAnswerMs = 1000;

export type {ChatSocketEvents, ChatSocketOptions, ConnectionState} from './socket-types.js';

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
	/** Until the server has answered the join (see onConnect). */
	private joining: Joining | undefined;

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
				if (this.joining) {
					this.joining.hold(message);
				} else {
					this.emit('message', message);
				}
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
		this.cancelJoin();
		clearTimeout(this.retryTimer);
		this.socket.disconnect();
		this.setState({status: 'offline', reason: sanitizeText('closed')});
		this.removeAllListeners();
	}

	/*
	The join is told once the server has answered a ping sent after it, and the messages that came
	meanwhile right after: a server handles one socket's events in order, so what it sent while
	handling the join (its notice that we joined) came before the pong. A catch-up asked for once
	the join is told then finds them live already, not only in its page, where they showed twice.
	*/
	private readonly onConnect = () => {
		this.attempt = 0;
		this.sendJoin();
		this.setState({status: 'online'});
		this.startHeartbeat();
		this.awaitJoin();
		// The first round trip runs over long-polling; measure again once on WebSocket.
		this.socket.io.engine?.once('upgrade', () => {
			if (this.socket.connected) {
				this.ping();
			}
		});
	};

	private readonly onDisconnect = (reason: string) => {
		this.stopHeartbeat();
		// One `joined` for every connection, as ever: a join cut short is told as it ends.
		this.joining?.done();
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
		this.joining?.done();
		if (this.pingSentAt !== undefined) {
			this.emit('rtt', this.lastPongAt - this.pingSentAt);
			this.pingSentAt = undefined;
		}
	};

	/** Tell the join at the first pong; from a server that does not answer, after a second at most. */
	private awaitJoin(): void {
		this.cancelJoin();
		this.joining = new Joining(
			(held) => {
				this.joining = undefined;
				this.emit('joined', {reconnect: this.joinedBefore});
				this.joinedBefore = true;
				for (const message of held) {
					this.emit('message', message);
				}
			},
			Math.min(joinAnswerMs, this.heartbeatMs),
		);
	}

	private cancelJoin(): void {
		this.joining?.cancel();
		this.joining = undefined;
	}

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
