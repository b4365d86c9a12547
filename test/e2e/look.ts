// How the chat looks on the terminal it finds: ASCII when the locale is not UTF-8 or with
// --ascii, no colour under NO_COLOR, and `chat-tui config` saying which setting came from where.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {
	logLines,
	screenRows,
	startChat,
	startRaw,
	statusRow,
	tempConfigHome,
	waitForOnline,
} from '../helpers/chat-terminal.js';
import {runCli} from '../helpers/cli-process.js';
import {keys} from '../helpers/terminal.js';
import {connectClient, startTestServer} from '../helpers/server-harness.js';

const nonAscii = /[^\u0000-\u007F]/;

async function writeConfig(home: string, config: unknown): Promise<string> {
	const file = path.join(home, 'chat-tui', 'config.json');
	await mkdir(path.dirname(file), {recursive: true});
	await writeFile(file, typeof config === 'string' ? config : JSON.stringify(config, null, '\t'));
	return file;
}

for (const [label, args, env] of [
	['--ascii', ['--ascii'], {}],
	['LANG=C', [], {LANG: 'C'}],
] as const) {
	test(`${label} at 80x24: borders, marks and help in ASCII only`, async (t) => {
		const server = await startTestServer(t);
		await connectClient(t, server.url, {user: {userId: 'u-bob', username: 'bob'}});
		const chat = await startRaw(
			t,
			['--server', server.url, '--name', 'alice', '--user-id', 'u-alice', ...args],
			{cols: 80, rows: 24, env},
		);
		await waitForOnline(chat, /\* online \d+ ms/);
		// The panel's rule is an ASCII bar now.
		await chat.waitFor((screen) => screen.includes('| Online (2)'), 'the user list');
		chat.write(keys.tab);
		await chat.waitFor((screen) => screen.includes('> log'), 'the log focus marker');
		chat.write(keys.f1);
		await chat.waitFor((screen) => screen.includes('Up/Down PgUp/PgDn'), 'the help');
		t.regex(chat.screenText(), /^\+-+\+$/m, 'a classic border');
		t.notRegex(chat.raw(), nonAscii, 'not one byte outside ASCII was written');
	});
}

test('NO_COLOR=1: no colour codes at all, but inverse and bold still mark things', async (t) => {
	const server = await startTestServer(t);
	await connectClient(t, server.url, {user: {userId: 'u-bob', username: 'bob'}});
	const terminal = await startChat(t, {
		server: server.url,
		name: 'alice',
		userId: 'u-alice',
		cols: 80,
		rows: 24,
		env: {NO_COLOR: '1'},
	});
	await waitForOnline(terminal);
	terminal.write(keys.tab);
	await terminal.waitFor((screen) => screen.includes('▸ log'), 'the log focus marker');
	const parameters = [...terminal.raw().matchAll(/\u001B\[([\d;]*)m/g)].flatMap((match) =>
		match[1]!.split(';').map(Number),
	);
	const colours = parameters.filter(
		(code) =>
			(code >= 30 && code <= 39) ||
			(code >= 40 && code <= 49) ||
			(code >= 90 && code <= 97) ||
			(code >= 100 && code <= 107),
	);
	t.deepEqual(colours, [], 'no colour SGR codes');
	t.true(parameters.includes(7), 'inverse (status bar, focus marker)');
	t.true(parameters.includes(1), 'bold');
});

test('the colours are there without NO_COLOR (the check above can fail)', async (t) => {
	const server = await startTestServer(t);
	const terminal = await startChat(t, {server: server.url, name: 'alice', cols: 80, rows: 24});
	await waitForOnline(terminal);
	t.regex(terminal.raw(), /\u001B\[(?:[\d;]*;)?3[0-7]m/);
});

test('chat-tui config: the file and each setting with where it came from', async (t) => {
	const home = await tempConfigHome(t);
	const file = await writeConfig(home, {
		server: 'http://config.example:1',
		name: 'config-name',
		theme: 'light',
		bell: false,
		timeFormat: 'HH:MM:SS',
		keys: {'panel.toggle': 'ctrl+y'},
	});
	const result = await runCli(t, ['config', '--theme', 'dark'], {
		configHome: home,
		env: {CHAT_TUI_NAME: 'env-name', LANG: 'C'},
	});
	t.is(result.code, 0, `${result.stderr}`);
	const rows = Object.fromEntries(
		result.stdout
			.split('\n')
			.slice(2)
			.filter(Boolean)
			.map((line) => {
				const [key, value, ...source] = line.split(/\s{2,}/);
				return [key, `${value} | ${source.join(' ')}`];
			}),
	);
	t.true(result.stdout.startsWith(`config file: ${file}\n`));
	t.like(rows, {
		server: 'http://config.example:1 | config',
		name: 'env-name | env',
		theme: 'dark | flag',
		color: 'on | default',
		ascii: 'true | default (locale not UTF-8)',
		bell: 'false | config',
		timeFormat: 'HH:MM:SS | config',
		'keys.panel.toggle': 'Ctrl-Y | config',
	});

	const json = await runCli(t, ['config', '--json'], {
		configHome: home,
		env: {CHAT_TUI_SERVER: 'http://env.example:2', NO_COLOR: '1'},
	});
	const parsed = JSON.parse(json.stdout) as {settings: Record<string, unknown>};
	t.deepEqual(parsed.settings.server, {value: 'http://env.example:2', source: 'env'});
	t.deepEqual(parsed.settings.color, {value: false, source: 'env', detail: 'NO_COLOR'});
});

for (const [label, text, message] of [
	[
		'bad JSON',
		'{\n\t"bell": true,\n}\n',
		/config\.json: invalid JSON at line 3; fix or remove the file$/,
	],
	[
		'a wrong type',
		'{\n\t"bell": "yes"\n}\n',
		/config\.json:2: "bell" must be true or false, not "yes"$/,
	],
	[
		'a bad theme',
		'{"theme": "neon"}',
		/config\.json:1: "theme" must be one of "dark", "light", "auto", not "neon"$/,
	],
	[
		'a bad key',
		'{"keys": {"panel.toggle": "ctrl+?!"}}',
		/config\.json:1: "keys": "ctrl\+\?!" is not a key/,
	],
] as const) {
	test(`a config with ${label} is one line naming file and place, exit 1, file kept`, async (t) => {
		const home = await tempConfigHome(t);
		const file = await writeConfig(home, text);
		for (const args of [['config'], ['--plain', '--server', 'http://127.0.0.1:9'], ['users']]) {
			const result = await runCli(t, args, {configHome: home});
			t.is(result.code, 1, `${args.join(' ')}`);
			t.is(result.stdout, '');
			const lines = result.stderr.trimEnd().split('\n');
			t.is(lines.length, 1, `${result.stderr}`);
			t.true(lines[0]!.startsWith(`chat-tui: ${file}`), `${lines[0]}`);
			t.regex(lines[0]!, message);
		}

		t.is(await readFile(file, 'utf8'), text, 'never reset');
	});
}

test('a key from the config works in the chat, and the hint and help say it', async (t) => {
	const server = await startTestServer(t);
	const home = await tempConfigHome(t);
	await writeConfig(home, {keys: {'panel.toggle': 'ctrl+y'}});
	const terminal = await startChat(t, {
		server: server.url,
		name: 'alice',
		cols: 80,
		rows: 24,
		configHome: home,
	});
	await waitForOnline(terminal);
	await terminal.waitFor((screen) => screen.includes('Online (1)'), 'the user list');
	terminal.write('\u0019'); // Ctrl-Y
	await terminal.waitFor(
		(screen) =>
			!screen.includes('Online (1)') && statusRow(screenRows(screen)).includes('Ctrl-Y: users'),
		'the list hidden, and the hint naming Ctrl-Y',
	);
	terminal.write(keys.f1);
	await terminal.waitFor((screen) => /Ctrl-Y +show or hide the user list/.test(screen), 'the help');
	t.true(logLines(screenRows(terminal.screenText())).length > 0);
});
