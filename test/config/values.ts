import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {ConfigError, loadConfig, rememberName, resolveUserId} from '../../source/config/config.js';
import {checkConfig, lineOfKey} from '../../source/config/values.js';

async function configFile(t: {teardown(callback: () => unknown): void}, text: string) {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-config-'));
	t.teardown(async () => rm(directory, {recursive: true, force: true}));
	const file = path.join(directory, 'config.json');
	await writeFile(file, text);
	return file;
}

test('every setting is read and checked', (t) => {
	t.deepEqual(
		checkConfig({
			server: 'chat.example.org:3000',
			name: 'alice',
			userId: 'u1',
			theme: 'light',
			bell: false,
			links: false,
			notify: false,
			timeFormat: 'HH:MM:SS',
			ascii: true,
			maxLength: 500,
			keys: {'panel.toggle': 'ctrl+y'},
		}),
		{
			server: 'http://chat.example.org:3000',
			name: 'alice',
			userId: 'u1',
			theme: 'light',
			bell: false,
			links: false,
			notify: false,
			timeFormat: 'HH:MM:SS',
			ascii: true,
			maxLength: 500,
			keys: {'panel.toggle': ['ctrl-y']},
		},
	);
	t.deepEqual(checkConfig({}), {});
	t.throws(() => checkConfig({links: 'no'}), {message: '"links" must be true or false, not "no"'});
	t.throws(() => checkConfig({notify: 1}), {message: '"notify" must be true or false, not 1'});
});

const wrongValues = [
	[{bell: 'yes'}, '"bell" must be true or false, not "yes"'],
	[{ascii: 1}, '"ascii" must be true or false, not 1'],
	[{theme: 'solarized'}, '"theme" must be one of "dark", "light", "auto", not "solarized"'],
	[{timeFormat: 'hh:mm'}, '"timeFormat" must be one of "HH:MM", "HH:MM:SS", not "hh:mm"'],
	[{name: ''}, '"name" must be a non-empty string, not ""'],
	[{server: 'ftp://x'}, '"server": "ftp://x" must start with http:// or https://'],
	[{thme: 'dark'}, '"thme" is not a setting (known: server, name, userId, theme, bell'],
	[{keys: {'panel.toggel': 'f2'}}, '"panel.toggel" is not a command'],
	[{keys: {'panel.toggle': 'hyper+x'}}, '"hyper+x" is not a key this terminal can send'],
	[{keys: {'panel.toggle': 'ctrl+m'}}, '"ctrl+m" arrives as Enter; choose another key'],
	[{keys: {'panel.toggle': 'x'}}, 'cannot be a single character'],
	[{keys: {'panel.toggle': []}}, 'must be a key or a list of keys'],
	[{keys: {'panel.toggle': 'alt+u'}}, 'needs a key without Alt'],
	[
		{keys: {'panel.toggle': 'ctrl+u'}},
		'Ctrl-U for "panel.toggle" is already the key of "input.clear"',
	],
	[{keys: {'search.next': 'N'}}, '"search.previous"'],
	[{keys: 'ctrl+u'}, '"keys": must be an object'],
	[{maxLength: '2000'}, '"maxLength" must be a whole number from 1 to 4000, not "2000"'],
	[{maxLength: 0}, '"maxLength" must be a whole number from 1 to 4000, not 0'],
	[{maxLength: 4001}, 'not 4001'],
	[{maxLength: 12.5}, 'not 12.5'],
] as const;

for (const [json, message] of wrongValues) {
	test(`a wrong value is named: ${JSON.stringify(json)}`, (t) => {
		const error = t.throws(() => checkConfig(json as Record<string, unknown>));
		t.true(error.message.includes(message), `${error.message}`);
	});
}

test('a clash is fine once the other command has another key too', (t) => {
	t.deepEqual(checkConfig({keys: {'panel.toggle': 'ctrl+u', 'input.clear': ['ctrl-x']}}).keys, {
		'panel.toggle': ['ctrl-u'],
		'input.clear': ['ctrl-x'],
	});
	// The same key in scopes never looked up together is no clash: ↑ in the help and in the log.
	t.deepEqual(checkConfig({keys: {'help.close': ['q', 'x']}}).keys, {'help.close': ['q', 'x']});
});

test('the line of a key is found, also inside "keys"', (t) => {
	const text = '{\n\t"name": "a",\n\t"keys": {\n\t\t"name": 1,\n\t\t"panel.toggle": "x"\n\t}\n}';
	t.is(lineOfKey(text, ['name']), 2);
	t.is(lineOfKey(text, ['keys']), 3);
	t.is(lineOfKey(text, ['keys', 'name']), 4);
	t.is(lineOfKey(text, ['keys', 'panel.toggle']), 5);
	t.is(lineOfKey(text, ['missing']), undefined);
});

test('a wrong value in the file is one line naming the file, the line and the key; the file stays', async (t) => {
	const text = '{\n\t"name": "alice",\n\t"bell": "yes"\n}\n';
	const file = await configFile(t, text);
	const error = await t.throwsAsync(loadConfig(file), {instanceOf: ConfigError});
	t.is(error.message, `${file}:3: "bell" must be true or false, not "yes"`);
	t.false(error.message.includes('\n'));
	t.is(await readFile(file, 'utf8'), text, 'never reset');
});

test('a wrong key binding names its line inside "keys"', async (t) => {
	const file = await configFile(
		t,
		'{\n\t"keys": {\n\t\t"log.top": "home",\n\t\t"nope": "f2"\n\t}\n}\n',
	);
	const error = await t.throwsAsync(loadConfig(file), {instanceOf: ConfigError});
	t.true(
		error.message.startsWith(`${file}:4: "keys": "nope" is not a command`),
		`${error.message}`,
	);
});

test('saving the userId or the name keeps every other key as the user wrote it', async (t) => {
	const file = await configFile(
		t,
		JSON.stringify({theme: 'light', keys: {'panel.toggle': 'Ctrl+Y'}, bell: false, extra: 1}),
	);
	const userId = await resolveUserId(file, undefined);
	await rememberName(file, 'carol');
	t.deepEqual(JSON.parse(await readFile(file, 'utf8')), {
		theme: 'light',
		keys: {'panel.toggle': 'Ctrl+Y'},
		bell: false,
		extra: 1,
		userId,
		name: 'carol',
	});
});
