// ChatSocket reconnecting: after a restart, a server drop, an unanswered heartbeat, or no server.
import test from 'ava';
import type {ConnectionState} from '../../source/protocol/socket-client.js';
import {connectClient, freePort, requestJson, startTestServer} from '../helpers/server-harness.js';
import {startIoServer} from '../helpers/io-server.js';
import {alice, chatSocket, patience, statuses, waitFor} from '../helpers/socket-client-fixtures.js';

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
	await waitFor(() => seen.joined.length > 0, {description: 'joined'});
	t.deepEqual(seen.joined, [false]);
});

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
	t.regex(
		drop?.status === 'reconnecting' ? drop.reason : '',
		/the server closed the connection|the connection closed/,
	);
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
	// Told without a pong, after a while: the server never answers one.
	await waitFor(() => seen.joined.length >= 2, {description: 'the second join told'});
	t.deepEqual(seen.joined.slice(0, 2), [false, true]);
	// The pings did go out; the server just never answered them.
	await waitFor(() => pings >= 2, {description: 'two pings at the server'});
});
