import http from 'node:http';
import test, {type ExecutionContext} from 'ava';
import {closeDispatchers} from '../../source/protocol/dispatcher.js';
import {ChatApiError, type ChatErrorKind} from '../../source/protocol/errors.js';
import {ChatRestApi} from '../../source/protocol/rest-client.js';
import {
	connectClient,
	freePort,
	listenOnLoopback,
	startTestServer,
} from '../helpers/server-harness.js';
import {selfSignedCertificate} from '../helpers/tls.js';

/** Generous: a timeout only decides anything when something is wrong, and the machine may be loaded. */
const patience = {timeoutMs: 20_000};

/** A SafeText (or an absent one) as a plain string, to compare with literals. */
const plain = (text: string | undefined): string | undefined => text;

const ESC = '\u001B';
const forbiddenControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const alice = {userId: 'u-alice', username: 'alice'};

test.after.always(async () => {
	await closeDispatchers();
});

/** A real HTTP peer on an ephemeral loopback port that answers with `handler`; closed at teardown. */
async function startHttpServer(
	t: ExecutionContext,
	handler: http.RequestListener,
): Promise<{url: string; requests: string[]}> {
	const requests: string[] = [];
	const server = http.createServer((request, response) => {
		requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
		handler(request, response);
	});
	return {url: await listenOnLoopback(t, server), requests};
}

async function expectApiError(
	t: ExecutionContext,
	call: Promise<unknown>,
	kind: ChatErrorKind,
	url: string,
): Promise<ChatApiError> {
	const error = await t.throwsAsync(call, {instanceOf: ChatApiError});
	if (!error) {
		throw new Error('no ChatApiError was thrown');
	}

	t.is(error.kind, kind, error.message);
	t.true(error.message.includes(url), `"${error.message}" names ${url}`);
	t.notRegex(error.message, forbiddenControl);
	return error;
}

const json = (response: http.ServerResponse, status: number, body: unknown) => {
	response.writeHead(status, {'content-type': 'application/json'});
	response.end(typeof body === 'string' ? body : JSON.stringify(body));
};

// ---- against the real reference server ----

test('getUsers lists the people online and the count', async (t) => {
	const server = await startTestServer(t);
	const api = new ChatRestApi({baseUrl: `${server.url}/api/`});
	t.is(api.baseUrl, `${server.url}/api`);
	t.deepEqual(await api.getUsers(), {count: 0, users: [], dropped: 0});

	const client = await connectClient(t, server.url, {user: alice});
	await client.waitForUserList((users) => users.length === 1, patience);
	const other = await connectClient(t, server.url, {user: {userId: 'u-bob', username: 'bob'}});
	await other.waitForUserList((users) => users.length === 2, patience);

	t.deepEqual(await api.getUsers(), {
		count: 2,
		users: [alice, {userId: 'u-bob', username: 'bob'}],
		dropped: 0,
	});
});

test('sendMessage returns the stored message; everyone online receives it', async (t) => {
	const server = await startTestServer(t);
	const api = new ChatRestApi({baseUrl: `${server.url}/api`});
	const listener = await connectClient(t, server.url);

	const result = await api.sendMessage({...alice, content: `hi ${ESC}[2Jthere`});
	t.truthy(result.message);
	t.like(result.message, {
		type: 'text',
		content: 'hi there',
		sender: 'alice',
		senderId: 'u-alice',
	});
	t.is(typeof result.message?.id, 'string');
	t.true(Math.abs((result.message?.time ?? 0) - Date.now()) < 60_000);
	t.like(result.body, {success: true});

	// What the server stored and broadcast is the raw text; what the client handed back is clean.
	const live = await listener.waitForMessage((m) => m.senderId === 'u-alice', patience);
	t.is(live.content, `hi ${ESC}[2Jthere`);
	t.is(live.id, result.message?.id);
});

test('getMessages pages from the newest: offset 0 is the latest page', async (t) => {
	const server = await startTestServer(t);
	const api = new ChatRestApi({baseUrl: `${server.url}/api`});
	for (let index = 0; index < 15; index++) {
		await api.sendMessage({...alice, content: `m${index}`});
	}

	const contents = (page: {messages: ReadonlyArray<{content: string}>}) =>
		page.messages
			.map((message) => message.content)
			.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

	const newest = await api.getMessages({limit: 10, offset: 0});
	t.is(newest.total, 15);
	t.is(newest.dropped, 0);
	t.deepEqual(contents(newest), ['m5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12', 'm13', 'm14']);

	const older = await api.getMessages({limit: 10, offset: 10});
	t.is(older.total, 15);
	t.deepEqual(contents(older), ['m0', 'm1', 'm2', 'm3', 'm4']);

	const beyond = await api.getMessages({limit: 10, offset: 50});
	t.deepEqual(beyond.messages, []);

	const byDefault = await api.getMessages();
	t.is(byDefault.messages.length, 15);
	for (const message of byDefault.messages) {
		t.like(message, {type: 'text', sender: 'alice', senderId: 'u-alice'});
	}
});

test('broadcast reaches everyone as a system message and is stored', async (t) => {
	const server = await startTestServer(t);
	const api = new ChatRestApi({baseUrl: `${server.url}/api`});
	const client = await connectClient(t, server.url);

	const answer = await api.broadcast('maintenance at noon');
	t.like(answer, {success: true, message: {type: 'system', content: 'maintenance at noon'}});

	const live = await client.waitForMessage((m) => m.content === 'maintenance at noon', patience);
	t.is(live.type, 'system');
	t.false('sender' in live);

	const page = await api.getMessages({limit: 10});
	const stored = page.messages.find((message) => message.content === 'maintenance at noon');
	t.truthy(stored);
	t.is(stored?.type, 'system');
	t.false(stored && 'sender' in stored);
	t.false(stored && 'senderId' in stored);
});

test('a refused request (400) and an unknown path (404) are http errors with the server text', async (t) => {
	const server = await startTestServer(t);
	const api = new ChatRestApi({baseUrl: `${server.url}/api`});
	const refused = await expectApiError(
		t,
		api.sendMessage({...alice, content: ''}),
		'http',
		`${server.url}/api/messages`,
	);
	t.is(refused.status, 400);
	t.regex(refused.message, /^POST .* failed with HTTP 400: content must be a string/);
	t.is(plain(refused.serverText), 'content must be a string of 1-2000 characters');

	const wrongBase = new ChatRestApi({baseUrl: `${server.url}/nope`});
	const missing = await expectApiError(t, wrongBase.getUsers(), 'http', `${server.url}/nope/users`);
	t.is(missing.status, 404);
	t.is(missing.message, `GET ${server.url}/nope/users failed with HTTP 404: not found`);
});

// ---- against misbehaving peers ----

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

test('HTTP 500 with a JSON {error}: an http error with the (sanitized) server text', async (t) => {
	const failing = await startHttpServer(t, (_request, response) => {
		json(response, 500, {error: `database on fire${ESC}[2J${ESC}]0;owned\u0007 \u009B31mcall ops`});
	});
	const api = new ChatRestApi({baseUrl: `${failing.url}/api`});
	const error = await expectApiError(t, api.getUsers(), 'http', `${failing.url}/api/users`);
	t.is(error.status, 500);
	t.is(plain(error.serverText), 'database on fire call ops');
	t.is(
		error.message,
		`GET ${failing.url}/api/users failed with HTTP 500: database on fire call ops`,
	);
	t.false(error.message.includes(ESC));
});

test('HTTP 502 with an HTML page and an empty 503: http errors', async (t) => {
	const proxy = await startHttpServer(t, (request, response) => {
		if (request.url === '/api/users') {
			response.writeHead(502, {'content-type': 'text/html'});
			response.end('<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>');
		} else {
			response.writeHead(503);
			response.end();
		}
	});
	const api = new ChatRestApi({baseUrl: `${proxy.url}/api`});
	const html = await expectApiError(t, api.getUsers(), 'http', `${proxy.url}/api/users`);
	t.is(html.status, 502);
	t.regex(html.message, /HTTP 502: 502 Bad Gateway nginx$/);
	const empty = await expectApiError(t, api.getMessages(), 'http', `${proxy.url}/api/messages`);
	t.is(empty.status, 503);
	t.regex(empty.message, /failed with HTTP 503$/);
});

test('200 with an HTML body: bad-payload', async (t) => {
	const portal = await startHttpServer(t, (_request, response) => {
		response.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
		response.end('<!doctype html><title>Captive portal</title><p>Log in to continue</p>');
	});
	const api = new ChatRestApi({baseUrl: `${portal.url}/api`});
	const error = await expectApiError(t, api.getUsers(), 'bad-payload', `${portal.url}/api/users`);
	t.is(error.message, `${portal.url}/api/users: the answer is not JSON (text/html)`);
	await expectApiError(t, api.sendMessage({...alice, content: 'x'}), 'bad-payload', portal.url);
});

test('a hostile content-type header does not reach the error message', async (t) => {
	const hostile = await startHttpServer(t, (_request, response) => {
		// Node writes header strings as latin1: U+009B goes out as the byte 0x9B, an 8-bit CSI.
		response.writeHead(200, {'content-type': 'text/html\u009B2J\u009D0;owned\u009C'});
		response.end('<html></html>');
	});
	const api = new ChatRestApi({baseUrl: `${hostile.url}/api`});
	const error = await expectApiError(t, api.getUsers(), 'bad-payload', `${hostile.url}/api/users`);
	t.is(error.message, `${hostile.url}/api/users: the answer is not JSON (text/html)`);
});

test('200 with JSON of the wrong shape: bad-payload; a send answer of any shape is kept', async (t) => {
	const odd = await startHttpServer(t, (request, response) => {
		if (request.url === '/api/users') {
			json(response, 200, {users: 'nope'});
		} else if (request.url === '/api/messages?limit=50&offset=0') {
			json(response, 200, [1, 2, 3]);
		} else {
			json(response, 201, {weird: true});
		}
	});
	const api = new ChatRestApi({baseUrl: `${odd.url}/api`});
	const users = await expectApiError(t, api.getUsers(), 'bad-payload', `${odd.url}/api/users`);
	t.regex(
		users.message,
		/unexpected answer \(users answer: user list: expected an array, got a string\)$/,
	);
	const messages = await expectApiError(
		t,
		api.getMessages(),
		'bad-payload',
		`${odd.url}/api/messages`,
	);
	t.regex(messages.message, /expected an object, got an array\)$/);

	// PROTOCOL.md does not fix the answer to POST /api/messages: any JSON is fine.
	const sent = await api.sendMessage({...alice, content: 'x'});
	t.deepEqual(sent, {body: {weird: true}});
	t.deepEqual(await api.broadcast('x'), {weird: true});
});

test('an answer over 16 MB is a bad payload, not an out-of-memory', async (t) => {
	const chunk = Buffer.alloc(1024 * 1024, 'a');
	const flood = await startHttpServer(t, (_request, response) => {
		response.on('error', () => undefined);
		response.writeHead(200, {'content-type': 'application/json'});
		let sent = 0;
		const pump = () => {
			while (sent < 20 && !response.destroyed) {
				sent++;
				if (!response.write(chunk)) {
					response.once('drain', pump);
					return;
				}
			}

			response.end();
		};

		pump();
	});
	const api = new ChatRestApi({baseUrl: `${flood.url}/api`});
	const error = await expectApiError(t, api.getUsers(), 'bad-payload', `${flood.url}/api/users`);
	t.regex(error.message, /larger than 16 MB$/);
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
