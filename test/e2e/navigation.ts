// Keyboard navigation in a real pty against the reference server: scrollback into older
// history, the "new" indicator, focus, input history and a multi-line paste.
import test from 'ava';
import {bracketedPaste, keys} from '../helpers/terminal.js';
import {connectClient, startTestServer} from '../helpers/server-harness.js';
import {
	inputRow,
	logLines,
	logRows,
	messageLinePattern,
	panelLines,
	screenRows,
	seedMessage,
	startChat,
	waitForOnline,
	waitForInput,
	waitForLogLine,
} from '../helpers/chat-terminal.js';

const bob = {userId: 'u-bob', username: 'bob'};
const label = (n: number) => `history ${String(n).padStart(3, '0')}`;
/** The seeded numbers on screen, top to bottom. */
const seededOnScreen = (screen: string) =>
	logLines(screenRows(screen)).flatMap((line) => {
		const match = /bob {2}history (\d{3})$/.exec(line);
		return match ? [Number(match[1])] : [];
	});

async function seeded(t: Parameters<typeof startTestServer>[0], count: number) {
	const server = await startTestServer(t);
	for (let n = 1; n <= count; n++) {
		await seedMessage(server.url, bob, label(n));
	}

	return server;
}

test('PgUp scrolls to the very first message of a 300-message history, each shown once', async (t) => {
	const server = await seeded(t, 300);
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	await terminal.waitForText(label(300));
	// Our own join notice arrives live: once it is in, nothing new comes while we scroll.
	await terminal.waitForText('alice joined');

	const seen = new Set<number>();
	let presses = 0;
	while (!terminal.screenText().includes('beginning of history')) {
		const shown = seededOnScreen(terminal.screenText());
		for (const [index, value] of shown.entries()) {
			t.true(
				index === 0 || value === shown[index - 1]! + 1,
				`in order, none twice: ${shown.join(' ')}`,
			);
			seen.add(value);
		}

		t.true(++presses < 40, 'reached the top within 40 pages');
		const top = shown[0]!;
		terminal.write(keys.pageUp);
		// The page above, once older messages are on screen and no page is loading.
		await terminal.waitFor(
			(screen) =>
				!screen.includes('loading…') &&
				(screen.includes('beginning of history') || (seededOnScreen(screen)[0] ?? top) < top),
			'the next page up',
		);
		// A whole page is redrawn: read it once all of it is drawn.
		await terminal.waitForQuiet();
	}

	const rows = logRows(screenRows(terminal.screenText()));
	const edge = rows.findIndex((row) => row.includes('beginning of history'));
	t.is(edge, 0, 'the edge on the top row');
	t.regex(rows[1] ?? '', messageLinePattern('bob', label(1)));
	for (const value of seededOnScreen(terminal.screenText())) {
		seen.add(value);
	}

	const missing = Array.from({length: 300}, (_, n) => n + 1).filter((n) => !seen.has(n));
	t.deepEqual(missing, [], 'every message was on screen on the way up');
	t.regex(terminal.screenText(), /↓ more below \(End\)/);
});

test('scrolled up, a new message shows "1 new ↓ (End)" without moving the view; End returns', async (t) => {
	const server = await seeded(t, 60);
	// 24 rows: one page up stays clear of the top of the 50 messages loaded first.
	const terminal = await startChat(t, {
		server: server.url,
		name: 'alice',
		userId: 'u-alice',
		rows: 24,
	});
	await waitForOnline(terminal);
	const peer = await connectClient(t, server.url, {user: bob});
	await terminal.waitForText('bob joined');
	terminal.write(keys.pageUp);
	await terminal.waitForText('↓ more below (End)');
	await terminal.waitForQuiet();
	const before = logRows(screenRows(terminal.screenText())).slice(0, -1);

	peer.send('a message from below');
	await terminal.waitForText('1 new ↓ (End)');
	await terminal.waitForQuiet();
	t.deepEqual(logRows(screenRows(terminal.screenText())).slice(0, -1), before, 'the view stayed');
	t.false(terminal.screenText().includes('a message from below'));

	terminal.write(keys.end);
	await terminal.waitFor(
		(screen) => !screen.includes('new ↓') && screen.includes('a message from below'),
		'the bottom again',
	);
	const lines = logLines(screenRows(terminal.screenText()));
	t.regex(lines.at(-1) ?? '', messageLinePattern('bob', 'a message from below'));
	t.is(logRows(screenRows(terminal.screenText())).at(-1), lines.at(-1), 'following the bottom');
});

test('Tab moves the focus input → log → user list → input, each marked', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	await terminal.waitForText('alice joined');
	t.false(terminal.screenText().includes('▸'));
	terminal.write(keys.tab);
	await terminal.waitFor(
		(screen) => logRows(screenRows(screen)).at(-1)?.startsWith('▸ log') ?? false,
		'the log marked',
	);
	terminal.write(keys.tab);
	await terminal.waitFor(
		(screen) => panelLines(screenRows(screen))?.[0] === '▸ Online (1)',
		'the user list marked',
	);
	t.false(terminal.screenText().includes('▸ log'));
	terminal.write(keys.tab);
	await terminal.waitFor((screen) => !screen.includes('▸'), 'back on the input line');
	terminal.write(keys.shiftTab);
	await terminal.waitForText('▸ Online (1)');
	terminal.write(keys.escape);
	await terminal.waitFor((screen) => !screen.includes('▸'), 'Esc: back on the input line');
});

test('↑ recalls the last line sent, and ↓ returns to the draft', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: bob});
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	for (const line of ['the first line', 'the last line']) {
		terminal.write(line);
		await terminal.waitFor((screen) => inputRow(screenRows(screen)).startsWith(`> ${line}`), line);
		terminal.write(keys.enter);
		await peer.waitForMessage((message) => message.content === line);
	}

	terminal.write('draft');
	await waitForInput(terminal, '> draft', 'the draft');
	terminal.write(keys.up);
	await terminal.waitFor(
		(screen) => inputRow(screenRows(screen)).trimEnd() === '> the last line',
		'the last line recalled',
	);
	terminal.write(keys.up);
	await terminal.waitFor(
		(screen) => inputRow(screenRows(screen)).trimEnd() === '> the first line',
		'the line before',
	);
	terminal.write(keys.down + keys.down);
	await terminal.waitFor(
		(screen) => inputRow(screenRows(screen)).trimEnd() === '> draft',
		'the draft again',
	);
	// Sent again from the history: the server gets it once more.
	terminal.write(keys.ctrlU + keys.up + keys.enter);
	await peer.waitForMessage(
		(message) =>
			message.content === 'the last line' &&
			peer.received.messages.filter((each) => each.content === 'the last line').length === 2,
	);
	t.pass();
});

test('a two-line paste sends one message', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: bob});
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	terminal.write(bracketedPaste('first pasted line\nsecond pasted line'));
	await waitForInput(terminal, '> first pasted line second pasted line', 'the paste on one line');
	terminal.write(keys.enter);
	const received = await peer.waitForMessage((message) => message.content.includes('pasted'));
	t.is(received.content, 'first pasted line second pasted line');
	await peer.roundTrip();
	t.is(peer.received.messages.filter((message) => message.content.includes('pasted')).length, 1);
	await waitForLogLine(
		terminal,
		(line) =>
			messageLinePattern('alice', 'first pasted line second pasted line', {me: true}).test(line),
		'our message in the log',
	);
});
