import type {AddressInfo} from 'node:net';
import http from 'node:http';
/**
 * Helpers for tests that need a real chat server and real socket.io clients on loopback.
 * Everything started here is closed by the test's teardown; nothing waits by sleeping.
 */
import {io, type ManagerOptions, type Socket, type SocketOptions} from 'socket.io-client';
import type {WireMessage, WireUser} from '../../source/protocol/types.js';
import {startServer, type RunningServer, type ServerOptions} from '../../source/server/index.js';

/** The part of ava's `t` the helpers need, so they work with any runner that has teardown. */
export type Teardown = {teardown(callback: () => unknown): void};

export type WaitOptions = {
	/** Default 5000 ms. */
	timeoutMs?: number;
	/** Polling period, default 10 ms. */
	intervalMs?: number;
	/** Named in the timeout error. */
	description?: string;
};

/** Resolves as soon as `predicate` returns a truthy value (which it resolves with); rejects on timeout. */
export async function waitFor<T>(
	predicate: () => T | Promise<T>,
	{timeoutMs = 5000, intervalMs = 10, description = 'condition'}: WaitOptions = {},
): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await predicate();
		if (value) {
			return value;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
		}

		await new Promise((resolve) => {
			setTimeout(resolve, intervalMs);
		});
	}
}

/** The next `name` event of a socket (its first argument), or a rejection after `timeoutMs`. */
export async function nextEvent<T = unknown>(
	socket: Socket,
	name: string,
	timeoutMs = 5000,
): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const onEvent = (value: T) => {
			clearTimeout(timer);
			resolve(value);
		};

		const timer = setTimeout(() => {
			socket.off(name, onEvent);
			reject(new Error(`timed out after ${timeoutMs} ms waiting for event ${name}`));
		}, timeoutMs);
		socket.once(name, onEvent);
	});
}

export type TestServer = RunningServer & {
	/** Every line the server logged, in order. */
	readonly logs: string[];
	/** What the server was started with (log excluded), to restart it alike. */
	readonly options: ServerOptions;
};

/** A real server on an ephemeral loopback port, closed at teardown. Logs are collected, not printed. */
export async function startTestServer(
	t: Teardown,
	options: ServerOptions = {},
): Promise<TestServer> {
	const logs: string[] = [];
	const server = await startServer({
		port: 0,
		...options,
		log(line) {
			logs.push(line);
			options.log?.(line);
		},
	});
	t.teardown(async () => server.close());
	return {...server, logs, options};
}

/** Everything a client received, recorded from before it connected. */
export type Received = {
	messages: WireMessage[];
	userLists: WireUser[][];
	userCounts: number[];
	pongs: number;
};

export type TestClient = {
	readonly socket: Socket;
	readonly received: Received;
	/** Emits `join`. */
	join(user: WireUser): void;
	/** Emits `message` with `{content, type: 'text'}`. */
	send(content: string): void;
	/** Emits `ping` and resolves on the next `pong`: by then the server has handled all earlier emits. */
	roundTrip(timeoutMs?: number): Promise<void>;
	/** Resolves with the first received message (past or future) matching `predicate`. */
	waitForMessage(
		predicate: (message: WireMessage) => boolean,
		options?: WaitOptions,
	): Promise<WireMessage>;
	/** Resolves with the newest user list once it satisfies `predicate`. */
	waitForUserList(
		predicate: (users: WireUser[]) => boolean,
		options?: WaitOptions,
	): Promise<WireUser[]>;
	close(): void;
};

export type ConnectOptions = Partial<ManagerOptions & SocketOptions> & {
	/** Emitted as `join` right after connecting, before the promise resolves. */
	user?: WireUser;
};

/**
 * A real socket.io client (its own connection, WebSocket only unless `transports` says
 * otherwise), connected before the promise resolves and closed at teardown.
 */
export async function connectClient(
	t: Teardown,
	url: string,
	{user, ...options}: ConnectOptions = {},
): Promise<TestClient> {
	const socket = io(url, {
		forceNew: true,
		reconnection: false,
		transports: ['websocket'],
		timeout: 10_000,
		...options,
	});
	t.teardown(() => {
		socket.close();
	});
	const received: Received = {
		messages: [],
		userLists: [],
		userCounts: [],
		pongs: 0,
	};
	socket.on('message', (message: WireMessage) => received.messages.push(message));
	socket.on('userList', (users: WireUser[]) => received.userLists.push(users));
	socket.on('userCount', (count: number) => received.userCounts.push(count));
	socket.on('pong', () => {
		received.pongs++;
	});

	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('connect_error', reject);
	});

	const client: TestClient = {
		socket,
		received,
		join(joining) {
			socket.emit('join', joining);
		},
		send(content) {
			socket.emit('message', {content, type: 'text'});
		},
		async roundTrip(timeoutMs = 5000) {
			const pong = nextEvent(socket, 'pong', timeoutMs);
			socket.emit('ping');
			await pong;
		},
		async waitForMessage(predicate, waitOptions) {
			return waitFor(() => received.messages.find(predicate), {
				description: 'a matching message',
				...waitOptions,
			});
		},
		async waitForUserList(predicate, waitOptions) {
			return waitFor(
				() => {
					const latest = received.userLists.at(-1);
					return latest && predicate(latest) ? latest : undefined;
				},
				{description: 'a matching user list', ...waitOptions},
			);
		},
		close() {
			socket.close();
		},
	};
	if (user) {
		client.join(user);
	}

	return client;
}

/** GET or POST JSON against a server; answers status, parsed body (undefined if not JSON) and headers. */
export async function requestJson(
	url: string,
	init: {method?: string; body?: unknown; rawBody?: string} = {},
): Promise<{status: number; body: any; headers: Headers}> {
	const {method = 'GET', body, rawBody} = init;
	const response = await fetch(url, {
		method,
		headers:
			body === undefined && rawBody === undefined ? {} : {'content-type': 'application/json'},
		body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
	});
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {}

	return {status: response.status, body: parsed, headers: response.headers};
}

/** A port nothing listens on: taken from the system, then let go. */
export async function freePort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	await new Promise((resolve) => {
		server.close(resolve);
	});
	return port;
}

/** Listen on an ephemeral loopback port, closed (every connection cut) at teardown; its URL. */
export async function listenOnLoopback(t: Teardown, server: http.Server): Promise<string> {
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => {
			server.close(resolve);
		});
	});
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
