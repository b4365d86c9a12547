// The length limit outside the full-screen chat, with the built CLI over real pipes against the
// reference server: line mode refuses an over-long stdin line by its number and sends the rest;
// send and broadcast refuse an over-long text; --max-length and "maxLength" change the limit.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {tempConfigHome} from '../helpers/chat-terminal.js';
import {runCli} from '../helpers/cli-process.js';
import {requestJson, startTestServer, type TestServer} from '../helpers/server-harness.js';

/** 2,345 characters. */
const longLine = `start-${'x'.repeat(2335)}-end`;

/** What the server stored, oldest first, but join and leave notices. */
async function stored(server: TestServer): Promise<string[]> {
	const answer = await requestJson(`${server.url}/api/messages?limit=100&offset=0`);
	return (answer.body.messages as Array<{content: string; type: string}>)
		.filter((message) => message.type === 'text')
		.map((message) => message.content);
}

async function configWith(t: Parameters<typeof tempConfigHome>[0], json: unknown) {
	const configHome = await tempConfigHome(t);
	await mkdir(path.join(configHome, 'chat-tui'), {recursive: true});
	await writeFile(path.join(configHome, 'chat-tui', 'config.json'), JSON.stringify(json));
	return configHome;
}

test('line mode: an over-long line is an error naming its number; the others are sent; exit 1', async (t) => {
	t.is(longLine.length, 2345);
	const server = await startTestServer(t);
	const result = await runCli(t, ['--plain', '--server', server.url, '--name', 'piper'], {
		input: `first\n${longLine}\nthird\n`,
	});
	t.is(result.stderr, 'chat-tui: line 2 is too long (2,345 of 2,000 characters); not sent\n');
	t.is(result.code, 1);
	t.deepEqual(await stored(server), ['first', 'third']);
});

test('line mode: a line of exactly 2,000 characters, emoji counted as one, is sent; exit 0', async (t) => {
	const server = await startTestServer(t);
	const full = '😀'.repeat(2000);
	const result = await runCli(t, ['--plain', '--server', server.url, '--name', 'piper'], {
		input: `${full}\n`,
	});
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	t.deepEqual(await stored(server), [full]);
});

test('line mode: --max-length and "maxLength" in the config change the limit; the flag wins', async (t) => {
	const server = await startTestServer(t);
	const input = 'short\nrather long\nok\nlonger still\n';
	const byFlag = await runCli(
		t,
		['--plain', '--server', server.url, '--name', 'piper', '--max-length', '5'],
		{input},
	);
	t.is(byFlag.code, 1);
	t.is(
		byFlag.stderr,
		[
			'chat-tui: line 2 is too long (11 of 5 characters); not sent',
			'chat-tui: line 4 is too long (12 of 5 characters); not sent',
			'',
		].join('\n'),
	);
	t.deepEqual(await stored(server), ['short', 'ok']);

	const configHome = await configWith(t, {maxLength: 11});
	const byConfig = await runCli(t, ['--plain', '--server', server.url, '--name', 'piper'], {
		input,
		configHome,
	});
	t.is(byConfig.code, 1);
	t.is(byConfig.stderr, 'chat-tui: line 4 is too long (12 of 11 characters); not sent\n');
	t.deepEqual(await stored(server), ['short', 'ok', 'short', 'rather long', 'ok']);

	const flagOverConfig = await runCli(
		t,
		['--plain', '--server', server.url, '--name', 'piper', '--max-length', '2000'],
		{input: 'longer still\n', configHome},
	);
	t.is(flagOverConfig.code, 0, `stderr: ${flagOverConfig.stderr}`);
	const last = await stored(server);
	t.is(last.at(-1), 'longer still');
});

test('line mode in Chinese says it in Chinese', async (t) => {
	const server = await startTestServer(t);
	const result = await runCli(
		t,
		['--plain', '--lang', 'zh', '--server', server.url, '--name', 'piper'],
		{input: `${longLine}\n`},
	);
	t.is(result.code, 1);
	t.is(result.stderr, 'chat-tui: 第 1 行过长（2,345 个字符，最多 2,000 个）；未发送\n');
	t.deepEqual(await stored(server), []);
});

test('send and broadcast refuse an over-long text: exit 1, the counts, nothing sent', async (t) => {
	const server = await startTestServer(t);
	const send = await runCli(t, ['send', '--server', server.url, '--name', 'ada', longLine]);
	t.is(send.code, 1);
	t.is(send.stderr, 'chat-tui: the text is too long (2,345 of 2,000 characters); not sent\n');
	const broadcast = await runCli(t, [
		'broadcast',
		'--server',
		server.url,
		'--max-length',
		'10',
		'up at five, down at six',
	]);
	t.is(broadcast.code, 1);
	t.is(broadcast.stderr, 'chat-tui: the text is too long (23 of 10 characters); not sent\n');
	const answer = await requestJson(`${server.url}/api/messages?limit=100&offset=0`);
	t.deepEqual(answer.body.messages, []);
	// At the limit it goes out.
	const atLimit = await runCli(t, [
		'send',
		'--server',
		server.url,
		'--name',
		'ada',
		'x'.repeat(2000),
	]);
	t.is(atLimit.code, 0, `stderr: ${atLimit.stderr}`);
	t.deepEqual(await stored(server), ['x'.repeat(2000)]);
});

test('a bad --max-length is a usage error (exit 2); a bad "maxLength" names the file and line', async (t) => {
	for (const [value, shown] of [
		['0', '0'],
		['4001', '4001'],
		['many', 'many'],
	] as const) {
		const result = await runCli(t, ['--plain', '--max-length', value], {input: ''});
		t.is(result.code, 2);
		t.is(
			result.stderr,
			`chat-tui: --max-length: "${shown}" is not a whole number of characters from 1 to 4000\n`,
		);
	}

	const serve = await runCli(t, ['serve', '--max-length', '10']);
	t.is(serve.code, 2);
	t.is(serve.stderr, 'chat-tui: serve does not take --max-length (see chat-tui serve --help)\n');
	const configHome = await configWith(t, {maxLength: '2000'});
	const badConfig = await runCli(t, ['--plain'], {input: '', configHome});
	t.is(badConfig.code, 1);
	t.regex(
		badConfig.stderr,
		/^chat-tui: \S+config\.json:1: "maxLength" must be a whole number from 1 to 4000, not "2000"\n$/,
	);
});

test('chat-tui config shows the limit and where it came from', async (t) => {
	const configHome = await configWith(t, {maxLength: 300});
	const fromConfig = await runCli(t, ['config', '--json'], {configHome});
	t.deepEqual(JSON.parse(fromConfig.stdout).settings.maxLength, {value: 300, source: 'config'});
	const fromFlag = await runCli(t, ['config', '--max-length', '42'], {configHome});
	t.regex(fromFlag.stdout, /^maxLength +42 +flag$/m);
	const byDefault = await runCli(t, ['config']);
	t.regex(byDefault.stdout, /^maxLength +2000 +default \(the reference server's\)$/m);
});
