// Never lose a message, end to end: the built client in a pty, a real server, and a TCP proxy
// between them that the test cuts. Messages missed during an outage are loaded once each; lines
// typed during it go out once each, in order; a server restart with --data loses nothing.
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {
	messageLinePattern,
	seedMessage,
	startChat,
	waitForOnline,
} from '../helpers/chat-terminal.js';
import {
	alice,
	bob,
	countEndingWith,
	freePort,
	gapNoticePattern,
	linesOf,
	patience,
	pendingLine,
	proxyTo,
	reconnectingPattern,
	typeLine,
	waitForLogLine,
	waitForStatus,
} from '../helpers/outage.js';
import {
	connectClient,
	requestJson,
	startTestServer,
	type TestClient,
} from '../helpers/server-harness.js';

const nameAndId = {name: alice.username, userId: alice.userId};

const fromAlice = (peer: TestClient) =>
	peer.received.messages
		.filter((message) => message.type === 'text' && message.senderId === alice.userId)
		.map((message) => message.content);

/** Index of the (first) log line that is `name`'s message `text`; -1 if none. */
const lineIndex = (lines: readonly string[], name: string, text: string) =>
	lines.findIndex((line) => messageLinePattern(name, text).test(line));

test.serial(
	'messages others send during an outage appear once each, in order, after the reconnect',
	async (t) => {
		const server = await startTestServer(t);
		const proxy = await proxyTo(t, server.port);
		const peer = await connectClient(t, server.url, {user: bob});
		const terminal = await startChat(t, {server: proxy.url, ...nameAndId});
		await waitForOnline(terminal);
		await peer.waitForUserList((users) => users.some((user) => user.userId === alice.userId), {
			timeoutMs: patience,
		});

		proxy.cut();
		const missed = ['missed one', 'missed two', 'missed three'];
		for (const text of missed) {
			peer.send(text);
		}

		await waitForStatus(terminal, reconnectingPattern);
		// The drop is noted in the log too, in plain words, as the return will be.
		await waitForLogLine(
			terminal,
			(line) => /-!- connection lost \(.+\); reconnecting…$/.test(line),
			'the connection-lost notice',
		);
		t.false(linesOf(terminal).some((line) => /xhr|poll error|transport/.test(line)));
		// The server has stored all three (it echoed the last one to the peer)...
		await peer.waitForMessage((message) => message.content === 'missed three', {
			timeoutMs: patience,
		});
		// ...and none reached the client: the link really is down.
		t.deepEqual(
			missed.map((text) => countEndingWith(linesOf(terminal), text)),
			[0, 0, 0],
		);
		t.false(gapNoticePattern.test(linesOf(terminal).join('\n')));

		proxy.restore();
		await waitForOnline(terminal);
		await waitForLogLine(terminal, (line) => gapNoticePattern.test(line), 'the gap-fill notice');
		await waitForLogLine(
			terminal,
			(line) => messageLinePattern('bob', 'missed three').test(line),
			'the last missed message',
		);

		const lines = linesOf(terminal);
		t.deepEqual(
			missed.map((text) => countEndingWith(lines, text)),
			[1, 1, 1],
			'each missed message exactly once',
		);
		const positions = missed.map((text) => lineIndex(lines, 'bob', text));
		t.true(positions[0]! >= 0 && positions[0]! < positions[1]! && positions[1]! < positions[2]!);
		// The notice counts at least the three (the server's "alice left" notice was missed too).
		const notices = lines.filter((line) => gapNoticePattern.test(line));
		t.is(notices.length, 1, 'one notice for one reconnect');
		t.true(Number(gapNoticePattern.exec(notices[0]!)![1]) >= missed.length);
	},
);

test.serial('lines typed during an outage reach the server once each, in order', async (t) => {
	const server = await startTestServer(t);
	const proxy = await proxyTo(t, server.port);
	const peer = await connectClient(t, server.url, {user: bob});
	const terminal = await startChat(t, {server: proxy.url, ...nameAndId});
	await waitForOnline(terminal);

	proxy.cut();
	await waitForStatus(terminal, reconnectingPattern);
	const typed = ['queued one', 'queued two', 'queued three'];
	for (const text of typed) {
		await typeLine(terminal, text);
		await waitForLogLine(terminal, (line) => pendingLine(text).test(line), `"${text}" queued`);
	}

	// Nothing went out while the link was down.
	t.deepEqual(fromAlice(peer), []);
	t.deepEqual(
		typed.map((text) => linesOf(terminal).filter((line) => pendingLine(text).test(line)).length),
		[1, 1, 1],
	);

	proxy.restore();
	await waitForOnline(terminal);
	await peer.waitForMessage(
		(message) => message.content === 'queued three' && message.senderId === alice.userId,
		{timeoutMs: patience},
	);
	// The echoes replace the queued copies.
	await terminal.waitFor(
		() => linesOf(terminal).every((line) => !line.endsWith('(queued)')),
		'no (queued) mark left',
		patience,
	);

	// A later line from the same client: once the peer has it, everything before it has arrived.
	await typeLine(terminal, 'marker after the queue');
	await peer.waitForMessage((message) => message.content === 'marker after the queue', {
		timeoutMs: patience,
	});
	t.deepEqual(fromAlice(peer), [...typed, 'marker after the queue']);

	await waitForLogLine(
		terminal,
		(line) => messageLinePattern('alice', 'marker after the queue', {me: true}).test(line),
		'the marker, confirmed',
	);
	const lines = linesOf(terminal);
	t.deepEqual(
		typed.map((text) => countEndingWith(lines, text)),
		[1, 1, 1],
		'each typed line shown once, confirmed',
	);
	t.false(lines.some((line) => /\((queued|sending…|not sent)\)$/.test(line)));
});

test.serial(
	'a server restart with --data: the line typed meanwhile arrives once, history is not doubled',
	async (t) => {
		const directory = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-outage-'));
		t.teardown(async () => rm(directory, {recursive: true, force: true}));
		const dataFile = path.join(directory, 'messages.jsonl');
		const port = await freePort();
		const first = await startTestServer(t, {port, dataFile});
		const history = ['old one', 'old two', 'old three'];
		for (const text of history) {
			await seedMessage(first.url, bob, text);
		}

		const terminal = await startChat(t, {server: first.url, ...nameAndId});
		await waitForOnline(terminal);
		await waitForLogLine(
			terminal,
			(line) => messageLinePattern('bob', 'old three').test(line),
			'history',
		);

		await first.close();
		await waitForStatus(terminal, reconnectingPattern);
		await typeLine(terminal, 'typed while the server was down');
		await waitForLogLine(
			terminal,
			(line) => pendingLine('typed while the server was down').test(line),
			'the line queued',
		);

		const second = await startTestServer(t, {port, dataFile});
		t.is(second.url, first.url);
		t.true(second.messageCount() >= history.length, 'the new server read the data file');
		await waitForOnline(terminal);
		await waitForLogLine(
			terminal,
			(line) =>
				messageLinePattern('alice', 'typed while the server was down', {me: true}).test(line),
			'the line confirmed by the new server',
		);
		await waitForLogLine(terminal, (line) => gapNoticePattern.test(line), 'the gap-fill notice');

		// A later line: once the server stored it, it has stored everything sent before it.
		await typeLine(terminal, 'marker after the restart');
		const stored = async () => {
			const answer = await requestJson(`${second.url}/api/messages?limit=100&offset=0`);
			return (answer.body.messages as Array<{content: string; senderId?: string}>)
				.filter((message) => message.senderId === alice.userId)
				.map((message) => message.content);
		};

		await terminal.waitFor(
			() => linesOf(terminal).some((line) => line.endsWith('  marker after the restart')),
			'the marker shown',
			patience,
		);
		const ours = await stored();
		t.true(ours.includes('marker after the restart'));
		t.is(ours.filter((content) => content === 'typed while the server was down').length, 1);

		const lines = linesOf(terminal);
		t.deepEqual(
			history.map((text) => countEndingWith(lines, text)),
			[1, 1, 1],
			'the history, reloaded by the new server, is shown once',
		);
		t.is(countEndingWith(lines, 'typed while the server was down'), 1);
		t.false(lines.some((line) => line.endsWith('(queued)')));
	},
);
