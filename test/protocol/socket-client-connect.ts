// ChatSocket connected: the join, presence, the heartbeat's round trip, rename, bad payloads.
import test from 'ava';
import {connectClient, requestJson, startTestServer} from '../helpers/server-harness.js';
import {startIoServer} from '../helpers/io-server.js';
import {alice, chatSocket, patience, statuses, waitFor} from '../helpers/socket-client-fixtures.js';

test('the join is told once the server has handled it: its own join notice has come first', async (t) => {
	const server = await startTestServer(t);
	const {chat, seen} = chatSocket(t, server.url, {transports: ['websocket']});
	let atJoin: string[] | undefined;
	chat.on('joined', () => {
		// Before anything else can happen (a catch-up's answer, say): what came with the join.
		setImmediate(() => {
			atJoin = seen.messages.map((message) => String(message.content));
		});
	});
	chat.connect();
	await waitFor(() => atJoin, {description: 'joined'});
	// A catch-up asked for now finds the notice live already, so it is not held twice.
	t.deepEqual(atJoin, ['alice joined']);
});

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
	// The join is told once the server answered a ping sent after it.
	await waitFor(() => seen.joined.length > 0, {description: 'joined'});
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
