// Resizing the terminal: the layout follows, the log re-wraps, nothing of the old frame stays.
import test, {type ExecutionContext} from 'ava';
import {connectClient, startTestServer} from '../helpers/server-harness.js';
import type {TestTerminal} from '../helpers/terminal.js';
import {
	inputRow,
	logLines,
	messageLinePattern,
	panelLines,
	screenRows,
	seedMessage,
	startChat,
	statusRow,
	waitForOnline,
	waitForOutput,
	withoutRtt,
	waitForInput,
	waitForLogLine,
} from '../helpers/chat-terminal.js';

const longText = `${Array.from({length: 40}, (_, index) => `w${index + 1}`).join(' ')} END`;
const longWords = longText.split(' ');

/** The long message's words as they show in the log, in order (a re-wrap keeps them all, once). */
const wordsShown = (screen: string[]) =>
	logLines(screen)
		.flatMap((line) => line.split(/\s+/))
		.filter((word) => /^(w\d+|END)$/.test(word));

/** Rows of the log taken by the long message. */
const longMessageRows = (screen: string[]) =>
	logLines(screen).filter((line) => /\bw\d+\b|\bEND\b/.test(line)).length;

/** Ctrl-L repaints everything from scratch: what a resize left must look the same. */
async function assertSameAfterRedraw(t: ExecutionContext, terminal: TestTerminal, label: string) {
	await terminal.waitForQuiet();
	const before = withoutRtt(terminal.screenText());
	const from = terminal.raw().length;
	terminal.write('\f');
	await waitForOutput(
		terminal,
		from,
		(output) => output.includes('\u001B[2J') && output.endsWith('\u001B[?2026l'),
		'a full repaint after Ctrl-L',
	);
	await terminal.waitForQuiet();
	t.is(withoutRtt(terminal.screenText()), before, `${label}: the screen equals a clean repaint`);
}

/** Narrow: the panel goes, the message re-wraps onto more rows. Returns how many. */
async function narrowed(t: ExecutionContext, terminal: TestTerminal, wideRows: number) {
	terminal.resize(50, 20);
	await terminal.waitFor((text) => {
		const rows = screenRows(text);
		return (
			rows.length === 20 &&
			!text.includes('Online') &&
			statusRow(rows).includes('Ctrl-T') &&
			inputRow(rows).startsWith('> ')
		);
	}, 'the narrow layout without the panel');
	await assertSameAfterRedraw(t, terminal, '50x20');
	const screen = screenRows(terminal.screenText());
	t.is(panelLines(screen), undefined, 'no panel border left');
	t.false(screen.join('\n').includes('Online'), 'the old panel title is gone');
	t.false(screen.join('\n').includes('alice (me)'), 'the old panel entry is gone');
	t.deepEqual(wordsShown(screen), longWords, 'every word once, in order');
	const narrowRows = longMessageRows(screen);
	t.true(narrowRows > wideRows, `re-wrapped onto more rows (${wideRows} at 120 columns)`);
	t.true(screen.every((row) => row.length <= 50));
	t.regex(logLines(screen).at(-1) ?? '', /-!- system: alice joined$/);
	t.true(screen.at(-1)!.startsWith('> '), 'the input line is the last row');
	return narrowRows;
}

/** Wider again: the panel is back, the message back on fewer rows. */
async function widened(t: ExecutionContext, terminal: TestTerminal, narrowRows: number) {
	terminal.resize(100, 30);
	await terminal.waitFor(
		(text) => panelLines(screenRows(text))?.[0] === 'Online (1)' && screenRows(text).length === 30,
		'the panel back',
	);
	await assertSameAfterRedraw(t, terminal, '100x30');
	const screen = screenRows(terminal.screenText());
	t.deepEqual(panelLines(screen), ['Online (1)', 'alice (me)']);
	t.deepEqual(wordsShown(screen), longWords);
	t.true(longMessageRows(screen) < narrowRows, 'back on fewer rows');
	t.notRegex(statusRow(screen), /Ctrl-T/, 'the panel hint is gone from the status bar');
}

/** Too small, then back: the chat again, still connected. */
async function tooSmallAndBack(t: ExecutionContext, terminal: TestTerminal) {
	terminal.resize(30, 8);
	await terminal.waitForText('Terminal too small');
	await terminal.waitForText('30×8: needs at least 40×10');
	await terminal.waitForQuiet();
	t.deepEqual(
		screenRows(terminal.screenText()).filter((row) => row !== ''),
		['Terminal too small', '30×8: needs at least 40×10'],
	);

	terminal.resize(100, 30);
	await terminal.waitFor(
		(text) => panelLines(screenRows(text))?.[0] === 'Online (1)',
		'the chat back',
	);
	await waitForOnline(terminal);
	await assertSameAfterRedraw(t, terminal, 'back at 100x30');
	const screen = screenRows(terminal.screenText());
	t.false(screen.join('\n').includes('too small'));
	t.deepEqual(wordsShown(screen), longWords);
}

/** After all that, a peer's line arrives and ours reaches the server. */
async function stillChatting(t: ExecutionContext, terminal: TestTerminal, serverUrl: string) {
	const peer = await connectClient(t, serverUrl, {user: {userId: 'u-bob', username: 'bob'}});
	await terminal.waitFor(
		(text) => panelLines(screenRows(text))?.[0] === 'Online (2)',
		'bob joining',
	);
	peer.send('still there?');
	await waitForLogLine(
		terminal,
		(line) => messageLinePattern('bob', 'still there?').test(line),
		"bob's message after the resizes",
	);
	terminal.write('yes');
	await waitForInput(terminal, '> yes', 'the typed answer');
	terminal.write('\r');
	const answer = await peer.waitForMessage((message) => message.content === 'yes');
	t.is(answer.senderId, 'u-alice');
}

test.serial(
	'resize: panel, re-wrap, no leftovers, too small, and back still connected',
	async (t) => {
		const server = await startTestServer(t);
		await seedMessage(server.url, {userId: 'u-bob', username: 'bob'}, longText);
		const terminal = await startChat(t, {
			server: server.url,
			name: 'alice',
			userId: 'u-alice',
			cols: 120,
			rows: 40,
		});
		await waitForOnline(terminal);
		await terminal.waitFor(
			(screen) => wordsShown(screenRows(screen)).length === longWords.length,
			'the long message',
		);
		await terminal.waitFor(
			(screen) => panelLines(screenRows(screen))?.includes('alice (me)') ?? false,
			'our entry in the panel',
		);

		const screen = screenRows(terminal.screenText());
		t.deepEqual(panelLines(screen), ['Online (1)', 'alice (me)']);
		t.deepEqual(wordsShown(screen), longWords);
		t.is(screen.length, 40);
		const narrowRows = await narrowed(t, terminal, longMessageRows(screen));
		await widened(t, terminal, narrowRows);
		await tooSmallAndBack(t, terminal);
		await stillChatting(t, terminal, server.url);
	},
);
