// The guide's own Python line client (test/fixtures/guide-client, copied from the guide as it is
// written: python-socketio and requests, not made with chat-tui in mind) as the peer of the
// built chat: each sees the other arrive, talk in Chinese and with emoji, and leave.
import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {pythonWithSocketio, writeGuideClient} from '../helpers/guide-client.js';
import {startTestServer, waitFor, type Teardown} from '../helpers/server-harness.js';
import {
	logLines,
	messageLinePattern,
	panelLines,
	screenRows,
	startChat,
	waitForOnline,
	waitForLogLine,
} from '../helpers/chat-terminal.js';

const python = await pythonWithSocketio();
const serial = python ? test.serial : test.serial.skip;

type GuidePeer = {
	/** Its exit code. */
	exited: Promise<number | undefined>;
	/** Type a line into the guide's client (its `input()`). */
	type(line: string): void;
	/** What it printed so far. */
	output(): string;
};

/** The guide's main.py in a folder of its own, pointed at `serverUrl` (the guide's only setting). */
async function startGuidePeer(t: Teardown, serverUrl: string, name: string): Promise<GuidePeer> {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-guide-'));
	t.teardown(async () => rm(folder, {recursive: true, force: true}));
	await writeGuideClient(folder, serverUrl);
	const child = spawn(python!, ['-u', 'main.py'], {
		cwd: folder,
		env: {...process.env, PYTHONIOENCODING: 'utf8'},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		output += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		output += chunk;
	});
	const exited = new Promise<number | undefined>((resolve) => {
		child.once('exit', resolve);
	});
	t.teardown(() => {
		child.kill('SIGKILL');
	});
	// Its first input() asks for the name.
	child.stdin.write(`${name}\n`);
	return {
		exited,
		type(line) {
			child.stdin.write(`${line}\n`);
		},
		output: () => output,
	};
}

serial('the guide’s Python client and the chat see each other join, talk and leave', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(terminal);

	const peer = await startGuidePeer(t, server.url, '张伟');
	await terminal.waitFor((screen) => {
		const panel = panelLines(screenRows(screen));
		return panel?.[0] === 'Online (2)' && panel.includes('张伟');
	}, 'the Python client in the panel');
	await waitFor(() => peer.output().includes('开始聊天'), {
		timeoutMs: 15_000,
		description: 'the guide client ready for input',
	});

	peer.type('你好，大家 👍🏽');
	await waitForLogLine(
		terminal,
		(line) => messageLinePattern('张伟', '你好，大家 👍🏽').test(line),
		"the Python client's message",
	);

	terminal.write('hi 张伟, 欢迎 👩‍💻\r');
	const printed = await waitFor(
		() => /\[alice] hi 张伟, 欢迎 👩‍💻 \(\d\d:\d\d:\d\d\)/.exec(peer.output()),
		{timeoutMs: 10_000, description: 'our line printed by the Python client'},
	);
	t.truthy(printed);
	// The guide's client sees us in the list it prints, and not as itself.
	t.regex(peer.output(), /^- alice$/m);
	t.regex(peer.output(), /^- 张伟 \(我\)$/m);

	peer.type('quit');
	t.is(await peer.exited, 0);
	await terminal.waitFor((screen) => {
		const panel = panelLines(screenRows(screen));
		return panel?.[0] === 'Online (1)' && !panel.includes('张伟');
	}, 'the Python client gone from the panel');
	await terminal.waitFor(
		(screen) => logLines(screenRows(screen)).at(-1)?.endsWith('-!- system: 张伟 left') ?? false,
		'the leave notice',
	);
});
