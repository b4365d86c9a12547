// Never lose a message, end to end, at the edges of a session: a server that is not there yet,
// quitting with unsent lines (kept on disk, sent by the next start), and the status bar's states.
import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {
	inputRow,
	messageLinePattern,
	type ChatTerminal,
	panelLines,
	screenRows,
	startChat,
	waitForOnline,
	waitForInput,
} from '../helpers/chat-terminal.js';
import {
	alice,
	bob,
	freePort,
	linesOf,
	patience,
	pendingLine,
	proxyTo,
	reconnectingPattern,
	startBlackHole,
	statusOf,
	typeLine,
	waitForLogLine,
	waitForStatus,
} from '../helpers/outage.js';
import {connectClient, startTestServer, waitFor} from '../helpers/server-harness.js';

const nameAndId = {name: alice.username, userId: alice.userId};

const isEmpty = (list: readonly unknown[]) => list.length === 0;

/** The outbox files in a config home. */
async function outboxFiles(configHome: string): Promise<string[]> {
	const directory = path.join(configHome, 'chat-tui');
	const names = await readdir(directory).catch(() => []);
	return names
		.filter((name) => /^outbox-.+\.json$/.test(name))
		.map((name) => path.join(directory, name));
}

test.serial(
	'server unreachable at start: a "Cannot reach" box, then the chat once it is up',
	async (t) => {
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		const terminal = await startChat(t, {server: url, ...nameAndId});
		await terminal.waitFor(
			(screen) =>
				screen.includes(`Cannot reach ${url}`) &&
				screen.includes('ECONNREFUSED') &&
				/retrying in \d+ s/.test(screen),
			'the "Cannot reach" box with the error',
			patience,
		);
		const box = terminal.screenText();
		// The box says why (the REST call's error, which names the URL and the refusal).
		t.true(box.includes(`cannot reach`) && box.includes('ECONNREFUSED'));
		t.regex(box, /retrying in \d+ s \(try \d+\)/);
		t.regex(statusOf(terminal), reconnectingPattern);

		await startTestServer(t, {port});
		await waitForOnline(terminal);
		await terminal.waitFor(
			(screen) => panelLines(screenRows(screen))?.[0] === 'Online (1)',
			'the Online panel',
			patience,
		);
		const screen = screenRows(terminal.screenText());
		t.deepEqual(panelLines(screen), ['Online (1)', 'alice (me)']);
		t.false(terminal.screenText().includes('Cannot reach'));
		await waitForLogLine(terminal, (line) => line.endsWith('-!- system: alice joined'), 'our join');
	},
);

const quitQuestion = '1 unsent lines are kept and go out when you come back. Quit now? (y/n)';

/** Ctrl-C with a line unsent asks; "n" keeps the chat running, a second Ctrl-C and "y" quit. */
async function quitAfterAsking(t: ExecutionContext, terminal: ChatTerminal) {
	terminal.write('\u0003');
	await waitForInput(terminal, quitQuestion, 'the question');
	terminal.write('n');
	await waitForInput(terminal, '> ', 'the input line back after "n"');
	// Still running: typing echoes.
	terminal.write('still here');
	await waitForInput(terminal, '> still here', 'typing after "n"');
	terminal.write('\u0015');
	await terminal.waitFor(
		(screen) => !inputRow(screenRows(screen)).includes('still here'),
		'the line cleared',
	);

	terminal.write('\u0003');
	await waitForInput(terminal, quitQuestion, 'the question again');
	terminal.write('y');
	t.deepEqual(await terminal.exited, {exitCode: 0});
	t.false(terminal.inAlternateScreen(), 'back on the main screen');
	t.true(terminal.cursorVisible(), 'the cursor is visible');
}

/** The one outbox file holds the line, readable by the user alone. */
async function assertKeptOnDisk(t: ExecutionContext, configHome: string) {
	const files = await outboxFiles(configHome);
	t.is(files.length, 1, 'one outbox file');
	const {mode} = await stat(files[0]!);
	// eslint-disable-next-line no-bitwise
	t.is(mode & 0o777, 0o600, 'only the user may read it');
	const saved = JSON.parse(await readFile(files[0]!, 'utf8')) as Array<{content: string}>;
	t.deepEqual(
		saved.map((line) => line.content),
		['kept for later'],
	);
}

test.serial(
	'quitting with unsent lines asks first; the line is kept on disk and sent once by the next start',
	async (t) => {
		const server = await startTestServer(t);
		const proxy = await proxyTo(t, server.port);
		const peer = await connectClient(t, server.url, {user: bob});
		const first = await startChat(t, {server: proxy.url, ...nameAndId});
		await waitForOnline(first);

		proxy.cut();
		await waitForStatus(first, reconnectingPattern);
		await typeLine(first, 'kept for later');
		await waitForLogLine(
			first,
			(line) => pendingLine('kept for later').test(line),
			'the line queued',
		);
		await quitAfterAsking(t, first);
		await assertKeptOnDisk(t, first.configHome);
		t.deepEqual(
			peer.received.messages.filter((message) => message.content === 'kept for later'),
			[],
			'not sent before the quit',
		);

		proxy.restore();
		const second = await startChat(t, {
			server: proxy.url,
			...nameAndId,
			configHome: first.configHome,
		});
		await waitForOnline(second);
		await peer.waitForMessage(
			(message) => message.content === 'kept for later' && message.senderId === alice.userId,
			{timeoutMs: patience},
		);
		await waitForLogLine(
			second,
			(line) => messageLinePattern('alice', 'kept for later', {me: true}).test(line),
			'the restored line, confirmed',
		);
		await typeLine(second, 'marker after the restore');
		await peer.waitForMessage((message) => message.content === 'marker after the restore', {
			timeoutMs: patience,
		});
		t.is(
			peer.received.messages.filter((message) => message.content === 'kept for later').length,
			1,
		);
		// Sent and echoed: the outbox is empty again, and its file gone.
		await waitFor(async () => isEmpty(await outboxFiles(first.configHome)), {
			timeoutMs: patience,
			description: 'the outbox file removed',
		});
		t.false(linesOf(second).some((line) => line.endsWith('(queued)')));
	},
);

test.serial(
	'the status bar: connecting, online with the round trip, reconnecting with try and countdown',
	async (t) => {
		const server = await startTestServer(t);
		// First to a listener that never answers: the client stays "connecting".
		const hole = await startBlackHole(t);
		const proxy = await proxyTo(t, hole.port);
		const terminal = await startChat(t, {server: proxy.url, ...nameAndId});
		await waitForStatus(terminal, /◌ connecting…/);
		t.regex(statusOf(terminal), /^ 127\.0\.0\.1:\d+ │ ◌ connecting… │ alice/);
		await waitFor(() => hole.held() > 0, {timeoutMs: patience, description: 'a held connection'});

		// The held connection breaks: a retry, and it goes to the real server.
		proxy.retarget(server.port);
		hole.release();
		await waitForStatus(terminal, /● online \d+ ms/);
		t.regex(statusOf(terminal), /^ 127\.0\.0\.1:\d+ │ ● online \d+ ms │ alice/);

		proxy.cut();
		await waitForStatus(terminal, /◌ reconnecting \(try 1, retry in \d+ s\)/);
		// Every failed try counts up, and waits longer (backoff): try 3 waits 1-2 s.
		await waitForStatus(
			terminal,
			/^ 127\.0\.0\.1:\d+ │ ◌ reconnecting \(try 3, retry in [12] s\) │ alice/,
		);

		proxy.restore();
		await waitForOnline(terminal);
		t.notRegex(statusOf(terminal), /connecting/);
	},
);
