import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import {createHash} from 'node:crypto';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';
import {setHeapFlags} from '../hooks/idle-collect.js';
import type * as Ui from './ui.js';

/*
The full-screen chat's code (React, Ink, Yoga and ours: about 600 KB) is built as one classic
script, dist/ui.cjs, so that V8 can keep it compiled between runs: Node 20 has no compile cache
for ES modules. The first run compiles it as usual and, once the chat is up, saves V8's code cache
beside the user's other caches; later runs start from it. Compiling, evaluating and drawing the
first frame then take about half as long.

Without the bundle (the tests run the sources) the module is imported as usual. CHAT_TUI_CODE_CACHE=0
turns the cache off; a cache that does not fit this Node or this build is made again.
*/

type UiModule = typeof Ui;

export type CacheUse = 'off' | 'made' | 'used' | 'rejected';

export type LoadedUi = {
	readonly module: UiModule;
	readonly cache: CacheUse;
	/** Save the code cache now, if this run should make one: the functions run so far are in it. */
	readonly saveCache: () => void;
};

/**
 * Where the code cache of `source` lives: named after this Node and the source's hash. (V8 checks
 * its own version and flags, but of the source only its length.)
 */
export function cacheFileFor(source: string, environment = process.env): string {
	// An empty XDG_CACHE_HOME counts as unset, as the XDG spec says.
	// eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	const root = environment.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
	const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
	return path.join(root, 'chat-tui', `ui-${process.version}-${process.arch}-${hash}.v8`);
}

/** No home directory to be found (os.homedir can throw) means no cache, not no chat. */
function cacheFileOrNone(source: string, environment: NodeJS.ProcessEnv): string | undefined {
	try {
		return cacheFileFor(source, environment);
	} catch {
		return undefined;
	}
}

function readCache(file: string): Uint8Array | undefined {
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

/**
 * Write whole or not at all: a chat starting meanwhile must not read half a file. The caches of
 * other builds and Node versions go: only one is ever used.
 */
function writeCache(file: string, data: Uint8Array): void {
	const folder = path.dirname(file);
	try {
		mkdirSync(folder, {recursive: true});
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, data);
		renameSync(temporary, file);
		for (const name of readdirSync(folder)) {
			if (/^ui-.*\.v8$/.test(name) && name !== path.basename(file)) {
				unlinkSync(path.join(folder, name));
			}
		}
	} catch {
		// No cache: the next start compiles again, nothing else is lost.
	}
}

/** Run `bundle` (a CommonJS file) as the UI module, with V8's code cache when there is one. */
export function loadBundle(bundle: string, environment = process.env): LoadedUi {
	const source = readFileSync(bundle, 'utf8');
	const cacheFile =
		environment.CHAT_TUI_CODE_CACHE === '0' ? undefined : cacheFileOrNone(source, environment);
	const cachedData = cacheFile ? readCache(cacheFile) : undefined;
	const script = new vm.Script(
		`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
		{filename: bundle, cachedData},
	);
	const cache: CacheUse = cacheFile
		? cachedData === undefined
			? 'made'
			: script.cachedDataRejected
				? 'rejected'
				: 'used'
		: 'off';
	const module = {exports: {}};
	const run = script.runInThisContext() as (...parameters: unknown[]) => void;
	run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
	let saved = false;
	return {
		module: module.exports as UiModule,
		cache,
		saveCache() {
			if (cacheFile && cache !== 'used' && !saved) {
				saved = true;
				writeCache(cacheFile, script.createCachedData());
			}
		},
	};
}

/** How long after start the cache is made: the chat is up, joined and drawn by then. */
export const saveAfterMs = 2000;

/** The UI module: from `bundleUrl` when it is there (the built CLI), else the sources. */
export async function loadUi(bundleUrl: URL): Promise<UiModule> {
	// The chat's V8 flags, before its code compiles: a cache made under other flags is refused.
	setHeapFlags();
	const bundle = fileURLToPath(bundleUrl);
	if (!existsSync(bundle)) {
		// Run from the sources. Not a literal, so that the bundle does not carry the chat twice.
		const sources = './ui.js';
		return import(sources) as Promise<UiModule>;
	}

	const loaded = loadBundle(bundle);
	setTimeout(loaded.saveCache, saveAfterMs).unref();
	return loaded.module;
}
