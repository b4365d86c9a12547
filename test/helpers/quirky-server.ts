/**
 * A small real chat server (node:http and socket.io, not the reference server) with the quirks
 * the protocol allows, each behind a switch (as test/helpers/sim-server.ts has them for the
 * model-based test): no ids or an in-memory counter that starts again at a restart, times in
 * whole seconds, a wrong clock, content cut at N characters. It keeps one log, relays every line
 * to everyone (the sender included), answers `GET /api/messages` newest-first by offset with each
 * page oldest-first, `GET /api/users` and `POST /api/messages`. Closed at teardown.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {Server, type Socket} from 'socket.io';
import type {Teardown} from './chat-terminal.js';

export type User = {userId: string; username: string};

export type WireMessage = {
	type: 'text' | 'system';
	content: string;
	time: string;
	sender?: string;
	senderId?: string;
	id?: number;
};

export type Quirks = {
	/** No ids at all, or an in-memory counter that starts again at every restart. */
	ids: 'none' | 'counter';
	/** Times in whole seconds (`…T12:00:01Z`). */
	wholeSeconds: boolean;
	/** How far the server's clock is off, in ms (a year ahead, a year behind). */
	skewMs: number;
	/** Content cut to this many characters; 0 keeps it whole. */
	cutAt: number;
	/** The server's clock before the skew; a test may stop it. */
	now: () => number;
};

export type QuirkyServer = {
	readonly url: string;
	/** Switch at any time; applies to the next message stored. */
	readonly quirks: Quirks;
	/** Everything stored, in the server's order. */
	readonly log: readonly WireMessage[];
	/** Every line a client sent over the socket, as sent (before any cut). */
	readonly received: ReadonlyArray<{userId: string; content: string}>;
	/** The users online now. */
	online(): User[];
	/** A line from `user` that is not connected (as by POST): stored and relayed to everyone. */
	say(user: User, content: string): WireMessage;
	/** Close every socket and the listener, keeping the log (no leave notices). */
	stop(): Promise<void>;
	/** Listen again on the same port; the id counter starts again. */
	start(): Promise<void>;
	/** `stop()` then `start()`. */
	restart(): Promise<void>;
};

export const yearMs = 365 * 24 * 60 * 60 * 1000;

/** What the server holds and how it stores and relays a message. */
type Room = {
	readonly settings: Quirks;
	readonly log: WireMessage[];
	readonly received: Array<{userId: string; content: string}>;
	/** Sessions by socket id. */
	readonly users: Map<string, User>;
	counter: number;
	io: Server | undefined;
	store(message: Omit<WireMessage, 'time' | 'id'>): WireMessage;
	text(user: User, content: string): WireMessage;
	online(): User[];
	presence(): void;
};

function newRoom(settings: Quirks): Room {
	const stamp = () => {
		const time = settings.now() + settings.skewMs;
		const iso = new Date(time).toISOString();
		return settings.wholeSeconds ? iso.replace(/\.\d+Z$/, 'Z') : iso;
	};

	const room: Room = {
		settings,
		log: [],
		received: [],
		users: new Map(),
		counter: 0,
		io: undefined,
		store(message) {
			const {cutAt, ids} = settings;
			const stored: WireMessage = {
				...message,
				content: cutAt > 0 ? message.content.slice(0, cutAt) : message.content,
				time: stamp(),
				...(ids === 'counter' ? {id: ++room.counter} : {}),
			};
			room.log.push(stored);
			room.io?.emit('message', stored);
			return stored;
		},
		text: (user, content) =>
			room.store({type: 'text', content, sender: user.username, senderId: user.userId}),
		online: () => [
			...new Map([...room.users.values()].map((user) => [user.userId, user])).values(),
		],
		presence() {
			room.io?.emit('userList', room.online());
			room.io?.emit('userCount', room.online().length);
		},
	};
	return room;
}

const json = (response: http.ServerResponse, status: number, body: unknown) => {
	response.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body));
};

/** `GET /api/messages` (newest-first by offset, each page oldest-first), `GET /api/users`, `POST /api/messages`. */
function restHandler(room: Room) {
	const page = (url: URL) => {
		const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50);
		const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
		const end = Math.max(0, room.log.length - offset);
		return {total: room.log.length, messages: room.log.slice(Math.max(0, end - limit), end)};
	};

	return (request: http.IncomingMessage, response: http.ServerResponse) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		if (request.method === 'GET' && url.pathname === '/api/messages') {
			json(response, 200, page(url));
		} else if (request.method === 'GET' && url.pathname === '/api/users') {
			json(response, 200, {count: room.online().length, users: room.online()});
		} else if (request.method === 'POST' && url.pathname === '/api/messages') {
			let body = '';
			request.setEncoding('utf8');
			request.on('data', (chunk: string) => {
				body += chunk;
			});
			request.on('end', () => {
				const {userId, username, content} = JSON.parse(body) as User & {content: string};
				json(response, 201, {success: true, message: room.text({userId, username}, content)});
			});
		} else {
			json(response, 404, {error: 'not found'});
		}
	};
}

/** One socket of the server `current`: join, message, ping, and a leave notice when its user's last session goes. */
function handleSocket(room: Room, current: Server, socket: Socket): void {
	let user: User | undefined;
	socket.on('join', (payload: User) => {
		user = payload;
		room.users.set(socket.id, payload);
		room.presence();
		room.store({type: 'system', content: `${payload.username} joined`});
	});
	socket.on('message', (payload: {content: string}) => {
		if (user) {
			room.received.push({userId: user.userId, content: payload.content});
			room.text(user, payload.content);
		}
	});
	socket.on('ping', () => {
		socket.emit('pong');
	});
	socket.on('disconnect', () => {
		room.users.delete(socket.id);
		if (user && room.io === current && !room.online().some(({userId}) => userId === user!.userId)) {
			room.store({type: 'system', content: `${user.username} left`});
			room.presence();
		}
	});
}

export async function startQuirkyServer(
	t: Teardown,
	quirks: Partial<Quirks> = {},
): Promise<QuirkyServer> {
	const room = newRoom({
		ids: 'none',
		wholeSeconds: false,
		skewMs: 0,
		cutAt: 0,
		now: Date.now,
		...quirks,
	});
	let httpServer: http.Server | undefined;
	let port = 0;

	const start = async () => {
		room.counter = 0;
		httpServer = http.createServer(restHandler(room));
		const current = new Server(httpServer, {serveClient: false});
		room.io = current;
		current.on('connection', (socket) => {
			handleSocket(room, current, socket);
		});
		const listening = httpServer;
		await new Promise<void>((resolve) => {
			listening.listen(port, '127.0.0.1', resolve);
		});
		port = (listening.address() as AddressInfo).port;
	};

	const stop = async () => {
		if (!room.io || !httpServer) {
			return;
		}

		const closing = room.io;
		httpServer.closeAllConnections();
		room.io = undefined;
		httpServer = undefined;
		room.users.clear();
		await closing.close();
	};

	await start();
	t.teardown(stop);

	return {
		url: `http://127.0.0.1:${port}`,
		quirks: room.settings,
		log: room.log,
		received: room.received,
		online: room.online,
		say: room.text,
		stop,
		start,
		async restart() {
			await stop();
			await start();
		},
	};
}
