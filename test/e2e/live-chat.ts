// Live chat against the real server: another client's messages and presence, and our own lines.
import test from 'ava';
import {connectClient, startTestServer} from '../helpers/server-harness.js';
import {
	inputRow,
	logLines,
	messageLinePattern,
	panelLines,
	screenRows,
	startChat,
	statusRow,
	waitForOnline,
	waitForInput,
	waitForLogLine,
} from '../helpers/chat-terminal.js';

const alice = {userId: 'u-alice', username: 'alice'};
const bob = {userId: 'u-bob', username: 'bob'};

test('a peer joins, talks and leaves: log, panel and count follow', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {
		server: server.url,
		name: alice.username,
		userId: alice.userId,
	});
	await waitForOnline(terminal);
	await terminal.waitFor(
		(screen) => panelLines(screenRows(screen))?.[0] === 'Online (1)',
		'the panel to count one user',
	);

	const peer = await connectClient(t, server.url, {user: bob});
	await terminal.waitFor((screen) => {
		const panel = panelLines(screenRows(screen));
		return panel?.[0] === 'Online (2)' && panel.includes('bob');
	}, 'bob in the panel');
	await waitForLogLine(
		terminal,
		(line) => /^\d\d:\d\d +-!- system: bob joined$/.test(line),
		'the join notice',
	);
	t.deepEqual(panelLines(screenRows(terminal.screenText())), ['Online (2)', 'alice (me)', 'bob']);

	peer.send('hello from bob 👋');
	await waitForLogLine(
		terminal,
		(line) => messageLinePattern('bob', 'hello from bob 👋').test(line),
		"bob's message",
	);
	t.regex(
		logLines(screenRows(terminal.screenText())).at(-1) ?? '',
		messageLinePattern('bob', 'hello from bob 👋'),
	);

	peer.close();
	await terminal.waitFor((screen) => {
		const panel = panelLines(screenRows(screen));
		return panel?.[0] === 'Online (1)' && !panel.includes('bob');
	}, 'bob gone from the panel');
	await terminal.waitFor(
		(screen) => logLines(screenRows(screen)).at(-1)?.endsWith('-!- system: bob left') ?? false,
		'the leave notice',
	);
	const screen = screenRows(terminal.screenText());
	t.deepEqual(panelLines(screen), ['Online (1)', 'alice (me)']);
	t.regex(logLines(screen).at(-1) ?? '', /^\d\d:\d\d +-!- system: bob left$/);
	// The earlier lines stay.
	t.true(
		logLines(screen).some((line) => messageLinePattern('bob', 'hello from bob 👋').test(line)),
	);
	t.regex(statusRow(screen), /● online \d+ ms │ alice/);
});

test('a typed line reaches the server as ours and shows marked (me)', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: bob});
	const terminal = await startChat(t, {
		server: server.url,
		name: alice.username,
		userId: alice.userId,
	});
	await waitForOnline(terminal);
	await peer.waitForUserList((users) => users.some((user) => user.userId === alice.userId));

	const text = 'hello from the terminal ✓';
	terminal.write(text);
	await waitForInput(terminal, `> ${text}`, 'the typed text');
	terminal.write('\r');

	const received = await peer.waitForMessage((message) => message.content === text);
	t.like(received, {type: 'text', sender: 'alice', senderId: alice.userId});

	const ownLine = messageLinePattern('alice', text, {me: true});
	await waitForLogLine(terminal, (line) => ownLine.test(line), 'our line, confirmed, marked (me)');
	const screen = screenRows(terminal.screenText());
	t.regex(logLines(screen).at(-1) ?? '', ownLine);
	// Sent once, the pending copy replaced by the server's.
	t.is(logLines(screen).filter((line) => line.includes(text)).length, 1);
	t.is(peer.received.messages.filter((message) => message.content === text).length, 1);
	// The panel: own entry first and marked, the peer unmarked.
	t.deepEqual(panelLines(screen), ['Online (2)', 'alice (me)', 'bob']);
	// The input line is empty again (placeholder shown).
	t.regex(inputRow(screen), /^> Type a message/);
});
