import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {ConfigError, configPath, readConfig, resolveUserId} from '../../source/config/config.js';
import {loadOutbox, outboxPath, saveOutbox} from '../../source/client/outbox-store.js';
import type {SafeText} from '../../source/protocol/types.js';

async function tempDirectory(t: {teardown(callback: () => unknown): void}): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-config-'));
	t.teardown(async () => rm(directory, {recursive: true, force: true}));
	return directory;
}

test('the config lives under XDG_CONFIG_HOME, or ~/.config when it is unset or empty', (t) => {
	t.is(configPath({XDG_CONFIG_HOME: '/x'}), '/x/chat-tui/config.json');
	t.is(configPath({XDG_CONFIG_HOME: ''}), path.join(os.homedir(), '.config/chat-tui/config.json'));
});

test('a userId is made once, kept with mode 0600, and the same on the next run', async (t) => {
	const file = path.join(await tempDirectory(t), 'chat-tui', 'config.json');
	const first = await resolveUserId(file, undefined);
	t.regex(first, /^tui_\d+_[\da-f]{6}$/);
	const {mode} = await stat(file);
	t.is(mode % 0o1000, 0o600);
	t.is(await resolveUserId(file, undefined), first);
	t.is(await resolveUserId(file, 'from-flag'), 'from-flag', 'the flag wins and is not saved');
	const config = await readConfig(file);
	t.is(config.userId, first);
});

test('a broken config is an error naming the file and the line, and the file is left alone', async (t) => {
	const file = path.join(await tempDirectory(t), 'config.json');
	const broken = '{\n\t"name": "alice",\n\t"userId": oops\n}\n';
	await writeFile(file, broken);
	const error = await t.throwsAsync(resolveUserId(file, undefined), {instanceOf: ConfigError});
	t.true(error.message.includes(file));
	t.true(error.message.includes('line 3'), `${error.message} names line 3`);
	t.is(await readFile(file, 'utf8'), broken, 'never silently reset');
});

test('the outbox is kept with mode 0600, read back sanitized, and removed when empty', async (t) => {
	const directory = await tempDirectory(t);
	const file = outboxPath(path.join(directory, 'config.json'), 'http://a:1', 'u1');
	t.not(file, outboxPath(path.join(directory, 'config.json'), 'http://a:1', 'u2'), 'one per user');
	await saveOutbox(file, [{content: 'hello' as SafeText, createdAt: 5}]);
	const {mode} = await stat(file);
	t.is(mode % 0o1000, 0o600);
	t.deepEqual(await loadOutbox(file), [{content: 'hello', createdAt: 5}]);

	await writeFile(
		file,
		JSON.stringify([{content: 'x\u001B]0;t\u0007y', createdAt: 1}, {content: 3}]),
	);
	t.deepEqual(
		await loadOutbox(file),
		[{content: 'xy', createdAt: 1}],
		'hand-edited junk is cleaned',
	);

	await saveOutbox(file, []);
	await t.throwsAsync(stat(file), {code: 'ENOENT'});
	t.deepEqual(await loadOutbox(file), [], 'a missing file is an empty queue');
});
