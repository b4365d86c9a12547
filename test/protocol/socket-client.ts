import {execFile} from 'node:child_process';
import {once} from 'node:events';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import test, {type ExecutionContext} from 'ava';
import {Server, type Socket as ServerSocket} from 'socket.io';
import type {UserList} from '../../source/protocol/parse.js';
import {
	ChatSocket,
	type ChatSocketOptions,
	type ConnectionState,
} from '../../source/protocol/socket-client.js';
import type {Message, SafeText} from '../../source/protocol/types.js';
import {
	connectClient,
	requestJson,
	startTestServer,
	waitFor as pollUntil,
	type WaitOptions,
	freePort,
} from '../helpers/server-harness.js';

/** Generous: a timeout only decides anything when something is wrong, and the machine may be loaded. */
const patience = {timeoutMs: 20_000};

async function waitFor<T>(predicate: () => T | Promise<T>, options: WaitOptions = {}) {
	return pollUntil(predicate, {...patience, ...options});
}

const alice = {userId: 'u-alice', username: 'alice'};
const socketClientUrl = new URL('../../source/protocol/socket-client.ts', import.meta.url).href;
const fastBackoff = {minMs: 20, maxMs: 100};

type Recorded = {
	states: ConnectionState[];
	messages: Message[];
	invalid: SafeText[];
	joined: boolean[];
	rtts: number[];
	userLists: UserList[];
	userCounts: number[];
};

/** A ChatSocket as alice (unless told otherwise), with every event it emits recorded; closed at teardown. */
function chatSocket(
	t: ExecutionContext,
	url: string,
	options: Partial<ChatSocketOptions> = {},
): {chat: ChatSocket; seen: Recorded} {
	const chat = new ChatSocket({...alice, url, backoff: fastBackoff, ...options});
	t.teardown(() => {
		chat.close();
	});
	const seen: Recorded = {
		states: [],
		messages: [],
		invalid: [],
		joined: [],
		rtts: [],
		userLists: [],
		userCounts: [],
	};
	chat.on('state', (state) => seen.states.push(state));
	chat.on('message', (message) => seen.messages.push(message));
	chat.on('invalid', (problem) => seen.invalid.push(problem));
	chat.on('joined', ({reconnect}) => seen.joined.push(reconnect));
	chat.on('rtt', (ms) => seen.rtts.push(ms));
	chat.on('userList', (list) => seen.userLists.push(list));
	chat.on('userCount', (count) => seen.userCounts.push(count));
	return {chat, seen};
}

type IoServer = {
	url: string;
	io: Server;
	/** Every connection so far, in order. */
	connections: ServerSocket[];
	/** The `join` payloads received, tagged with the connection's index. */
	joins: Array<{connection: number; payload: unknown}>;
};

/**
 * A plain socket.io server (a real peer, not the reference server) on an ephemeral port.
 * `onConnection` decides how it misbehaves. Closed at teardown.
 */
async function startIoServer(
	t: ExecutionContext,
	onConnection: (socket: ServerSocket, index: number) => void = () => undefined,
): Promise<IoServer> {
	const httpServer = http.createServer();
	const io = new Server(httpServer, {serveClient: false});
	const server: IoServer = {url: '', io, connections: [], joins: []};
	io.on('connection', (socket) => {
		const index = server.connections.push(socket) - 1;
		socket.on('join', (payload: unknown) => {
			server.joins.push({connection: index, payload});
		});
		onConnection(socket, index);
	});
	await new Promise<void>((resolve) => {
		httpServer.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(async () => {
		httpServer.closeAllConnections();
		await io.close();
	});
	server.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
	return server;
}

const statuses = (seen: Recorded) => seen.states.map((state) => state.status);

// ---- against the real reference server ----

test('connect: online, joined, and the server sees the join', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url, {user: {userId: 'u-bob', username: 'bob'}});
	// Default transports: long-polling first, then the upgrade to WebSocket.
	const {chat, seen} = chatSocket(t, server.url);
	t.deepEqual(chat.connectionState, {status: 'connecting'});
	t.false(chat.connected);

	chat.connect();
	await waitFor(() => chat.connectionState.status === 'online', {description: 'online'});
	t.true(chat.connected);
	t.deepEqual(seen.joined, [false]);
	t.deepEqual(statuses(seen), ['connecting', 'online']);

	const users = await watcher.waitForUserList(
		(list) => list.some((user) => user.userId === 'u-alice'),
		patience,
	);
	t.deepEqual(users, [{userId: 'u-bob', username: 'bob'}, alice]);
	await watcher.waitForMessage((m) => m.content === 'alice joined', patience);

	// The ChatSocket gets the parsed presence too.
	await waitFor(() => seen.userLists.at(-1)?.users.length === 2, {description: 'a list of 2'});
	t.deepEqual(seen.userLists.at(-1), {
		users: [{userId: 'u-bob', username: 'bob'}, alice],
		dropped: 0,
	});
	await waitFor(() => seen.userCounts.at(-1) === 2, {description: 'a count of 2'});
	const joinedNotice = await waitFor(() => seen.messages.find((m) => m.content === 'alice joined'));
	t.is(joinedNotice.type, 'system');
	t.deepEqual(seen.invalid, []);
});

test('send() while connected reaches the other client (and the sender)', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url);
	const {chat, seen} = chatSocket(t, server.url, {transports: ['websocket']});
	chat.connect();
	await waitFor(() => chat.connected, {description: 'connected'});

	t.true(chat.send('hello, room'));
	const received = await watcher.waitForMessage((m) => m.content === 'hello, room', patience);
	t.like(received, {type: 'text', sender: 'alice', senderId: 'u-alice'});
	const echoed = await waitFor(() => seen.messages.find((m) => m.content === 'hello, room'));
	t.is<string | undefined, string>(echoed.senderId, 'u-alice');
});

test('send() while not connected returns false and is never delivered, even after a reconnect', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url);
	const {chat, seen} = chatSocket(t, server.url, {transports: ['websocket']});

	// Before the first connect.
	t.false(chat.send('before connect'));
	chat.connect();
	t.false(chat.send('while connecting'));
	await waitFor(() => seen.joined.length === 1, {description: 'joined'});

	// After a drop: the link is down until the retry connects again.
	chat.reconnectNow('test drop');
	t.false(chat.connected);
	t.is(chat.connectionState.status, 'reconnecting');
	t.false(chat.send('while down'));
	await waitFor(() => seen.joined.length === 2, {description: 'joined again'});
	t.deepEqual(seen.joined, [false, true]);

	t.true(chat.send('marker'));
	await watcher.waitForMessage((m) => m.content === 'marker', patience);
	// Whatever was refused would have been flushed before the marker on the new connection.
	const contents = watcher.received.messages.map((m) => m.content);
	t.false(contents.includes('before connect'));
	t.false(contents.includes('while connecting'));
	t.false(contents.includes('while down'));
	t.is(contents.filter((content) => content === 'marker').length, 1);
});

test('nothing refused by send() reaches a peer that takes messages without a join', async (t) => {
	// The reference server ignores a message that comes before the join, which would hide a
	// replay of socket.io's buffer (it flushes before our join). This peer records every one.
	const received: Array<{connection: number; payload: unknown}> = [];
	const server = await startIoServer(t, (socket, index) => {
		socket.on('message', (payload: unknown) => {
			received.push({connection: index, payload});
		});
	});
	const {chat, seen} = chatSocket(t, server.url, {transports: ['websocket']});
	const refused: boolean[] = [];
	chat.on('state', (state) => {
		// At the very moment the link is found down, before any retry can connect.
		if (state.status === 'reconnecting') {
			refused.push(chat.send(`while down #${state.attempt}`));
		}
	});

	refused.push(chat.send('before connect'));
	chat.connect();
	await waitFor(() => seen.joined.length === 1, {description: 'joined'});

	// Dropped by the server.
	server.connections[0]!.disconnect(true);
	await waitFor(() => seen.joined.length === 2, {
		description: 'joined after the server dropped us',
	});
	// Dropped by us.
	chat.reconnectNow();
	await waitFor(() => seen.joined.length === 3, {description: 'joined after reconnectNow'});
	t.deepEqual(refused, [false, false, false]);

	t.true(chat.send('marker'));
	await waitFor(() => received.length > 0, {description: 'the marker'});
	t.deepEqual(received, [{connection: 2, payload: {content: 'marker', type: 'text'}}]);
	t.is(server.connections.length, 3);
});

test('rtt: the heartbeat pings and measures the round trip', async (t) => {
	const server = await startTestServer(t);
	const {chat, seen} = chatSocket(t, server.url, {heartbeatMs: 200, transports: ['websocket']});
	chat.connect();
	// One ping at connect, then one per interval.
	await waitFor(() => seen.rtts.length >= 3, {description: 'three rtt events'});
	for (const rtt of seen.rtts) {
		t.true(Number.isFinite(rtt) && rtt >= 0 && rtt < 5000, `rtt ${rtt}`);
	}
});

test('rename() joins again under the new name', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url);
	const {chat} = chatSocket(t, server.url, {transports: ['websocket']});
	chat.connect();
	await watcher.waitForMessage((m) => m.content === 'alice joined', patience);

	chat.rename('alicia');
	await watcher.waitForMessage((m) => m.content === 'alice is now known as alicia', patience);
	const users = await requestJson(`${server.url}/api/users`);
	t.deepEqual(users.body, {count: 1, users: [{userId: 'u-alice', username: 'alicia'}]});
});

test('after a server restart on the same port the client joins the new server', async (t) => {
	const first = await startTestServer(t);
	const {chat, seen} = chatSocket(t, first.url, {transports: ['websocket']});
	chat.connect();
	await waitFor(() => seen.joined.length === 1, {description: 'joined'});

	await first.close();
	await waitFor(() => chat.connectionState.status === 'reconnecting', {
		description: 'reconnecting',
	});
	t.false(chat.send('lost while the server was down'));

	const second = await startTestServer(t, {port: first.port});
	t.is(second.url, first.url);
	await waitFor(() => seen.joined.length === 2, {description: 'joined the new server'});
	t.deepEqual(seen.joined, [false, true]);
	t.is(chat.connectionState.status, 'online');

	const users = await requestJson(`${second.url}/api/users`);
	t.deepEqual(users.body, {count: 1, users: [alice]});

	const watcher = await connectClient(t, second.url);
	t.true(chat.send('back'));
	await watcher.waitForMessage((m) => m.content === 'back', patience);
	const history = await requestJson(`${second.url}/api/messages`);
	const contents = (history.body.messages as Array<{content: string}>).map((m) => m.content);
	t.deepEqual(contents, ['alice joined', 'back']);

	// The states went online -> reconnecting (at least once) -> connecting -> online.
	const seenStatuses = statuses(seen);
	t.is(seenStatuses[1], 'online');
	t.is(seenStatuses[2], 'reconnecting');
	t.is(seenStatuses.at(-1), 'online');
	const attempts = seen.states.flatMap((state) =>
		state.status === 'reconnecting' ? [state.attempt] : [],
	);
	t.deepEqual(
		attempts,
		attempts.map((_, index) => index + 1),
		'attempts count up while the server is down',
	);
});

test('nothing listening yet: retries with backoff until a server comes up', async (t) => {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const {chat, seen} = chatSocket(t, url, {transports: ['websocket']});
	chat.connect();
	await waitFor(() => seen.states.filter((state) => state.status === 'reconnecting').length >= 3, {
		description: 'three failed attempts',
	});
	const retries = seen.states.filter(
		(state): state is Extract<ConnectionState, {status: 'reconnecting'}> =>
			state.status === 'reconnecting',
	);
	t.deepEqual(
		retries.slice(0, 3).map((state) => state.attempt),
		[1, 2, 3],
	);
	for (const retry of retries) {
		t.true(retry.reason.length > 0);
		t.notRegex(retry.reason, /[\u0000-\u001F\u007F-\u009F]/);
	}

	await startTestServer(t, {port});
	await waitFor(() => chat.connectionState.status === 'online', {description: 'online'});
	t.deepEqual(seen.joined, [false]);
});

// ---- against misbehaving socket.io peers ----

test('a server-initiated disconnect is followed by an automatic reconnect and a new join', async (t) => {
	const server = await startIoServer(t, (socket, index) => {
		if (index === 0) {
			socket.disconnect(true);
		}
	});
	const {chat, seen} = chatSocket(t, server.url, {transports: ['websocket']});
	chat.connect();

	await waitFor(() => server.joins.some((join) => join.connection === 1), {
		description: 'a join on a second connection',
	});
	t.deepEqual(server.joins.at(-1)?.payload, alice);
	await waitFor(() => chat.connectionState.status === 'online' && seen.joined.length === 2, {
		description: 'online again',
	});
	t.deepEqual(seen.joined, [false, true]);
	const drop = seen.states.find((state) => state.status === 'reconnecting');
	t.like(drop, {status: 'reconnecting', attempt: 1});
	t.regex(drop?.status === 'reconnecting' ? drop.reason : '', /server disconnect|transport close/);
	t.is(server.connections.length, 2);
});

test('heartbeat: a server that never answers ping makes the client reconnect', async (t) => {
	let pings = 0;
	const server = await startIoServer(t, (socket) => {
		socket.on('ping', () => {
			pings++;
		});
	});
	const heartbeatMs = 150;
	const {chat, seen} = chatSocket(t, server.url, {heartbeatMs, transports: ['websocket']});
	// Stamped in the events themselves, not when a poll notices them.
	const stamps: Array<{status: string; at: number}> = [];
	chat.on('state', (state) => stamps.push({status: state.status, at: Date.now()}));
	chat.connect();

	const dead = await waitFor(() => seen.states.find((state) => state.status === 'reconnecting'), {
		description: 'reconnecting after unanswered pings',
	});
	t.like(dead, {status: 'reconnecting', reason: 'no answer to ping'});
	// It waited for more than two intervals without a pong, not less.
	const onlineAt = stamps.find((stamp) => stamp.status === 'online')?.at ?? Number.NaN;
	const deadAt = stamps.find((stamp) => stamp.status === 'reconnecting')?.at ?? Number.NaN;
	t.true(deadAt - onlineAt >= heartbeatMs * 2, `gave up after ${deadAt - onlineAt} ms`);
	t.deepEqual(seen.rtts, []);

	// It connects again and joins again (and, the server being mute, will give up again later).
	// Which later connection carries the first join the server reads depends on the load: the
	// server ignores a join that comes in the same read as the client's goodbye.
	await waitFor(() => server.joins.some((join) => join.connection >= 1), {
		description: 'a join on a new connection',
	});
	t.deepEqual(server.joins.at(-1)?.payload, alice);
	t.deepEqual(seen.joined.slice(0, 2), [false, true]);
	// The pings did go out; the server just never answered them.
	await waitFor(() => pings >= 2, {description: 'two pings at the server'});
});

test('malformed payloads become invalid events; a valid one after them still arrives', async (t) => {
	const server = await startIoServer(t, (socket) => {
		socket.on('join', () => {
			socket.emit('message', 42);
			socket.emit('message', null);
			socket.emit('message', {content: 5});
			socket.emit('message');
			socket.emit('message', ['an', 'array']);
			socket.emit('userList', 'x');
			socket.emit('userList', null);
			socket.emit('userCount', 'abc');
			socket.emit('userCount', -1);
			socket.emit('userCount', {n: 1});
			socket.emit('userList', [{userId: 'u1', username: 'one'}, {nope: true}, 7]);
			socket.emit('userCount', '3');
			socket.emit('message', {type: 'text', content: 'y'.repeat(9000), sender: 'long'});
			socket.emit('message', {
				type: 'text',
				content: 'valid \u001B[2Jafter all',
				time: '2024-05-01T12:00:00.123456+08:00',
				sender: 'bob',
				senderId: 'u-bob',
				extra: {ignored: true},
			});
		});
	});
	const {chat, seen} = chatSocket(t, server.url, {transports: ['websocket']});
	chat.connect();

	const valid = await waitFor(() => seen.messages.find((m) => m.content === 'valid after all'), {
		description: 'the valid message',
	});
	t.deepEqual(valid, {
		type: 'text',
		content: 'valid after all',
		time: Date.UTC(2024, 4, 1, 4, 0, 0, 123),
		timeMicros: 456,
		sender: 'bob',
		senderId: 'u-bob',
	});
	t.deepEqual(seen.invalid, [
		'dropped a message: message: expected an object, got a number',
		'dropped a message: message: expected an object, got null',
		'dropped a message: message: content must be a string, got a number',
		'dropped a message: message: expected an object, got a undefined',
		'dropped a message: message: expected an object, got an array',
		'dropped a user list: user list: expected an array, got a string',
		'dropped a user list: user list: expected an array, got null',
		'dropped a user count: expected a count, got a string',
		'dropped a user count: expected a count, got a number',
		'dropped a user count: expected a count, got an object',
		'user list: dropped 2 entries',
		'cut 1000 characters off a long message',
	]);
	t.deepEqual(seen.userLists, [{users: [{userId: 'u1', username: 'one'}], dropped: 2}]);
	t.deepEqual(seen.userCounts, [3]);
	t.is(seen.messages.length, 2);
	t.is(seen.messages[0]?.content.length, 8000);
	t.is(seen.messages[0]?.truncatedChars, 1000);
	t.is(chat.connectionState.status, 'online');
});

test('close() stops reconnecting, also while a retry is pending', async (t) => {
	// A server that drops every connection at once: a client without close() would cycle forever.
	const byName = new Map<string, number>();
	const server = await startIoServer(t, (socket) => {
		const name = String(socket.handshake.query.name);
		byName.set(name, (byName.get(name) ?? 0) + 1);
		socket.disconnect(true);
	});
	const closing = chatSocket(t, server.url, {
		transports: ['websocket'],
		socketOptions: {query: {name: 'closing'}},
	});
	const control = chatSocket(t, server.url, {
		transports: ['websocket'],
		socketOptions: {query: {name: 'control'}},
	});

	// Close from inside the first 'reconnecting' event: the retry timer is set and pending.
	let closedWhile: ConnectionState | undefined;
	closing.chat.on('state', (state) => {
		if (state.status === 'reconnecting' && closedWhile === undefined) {
			closedWhile = state;
			closing.chat.close();
		}
	});
	closing.chat.connect();
	control.chat.connect();

	await waitFor(() => closedWhile !== undefined, {description: 'the closing client dropped'});
	t.deepEqual(closing.chat.connectionState, {status: 'offline', reason: 'closed'});
	const connectionsAtClose = byName.get('closing');
	t.is(connectionsAtClose, 1);

	// The control client shows time passing: several retry cycles, each longer than a backoff.
	const controlAtClose = byName.get('control') ?? 0;
	await waitFor(() => (byName.get('control') ?? 0) >= controlAtClose + 5, {
		description: 'five more cycles of the control client',
	});
	t.is(byName.get('closing'), connectionsAtClose);
	t.false(closing.chat.connected);
	t.is(statuses(closing.seen).at(-1), 'offline', 'no state event after the one of close');

	// Closing an online client: it leaves, and no retry follows.
	control.chat.close();
	const controlAtSecondClose = byName.get('control') ?? 0;
	const marker = chatSocket(t, server.url, {
		transports: ['websocket'],
		socketOptions: {query: {name: 'marker'}},
	});
	marker.chat.connect();
	await waitFor(() => (byName.get('marker') ?? 0) >= 5, {
		description: 'five cycles of a third client',
	});
	t.is(byName.get('control'), controlAtSecondClose);
});

test('a ChatSocket closed while a retry is pending lets the process exit', async (t) => {
	// A quitting CLI must not hang on a retry timer: the backoff here is a minute.
	const port = await freePort();
	const script = `
		import {ChatSocket} from ${JSON.stringify(socketClientUrl)};
		const chat = new ChatSocket({
			url: 'http://127.0.0.1:${port}',
			userId: 'u',
			username: 'u',
			backoff: {minMs: 60000, maxMs: 60000},
			transports: ['websocket'],
		});
		chat.on('state', (state) => {
			if (state.status === 'reconnecting') {
				chat.close();
				console.log('closed while ' + state.status);
			}
		});
		chat.connect();
	`;
	const child = execFile(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], {
		timeout: 25_000,
	});
	t.teardown(() => child.kill());
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		output += chunk;
	});
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
		output += chunk;
	});
	const [code, signal] = (await once(child, 'exit')) as unknown[];
	t.falsy(signal, 'killed at the deadline: something kept the process alive');
	t.is(code, 0, output);
	t.is(output.trim(), 'closed while reconnecting');
});

test('close() of an online client disconnects it and it stays away', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url);
	const {chat, seen} = chatSocket(t, server.url, {transports: ['websocket']});
	chat.connect();
	await watcher.waitForMessage((m) => m.content === 'alice joined', patience);

	chat.close();
	t.deepEqual(chat.connectionState, {status: 'offline', reason: 'closed'});
	t.false(chat.send('after close'));
	await watcher.waitForMessage((m) => m.content === 'alice left', patience);
	// A later message from someone else marks the point the stream has caught up to.
	await connectClient(t, server.url, {user: {userId: 'u-carol', username: 'carol'}});
	await watcher.waitForMessage((m) => m.content === 'carol joined', patience);
	const contents = watcher.received.messages.map((m) => m.content);
	t.deepEqual(contents, ['alice joined', 'alice left', 'carol joined']);
	t.deepEqual(seen.joined, [false]);
	// reconnectNow() after close() does nothing either.
	chat.reconnectNow();
	t.deepEqual(chat.connectionState, {status: 'offline', reason: 'closed'});
});
