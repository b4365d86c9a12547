import test from 'ava';
import type {WireUser} from '../../source/protocol/types.js';
import {tooLongNotice} from '../../source/server/socket-handlers.js';
import {connectClient, requestJson, startTestServer, waitFor} from '../helpers/server-harness.js';

const alice = {userId: 'u-alice', username: 'alice'};
const bob = {userId: 'u-bob', username: 'bob'};

const names = (users: WireUser[]) => users.map((user) => user.username);

test('join and leave: system messages, userList and userCount, dedup by userId', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url, {user: bob});
	await watcher.waitForUserList((users) => users.length === 1);

	const aliceTab1 = await connectClient(t, server.url, {user: alice});
	await watcher.waitForMessage((m) => m.content === 'alice joined');
	await watcher.waitForUserList((users) => users.length === 2);
	t.deepEqual(names(watcher.received.userLists.at(-1)!), ['bob', 'alice']);
	await waitFor(() => watcher.received.userCounts.at(-1) === 2);

	// A second connection of the same person: no notice, one entry, and that tab gets the list.
	const aliceTab2 = await connectClient(t, server.url, {user: alice});
	await aliceTab2.waitForUserList((users) => users.length === 2);
	await aliceTab2.roundTrip();
	await watcher.roundTrip();
	const users = await requestJson(`${server.url}/api/users`);
	t.deepEqual(users.body, {count: 2, users: [bob, alice]});

	// Closing one of two connections: alice stays.
	const tab1Id = aliceTab1.socket.id!;
	aliceTab1.close();
	await waitFor(() => server.logs.some((line) => line.includes(`disconnect socket=${tab1Id}`)));
	await watcher.roundTrip();
	t.is(watcher.received.messages.filter((m) => m.content === 'alice joined').length, 1);
	t.false(watcher.received.messages.some((m) => m.content === 'alice left'));
	const stillTwo = await requestJson(`${server.url}/api/users`);
	t.is(stillTwo.body.count, 2);

	// Closing the last one: alice leaves.
	aliceTab2.close();
	const left = await watcher.waitForMessage((m) => m.content === 'alice left');
	t.is(left.type, 'system');
	t.false('sender' in left);
	t.false('senderId' in left);
	await watcher.waitForUserList((list) => list.length === 1);
	await waitFor(() => watcher.received.userCounts.at(-1) === 1);
	t.deepEqual(names(watcher.received.userLists.at(-1)!), ['bob']);
});

test('re-join under a new name renames; repeating a join changes nothing', async (t) => {
	const server = await startTestServer(t);
	const client = await connectClient(t, server.url, {user: alice});
	await client.waitForMessage((m) => m.content === 'alice joined');

	client.join(alice);
	await client.roundTrip();
	client.join({...alice, username: 'alicia'});
	const renamed = await client.waitForMessage((m) => m.content === 'alice is now known as alicia');
	t.is(renamed.type, 'system');
	await client.waitForUserList((users) => users[0]?.username === 'alicia');
	t.is(client.received.messages.filter((m) => m.content.includes('joined')).length, 1);

	client.send('after rename');
	const message = await client.waitForMessage((m) => m.content === 'after rename');
	t.is(message.sender, 'alicia');
	t.is(message.senderId, alice.userId);
});

test('one account in two sessions: each keeps its own name, no rename', async (t) => {
	const server = await startTestServer(t);
	const alicia = await connectClient(t, server.url, {user: {userId: 'u-a', username: 'alicia'}});
	await alicia.waitForMessage((m) => m.content === 'alicia joined');
	const logger = await connectClient(t, server.url, {user: {userId: 'u-a', username: 'logger'}});
	await alicia.waitForMessage((m) => m.content === 'logger joined');
	await alicia.waitForUserList((users) => users.length === 2);
	t.deepEqual(names(alicia.received.userLists.at(-1)!), ['alicia', 'logger']);

	logger.send('from the logger');
	const fromLogger = await alicia.waitForMessage((m) => m.content === 'from the logger');
	t.is(fromLogger.sender, 'logger');
	logger.close();
	await alicia.waitForMessage((m) => m.content === 'logger left');

	alicia.send('still me');
	const mine = await alicia.waitForMessage((m) => m.content === 'still me');
	t.like(mine, {sender: 'alicia', senderId: 'u-a'});
	const users = await requestJson(`${server.url}/api/users`);
	t.deepEqual(users.body, {count: 1, users: [{userId: 'u-a', username: 'alicia'}]});
	t.false(alicia.received.messages.some((m) => m.content.includes('is now known as')));
});

test('a message reaches everyone, the sender included', async (t) => {
	const server = await startTestServer(t);
	const sender = await connectClient(t, server.url, {user: alice});
	const other = await connectClient(t, server.url, {user: bob});
	const lurker = await connectClient(t, server.url);
	await sender.waitForMessage((m) => m.content === 'bob joined');

	sender.send('hello all');
	for (const client of [sender, other, lurker]) {
		const message = await client.waitForMessage((m) => m.content === 'hello all');
		t.like(message, {type: 'text', sender: 'alice', senderId: 'u-alice'});
		t.regex(message.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		t.truthy(message.id);
	}

	t.false(
		server.logs.some((line) => line.includes('hello all')),
		'contents are never logged',
	);
});

test('ping is answered with pong', async (t) => {
	const server = await startTestServer(t);
	const client = await connectClient(t, server.url);
	await client.roundTrip();
	await client.roundTrip();
	t.is(client.received.pongs, 2);
});

test('the polling transport works too', async (t) => {
	const server = await startTestServer(t);
	const client = await connectClient(t, server.url, {
		user: alice,
		transports: ['polling'],
	});
	client.send('over polling');
	await client.waitForMessage((m) => m.content === 'over polling');
	t.pass();
});

test('messages before join, invalid joins and invalid messages are ignored and logged', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url, {user: bob});
	const client = await connectClient(t, server.url);

	client.send('too early');
	client.join({userId: '', username: 'x'});
	client.join({userId: 'x', username: 'n'.repeat(65)});
	client.socket.emit('join', 'not an object');
	await client.roundTrip();
	t.true(server.logs.some((line) => line.includes('not joined')));
	t.true(server.logs.some((line) => line.includes('invalid join')));

	client.join(alice);
	client.send('');
	client.send('x'.repeat(2001));
	client.socket.emit('message', {content: 'spoofed', type: 'system'});
	client.socket.emit('message', null);
	client.send('valid');
	await watcher.waitForMessage((m) => m.content === 'valid');
	t.true(server.logs.some((line) => line.includes('invalid message')));
	const contents = watcher.received.messages.map((m) => m.content);
	t.deepEqual(contents, ['bob joined', 'alice joined', 'valid']);
});

test('a line over the limit is answered with a system message to its sender alone', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url, {user: bob});
	const sender = await connectClient(t, server.url, {user: alice});
	await watcher.waitForMessage((m) => m.content === 'alice joined');

	sender.send('x'.repeat(2001));
	sender.send('fits');
	const notice = await sender.waitForMessage((m) => m.content === tooLongNotice);
	t.is(notice.type, 'system');
	t.false('id' in notice, 'not stored, so it has no id');
	t.regex(tooLongNotice, /2000 characters/);
	await watcher.waitForMessage((m) => m.content === 'fits');
	await watcher.roundTrip();
	t.false(watcher.received.messages.some((m) => m.content === tooLongNotice));
	const history = await requestJson(`${server.url}/api/messages`);
	t.false(history.body.messages.some((m: {content: string}) => m.content === tooLongNotice));
});

test('names and content are cleaned before they are stored or relayed', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url, {user: bob});
	const evil = {userId: 'u-\u001B[31mevil', username: 'ev\u202Eil\u001B]0;title\u0007'};
	const sender = await connectClient(t, server.url, {user: evil});
	await watcher.waitForMessage((m) => m.content === 'evil joined');
	await watcher.waitForUserList((users) => users.length === 2);
	t.deepEqual(watcher.received.userLists.at(-1)!.at(-1), {userId: 'u-evil', username: 'evil'});

	sender.send('a\u001B]52;c;aGk=\u0007b\u009B2Jc\u007F\td\ne\u0008');
	const relayed = await watcher.waitForMessage((m) => m.type === 'text');
	t.like(relayed, {content: 'abc\td\ne', sender: 'evil', senderId: 'u-evil'});
	await requestJson(`${server.url}/api/messages`, {
		method: 'POST',
		body: {userId: 'u-\u0000rest', username: 'r\u009D8;;x\u009Cest', content: 'x\u001B[1Ay'},
	});
	await requestJson(`${server.url}/api/broadcast`, {
		method: 'POST',
		body: {content: 'all\u2066 hands\u0007'},
	});
	await watcher.waitForMessage((m) => m.content === 'all hands');
	const history = await requestJson(`${server.url}/api/messages`);
	t.deepEqual(
		history.body.messages.map((m: {content: string; sender?: string}) => [m.sender, m.content]),
		[
			[undefined, 'bob joined'],
			[undefined, 'evil joined'],
			['evil', 'abc\td\ne'],
			['rest', 'xy'],
			[undefined, 'all hands'],
		],
	);
	const users = await requestJson(`${server.url}/api/users`);
	t.deepEqual(users.body.users, [bob, {userId: 'u-evil', username: 'evil'}]);
});

test('POST /api/messages is broadcast over the socket', async (t) => {
	const server = await startTestServer(t);
	const client = await connectClient(t, server.url, {user: bob});
	const {status, body} = await requestJson(`${server.url}/api/messages`, {
		method: 'POST',
		body: {
			userId: 'rest-1',
			username: 'poster',
			content: 'via rest',
			type: 'text',
		},
	});
	t.is(status, 201);
	const received = await client.waitForMessage((m) => m.content === 'via rest');
	t.deepEqual(received, body.message);
	t.like(received, {sender: 'poster', senderId: 'rest-1', type: 'text'});
});

test('POST /api/broadcast and broadcast() send a system message to everyone', async (t) => {
	const server = await startTestServer(t);
	const first = await connectClient(t, server.url, {user: alice});
	const second = await connectClient(t, server.url);
	const {status, body} = await requestJson(`${server.url}/api/broadcast`, {
		method: 'POST',
		body: {content: 'server restarts soon'},
	});
	t.is(status, 200);
	t.true(body.success);
	server.broadcast('from the api');
	for (const client of [first, second]) {
		for (const content of ['server restarts soon', 'from the api']) {
			const message = await client.waitForMessage((m) => m.content === content);
			t.is(message.type, 'system');
			t.is(message.sender, undefined);
		}
	}
});

test('over the rate limit, messages are dropped and logged', async (t) => {
	const server = await startTestServer(t, {
		rateLimit: {messages: 3, perMs: 60_000},
	});
	const client = await connectClient(t, server.url, {user: alice});
	for (let index = 1; index <= 6; index++) {
		client.send(`burst ${index}`);
	}

	// The pong follows every broadcast the server made for the messages sent before it.
	await client.roundTrip();
	const burst = client.received.messages.filter((m) => m.type === 'text').map((m) => m.content);
	t.deepEqual(burst, ['burst 1', 'burst 2', 'burst 3']);
	t.true(server.logs.some((line) => line.includes('rate limited')));

	// The limit is per connection.
	const other = await connectClient(t, server.url, {user: bob});
	other.send('unaffected');
	await other.waitForMessage((m) => m.content === 'unaffected');

	client.close();
	await waitFor(() => server.logs.some((line) => line.includes('refused: rate-limited=3')));
});
