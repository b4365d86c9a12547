// ChatRestApi against the reference server: users, send, pages, broadcast, the server's refusals.
import test from 'ava';
import {closeDispatchers} from '../../source/protocol/dispatcher.js';
import {ChatRestApi} from '../../source/protocol/rest-client.js';
import {alice, expectApiError} from '../helpers/rest-client-fixtures.js';
import {ESC, plain} from '../helpers/safe-text.js';
import {connectClient, startTestServer} from '../helpers/server-harness.js';

/** Generous: a timeout only decides anything when something is wrong, and the machine may be loaded. */
const patience = {timeoutMs: 20_000};

test.after.always(async () => {
	await closeDispatchers();
});

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

	// The reference server cleans what it stores and broadcasts too (test/server/socket-events.ts);
	// the client's own cleaning of hostile answers is tested in rest-client-answers.ts.
	const live = await listener.waitForMessage((m) => m.senderId === 'u-alice', patience);
	t.is(live.content, 'hi there');
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
	t.like(answer, {
		message: {type: 'system', content: 'maintenance at noon'},
		body: {success: true},
	});

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
