// socket.io's connection errors in plain words: the mapping, and a real ChatSocket meeting a dead
// port, a plain HTTP server that is not a chat server, and a dropped link.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import test from 'ava';
import {describeConnectError, describeDisconnect} from '../../source/protocol/connect-error.js';
import {freePort} from '../helpers/outage.js';
import {chatSocket, waitFor} from '../helpers/socket-client-fixtures.js';

const transportError = (message: string, description: unknown) =>
	Object.assign(new Error(message), {description});

test('the mapping: no transport jargon', (t) => {
	t.is(describeConnectError(transportError('xhr poll error', 0)), 'cannot reach the server');
	t.is(
		describeConnectError(transportError('xhr poll error', 502)),
		'the server answered HTTP 502 (is it a chat server?)',
	);
	t.is(
		describeConnectError(
			transportError('websocket error', new Error('connect ECONNREFUSED 127.0.0.1:9')),
		),
		'cannot reach the server: connection refused (is the server running?)',
	);
	t.is(
		describeConnectError(
			transportError('websocket error', Object.assign(new Error('x'), {code: 'ENOTFOUND'})),
		),
		'cannot reach the server: no such host',
	);
	t.is(describeConnectError(new Error('timeout')), 'the server did not answer in time');
	t.is(describeDisconnect('transport close'), 'the connection closed');
	t.is(describeDisconnect('ping timeout'), 'the server stopped answering');
	t.is(describeDisconnect('something new'), 'something new');
});

const reasonOf = (state: {status: string; reason?: string}) =>
	state.status === 'reconnecting' ? state.reason : undefined;

test('a dead port, over polling and over WebSocket', async (t) => {
	const url = `http://127.0.0.1:${await freePort()}`;
	for (const transports of [['polling'], ['websocket']] as const) {
		const {chat, seen} = chatSocket(t, url, {transports: [...transports]});
		chat.connect();
		const reason = await waitFor(() => seen.states.map(reasonOf).find(Boolean));
		t.regex(reason, /^cannot reach the server/, `over ${transports[0]}`);
		t.notRegex(reason, /xhr|poll|websocket/);
		chat.close();
	}
});

test('an HTTP server that is not a chat server', async (t) => {
	const server = http.createServer((_request, response) => {
		response.writeHead(404).end('no socket.io here');
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(() => server.close());
	const {port} = server.address() as AddressInfo;
	const {chat, seen} = chatSocket(t, `http://127.0.0.1:${port}`, {transports: ['polling']});
	chat.connect();
	const reason = await waitFor(() => seen.states.map(reasonOf).find(Boolean));
	t.is(reason, 'the server answered HTTP 404 (is it a chat server?)');
});
