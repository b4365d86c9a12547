// `chat-tui serve` from the built command line: its notices follow --lang.
import {readFile} from 'node:fs/promises';
import test from 'ava';
import {startServe} from '../helpers/cli-process.js';
import {connectClient} from '../helpers/server-harness.js';

test('serve --lang zh announces joins, renames and leaves in Chinese', async (t) => {
	const {url} = await startServe(t, ['--lang', 'zh']);
	const watcher = await connectClient(t, url, {user: {userId: 'u-li', username: '李娜'}});
	const zhang = await connectClient(t, url, {user: {userId: 'u-zw', username: '张伟'}});
	await watcher.waitForMessage((m) => m.content === '张伟 加入了聊天室');
	zhang.join({userId: 'u-zw', username: '伟'});
	await watcher.waitForMessage((m) => m.content === '张伟 改名为 伟');
	zhang.close();
	await watcher.waitForMessage((m) => m.content === '伟 离开了聊天室');
	t.false(watcher.received.messages.some((m) => /joined|left|known/.test(m.content)));
});

test('the command line stays as typed for ps and pkill -f: meow does not rename the process', async (t) => {
	const {run} = await startServe(t, []);
	const commandLine = await readFile(`/proc/${run.pid}/cmdline`, 'utf8');
	t.regex(commandLine.replaceAll('\0', ' '), /serve --port 0/);
});
