/**
 * The reference server behind `chat-tui serve`: node:http (or node:https) with socket.io 4
 * attached, speaking the protocol of PROTOCOL.md.
 */
import http from 'node:http';
import https from 'node:https';
import type {Socket as NetSocket} from 'node:net';
import {Server, type ServerOptions as IoOptions} from 'socket.io';
import {ChatRoom} from './chat-room.js';
import {MessageRelay} from './message-relay.js';
import {describeError} from './log-format.js';
import {MessageStore} from './message-store.js';
import {Presence, type PresenceWords} from './presence.js';
import type {HistoryStore, PresenceStore, SharedPresenceStore} from './room-stores.js';
import {createRestHandler} from './rest-api.js';
import {attachSocketHandlers} from './socket-handlers.js';

export type ServerOptions = {
	/** Interface to listen on. Default '127.0.0.1'. */
	host?: string;
	/** Default 3000; 0 picks a free port. */
	port?: number;
	/** A JSON-lines file: every message is appended to it and it is read back at start. */
	dataFile?: string;
	/** Where log lines go. Default: standard error. Message contents are never logged. */
	log?: (line: string) => void;
	/** PEM contents (not paths); with both, the server speaks HTTPS and WSS. */
	cert?: string;
	key?: string;
	/** Per connection. Default 20 messages per 5000 ms. */
	rateLimit?: {messages: number; perMs: number};
	/** Messages kept in memory (and served by GET /api/messages). Default 100 000. */
	historyLimit?: number;
	/**
	 * A Redis URL (redis://host:port, rediss:// for TLS): history, ids and presence live there,
	 * shared by every process started with it, and events go between them. Not with `dataFile`.
	 */
	redis?: string;
	/** With `redis`: how long a process that stops answering keeps its users online. Default 15 s. */
	presenceTtlMs?: number;
	/** The words of the join, leave and rename notices. Default English. */
	presenceWords?: PresenceWords;
};

export type RunningServer = {
	/** E.g. 'http://127.0.0.1:41234'. */
	url: string;
	port: number;
	/** Closes socket.io, every connection and the listener. Idempotent. */
	close(): Promise<void>;
	/** Sends a system message to everyone (and stores it). */
	broadcast(content: string): void;
	/** Messages held, as `total` of GET /api/messages (with Redis: as this process last saw it). */
	messageCount(): number;
};

/** How long close() lets connections finish their close handshakes before cutting them. */
const closeGraceMs = 1000;

function positiveInteger(value: number, name: string): number {
	if (!Number.isSafeInteger(value) || value < 1) {
		throw new RangeError(`${name} must be a positive integer`);
	}

	return value;
}

function formatUrl(protocol: string, host: string, port: number): string {
	const shownHost = host.includes(':') ? `[${host}]` : host;
	return `${protocol}://${shownHost}:${port}`;
}

type Backend = {
	history: HistoryStore;
	presence: PresenceStore | SharedPresenceStore;
	/** socket.io's adapter between processes, when there are several. */
	adapter?: IoOptions['adapter'];
	/** With several processes: called when this one hears the others again after an outage. */
	onResubscribed?: (listener: () => void) => void;
	close(): Promise<void>;
};

/** With several processes, messages go through a relay that catches up after an outage. */
async function openRelay(
	io: Server,
	backend: Backend,
	log: (line: string) => void,
): Promise<MessageRelay | undefined> {
	if (!backend.onResubscribed) {
		return undefined;
	}

	const relay = new MessageRelay(io, backend.history);
	await relay.start();
	backend.onResubscribed(() => {
		relay
			.catchUp()
			.then((given) => {
				log(`${new Date().toISOString()} caught up: ${given} missed while Redis was away`);
			})
			.catch((error: unknown) => {
				log(`${new Date().toISOString()} error: catching up (${describeError(error)})`);
			});
	});
	return relay;
}

/**
 * Memory and the data file, or Redis. The Redis code (and its packages) is loaded only here, so
 * neither the chat nor a server without `redis` ever loads it.
 */
async function openBackend(
	options: ServerOptions & {historyLimit: number; log: (line: string) => void},
): Promise<Backend> {
	const {redis, historyLimit, log} = options;
	if (redis !== undefined) {
		const {openRedisBackend} = await import('./redis-backend.js');
		return openRedisBackend({
			url: redis,
			historyLimit,
			log,
			presenceTtlMs: options.presenceTtlMs,
			presenceWords: options.presenceWords,
		});
	}

	const history = await MessageStore.open({dataFile: options.dataFile, historyLimit, log});
	return {
		history,
		presence: new Presence(options.presenceWords),
		close: async () => history.close(),
	};
}

/** The options' defaults, checked: a TypeError names what is wrong. */
function checkedOptions(options: ServerOptions) {
	const log =
		options.log ??
		((line: string) => {
			process.stderr.write(`${line}\n`);
		});
	const rateLimit = options.rateLimit ?? {messages: 20, perMs: 5000};
	positiveInteger(rateLimit.messages, 'rateLimit.messages');
	positiveInteger(rateLimit.perMs, 'rateLimit.perMs');
	const historyLimit = positiveInteger(options.historyLimit ?? 100_000, 'historyLimit');
	if ((options.cert === undefined) !== (options.key === undefined)) {
		throw new TypeError('cert and key must be given together');
	}

	if (options.dataFile !== undefined && options.redis !== undefined) {
		throw new TypeError('dataFile and redis cannot be used together');
	}

	return {log, rateLimit, historyLimit};
}

/** The open connections, for closing; a malformed request is logged and answered 400. */
function watchConnections(httpServer: http.Server, log: (line: string) => void) {
	const connections = new Set<NetSocket>();
	httpServer.on('connection', (socket: NetSocket) => {
		connections.add(socket);
		socket.once('close', () => connections.delete(socket));
	});
	httpServer.on('clientError', (error: NodeJS.ErrnoException, socket) => {
		// A peer that hung up is not worth a log line; a malformed request is.
		if (error.code === 'ECONNRESET' || !socket.writable) {
			socket.destroy();
			return;
		}

		log(`${new Date().toISOString()} error: bad request (${describeError(error)})`);
		socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
	});
	return connections;
}

async function listen(httpServer: http.Server, port: number, host: string): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		httpServer.once('error', reject);
		httpServer.listen(port, host, () => {
			httpServer.off('error', reject);
			resolve();
		});
	});
}

/**
 * Closing, in order: the shared user list left, the room closed, every socket and
 * connection closed (the stragglers cut after a grace period), then the stores.
 */
function closer(parts: {
	readonly room: ChatRoom;
	readonly io: Server;
	readonly httpServer: http.Server;
	readonly connections: ReadonlySet<NetSocket>;
	readonly backend: Backend;
	readonly log: (line: string) => void;
	readonly url: string;
}) {
	const {room, io, httpServer, connections, backend, log, url} = parts;
	return async () => {
		await room.leaveAll().catch((error: unknown) => {
			log(
				`${new Date().toISOString()} error: leaving the shared user list (${describeError(error)})`,
			);
		});
		room.close();
		// io.close() disconnects every socket, closes engine.io and calls httpServer.close(),
		// which waits for every connection: idle keep-alive ones are cut at once and anything
		// still open after a grace period is destroyed.
		const ioClosed = io.close();
		httpServer.closeAllConnections();
		const grace = setTimeout(() => {
			for (const socket of connections) {
				socket.destroy();
			}
		}, closeGraceMs);
		grace.unref();
		await ioClosed;
		clearTimeout(grace);
		await backend.close();
		log(`${new Date().toISOString()} closed ${url}`);
	};
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const {host = '127.0.0.1', port = 3000, cert, key} = options;
	const {log, rateLimit, historyLimit} = checkedOptions(options);

	const backend = await openBackend({...options, historyLimit, log});
	const io = new Server({
		serveClient: false,
		...(backend.adapter ? {adapter: backend.adapter} : {}),
	});
	let relay: MessageRelay | undefined;
	try {
		relay = await openRelay(io, backend, log);
	} catch (error) {
		await io.close();
		await backend.close();
		throw error;
	}

	const room = new ChatRoom(io, backend.history, backend.presence, {log, relay});
	const handleRequest = createRestHandler(room, log);
	const secure = cert !== undefined && key !== undefined;
	const httpServer = secure
		? https.createServer({cert, key}, handleRequest)
		: http.createServer(handleRequest);
	// Attached after the REST handler exists: socket.io takes `/socket.io/` and passes the rest on.
	io.attach(httpServer);
	attachSocketHandlers(io, room, {rateLimit, log});

	const connections = watchConnections(httpServer, log);

	try {
		await listen(httpServer, port, host);
	} catch (error) {
		room.close();
		await io.close();
		await backend.close();
		throw error;
	}

	httpServer.on('error', (error) => {
		log(`${new Date().toISOString()} error: server (${describeError(error)})`);
	});

	const address = httpServer.address();
	const boundPort = typeof address === 'object' && address ? address.port : port;
	const url = formatUrl(secure ? 'https' : 'http', host, boundPort);
	log(`${new Date().toISOString()} listening on ${url}`);

	let closing: Promise<void> | undefined;
	const close = closer({room, io, httpServer, connections, backend, log, url});

	return {
		url,
		port: boundPort,
		async close() {
			closing ??= close();
			return closing;
		},
		broadcast(content: string) {
			if (closing === undefined) {
				room.postSystem(content).catch((error: unknown) => {
					log(`${new Date().toISOString()} error: broadcast failed (${describeError(error)})`);
				});
			}
		},
		messageCount: () => room.messageCount,
	};
}
