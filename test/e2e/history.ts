// History on start: what the server holds is on screen, oldest first, newest at the bottom.
import test from 'ava';
import {startTestServer} from '../helpers/server-harness.js';
import {
	clock,
	logLines,
	logRows,
	messageLine,
	messageLinePattern,
	screenRows,
	seedMessage,
	startChat,
	waitForOnline,
} from '../helpers/chat-terminal.js';

test('history from the server is on screen in order, newest at the bottom', async (t) => {
	const server = await startTestServer(t);
	const seeded = [
		[{userId: 'u-zhang', username: '张伟'}, '你好，大家好 👋'],
		[{userId: 'u-bob', username: 'bob'}, 'emoji: 😀 🎉 👍 ok'],
		[{userId: 'u-carol', username: 'carol'}, 'mixed 中文 and English'],
		[{userId: 'u-zhang', username: '张伟'}, 'the newest seeded line'],
	] as const;
	const stored = [];
	for (const [user, content] of seeded) {
		stored.push(await seedMessage(server.url, user, content));
	}

	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);
	await terminal.waitForText('-!- system: alice joined');
	await terminal.waitForText('the newest seeded line');

	const screen = screenRows(terminal.screenText());
	const lines = logLines(screen);
	const expected = stored.map((message, index) =>
		messageLine(clock(message.time), seeded[index]![0].username, message.content),
	);
	const seen = lines.filter((line) => expected.includes(line));
	t.deepEqual(seen, expected, `all seeded lines, in order:\n${lines.join('\n')}`);
	for (const [index, [user, content]] of seeded.entries()) {
		t.regex(seen[index] ?? '', messageLinePattern(user.username, content));
	}

	// Newer than every seeded line: only our own join notice, on the last row of the log.
	const newest = lines.indexOf(expected.at(-1)!);
	const after = lines.slice(newest + 1);
	t.is(after.length, 1, `after the newest: ${after.join(' | ')}`);
	t.regex(after[0] ?? '', /^\d\d:\d\d +-!- system: alice joined$/);
	t.is(logRows(screen).at(-1), lines.at(-1), 'the log sticks to the bottom');
	// Nothing from history appears twice (REST page and live events are merged).
	for (const line of expected) {
		t.is(lines.filter((candidate) => candidate === line).length, 1, `once: ${line}`);
	}
});
