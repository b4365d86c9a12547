// The built command line's code cache (source/startup/code-cache.ts): the chat's first run makes it, and the
// next run takes it as it is. A run whose cache V8 refused (other flags, another build) writes it
// again, so an unchanged file after a whole session is the sign that it was used. The other
// commands keep a cache of their own, so that the chat's holds the chat's code.
import {mkdtemp, readdir, rm, stat} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import {saveAfterMs} from '../../source/startup/save-code-cache.js';
import {startCli} from '../helpers/cli-process.js';
import {startChat, waitForOnline} from '../helpers/chat-terminal.js';
import {startTestServer, waitFor} from '../helpers/server-harness.js';

test('the first run saves the code cache, and the next run uses it without writing it again', async (t) => {
	const server = await startTestServer(t);
	const cacheHome = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-cache-'));
	t.teardown(async () => rm(cacheHome, {recursive: true, force: true}));
	const folder = path.join(cacheHome, 'chat-tui');
	const caches = async () => {
		const names = await readdir(folder).catch(() => []);
		return names.filter((name) => name.endsWith('.v8'));
	};

	const first = await startChat(t, {
		server: server.url,
		name: 'alice',
		env: {XDG_CACHE_HOME: cacheHome},
	});
	await waitForOnline(first);
	const [file] = await waitFor(
		async () => {
			const found = await caches();
			return found.length > 0 ? found : undefined;
		},
		{timeoutMs: 15_000, description: 'the code cache'},
	);
	await first.dispose();
	const made = await stat(path.join(folder, file!));

	const second = await startChat(t, {
		server: server.url,
		name: 'bob',
		env: {XDG_CACHE_HOME: cacheHome},
	});
	await waitForOnline(second);
	await second.waitForText('bob joined');
	// Something that must not happen can only be waited out: past the moment a run that had to
	// compile saves its cache, counted from the join, which comes after the start.
	await delay(saveAfterMs + 1000);
	t.deepEqual(await caches(), [file]);
	const after = await stat(path.join(folder, file!));
	t.is(after.ino, made.ino, 'the cache was not written again');
	t.is(after.mtimeMs, made.mtimeMs);
});

test('a command keeps a cache of its own as it ends, and the next run uses it', async (t) => {
	const cacheHome = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-cache-'));
	t.teardown(async () => rm(cacheHome, {recursive: true, force: true}));
	const folder = path.join(cacheHome, 'chat-tui');
	const version = async () => {
		const run = await startCli(t, ['--version'], {env: {XDG_CACHE_HOME: cacheHome}});
		t.like(await run.exited, {code: 0});
		t.regex(run.stdout(), /^\d+\.\d+\.\d+\n$/);
	};

	await version();
	const [file, ...others] = await readdir(folder);
	t.deepEqual(others, []);
	t.regex(file!, /-command\.v8$/, "not the chat's cache");
	const made = await stat(path.join(folder, file!));
	await version();
	t.deepEqual(await readdir(folder), [file]);
	const after = await stat(path.join(folder, file!));
	t.is(after.ino, made.ino, 'the cache was not written again');
	t.is(after.mtimeMs, made.mtimeMs);
});
