// ChatRestApi when the network fails: nothing listening, no answer in time, untrusted certificates.
import {createServer, type AddressInfo, type Socket} from 'node:net';
import test from 'ava';
import {closeDispatchers} from '../../source/protocol/dispatcher.js';
import {ChatRestApi} from '../../source/protocol/rest-client.js';
import {expectApiError, startHttpServer} from '../helpers/rest-client-fixtures.js';
import {freePort, startTestServer} from '../helpers/server-harness.js';
import {selfSignedCertificate} from '../helpers/tls.js';

test.after.always(async () => {
	await closeDispatchers();
});

test('nothing listening: unreachable, naming the URL', async (t) => {
	const port = await freePort();
	const api = new ChatRestApi({baseUrl: `http://127.0.0.1:${port}/api`});
	const error = await expectApiError(
		t,
		api.getUsers(),
		'unreachable',
		`http://127.0.0.1:${port}/api/users`,
	);
	t.regex(error.message, /^cannot reach .*: ECONNREFUSED$/);
	await expectApiError(
		t,
		api.broadcast('x'),
		'unreachable',
		`http://127.0.0.1:${port}/api/broadcast`,
	);
});

test('a server that never answers: timeout after timeoutMs', async (t) => {
	const silent = await startHttpServer(t, () => {
		// Never answers.
	});
	const api = new ChatRestApi({baseUrl: `${silent.url}/api`, timeoutMs: 300});
	const error = await expectApiError(
		t,
		api.getMessages({limit: 10}),
		'timeout',
		`${silent.url}/api/messages?limit=10&offset=0`,
	);
	t.regex(error.message, /did not answer within 0\.3 s$/);
	// Whether the request got there before the deadline depends on the load; it never got more.
	t.true(silent.requests.length <= 1);
});

test('a server that sends headers and then stalls the body: timeout too', async (t) => {
	const stalling = await startHttpServer(t, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json'});
		response.write('{"count": 1, "us');
	});
	const api = new ChatRestApi({baseUrl: `${stalling.url}/api`, timeoutMs: 300});
	await expectApiError(t, api.getUsers(), 'timeout', `${stalling.url}/api/users`);
});

// ---- TLS ----

test('an untrusted certificate is a tls error; insecure accepts it', async (t) => {
	const tls = await selfSignedCertificate(t);

	const server = await startTestServer(t, tls);
	const strict = new ChatRestApi({baseUrl: `${server.url}/api`});
	const error = await expectApiError(t, strict.getUsers(), 'tls', `${server.url}/api/users`);
	t.true(error.message.includes('--insecure'));

	const insecure = new ChatRestApi({baseUrl: `${server.url}/api`, insecure: true});
	t.deepEqual(await insecure.getUsers(), {count: 0, users: [], dropped: 0});
});

test('a server that takes the connection but never finishes TLS: a connect timeout', async (t) => {
	// A TCP listener that says nothing: the TLS handshake never completes.
	const sockets = new Set<Socket>();
	const mute = createServer((socket) => {
		sockets.add(socket);
	});
	await new Promise<void>((resolve) => {
		mute.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(() => {
		for (const socket of sockets) {
			socket.destroy();
		}

		mute.close();
	});
	const url = `https://127.0.0.1:${(mute.address() as AddressInfo).port}`;
	const api = new ChatRestApi({baseUrl: `${url}/api`, connectTimeoutMs: 300, timeoutMs: 30_000});
	const error = await expectApiError(t, api.getUsers(), 'timeout', `${url}/api/users`);
	t.regex(error.message, /^cannot connect to .*: connection timed out$/);
});

test('a server that closes the connection instead of answering: unreachable, in words', async (t) => {
	const rude = await startHttpServer(t, (request) => {
		request.socket.destroy();
	});
	const api = new ChatRestApi({baseUrl: `${rude.url}/api`});
	const error = await expectApiError(t, api.getUsers(), 'unreachable', `${rude.url}/api/users`);
	// undici's own words, not its code (UND_ERR_SOCKET).
	t.regex(error.message, /^cannot reach .*: other side closed$/);
});
