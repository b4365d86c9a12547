// One account open twice (the README's logger recipe): the screen keeps its own name throughout.
import test from 'ava';
import {connectClient, requestJson, startTestServer} from '../helpers/server-harness.js';
import {
	logLines,
	messageLinePattern,
	panelLines,
	screenRows,
	startChat,
	statusRow,
	waitForOnline,
	waitForLogLine,
} from '../helpers/chat-terminal.js';

const account = {userId: 'u-alicia', username: 'alicia'};

test('a second session of the same user id never renames the first', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {
		server: server.url,
		name: account.username,
		userId: account.userId,
	});
	await waitForOnline(terminal);

	const logger = await connectClient(t, server.url, {user: {...account, username: 'logger'}});
	await terminal.waitFor((screen) => {
		const panel = panelLines(screenRows(screen)) ?? [];
		return panel[0] === 'Online (2)' && panel.some((line) => line.startsWith('logger'));
	}, 'both sessions in the panel');
	// Only this session is "(me)"; the other session of the account is marked too.
	t.deepEqual(panelLines(screenRows(terminal.screenText()))?.slice(1), [
		'alicia (me)',
		'logger (also me)',
	]);
	await terminal.waitFor(
		(screen) => logLines(screenRows(screen)).some((line) => line.endsWith('system: logger joined')),
		'the second session announced as a join',
	);
	logger.close();
	await terminal.waitFor(
		(screen) => logLines(screenRows(screen)).some((line) => line.endsWith('system: logger left')),
		'the second session leaving',
	);

	terminal.write('after the logger\r');
	const ownLine = messageLinePattern('alicia', 'after the logger', {me: true});
	await waitForLogLine(terminal, (line) => ownLine.test(line), 'our line under our own name');
	const screen = screenRows(terminal.screenText());
	t.false(logLines(screen).some((line) => line.includes('is now known as')));
	t.regex(statusRow(screen), /│ alicia/);
	const users = await requestJson(`${server.url}/api/users`);
	t.deepEqual(users.body, {count: 1, users: [account]});
});
