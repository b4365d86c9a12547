import {Agent, request} from 'undici';
import test from 'ava';
import {startServer} from '../../source/server/index.js';
import {connectClient, requestJson, startTestServer, waitFor} from '../helpers/server-harness.js';

const quiet = () => undefined;

test('close() is prompt with keep-alive HTTP and live sockets, and idempotent', async (t) => {
	const server = await startTestServer(t);
	const agent = new Agent({keepAliveTimeout: 60_000});
	t.teardown(async () => agent.close());
	const response = await request(`${server.url}/api/users`, {
		dispatcher: agent,
	});
	t.is(response.statusCode, 200);
	await response.body.json();
	const client = await connectClient(t, server.url, {
		user: {userId: 'u', username: 'u'},
	});
	const polling = await connectClient(t, server.url, {transports: ['polling']});
	await client.roundTrip();
	await polling.roundTrip();

	const started = Date.now();
	const disconnected = new Promise((resolve) => {
		client.socket.once('disconnect', resolve);
	});
	await Promise.all([server.close(), server.close()]);
	await server.close();
	t.true(Date.now() - started < 2000, `closed in ${Date.now() - started} ms`);
	await disconnected;
	await t.throwsAsync(requestJson(`${server.url}/api/users`));
	server.broadcast('after close is ignored');
});

test('a taken port makes startServer reject', async (t) => {
	const server = await startTestServer(t);
	await t.throwsAsync(startServer({port: server.port, log: quiet}), {
		code: 'EADDRINUSE',
	});
});

test('options are checked', async (t) => {
	await t.throwsAsync(startServer({port: 0, cert: 'only a cert', log: quiet}), {
		instanceOf: TypeError,
	});
	await t.throwsAsync(startServer({port: 0, historyLimit: 0, log: quiet}), {
		instanceOf: RangeError,
	});
	await t.throwsAsync(startServer({port: 0, rateLimit: {messages: 0, perMs: 1000}, log: quiet}), {
		instanceOf: RangeError,
	});
});

test('connections are logged with the user when known', async (t) => {
	const server = await startTestServer(t);
	const client = await connectClient(t, server.url, {
		user: {userId: 'id-\u001B[31m', username: 'evil\u001B]0;x\u0007'},
	});
	await client.waitForMessage((m) => m.type === 'system');
	const id = client.socket.id!;
	t.true(server.logs.some((line) => line.includes(`connect socket=${id}`)));
	client.close();
	const line = await waitFor(() =>
		server.logs.find((entry) => entry.includes(`disconnect socket=${id}`)),
	);
	// The server cleans names as they come in; quoteForLog (test/server/units.ts) guards the rest.
	t.true(line.includes(`user="evil" userId="id-"`), `line ${line}`);
	t.notRegex(server.logs.join(''), /[\u0000-\u001F]/);
});
