// The command line's script with V8's code cache: made once, then used; refused when it does not
// fit; off on request. A small CommonJS file stands in for dist/main.cjs; V8 and the files are real.
import {mkdtemp, readdir, rm, stat, utimes, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import process from 'node:process';
import test from 'ava';
import {cacheFileFor, cacheProfile, type CacheProfile} from '../../source/startup/code-cache.js';

const child = new URL('../helpers/code-cache-child.ts', import.meta.url).pathname;

/** Compile and run `bundle` in a fresh process, as a start of the program does. */
async function load(
	bundle: string,
	environment: Record<string, string>,
	save = false,
	profile: CacheProfile = 'chat',
) {
	const {stdout} = await promisify(execFile)(
		process.execPath,
		['--import', 'tsx', child, bundle, save ? 'save' : '-', profile],
		{env: {...process.env, ...environment}},
	);
	return JSON.parse(stdout) as {cache: string; result: number};
}

const expected = 199 * 2 + 199 + 'main.cjs'.length;

/** A script in a folder of its own, with its first line naming a build when `header` is given. */
async function bundleIn(t: {teardown(callback: () => unknown): void}, header = '') {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-code-cache-'));
	t.teardown(async () => rm(folder, {recursive: true, force: true}));
	const bundle = path.join(folder, 'main.cjs');
	// Enough functions that V8 has something to keep; `require` comes from the loader.
	const functions = Array.from(
		{length: 200},
		(_, index) => `function f${index}(x) { return x * ${index} + ${index}; }`,
	).join('\n');
	await writeFile(
		bundle,
		`${header}${functions}\nconst {basename} = require('node:path');\nmodule.exports.run = (x) => f199(x) + basename(__filename).length;\n`,
	);
	return {bundle, environment: {XDG_CACHE_HOME: path.join(folder, 'cache')}};
}

const cacheFiles = async (environment: {XDG_CACHE_HOME: string}) =>
	readdir(path.join(environment.XDG_CACHE_HOME, 'chat-tui')).catch(() => []);

const cacheFile = (bundle: string, environment: {XDG_CACHE_HOME: string}) =>
	cacheFileFor(bundle, readFileSync(bundle, 'latin1'), {environment});

test('the first load makes the cache, the next one uses it, and both run the bundle', async (t) => {
	const {bundle, environment} = await bundleIn(t);
	t.deepEqual(await load(bundle, environment), {cache: 'made', result: expected});
	t.deepEqual(await cacheFiles(environment), [], 'nothing is saved until asked');
	t.deepEqual(await load(bundle, environment, true), {cache: 'made', result: expected});
	t.deepEqual(await cacheFiles(environment), [path.basename(cacheFile(bundle, environment))]);
	t.deepEqual(await load(bundle, environment), {cache: 'used', result: expected});
});

test('a cache V8 refuses is made again; caches of other builds go', async (t) => {
	const {bundle, environment} = await bundleIn(t);
	const file = cacheFile(bundle, environment);
	await load(bundle, environment, true);
	await writeFile(file, 'not a code cache');
	await writeFile(path.join(path.dirname(file), 'main-v0.0.0-x64-0123456789abcdef-1.v8'), 'old');
	// The chat's own cache, from before the whole command line was one script.
	await writeFile(path.join(path.dirname(file), 'ui-v0.0.0-x64-0123456789abcdef.v8'), 'older');
	t.deepEqual(await load(bundle, environment, true), {cache: 'rejected', result: expected});
	t.deepEqual(await cacheFiles(environment), [path.basename(file)]);
	t.deepEqual(await load(bundle, environment), {cache: 'used', result: expected});
});

test('the build named in the first line keys the cache, and no start hashes the script', async (t) => {
	const build = 'b'.repeat(64);
	const {bundle, environment} = await bundleIn(t, `// chat-tui build ${build}\n`);
	t.regex(path.basename(cacheFile(bundle, environment)), /^main-v[\d.]+-\w+-b{16}-\w+-chat\.v8$/);
	await load(bundle, environment, true);
	t.deepEqual(await load(bundle, environment), {cache: 'used', result: expected});
	// Another build, of the same length and written at the same time: its own cache.
	const {mtime} = await stat(bundle);
	const source = readFileSync(bundle, 'latin1');
	await writeFile(
		bundle,
		source.replace(build, 'c'.repeat(64)).replace('=> f199(x)', '=> f198(x)'),
	);
	await utimes(bundle, mtime, mtime);
	t.deepEqual(await load(bundle, environment), {cache: 'made', result: 198 * 2 + 198 + 8});
});

test('a script edited in place, of the same length and build, has a cache of its own', async (t) => {
	const {bundle, environment} = await bundleIn(t, `// chat-tui build ${'b'.repeat(64)}\n`);
	await load(bundle, environment, true);
	const source = readFileSync(bundle, 'latin1');
	await writeFile(bundle, source.replace('=> f199(x)', '=> f198(x)'));
	// Written later than the first: V8 alone would take the old cache, which fits the length.
	const later = new Date(Date.now() + 60_000);
	await utimes(bundle, later, later);
	t.deepEqual(await load(bundle, environment), {cache: 'made', result: 198 * 2 + 198 + 8});
});

test('a script without a build line is keyed by its text', async (t) => {
	const {bundle, environment} = await bundleIn(t);
	await load(bundle, environment, true);
	const {mtime} = await stat(bundle);
	const source = readFileSync(bundle, 'latin1');
	await writeFile(bundle, source.replace('=> f199(x)', '=> f198(x)'));
	await utimes(bundle, mtime, mtime);
	t.deepEqual(await load(bundle, environment), {cache: 'made', result: 198 * 2 + 198 + 8});
});

test('CHAT_TUI_CODE_CACHE=0 neither reads nor writes a cache', async (t) => {
	const {bundle, environment} = await bundleIn(t);
	t.deepEqual(await load(bundle, {...environment, CHAT_TUI_CODE_CACHE: '0'}, true), {
		cache: 'off',
		result: expected,
	});
	t.deepEqual(await cacheFiles(environment), []);
});

test('a cache folder that cannot be written costs the cache, not the chat', async (t) => {
	const {bundle, environment} = await bundleIn(t);
	// A file where the folder should be.
	await writeFile(environment.XDG_CACHE_HOME, 'in the way');
	t.deepEqual(await load(bundle, environment, true), {cache: 'made', result: expected});
	t.deepEqual(await load(bundle, environment), {cache: 'made', result: expected});
});

test('the chat and the other commands keep caches of their own', (t) => {
	for (const argv of [[], ['--name', 'bob'], ['--server', 'http://x', '--demo'], ['--', 'send']]) {
		t.is(cacheProfile(argv), 'chat', `${argv.join(' ')}`);
	}

	for (const argv of [
		['send', 'hi'],
		['--json', 'history'],
		['serve'],
		['--version'],
		['-h'],
		['-v'],
	]) {
		t.is(cacheProfile(argv), 'command', `${argv.join(' ')}`);
	}
});

test("the chat's cache and the commands' are kept side by side", async (t) => {
	const {bundle, environment} = await bundleIn(t);
	await load(bundle, environment, true, 'command');
	await load(bundle, environment, true, 'chat');
	const files = await cacheFiles(environment);
	t.is(files.length, 2);
	t.true(files.some((file) => file.endsWith('-chat.v8')));
	t.true(files.some((file) => file.endsWith('-command.v8')));
	t.like(await load(bundle, environment, false, 'command'), {cache: 'used'});
});
