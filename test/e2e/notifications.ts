// Focus reporting and desktop notifications: a mention while the terminal is in the background
// raises OSC 777 and OSC 9; with the focus it is only highlighted.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {startTestServer} from '../helpers/server-harness.js';
import {
	inputRow,
	screenRows,
	seedMessage,
	startChat,
	statusRow,
	tempConfigHome,
	waitForOnline,
} from '../helpers/chat-terminal.js';

const bob = {userId: 'u-bob', username: 'bob'};
const focusOut = '\u001B[O';
const focusIn = '\u001B[I';
const notification = (title: string, body: string) =>
	`\u001B]777;notify;${title};${body}\u0007\u001B]9;${title}: ${body}\u0007`;
const anyNotification = /\u001B](?:777;notify|9);/;

test('focus out, then a mention: a notification; focus in, then a mention: none', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	t.true(terminal.raw().includes('\u001B[?1004h'), 'focus reporting is on');

	terminal.write(focusOut);
	await seedMessage(server.url, bob, 'are you there alice?');
	await terminal.waitFor(
		() => terminal.raw().includes(notification('bob', 'are you there alice?')),
		'the notification',
	);
	await terminal.waitFor(
		(screen) => statusRow(screenRows(screen)).includes('1 unread'),
		'the unread count in the status bar',
	);
	t.regex(
		inputRow(terminal.screen()),
		/^> Type a message/,
		'the focus report was not typed into the input',
	);

	terminal.write(focusIn);
	await terminal.waitFor(
		(screen) => !statusRow(screenRows(screen)).includes('unread'),
		'the count gone with the focus back',
	);
	const from = terminal.raw().length;
	await seedMessage(server.url, bob, 'alice, back now');
	await terminal.waitFor((screen) => screen.includes('bob  alice, back now'), 'the mention');
	await terminal.waitForQuiet();
	t.notRegex(terminal.raw().slice(from), anyNotification, 'no notification with the focus');
});

test('"notify": false in the config: no notification in the background either', async (t) => {
	const server = await startTestServer(t);
	const configHome = await tempConfigHome(t);
	await mkdir(path.join(configHome, 'chat-tui'), {recursive: true});
	await writeFile(path.join(configHome, 'chat-tui', 'config.json'), '{"notify": false}\n');
	const terminal = await startChat(t, {
		server: server.url,
		name: 'alice',
		userId: 'u-alice',
		configHome,
	});
	await waitForOnline(terminal);
	terminal.write(focusOut);
	await seedMessage(server.url, bob, 'hello alice');
	await terminal.waitFor((screen) => screen.includes('bob  hello alice'), 'the mention');
	await terminal.waitForQuiet();
	t.notRegex(terminal.raw(), anyNotification);
});
