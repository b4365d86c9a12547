import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {
	loadReadPosition,
	readPositionPath,
	readPositionSaver,
	stateDirectory,
} from '../../source/client/read-position-store.js';

test('the read position lives under XDG_STATE_HOME, or ~/.local/state; one file per server and user', (t) => {
	t.is(stateDirectory({XDG_STATE_HOME: '/s'}), '/s/chat-tui');
	t.is(stateDirectory({XDG_STATE_HOME: ' '}), path.join(os.homedir(), '.local/state/chat-tui'));
	const file = readPositionPath('http://a:1', 'u1', {XDG_STATE_HOME: '/s'});
	t.regex(file, /^\/s\/chat-tui\/read-[\da-f]{16}\.json$/);
	t.not(readPositionPath('http://a:1', 'u2', {XDG_STATE_HOME: '/s'}), file);
	t.not(readPositionPath('http://b:1', 'u1', {XDG_STATE_HOME: '/s'}), file);
});

test('saved atomically with mode 0600 and read back; anything else in the file is nothing', async (t) => {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-read-'));
	t.teardown(async () => rm(directory, {recursive: true, force: true}));
	const file = path.join(directory, 'state', 'read-x.json');
	t.deepEqual(await loadReadPosition(file), [], 'no file yet');
	const tail = ['0123456789abcdef', 'fedcba9876543210'];
	const saver = readPositionSaver(file);
	saver.save(['0000000000000000']);
	saver.save(tail);
	saver.flush();
	t.deepEqual(await loadReadPosition(file), tail, 'the last one saved');
	const {mode} = await stat(file);
	t.is(mode % 0o1000, 0o600);
	t.deepEqual(JSON.parse(await readFile(file, 'utf8')), {version: 1, tail});
	for (const bad of [
		'not json',
		'{"tail": "x"}',
		String.raw`{"tail": ["\u001B[2J"]}`,
		'{"tail": [1]}',
	]) {
		await writeFile(file, bad);
		t.deepEqual(await loadReadPosition(file), [], `ignored: ${bad}`);
	}
});
