// ChatClient against the reference server: a promise per line settled by its echo, lines kept
// while offline and sent in order, pacing under the server's rate limit, timeouts, close.
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {
	ChatClient,
	ChatConnectError,
	ChatSendError,
	MessageTooLongError,
	type ChatClientOptions,
} from '../../source/client/chat-client.js';
import {freePort, proxyTo} from '../helpers/outage.js';
import {startHostileServer} from '../helpers/hostile-server.js';
import {connectClient, startTestServer, waitFor} from '../helpers/server-harness.js';

const fastBackoff = {minMs: 20, maxMs: 100};

function client(t: ExecutionContext, options: ChatClientOptions): ChatClient {
	const chat = new ChatClient({backoff: fastBackoff, ...options});
	t.teardown(() => {
		chat.close();
	});
	return chat;
}

test('a line sent before connecting waits, then resolves with its echo', async (t) => {
	// A server that relays text as it is (the reference server cleans it too).
	const server = await startHostileServer(t);
	const peer = await connectClient(t, server.url);
	const chat = client(t, {url: server.url, username: 'ada', userId: 'u-ada'});
	const echo = chat.sendMessage('early \u001B[31mbird');
	t.is(chat.pendingCount, 1);
	await chat.connect();
	const message = await echo;
	t.like(message, {type: 'text', sender: 'ada', senderId: 'u-ada', content: 'early bird'});
	t.is(chat.pendingCount, 0);
	const received = await peer.waitForMessage((message) => message.sender === 'ada');
	t.is(received.content, 'early bird', 'what goes out is sanitized too');
});

test('pacing keeps a burst under the server rate limit; without it the excess is lost', async (t) => {
	const server = await startTestServer(t, {rateLimit: {messages: 3, perMs: 1000}});
	const lines = ['1', '2', '3', '4', '5', '6'];
	const paced = client(t, {
		url: server.url,
		username: 'paced',
		sendRate: {messages: 2, perMs: 1200},
	});
	await paced.connect();
	const echoes = await Promise.all(lines.map(async (line) => paced.sendMessage(line)));
	t.deepEqual(
		echoes.map((message) => message.content),
		lines,
	);

	const hasty = client(t, {
		url: server.url,
		username: 'hasty',
		sendRate: false,
		echoTimeoutMs: 500,
	});
	await hasty.connect();
	const results = await Promise.allSettled(lines.map(async (line) => hasty.sendMessage(line)));
	const lost = results.filter((result) => result.status === 'rejected');
	t.is(lost.length, 3);
	for (const result of lost) {
		t.true(result.reason instanceof ChatSendError);
	}
});

test('a line sent while the link is down goes out after the reconnect, once', async (t) => {
	const server = await startTestServer(t);
	const proxy = await proxyTo(t, server.port);
	const peer = await connectClient(t, server.url);
	const chat = client(t, {url: proxy.url, username: 'ada', transports: ['websocket']});
	await chat.connect();
	proxy.cut();
	await waitFor(() => chat.state.status === 'reconnecting', {timeoutMs: 20_000});
	const echo = chat.sendMessage('through the outage');
	proxy.restore();
	const message = await echo;
	t.is(String(message.content), 'through the outage');
	await peer.roundTrip();
	t.is(
		peer.received.messages.filter((message) => message.content === 'through the outage').length,
		1,
	);
});

test('connect rejects after its timeout; the client keeps trying until closed', async (t) => {
	const port = await freePort();
	const chat = client(t, {url: `http://127.0.0.1:${port}`, username: 'ada'});
	const error = await t.throwsAsync(chat.connect({timeoutMs: 300}), {instanceOf: ChatConnectError});
	t.regex(
		error.message,
		new RegExp(`cannot connect to http://127\\.0\\.0\\.1:${port} within 0\\.3 s`),
	);
	t.not(chat.state.status, 'offline');
	chat.close();
	t.is(chat.state.status, 'offline');
});

test('close rejects unconfirmed lines; an ignored promise is never an unhandled rejection', async (t) => {
	const port = await freePort();
	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	t.teardown(() => process.off('unhandledRejection', onUnhandled));
	const chat = client(t, {url: `http://127.0.0.1:${port}`, username: 'ada'});
	void chat.sendMessage('ignored');
	const watched = chat.sendMessage('watched');
	chat.close();
	await t.throwsAsync(watched, {
		instanceOf: ChatSendError,
		message: /closed before the server confirmed/,
	});
	await t.throwsAsync(chat.sendMessage('after close'), {instanceOf: ChatSendError});
	t.throws(
		() => {
			void chat.sendMessage('  ');
		},
		{instanceOf: TypeError},
	);
	await new Promise((resolve) => {
		setImmediate(resolve);
	});
	t.deepEqual(unhandled, []);
});

test('with maxLength, a longer line rejects with MessageTooLongError and is never sent', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url);
	const chat = client(t, {url: server.url, username: 'ada', maxLength: 2000});
	await chat.connect();
	const error = await t.throwsAsync(chat.sendMessage('x'.repeat(2345)), {
		instanceOf: MessageTooLongError,
	});
	t.true(error instanceof RangeError);
	t.is(error.message, 'sendMessage: the message is too long (2,345 of 2,000 characters); not sent');
	t.like(error, {characters: 2345, max: 2000});
	t.is(chat.pendingCount, 0);
	// 2,000 emoji are 4,000 UTF-16 units but 2,000 characters, as the server counts: sent.
	const full = await chat.sendMessage('😀'.repeat(2000));
	t.is(String(full.content), '😀'.repeat(2000));
	await peer.waitForMessage((message) => message.sender === 'ada');
	const received = peer.received.messages.filter((message) => message.sender === 'ada');
	t.deepEqual(
		received.map((message) => message.content.length),
		[4000],
		'only the line within the limit reached the server',
	);
	t.false(server.logs.some((line) => line.includes('invalid message')));
});
