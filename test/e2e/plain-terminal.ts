// Line mode on a real terminal (a pty): incoming lines go above a half-typed one, which stays.
import test from 'ava';
import {screenRows, startRaw} from '../helpers/chat-terminal.js';
import {connectClient, startTestServer} from '../helpers/server-harness.js';

const nonEmptyRows = (screen: string) => screenRows(screen).filter((row) => row.trim() !== '');

test('--plain on a terminal: a message arriving mid-line leaves the typed text intact', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: {userId: 'u-bob', username: 'bob'}});
	const terminal = await startRaw(t, ['--plain', '--server', server.url, '--name', 'ann'], {
		cols: 60,
		rows: 12,
	});
	await terminal.waitFor((screen) => screen.includes('system: ann joined'), 'our own join notice');
	terminal.write('half typed');
	await terminal.waitFor(
		(screen) => nonEmptyRows(screen).at(-1) === '> half typed',
		'the typed text on the prompt',
	);

	peer.send('bob speaks while ann types');
	await terminal.waitFor(
		(screen) => screen.includes('bob: bob speaks while ann types'),
		"bob's line",
	);
	await terminal.waitFor(
		(screen) => nonEmptyRows(screen).at(-1) === '> half typed',
		'the draft redrawn under it',
	);
	const rows = nonEmptyRows(terminal.screenText());
	t.regex(rows.at(-2) ?? '', /^\[\d\d:\d\d:\d\d] bob: bob speaks while ann types$/);
	t.false(
		rows.some((row) => row.includes('half typed') && row.includes('bob')),
		'no message inside the draft',
	);

	// The draft is still whole: Enter sends it as typed.
	terminal.write(' and done\r');
	const sent = await peer.waitForMessage((message) => message.sender === 'ann');
	t.is(sent.content, 'half typed and done');
});
