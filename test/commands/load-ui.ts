// The UI bundle's loader with V8's code cache: made once, then used; refused when it does not fit;
// off on request. A small CommonJS file stands in for dist/ui.cjs; V8 and the files are real.
import {mkdtemp, readdir, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import process from 'node:process';
import test from 'ava';
import {cacheFileFor} from '../../source/commands/load-ui.js';

const child = new URL('../helpers/load-ui-child.ts', import.meta.url).pathname;

/** Load `bundle` in a fresh process, as a start of the chat does. */
async function load(bundle: string, environment: Record<string, string>, save = false) {
	const {stdout} = await promisify(execFile)(
		process.execPath,
		['--import', 'tsx', child, bundle, ...(save ? ['save'] : [])],
		{env: {...process.env, ...environment}},
	);
	return JSON.parse(stdout) as {cache: string; result: number};
}

const expected = 199 * 2 + 199 + 'ui.cjs'.length;

async function bundleIn(t: {teardown(callback: () => unknown): void}) {
	const folder = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-load-ui-'));
	t.teardown(async () => rm(folder, {recursive: true, force: true}));
	const bundle = path.join(folder, 'ui.cjs');
	// Enough functions that V8 has something to keep; `require` comes from the loader.
	const functions = Array.from(
		{length: 200},
		(_, index) => `function f${index}(x) { return x * ${index} + ${index}; }`,
	).join('\n');
	await writeFile(
		bundle,
		`${functions}\nconst {basename} = require('node:path');\nmodule.exports.runUi = (x) => f199(x) + basename(__filename).length;\n`,
	);
	return {bundle, environment: {XDG_CACHE_HOME: path.join(folder, 'cache')}};
}

const cacheFiles = async (environment: {XDG_CACHE_HOME: string}) =>
	readdir(path.join(environment.XDG_CACHE_HOME, 'chat-tui')).catch(() => []);

const cacheFile = (bundle: string, environment: {XDG_CACHE_HOME: string}) =>
	cacheFileFor(readFileSync(bundle, 'utf8'), environment);

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
	await writeFile(
		path.join(path.dirname(file), 'ui-v0.0.0-x64-0123456789abcdef.v8'),
		'an old build',
	);
	t.deepEqual(await load(bundle, environment, true), {cache: 'rejected', result: expected});
	t.deepEqual(await cacheFiles(environment), [path.basename(file)]);
	t.deepEqual(await load(bundle, environment), {cache: 'used', result: expected});
});

test('another build of the same length has a cache of its own', async (t) => {
	const {bundle, environment} = await bundleIn(t);
	await load(bundle, environment, true);
	const source = readFileSync(bundle, 'utf8');
	await writeFile(bundle, source.replace('=> f199(x)', '=> f198(x)'));
	t.deepEqual(await load(bundle, environment), {cache: 'made', result: 198 * 2 + 198 + 6});
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
