// Line mode over real pipes (no terminal): history and live messages out as lines, stdin lines in,
// in order, exit at EOF once the server has echoed them.
import test from 'ava';
import {clockOf, dayOf} from '../../source/subcommands/lines.js';
import {startCli, runCli} from '../helpers/cli-process.js';
import {hostilePayloads} from '../helpers/hostile-corpus.js';
import {startHostileServer} from '../helpers/hostile-server.js';
import {freePort, proxyTo} from '../helpers/outage.js';
import {connectClient, requestJson, startTestServer, waitFor} from '../helpers/server-harness.js';

const messageLine = /^\[\d\d:\d\d:\d\d] /;

async function seed(url: string, content: string, username = 'alice') {
	const answer = await requestJson(`${url}/api/messages`, {
		method: 'POST',
		body: {userId: `u-${username}`, username, content, type: 'text'},
	});
	return answer.body.message as {time: string};
}

test('not a terminal: stdin lines reach the server in order, then EOF exits 0', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: {userId: 'u-peer', username: 'peer'}});
	const lines = Array.from({length: 25}, (_, index) => `line ${index + 1} 张伟 👍🏽`);
	// No --plain: pipes alone mean line mode.
	const result = await runCli(t, ['--server', server.url, '--name', 'piper'], {
		input: `${lines.join('\n')}\n\n`,
	});
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	t.is(result.stderr, '');
	const received = peer.received.messages
		.filter((message) => message.sender === 'piper')
		.map((message) => message.content);
	t.deepEqual(received, lines, 'every line once, in order (25 lines: over the server rate limit)');
	const own = result.stdout.split('\n').filter((line) => line.includes(' piper: '));
	t.deepEqual(
		own.map((line) => line.replace(messageLine, '')),
		lines.map((line) => `piper: ${line}`),
		'the echo of each line is printed',
	);
});

test('history, then live messages, as [HH:MM:SS] name: text', async (t) => {
	const server = await startTestServer(t);
	const first = await seed(server.url, 'from the history');
	const second = await seed(server.url, 'two\nlines', 'bob');
	const run = await startCli(t, ['--plain', '--server', server.url, '--name', 'reader']);
	await run.waitForStdout((out) => out.includes('-!- system: reader joined'), 'own join notice');
	t.deepEqual(run.lines().slice(0, 4), [
		`--- ${dayOf(Date.parse(first.time))} ---`,
		`[${clockOf(Date.parse(first.time))}] alice: from the history`,
		`[${clockOf(Date.parse(second.time))}] bob: two`,
		'           lines',
	]);

	const peer = await connectClient(t, server.url, {user: {userId: 'u-carol', username: 'carol'}});
	peer.send('live hello');
	const live = await peer.waitForMessage((message) => message.content === 'live hello');
	await run.waitForStdout(
		(out) => out.includes(`[${clockOf(Date.parse(live.time))}] carol: live hello\n`),
		'the live message',
	);
	t.is(
		run.lines().filter((line) => line.endsWith('from the history')).length,
		1,
		'history printed once',
	);
	run.end();
	t.like(await run.exited, {code: 0});
});

test('escape codes from the history or a peer never reach stdout', async (t) => {
	// A server that relays text as it is (the reference server cleans it first).
	const server = await startHostileServer(t);
	const [historyPayload, ...livePayloads] = hostilePayloads;
	const time = () => new Date().toISOString();
	server.page = [
		{
			type: 'text',
			content: historyPayload!.text,
			time: time(),
			sender: 'evil\u001B[31m',
			senderId: 'u-evil',
		},
	];
	const run = await startCli(t, ['--plain', '--server', server.url, '--name', 'reader']);
	await run.waitForStdout((out) => out.includes('reader joined'), 'joined');
	for (const payload of livePayloads) {
		server.emit('message', {
			type: 'text',
			content: payload.text,
			time: time(),
			sender: 'evil',
			senderId: 'u-evil',
		});
	}

	await run.waitForStdout((out) => out.includes(livePayloads.at(-1)!.visible), 'the last payload');
	run.end();
	t.like(await run.exited, {code: 0});
	const out = run.stdout();
	for (const payload of hostilePayloads) {
		t.true(out.includes(payload.visible), `${payload.name} shows`);
		for (const forbidden of payload.forbidden) {
			t.false(out.includes(forbidden), `${payload.name}: ${JSON.stringify(forbidden)}`);
		}
	}

	t.notRegex(out, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/, 'no control character at all');
});

test('--json prints one JSON message a line; /quit ends the input', async (t) => {
	const server = await startTestServer(t);
	await seed(server.url, 'old');
	const result = await runCli(t, ['--plain', '--json', '--server', server.url, '--name', 'jay'], {
		input: 'sent\n/quit\nnot sent\n',
	});
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	const messages = result.stdout
		.split('\n')
		.slice(0, -1)
		.map((line) => JSON.parse(line) as Record<string, unknown>);
	t.like(messages[0], {type: 'text', sender: 'alice', content: 'old'});
	t.true(messages.some((message) => message.sender === 'jay' && message.content === 'sent'));
	for (const message of messages) {
		t.regex(message.time as string, /Z$/);
	}

	const page = await requestJson(`${server.url}/api/messages`);
	t.false(
		(page.body.messages as Array<{content: string}>).some(
			(message) => message.content === 'not sent',
		),
	);
});

test('lines the server never confirms: exit 1 with a clear line', async (t) => {
	const port = await freePort();
	const result = await runCli(t, ['--server', `http://127.0.0.1:${port}`, '--name', 'lost'], {
		input: 'hello?\n',
	});
	t.is(result.code, 1);
	t.regex(
		result.stderr,
		new RegExp(
			`chat-tui: the line was not confirmed by http://127\\.0\\.0\\.1:${port} \\(not connected`,
		),
	);
	t.regex(result.stderr, /cannot connect to .*cannot reach the server/);
	t.notRegex(result.stderr, /xhr|poll error|websocket error/, 'plain words');
});

test('never connected, nothing to send: exit 1 saying so in plain words', async (t) => {
	const port = await freePort();
	const result = await runCli(t, ['--plain', '--server', `http://127.0.0.1:${port}`], {
		input: '',
	});
	t.is(result.code, 1);
	t.regex(
		result.stderr,
		new RegExp(`chat-tui: never connected to http://127\\.0\\.0\\.1:${port} \\(cannot reach`),
	);
	t.notRegex(result.stderr, /xhr|poll error/);
});

test('a /me line is printed as the chat shows it: * name action', async (t) => {
	const server = await startTestServer(t);
	const run = await startCli(t, ['--plain', '--server', server.url, '--name', 'reader']);
	await run.waitForStdout((out) => out.includes('reader joined'), 'joined');
	const peer = await connectClient(t, server.url, {user: {userId: 'u-al', username: 'alice'}});
	peer.send('/me waves');
	await run.waitForStdout((out) => out.includes('* alice waves\n'), 'the action');
	t.true(run.lines().some((line) => /^\[\d\d:\d\d:\d\d] \* alice waves$/.test(line)));
	t.false(run.stdout().includes('/me'));
	run.end();
	t.like(await run.exited, {code: 0});
});

test('--listen ignores stdin and keeps printing until a signal', async (t) => {
	const server = await startTestServer(t);
	const run = await startCli(t, ['--listen', '--server', server.url, '--name', 'logger'], {
		input: '',
	});
	await run.waitForStdout((out) => out.includes('logger joined'), 'joined');
	const peer = await connectClient(t, server.url, {user: {userId: 'u-b', username: 'b'}});
	peer.send('after EOF');
	await run.waitForStdout((out) => out.includes('b: after EOF'), 'a message after stdin ended');
	run.kill('SIGTERM');
	t.like(await run.exited, {signal: 'SIGTERM'});
});

test('after a dropped link, the messages missed meanwhile are printed once, in order', async (t) => {
	const server = await startTestServer(t);
	const proxy = await proxyTo(t, server.port);
	const run = await startCli(t, ['--plain', '--server', proxy.url, '--name', 'reader']);
	await run.waitForStdout((out) => out.includes('reader joined'), 'joined');
	proxy.cut();
	await waitFor(() => run.stderr().includes('connection lost'), {timeoutMs: 20_000});
	// More than one page (50) of them.
	const missed = Array.from({length: 60}, (_, index) => `missed ${index + 1}`);
	for (const text of missed) {
		await seed(server.url, text);
	}

	proxy.restore();
	await run.waitForStdout((out) => out.includes('alice: missed 60\n'), 'the missed messages');
	const peer = await connectClient(t, server.url, {user: {userId: 'u-c', username: 'c'}});
	peer.send('live again');
	await run.waitForStdout((out) => out.includes('c: live again'), 'a live message after');
	const texts = run.lines().map((line) => line.replace(messageLine, ''));
	t.deepEqual(
		texts.filter((text) => text.startsWith('alice: missed')),
		missed.map((text) => `alice: ${text}`),
	);
	t.true(texts.indexOf('alice: missed 60') < texts.indexOf('c: live again'));
	t.regex(run.stderr(), /chat-tui: connection lost \(.*\); reconnecting\nchat-tui: connected to /);
	run.end();
	t.like(await run.exited, {code: 0});
});

test('a line over the server limit: the server says why, and only this client sees it', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: {userId: 'u-peer', username: 'peer'}});
	// A client that allows longer lines than the server does (--max-length), as the guide's does.
	const run = await startCli(t, [
		'--plain',
		'--server',
		server.url,
		'--name',
		'longwinded',
		'--max-length',
		'4000',
	]);
	await run.waitForStdout(
		(out) => out.includes('-!- system: longwinded joined'),
		'own join notice',
	);
	run.write(`${'x'.repeat(2001)}\nshort one\n`);
	await run.waitForStdout(
		(out) => out.includes('-!- system: Not sent: a message may have at most 2000 characters.'),
		'the server notice',
		20_000,
	);
	await peer.waitForMessage((message) => message.content === 'short one');
	await peer.roundTrip();
	t.false(peer.received.messages.some((message) => message.content.startsWith('Not sent')));
	run.kill();
});
