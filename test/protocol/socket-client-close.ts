// ChatSocket.close(): no retry after it, even a pending one; the process exits; the user leaves.
import {execFile} from 'node:child_process';
import {once} from 'node:events';
import test from 'ava';
import type {ConnectionState} from '../../source/protocol/socket-client.js';
import {connectClient, freePort, startTestServer} from '../helpers/server-harness.js';
import {startIoServer} from '../helpers/io-server.js';
import {chatSocket, patience, statuses, waitFor} from '../helpers/socket-client-fixtures.js';

const socketClientUrl = new URL('../../source/protocol/socket-client.ts', import.meta.url).href;

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
	// The rule reads `output` by its last write (`chunk`) and cannot see that it is a string.
	// eslint-disable-next-line ava/assertion-arguments
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
