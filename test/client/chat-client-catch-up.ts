// The SDK's ChatClient keeps the chat's timeline: after a dropped link it catches up over REST,
// and `message` tells each missed message once, in order, before the live ones; equal lines stay
// two messages. Against the reference server, through a TCP proxy that cuts the link.
import test from 'ava';
import {ChatClient} from '../../source/client/chat-client.js';
import type {Message} from '../../source/protocol/types.js';
import {seedMessage} from '../helpers/chat-terminal.js';
import {alice, proxyTo} from '../helpers/outage.js';
import {connectClient, startTestServer, waitFor} from '../helpers/server-harness.js';

test('after a dropped link, the missed messages are told once, in order, equal ones kept', async (t) => {
	const server = await startTestServer(t);
	const proxy = await proxyTo(t, server.port);
	const chat = new ChatClient({
		url: proxy.url,
		apiUrl: `${server.url}/api`,
		username: 'ada',
		userId: 'u-ada',
		backoff: {minMs: 20, maxMs: 100},
	});
	t.teardown(() => {
		chat.close();
	});
	const told: Message[] = [];
	const reports: Array<{reconnect: boolean; added: number}> = [];
	chat.on('message', (message) => {
		told.push(message);
	});
	chat.on('caughtUp', ({reconnect, added}) => {
		reports.push({reconnect, added: added.length});
	});
	await chat.connect();
	await chat.caughtUp();
	await waitFor(() => told.some((message) => message.content.includes('ada joined')));

	proxy.cut();
	await waitFor(() => chat.state.status === 'reconnecting', {timeoutMs: 20_000});
	// More than a page of them, two equal lines among them.
	const missed = [...Array.from({length: 55}, (_, n) => `missed ${n + 1}`), '+1', '+1'];
	for (const text of missed) {
		await seedMessage(server.url, alice, text);
	}

	proxy.restore();
	await waitFor(() => reports.some((report) => report.reconnect), {timeoutMs: 20_000});
	const peer = await connectClient(t, server.url, {user: {userId: 'u-c', username: 'c'}});
	peer.send('live again');
	await waitFor(() => told.some((message) => message.content === 'live again'));

	const texts: string[] = told.map((message) => message.content);
	t.deepEqual(
		texts.filter((text) => text.startsWith('missed') || text === '+1'),
		missed,
		'each missed message once, in order, both "+1" lines',
	);
	t.true(texts.indexOf('+1') < texts.indexOf('live again'), 'missed ones before the live one');
	t.deepEqual(
		chat.messages.filter((message) => message.sender === 'alice').map((each) => each.content),
		missed,
		'the timeline holds them too',
	);
});
