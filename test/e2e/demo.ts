// `chat-tui --demo` in a real pty: its own server with seeded history and the bot, the full-screen
// chat on it, the bot answering, /quit exiting 0, and the user's config left alone.
import {readdir} from 'node:fs/promises';
import test from 'ava';
import {
	inputRow,
	logLines,
	panelLines,
	screenRows,
	startRaw,
	waitForOnline,
	waitForLogLine,
} from '../helpers/chat-terminal.js';
import {runCli} from '../helpers/cli-process.js';

test('--demo shows the seeded history and the bot, the bot answers, /quit exits 0', async (t) => {
	const terminal = await startRaw(t, ['--demo']);
	await waitForOnline(terminal);
	await terminal.waitForText('是的，下午三点开始 🚀');
	await terminal.waitFor(
		(screen) => panelLines(screenRows(screen))?.some((line) => line.includes('chatbot')) ?? false,
		'the bot in the user list',
	);
	const screen = screenRows(terminal.screenText());
	t.true(
		panelLines(screen)!.some((line) => line.includes('guest')),
		'the default demo name',
	);
	t.true(logLines(screen).some((line) => / alice {2}Morning all!/.test(line)));
	t.true(logLines(screen).some((line) => line.includes('Hello everyone! I am chatbot')));

	terminal.write('hi @chatbot\r');
	await waitForLogLine(terminal, (line) => / chatbot {2}@guest /.test(line), 'the bot answering');
	t.regex(inputRow(screenRows(terminal.screenText())), /^> ?/);

	terminal.write('/quit\r');
	t.deepEqual(await terminal.exited, {exitCode: 0});
	t.deepEqual(await readdir(terminal.configHome), [], 'the user config is not touched');
});

test('--demo needs a terminal and its own server', async (t) => {
	const piped = await runCli(t, ['--demo']);
	t.is(piped.code, 2);
	t.is(piped.stderr, 'chat-tui: --demo needs a terminal: stdin and stdout must be a TTY\n');
	const withServer = await runCli(t, ['--demo', '--server', 'http://localhost:1']);
	t.is(withServer.code, 2);
	t.regex(withServer.stderr, /^chat-tui: --demo runs its own server/);
});
