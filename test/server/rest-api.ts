import test from 'ava';
import {requestJson, startTestServer} from '../helpers/server-harness.js';

const marker = 'ECHO-MARKER-7f3a';

const poster = {userId: 'rest-user', username: 'Rest'};

async function postText(url: string, content: string) {
	return requestJson(`${url}/api/messages`, {
		method: 'POST',
		body: {...poster, content, type: 'text'},
	});
}

test('GET /api/messages pages from the newest, oldest first within a page', async (t) => {
	const server = await startTestServer(t);
	for (let index = 1; index <= 7; index++) {
		const {status} = await postText(server.url, `m${index}`);
		t.is(status, 201);
	}

	const page = async (query: string) => {
		const {status, body} = await requestJson(`${server.url}/api/messages${query}`);
		t.is(status, 200);
		t.is(body.total, 7);
		return (body.messages as Array<{content: string}>).map((message) => message.content);
	};

	t.deepEqual(await page('?limit=3&offset=0'), ['m5', 'm6', 'm7']);
	t.deepEqual(await page('?limit=3&offset=3'), ['m2', 'm3', 'm4']);
	t.deepEqual(await page('?limit=3&offset=6'), ['m1']);
	t.deepEqual(await page('?limit=3&offset=7'), []);
	t.deepEqual(await page('?limit=3&offset=1000'), []);
	t.deepEqual(await page(''), ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
	t.deepEqual(await page('?limit=0'), ['m7'], 'limit is clamped up to 1');
	t.deepEqual(await page('?offset=5'), ['m1', 'm2']);
});

test('GET /api/messages clamps the page size to 500', async (t) => {
	const server = await startTestServer(t);
	for (let index = 0; index < 520; index++) {
		server.broadcast(`b${index}`);
	}

	const {body} = await requestJson(`${server.url}/api/messages?limit=100000`);
	t.is(body.total, 520);
	t.is(body.messages.length, 500);
	t.is(body.messages[0].content, 'b20');
	t.is(body.messages.at(-1).content, 'b519');
	t.is(server.messageCount(), 520);
});

test('GET /api/messages refuses bad numbers with 400', async (t) => {
	const server = await startTestServer(t);
	for (const query of [`limit=${marker}`, 'limit=-1', 'offset=1.5', 'offset=', 'limit=1e3']) {
		const {status, body} = await requestJson(`${server.url}/api/messages?${query}`);
		t.is(status, 400, `query ${query}`);
		t.is(typeof body.error, 'string');
		t.false(JSON.stringify(body).includes(marker));
	}
});

test('a stored message has the documented shape', async (t) => {
	const server = await startTestServer(t);
	const {status, body, headers} = await postText(server.url, 'hello');
	t.is(status, 201);
	t.is(headers.get('content-type'), 'application/json; charset=utf-8');
	t.true(body.success);
	const {message} = body;
	t.deepEqual(Object.keys(message), ['id', 'type', 'content', 'time', 'sender', 'senderId']);
	t.like(message, {
		type: 'text',
		content: 'hello',
		sender: 'Rest',
		senderId: 'rest-user',
	});
	t.regex(message.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	t.is(typeof message.id, 'string');
	const listed = await requestJson(`${server.url}/api/messages`);
	t.deepEqual(listed.body.messages, [message]);
});

test('POST /api/messages validates its body without echoing it', async (t) => {
	const server = await startTestServer(t);
	const cases: Array<[string, string]> = [
		['not json', `{"content": "${marker}"`],
		['a JSON array', JSON.stringify([marker])],
		['missing content', JSON.stringify({...poster, type: 'text'})],
		['content not a string', JSON.stringify({...poster, content: 42})],
		['empty content', JSON.stringify({...poster, content: ''})],
		['blank content', JSON.stringify({...poster, content: ' \n\t '})],
		['content too long', JSON.stringify({...poster, content: marker.repeat(200)})],
		['missing userId', JSON.stringify({username: 'x', content: marker})],
		['missing username', JSON.stringify({userId: 'x', content: marker})],
		['username too long', JSON.stringify({...poster, username: 'u'.repeat(65), content: marker})],
		['userId too long', JSON.stringify({...poster, userId: 'i'.repeat(129), content: marker})],
		['wrong type', JSON.stringify({...poster, content: marker, type: 'system'})],
		['empty body', ''],
	];
	for (const [name, rawBody] of cases) {
		const response = await requestJson(`${server.url}/api/messages`, {
			method: 'POST',
			rawBody,
		});
		t.is(response.status, 400, `case ${name}`);
		t.is(typeof response.body?.error, 'string', `case ${name}`);
		t.false(JSON.stringify(response.body).includes(marker), `case ${name}`);
		t.is(response.headers.get('content-type'), 'application/json; charset=utf-8');
	}

	const {body} = await requestJson(`${server.url}/api/messages`);
	t.is(body.total, 0, 'nothing invalid was stored');
});

test('content of exactly 2000 characters (astral ones included) is accepted', async (t) => {
	const server = await startTestServer(t);
	const plain = await postText(server.url, 'a'.repeat(2000));
	t.is(plain.status, 201);
	const astral = await postText(server.url, '😀'.repeat(2000));
	t.is(astral.status, 201);
	const tooLong = await postText(server.url, '😀'.repeat(2001));
	t.is(tooLong.status, 400);
});

test('bodies over 64 KiB get a JSON 413, declared or streamed', async (t) => {
	const server = await startTestServer(t);
	const big = JSON.stringify({...poster, content: marker.repeat(10_000)});
	const declared = await requestJson(`${server.url}/api/messages`, {
		method: 'POST',
		rawBody: big,
	});
	t.is(declared.status, 413);
	t.is(typeof declared.body.error, 'string');
	t.false(JSON.stringify(declared.body).includes(marker));

	// No content-length: the limit is enforced while reading.
	const encoded = new TextEncoder().encode(big);
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let start = 0; start < encoded.length; start += 8192) {
				controller.enqueue(encoded.slice(start, start + 8192));
			}

			controller.close();
		},
	});
	const streamed = await fetch(`${server.url}/api/messages`, {
		method: 'POST',
		body: stream,
		duplex: 'half',
	});
	t.is(streamed.status, 413);
	t.is(streamed.headers.get('content-type'), 'application/json; charset=utf-8');
	const body = (await streamed.json()) as {error: unknown};
	t.is(typeof body.error, 'string');
	t.is(server.messageCount(), 0);
});

test('unknown routes are JSON 404, wrong methods JSON 405', async (t) => {
	const server = await startTestServer(t);
	for (const path of ['/', '/api', '/api/nope', `/api/${marker}`, '/index.html']) {
		const {status, body, headers} = await requestJson(`${server.url}${path}`);
		t.is(status, 404, `path ${path}`);
		t.deepEqual(body, {error: 'not found'});
		t.is(headers.get('content-type'), 'application/json; charset=utf-8');
	}

	for (const [method, path] of [
		['DELETE', '/api/messages'],
		['PUT', '/api/messages'],
		['POST', '/api/users'],
		['GET', '/api/broadcast'],
	] as const) {
		const {status, body, headers} = await requestJson(`${server.url}${path}`, {
			method,
		});
		t.is(status, 405, `${method} ${path}`);
		t.is(typeof body.error, 'string');
		t.is(headers.get('content-type'), 'application/json; charset=utf-8');
		t.truthy(headers.get('allow'));
	}
});

test('GET /api/users answers count and users', async (t) => {
	const server = await startTestServer(t);
	const {status, body} = await requestJson(`${server.url}/api/users`);
	t.is(status, 200);
	t.deepEqual(body, {count: 0, users: []});
});

test('POST /api/broadcast validates content', async (t) => {
	const server = await startTestServer(t);
	const ok = await requestJson(`${server.url}/api/broadcast`, {
		method: 'POST',
		body: {content: 'maintenance at noon'},
	});
	t.is(ok.status, 200);
	t.true(ok.body.success);
	const bad = await requestJson(`${server.url}/api/broadcast`, {
		method: 'POST',
		body: {content: ''},
	});
	t.is(bad.status, 400);
	const {body} = await requestJson(`${server.url}/api/messages`);
	t.is(body.total, 1);
	t.like(body.messages[0], {type: 'system', content: 'maintenance at noon'});
	t.false('sender' in body.messages[0]);
});

test('socket.io keeps its own path', async (t) => {
	const server = await startTestServer(t);
	const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
	t.is(response.status, 200);
	t.regex(await response.text(), /^0{"sid":/);
});
