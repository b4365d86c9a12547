// Without --name the client asks for one before joining.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {connectClient, startTestServer, waitFor} from '../helpers/server-harness.js';
import {bracketedPaste} from '../helpers/terminal.js';
import {
	panelLines,
	screenRows,
	startChat,
	statusRow,
	waitForOnline,
} from '../helpers/chat-terminal.js';

const watcher = {userId: 'u-watcher', username: 'watcher'};

/*
The prompt is not ready for keys the moment it shows: Ink turns raw mode on, and the prompt
subscribes to keys, in effects that run after the first frame is written; a key before that is
the terminal's (echoed, or Ctrl-C a signal). The tests let the output rest before each key the
prompt must take; what is tested is what the prompt does with keys, not this race. Keys in one
read are tested below and in test/components/name-prompt-keys.tsx.
*/
const settle = async (terminal: {waitForQuiet(quietMs?: number): Promise<void>}) =>
	terminal.waitForQuiet(300);

/** The text in the prompt's input field (between `> ` and the box's right border). */
const promptField = (screen: string) => /│ {2}> (.*?)\s*│/.exec(screen)?.[1];

test.serial('a typed name joins under that name and is remembered', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: watcher});
	const terminal = await startChat(t, {server: server.url, userId: 'u-carol'});
	await terminal.waitForText('Your name:');
	t.true(terminal.screenText().includes(server.url), 'the prompt names the server');
	// Nobody joins before the name is given.
	await peer.roundTrip();
	t.deepEqual(peer.received.userLists.at(-1), [watcher]);

	await settle(terminal);
	terminal.write('carol');
	await terminal.waitFor((screen) => promptField(screen) === 'carol', 'carol in the field');
	await settle(terminal);
	terminal.write('\r');

	const users = await peer.waitForUserList((list) =>
		list.some((user) => user.username === 'carol'),
	);
	t.deepEqual(
		users.find((user) => user.username === 'carol'),
		{userId: 'u-carol', username: 'carol'},
	);
	await waitForOnline(terminal);
	await terminal.waitFor(
		(screen) => panelLines(screenRows(screen))?.includes('carol (me)') ?? false,
		'carol (me) in the panel',
	);
	t.regex(statusRow(screenRows(terminal.screenText())), /│ carol\b/);
	t.false(terminal.screenText().includes('Your name'), 'the prompt is gone');

	// The next run offers it as the default.
	const file = path.join(terminal.configHome, 'chat-tui', 'config.json');
	const config = await waitFor(
		async () => {
			try {
				return JSON.parse(await readFile(file, 'utf8')) as {name?: string};
			} catch {
				return undefined;
			}
		},
		{description: 'the config file'},
	);
	t.is(config.name, 'carol');
});

test.serial('an empty answer joins under the default name', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: watcher});
	const terminal = await startChat(t, {server: server.url, userId: 'u-default'});
	await terminal.waitForText(/empty takes “.+”/);
	const defaultName = /empty takes “(.+)”/.exec(terminal.screenText())?.[1] ?? '';
	t.not(defaultName, '');
	// The default shows as the placeholder of the input.
	t.is(promptField(terminal.screenText()), defaultName);

	await settle(terminal);
	terminal.write('\r');
	const users = await peer.waitForUserList((list) =>
		list.some((user) => user.userId === 'u-default'),
	);
	t.is(users.find((user) => user.userId === 'u-default')?.username, defaultName);
	await waitForOnline(terminal);
	await terminal.waitFor(
		(screen) => panelLines(screenRows(screen))?.includes(`${defaultName} (me)`) ?? false,
		'the default name, marked (me), in the panel',
	);
	t.true(statusRow(screenRows(terminal.screenText())).includes(`│ ${defaultName}`));
});

/*
The app turns bracketed paste on (terminal.ts): a pasted name arrives as one paste, never as
typed keys with the paste markers in them.
*/
test.serial('a pasted name is taken as typed', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: watcher});
	const terminal = await startChat(t, {server: server.url, userId: 'u-paste'});
	await terminal.waitForText('Your name:');
	await settle(terminal);
	terminal.write(bracketedPaste('dave'));
	await terminal.waitFor(
		(screen) => promptField(screen) === 'dave',
		'the pasted name in the field',
		5000,
	);
	terminal.write('\r');
	const users = await peer.waitForUserList((list) =>
		list.some((user) => user.userId === 'u-paste'),
	);
	t.is(users.find((user) => user.userId === 'u-paste')?.username, 'dave');
});

/*
When the name and Enter arrive in one read (typed ahead while the client starts, a fast typist
over SSH, a script), Enter still submits.
*/
test.serial('a name and Enter in one read join at once', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: watcher});
	const terminal = await startChat(t, {server: server.url, userId: 'u-ahead'});
	await terminal.waitForText('Your name:');
	await settle(terminal);
	terminal.write('dave\r');
	const users = await peer.waitForUserList(
		(list) => list.some((user) => user.userId === 'u-ahead'),
		{timeoutMs: 5000, description: 'dave joining after one Enter'},
	);
	t.is(users.find((user) => user.userId === 'u-ahead')?.username, 'dave');
	await waitForOnline(terminal);
});
