// `chat-tui send|broadcast|history|users` against the reference server: what reaches the server,
// what is printed (human and --json), and the exit codes 0, 1 and 2.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {execFile, spawnSync} from 'node:child_process';
import path from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli-process.js';
import {tempConfigHome} from '../helpers/chat-terminal.js';
import {freePort} from '../helpers/outage.js';
import {connectClient, requestJson, startTestServer} from '../helpers/server-harness.js';

/** Runs a program with text on its stdin; resolves to its stdout. */
async function execFileAsync(
	file: string,
	args: string[],
	{input}: {input: string},
): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = execFile(file, args, (error, stdout) => {
			if (error) {
				reject(new Error(`${file} failed: ${error.message}`));
			} else {
				resolve(stdout);
			}
		});
		child.stdin?.end(input);
	});
}

const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const lineOf = (name: string, text: string) =>
	new RegExp(`^\\[\\d\\d:\\d\\d:\\d\\d\\] ${name}: ${text}$`);

async function seed(url: string, content: string, username = 'alice') {
	const answer = await requestJson(`${url}/api/messages`, {
		method: 'POST',
		body: {userId: `u-${username}`, username, content, type: 'text'},
	});
	if (answer.status !== 201) {
		throw new Error(`seeding failed: ${answer.status}`);
	}
}

test('send posts the text under --name and the remembered user id, silently', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url);
	const configHome = await tempConfigHome(t);
	const result = await runCli(
		t,
		['send', '--server', server.url, '--name', 'ada', 'hello', 'there 👋'],
		{
			configHome,
		},
	);
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	t.is(result.stdout, '');
	t.is(result.stderr, '');
	const message = await peer.waitForMessage((message) => message.content === 'hello there 👋');
	t.is(message.sender, 'ada');
	const config = JSON.parse(
		await readFile(path.join(configHome, 'chat-tui', 'config.json'), 'utf8'),
	);
	t.is(message.senderId, config.userId, 'the id kept in the config, as the chat uses');
});

test('send without --name takes the remembered name; --json prints the stored message', async (t) => {
	const server = await startTestServer(t);
	const configHome = await tempConfigHome(t);
	await mkdir(path.join(configHome, 'chat-tui'), {recursive: true});
	await writeFile(
		path.join(configHome, 'chat-tui', 'config.json'),
		JSON.stringify({name: 'remembered', userId: 'u-kept'}),
	);
	const result = await runCli(t, ['send', '--server', server.url, '--json', 'from a script'], {
		configHome,
	});
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	const printed = JSON.parse(result.stdout);
	t.like(printed, {
		type: 'text',
		sender: 'remembered',
		senderId: 'u-kept',
		content: 'from a script',
	});
	t.regex(printed.time, isoTime);
});

test('send with no name anywhere is a usage error, and nothing is sent', async (t) => {
	const server = await startTestServer(t);
	const result = await runCli(t, ['send', '--server', server.url, 'hello']);
	t.is(result.code, 2);
	t.regex(result.stderr, /^chat-tui: send needs a name: pass --name NAME.*\n$/);
	t.is(server.messageCount(), 0);
});

test('broadcast reaches every client as a system message', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url);
	const result = await runCli(t, ['broadcast', '--server', server.url, 'maintenance', 'at', '5']);
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	const message = await peer.waitForMessage((message) => message.content === 'maintenance at 5');
	t.is(message.type, 'system');
});

test('history prints sorted lines with a day line; --limit and --offset page from the newest', async (t) => {
	const server = await startTestServer(t);
	for (const text of ['one', 'two', 'three', 'four']) {
		await seed(server.url, text);
	}

	const all = await runCli(t, ['history', '--server', server.url]);
	t.is(all.code, 0, `stderr: ${all.stderr}`);
	const lines = all.stdout.split('\n').slice(0, -1);
	t.regex(lines[0]!, /^--- \d{4}-\d\d-\d\d ---$/);
	t.deepEqual(
		lines.slice(1).map((line) => line.replace(/^\[\d\d:\d\d:\d\d] /, '')),
		['alice: one', 'alice: two', 'alice: three', 'alice: four'],
	);
	t.regex(lines[1]!, lineOf('alice', 'one'));

	const page = await runCli(t, [
		'history',
		'--server',
		server.url,
		'--limit',
		'2',
		'--offset',
		'1',
	]);
	t.is(page.code, 0, `stderr: ${page.stderr}`);
	t.deepEqual(
		page.stdout
			.split('\n')
			.filter((line) => line.startsWith('['))
			.map((line) => line.slice(11)),
		['alice: two', 'alice: three'],
	);
});

test('history --json is one message a line (NDJSON), oldest first, with ISO times', async (t) => {
	const server = await startTestServer(t);
	await seed(server.url, 'first');
	await seed(server.url, '第二 🎉', 'bob');
	server.broadcast('notice');
	const result = await runCli(t, ['history', '--server', server.url, '--json']);
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	const lines = result.stdout.split('\n').slice(0, -1);
	t.is(lines.length, 3);
	const messages = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
	t.deepEqual(
		messages.map(({type, sender, content}) => ({type, sender, content})),
		[
			{type: 'text', sender: 'alice', content: 'first'},
			{type: 'text', sender: 'bob', content: '第二 🎉'},
			{type: 'system', sender: undefined, content: 'notice'},
		],
	);
	for (const message of messages) {
		t.regex(message.time as string, isoTime);
		t.is(typeof message.id, 'string');
	}

	t.is(messages[1]!.senderId, 'u-bob');
});

// jq is not a dependency: without it this test shows as skipped.
const hasJq = spawnSync('jq', ['--version']).status === 0;
(hasJq ? test : test.skip)(
	"the README's jq example over history --json names system notices, never null",
	async (t) => {
		const readme = await readFile(path.join(import.meta.dirname, '../../README.md'), 'utf8');
		const filter = /^chat-tui history --limit 10 --json \| jq -r '(.+)'$/m.exec(readme)?.[1];
		if (filter === undefined) {
			t.fail('no history | jq example in the README');
			return;
		}

		const server = await startTestServer(t);
		await seed(server.url, 'hi');
		server.broadcast('maintenance at six');
		const result = await runCli(t, ['history', '--server', server.url, '--limit', '10', '--json']);
		const jq = await execFileAsync('jq', ['-r', filter], {input: result.stdout});
		t.deepEqual(jq.split('\n').slice(0, -1), ['alice: hi', '-!-: maintenance at six']);
	},
);

test('users lists who is online, human and --json', async (t) => {
	const server = await startTestServer(t);
	const peer = await connectClient(t, server.url, {user: {userId: 'u-zoe', username: 'zoe'}});
	await peer.waitForUserList((users) => users.length === 1);
	const human = await runCli(t, ['users', '--server', server.url]);
	t.is(human.code, 0, `stderr: ${human.stderr}`);
	t.is(human.stdout, 'Online (1)\n- zoe\n');
	const zh = await runCli(t, [
		'users',
		'--server',
		server.url,
		'--lang',
		'zh',
		'--user-id',
		'u-zoe',
	]);
	t.is(zh.stdout, '在线用户 (1)\n- zoe (我)\n');
	const json = await runCli(t, ['users', '--server', server.url, '--json']);
	t.is(json.code, 0, `stderr: ${json.stderr}`);
	t.deepEqual(JSON.parse(json.stdout), {count: 1, users: [{userId: 'u-zoe', username: 'zoe'}]});
});

test('an unreachable server is exit 1 with one line naming it', async (t) => {
	const port = await freePort();
	for (const args of [
		['history'],
		['users', '--json'],
		['send', '--name', 'ada', 'hi'],
		['broadcast', 'x'],
	]) {
		const result = await runCli(t, [...args, '--server', `http://127.0.0.1:${port}`]);
		t.is(result.code, 1, `chat-tui ${args.join(' ')}`);
		t.regex(
			result.stderr,
			new RegExp(
				`^chat-tui: cannot reach http://127\\.0\\.0\\.1:${port}/api/\\S+: ECONNREFUSED\\n$`,
			),
		);
		t.is(result.stdout, '');
	}
});

test("a server error is exit 1 with the server's reason", async (t) => {
	const server = await startTestServer(t);
	const result = await runCli(t, ['send', '--server', server.url, '--name', 'x'.repeat(65), 'hi']);
	t.is(result.code, 1);
	t.regex(
		result.stderr,
		/^chat-tui: POST \S+\/api\/messages failed with HTTP 400: username must be .*\n$/,
	);
	const missing = await runCli(t, ['users', '--api', `${server.url}/nowhere`]);
	t.is(missing.code, 1);
	t.regex(missing.stderr, /HTTP 404/);
});

const usageErrors: Array<[string[], RegExp]> = [
	[['send'], /^chat-tui: send needs the text: chat-tui send <text>$/],
	[['send', '--name', 'ada', '  '], /send needs the text/],
	[['broadcast'], /broadcast needs the text/],
	[
		['history', '--limit', 'abc'],
		/^chat-tui: --limit: "abc" is not a whole number from 1 to 10000$/,
	],
	[['history', '--limit', '0'], /--limit: "0"/],
	[['history', '--offset', '-1'], /--offset: "-1"/],
	[['history', 'extra'], /history takes no arguments/],
	[
		['users', '--limit', '3'],
		/^chat-tui: users does not take --limit \(see chat-tui users --help\)$/,
	],
	[['send', '--rules', 'x', 'hi'], /send does not take --rules/],
	[['nonsense'], /unknown command "nonsense"/],
];

// A flag the command does not take: nothing starts (no server, no chat, no bot).
const foreignFlags: Array<[string[], RegExp]> = [
	[
		['serve', '--name', 'x'],
		/^chat-tui: serve does not take --name \(see chat-tui serve --help\)$/,
	],
	[['--port', '3000'], /^chat-tui: the chat does not take --port \(see chat-tui --help\)$/],
	[['bot', '--port', '5'], /^chat-tui: bot does not take --port/],
	[['config', '--lang', 'zh'], /^chat-tui: config does not take --lang/],
];

for (const [args, message] of [
	...usageErrors.map(([args, message]): [string[], RegExp] => [
		[...args, '--server', 'http://127.0.0.1:9'],
		message,
	]),
	...foreignFlags,
]) {
	test(`usage error: chat-tui ${args.join(' ')}`, async (t) => {
		const result = await runCli(t, args);
		t.is(result.code, 2);
		t.is(result.stdout, '');
		const lines = result.stderr.split('\n').slice(0, -1);
		t.is(lines.length, 1, `stderr: ${result.stderr}`);
		t.regex(lines[0]!, message);
	});
}
