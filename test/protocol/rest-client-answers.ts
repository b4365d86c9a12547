// ChatRestApi against peers that answer badly: HTTP errors, HTML, wrong JSON, oversized answers.
import type http from 'node:http';
import test from 'ava';
import {closeDispatchers} from '../../source/protocol/dispatcher.js';
import {ChatRestApi} from '../../source/protocol/rest-client.js';
import {alice, expectApiError, startHttpServer} from '../helpers/rest-client-fixtures.js';
import {ESC, plain} from '../helpers/safe-text.js';

test.after.always(async () => {
	await closeDispatchers();
});

const json = (response: http.ServerResponse, status: number, body: unknown) => {
	response.writeHead(status, {'content-type': 'application/json'});
	response.end(typeof body === 'string' ? body : JSON.stringify(body));
};

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
	t.deepEqual(await api.broadcast('x'), {body: {weird: true}});
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
