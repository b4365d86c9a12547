// --lang zh: the guide's Chinese labels.
import test from 'ava';
import {connectClient, startTestServer} from '../helpers/server-harness.js';
import {
	logLines,
	messageLinePattern,
	panelLines,
	screenRows,
	startChat,
	waitForOnline,
	waitForInput,
	waitForLogLine,
} from '../helpers/chat-terminal.js';

test('--lang zh shows 在线用户 (N), (我) and 系统', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: {userId: 'u-zhang', username: '张伟'}});
	const terminal = await startChat(t, {
		server: server.url,
		name: '小明',
		userId: 'u-ming',
		lang: 'zh',
	});
	await waitForOnline(terminal, /● 在线 \d+ ms/);
	await terminal.waitFor(
		(screen) => panelLines(screenRows(screen))?.[0] === '在线用户 (2)',
		'the Chinese panel title',
	);
	t.deepEqual(panelLines(screenRows(terminal.screenText())), ['在线用户 (2)', '小明 (我)', '张伟']);
	await waitForLogLine(
		terminal,
		(line) => /^\d\d:\d\d +-!- 系统: 小明 joined$/.test(line),
		'the join notice marked 系统',
	);

	terminal.write('大家好');
	await waitForInput(terminal, '> 大家好', 'the typed text');
	terminal.write('\r');
	await peer.waitForMessage(
		(message) => message.content === '大家好' && message.senderId === 'u-ming',
	);
	await terminal.waitFor(
		(screen) =>
			messageLinePattern('小明', '大家好', {me: true, meLabel: '我'}).test(
				logLines(screenRows(screen)).at(-1) ?? '',
			),
		'our line marked (我)',
	);
	t.false(terminal.screenText().includes('Online'));
	t.false(terminal.screenText().includes('(me)'));
});
