// ChatSocket.send(): delivered while connected; refused while not, and never replayed later.
import test from 'ava';
import {connectClient, startTestServer} from '../helpers/server-harness.js';
import {startIoServer} from '../helpers/io-server.js';
import {chatSocket, patience, waitFor} from '../helpers/socket-client-fixtures.js';

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
