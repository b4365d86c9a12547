// A line over the limit, in the built chat in a real pty against `chat-tui serve`: refused in
// place with the counts, kept in the input line, and never seen by the server.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {
	inputRow,
	screenRows,
	startChat,
	startRaw,
	tempConfigHome,
	waitForOnline,
	type ChatTerminal,
	type Teardown,
} from '../helpers/chat-terminal.js';
import {startCli} from '../helpers/cli-process.js';
import {bracketedPaste, keys} from '../helpers/keys.js';
import {requestJson, waitFor} from '../helpers/server-harness.js';

/** 2,345 characters, its ends told apart from its middle. */
const longLine = `start-${'x'.repeat(2335)}-end`;

/** `chat-tui serve --port 0` as its own process; its URL and its log (stderr). */
async function serve(t: Teardown) {
	const server = await startCli(t, ['serve', '--port', '0']);
	const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(server.stderr())?.[1], {
		timeoutMs: 20_000,
		description: 'chat-tui serve to listen',
	});
	return {url, log: server.stderr};
}

/** The text messages the server stored, oldest first. */
async function storedTexts(url: string): Promise<string[]> {
	const answer = await requestJson(`${url}/api/messages?limit=100&offset=0`);
	return (answer.body.messages as Array<{content: string; type: string}>)
		.filter((message) => message.type === 'text')
		.map((message) => message.content);
}

async function hasStored(url: string, text: string): Promise<boolean> {
	const texts = await storedTexts(url);
	return texts.includes(text);
}

const input = (terminal: ChatTerminal) => inputRow(screenRows(terminal.screenText())).trimEnd();

async function waitForInput(terminal: ChatTerminal, test: (row: string) => boolean, what: string) {
	await terminal.waitFor((screen) => test(inputRow(screenRows(screen)).trimEnd()), what, 20_000);
}

/** Type a line and Enter, and wait for the notice that refuses it. */
async function typeRefused(terminal: ChatTerminal, text: string, notice: string) {
	terminal.write(text);
	await waitForInput(terminal, (row) => row === `> ${text}`, `"${text}" typed`);
	terminal.write('\r');
	await terminal.waitForText(notice, 20_000);
}

/** Clear the input, send a short line, and wait until the server has stored it. */
async function sendMarker(terminal: ChatTerminal, url: string, text: string) {
	terminal.write(keys.ctrlU);
	await waitForInput(terminal, (row) => !row.includes('x'), 'an empty input line');
	terminal.write(text);
	await waitForInput(terminal, (row) => row === `> ${text}`, `"${text}" typed`);
	terminal.write('\r');
	await waitFor(async () => hasStored(url, text), {
		timeoutMs: 20_000,
		description: `the server to store "${text}"`,
	});
}

test('a pasted 2,345-character line: "too long: 2,345 of 2,000", kept in the input, not sent', async (t) => {
	t.is(longLine.length, 2345);
	const server = await serve(t);
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	terminal.write(bracketedPaste(longLine));
	await waitForInput(terminal, (row) => row.endsWith('xxx-end'), 'the pasted line');
	terminal.write('\r');
	await terminal.waitForText('too long: 2,345 of 2,000 characters; not sent', 20_000);
	t.true(input(terminal).endsWith('xxx-end'));
	terminal.write(keys.home);
	await waitForInput(terminal, (row) => row.startsWith('> start-xxx'), 'the start of the line');
	t.false(terminal.screenText().includes('not sent ('));
	// The server never saw it: a line sent after it is the only one stored, and its log has no
	// refused message.
	await sendMarker(terminal, server.url, 'after');
	t.deepEqual(await storedTexts(server.url), ['after']);
	t.false(server.log().includes('invalid message'), `log: ${server.log()}`);
});

test('--max-length and "maxLength" in the config set the limit in the chat', async (t) => {
	const server = await serve(t);
	const byFlag = await startRaw(t, [
		'--server',
		server.url,
		'--name',
		'bob',
		'--user-id',
		'u-bob',
		'--max-length',
		'10',
	]);
	await waitForOnline(byFlag);
	await typeRefused(byFlag, 'abcdefghijk', 'too long: 11 of 10 characters; not sent');
	t.is(input(byFlag), '> abcdefghijk');
	await byFlag.dispose();

	const configHome = await tempConfigHome(t);
	await mkdir(path.join(configHome, 'chat-tui'), {recursive: true});
	await writeFile(path.join(configHome, 'chat-tui', 'config.json'), JSON.stringify({maxLength: 5}));
	const terminal = await startChat(t, {
		server: server.url,
		name: 'carol',
		userId: 'u-carol',
		configHome,
	});
	await waitForOnline(terminal);
	await typeRefused(terminal, 'abcdef', 'too long: 6 of 5 characters; not sent');
	t.is(input(terminal), '> abcdef');
	terminal.write(keys.backspace);
	await waitForInput(terminal, (row) => row === '> abcde', 'the line shortened');
	terminal.write('\r');
	await waitFor(async () => hasStored(server.url, 'abcde'), {
		timeoutMs: 20_000,
		description: 'the server to store "abcde"',
	});
	t.deepEqual(await storedTexts(server.url), ['abcde']);
});
