/**
 * A big room without thousands of sockets: a small socket.io server of our own that speaks the
 * protocol to the clients that do connect, and holds `people` more who are "online" only in the
 * lists it sends. `churn` has one of them leave and another come, and sends the whole list to
 * everyone, as the protocol does on every join and leave. Used by the tests and `npm run bench`.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {Server} from 'socket.io';
import type {WireMessage, WireUser} from '../../source/protocol/types.js';
import type {Teardown} from './server-harness.js';

export type BigRoom = {
	readonly url: string;
	/** Who is online: the made-up people, then the clients that joined. */
	readonly users: () => WireUser[];
	/** One made-up person leaves and a new one comes; the list and count go to everyone. */
	churn(): void;
	close(): Promise<void>;
};

const firstNames = [
	'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory',
	'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'xena', 'yusuf',
	'zoe', '张伟', '王芳', 'Émile', 'Øyvind',
]; // prettier-ignore

/** The n-th made-up person: names of many first letters, each one different. */
export const person = (n: number): WireUser => ({
	userId: `p-${n}`,
	username: `${firstNames[(n * 7) % firstNames.length]}${n}`,
});

const textFrom = (user: WireUser, content: string): WireMessage => ({
	type: 'text',
	content,
	sender: user.username,
	senderId: user.userId,
	time: new Date().toISOString(),
});

/** `GET /api/messages` (empty) and `GET /api/users` (everyone) of a room. */
const restHandler =
	(users: () => WireUser[]): http.RequestListener =>
	(request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		const list = users();
		const body =
			path === '/api/messages'
				? {total: 0, messages: []}
				: path === '/api/users'
					? {count: list.length, users: list}
					: undefined;
		response.writeHead(body ? 200 : 404, {'content-type': 'application/json'});
		response.end(JSON.stringify(body ?? {error: 'not found'}));
	};

export async function startBigRoom(t: Teardown, people: number): Promise<BigRoom> {
	const made = new Map<string, WireUser>();
	for (let n = 0; n < people; n++) {
		made.set(`p-${n}`, person(n));
	}

	let next = people;
	const joined = new Map<string, WireUser>();
	const users = () => [...made.values(), ...joined.values()];
	const httpServer = http.createServer(restHandler(users));
	const io = new Server(httpServer, {serveClient: false});
	const sendList = () => {
		io.emit('userList', users());
		io.emit('userCount', made.size + joined.size);
	};

	let seq = 0;
	const system = (content: string) => {
		const message: WireMessage = {type: 'system', content, time: new Date().toISOString()};
		io.emit('message', {...message, id: `s${seq++}`});
	};

	io.on('connection', (socket) => {
		socket.on('join', (payload: WireUser) => {
			joined.set(socket.id, {userId: payload.userId, username: payload.username});
			system(`${payload.username} joined`);
			sendList();
		});
		socket.on('message', (payload: {content: string}) => {
			const user = joined.get(socket.id);
			if (user) {
				io.emit('message', {...textFrom(user, payload.content), id: `m${seq++}`});
			}
		});
		socket.on('ping', () => {
			socket.emit('pong');
		});
		socket.on('disconnect', () => {
			joined.delete(socket.id);
		});
	});
	await new Promise<void>((resolve) => {
		httpServer.listen(0, '127.0.0.1', resolve);
	});
	const close = async () => {
		httpServer.closeAllConnections();
		await io.close();
	};

	t.teardown(close);
	return {
		url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
		users,
		churn() {
			const [first] = made.keys();
			if (first !== undefined) {
				made.delete(first);
			}

			const newcomer = person(next++);
			made.set(newcomer.userId, newcomer);
			sendList();
		},
		close,
	};
}
