import {
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	unlinkSync,
	writeFileSync,
} from 'node:fs';
import type {Hash} from 'node:crypto';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import vm from 'node:vm';

/*
The command line (the chat with React, Ink and Yoga, and the commands: about 1 MB) is built as one
classic script, dist/main.cjs, so that V8 can keep it compiled between runs: Node 20 has no compile
cache for ES modules, and its ES module loader costs time of its own. dist/cli.cjs, the program,
compiles the script with V8's code cache when there is one (source/startup/bin.ts). A first run compiles as
usual and saves the cache beside the user's other caches: the chat once it is up, two seconds in;
the other commands, which keep a cache of their own (cacheProfile), as they end. Later runs start
from it: compiling the script then takes about 15 ms instead of 55, and the chat's first frame
comes about 100 ms sooner.

CHAT_TUI_CODE_CACHE=0 turns the cache off; a cache that does not fit this Node, these V8 flags or
this build is made again.
*/

export type CacheUse = 'off' | 'made' | 'used' | 'rejected';

export type CompiledScript = {
	readonly cache: CacheUse;
	/** Run the script as a CommonJS module; its exports. */
	readonly run: () => unknown;
	/** Save the code cache now, if this run should make one: the functions run so far are in it. */
	readonly saveCache: () => void;
};

/** The build's first line names its hash (scripts/build.js), so no start has to hash 1 MB. */
const buildHeader = /^\/\/ chat-tui build ([\da-f]{16,64})\n/;

/** The script's build, by the hash its first line names, else by a hash of its text. */
function buildOf(source: string): string {
	const header = buildHeader.exec(source.slice(0, 100));
	if (header) {
		return header[1]!.slice(0, 16);
	}

	// Loaded only here: node:crypto costs several milliseconds to load.
	const {createHash} = createRequire(import.meta.url)('node:crypto') as {
		createHash: (algorithm: string) => Hash;
	};
	return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/**
 * Which cache a run uses: the chat's, or the other commands' (and --help, --version). The chat's
 * holds the screen's code; a command run first must not leave the chat a cache without it, and a
 * command need not read the chat's. A guess from the arguments is good enough for that: a flag's
 * value that names a command only picks the other cache.
 */
export type CacheProfile = 'chat' | 'command';

const commands = new Set(['serve', 'config', 'bot', 'send', 'broadcast', 'history', 'users']);

export function cacheProfile(argv: readonly string[]): CacheProfile {
	for (const argument of argv) {
		if (argument === '--') {
			break;
		}

		if (commands.has(argument) || ['--help', '-h', '--version', '-v'].includes(argument)) {
			return 'command';
		}
	}

	return 'chat';
}

export type CacheOptions = {
	readonly environment?: NodeJS.ProcessEnv;
	readonly profile?: CacheProfile;
};

/**
 * Where the code cache of the script `file` lives: named after this Node, the build, when the
 * file was written, and the profile. V8 checks its own version and flags, but of the source only
 * its length: a file edited in place has another time.
 */
export function cacheFileFor(
	file: string,
	source: string,
	{environment = process.env, profile = 'chat'}: CacheOptions = {},
): string {
	// An empty XDG_CACHE_HOME counts as unset, as the XDG spec says.
	// eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	const root = environment.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache');
	const written = Math.trunc(statSync(file).mtimeMs).toString(36);
	const build = `${path.basename(file, '.cjs')}-${process.version}-${process.arch}-${buildOf(source)}-${written}`;
	return path.join(root, 'chat-tui', `${build}-${profile}.v8`);
}

/** No home directory to be found (os.homedir can throw) means no cache, not no chat. */
function cacheFileOrNone(file: string, source: string, options: CacheOptions): string | undefined {
	try {
		return cacheFileFor(file, source, options);
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
 * other builds and Node versions go: only this build's are ever used.
 */
function writeCache(file: string, data: Uint8Array): void {
	const folder = path.dirname(file);
	const build = path.basename(file).replace(/[a-z]+\.v8$/, '');
	try {
		mkdirSync(folder, {recursive: true});
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, data);
		renameSync(temporary, file);
		for (const name of readdirSync(folder)) {
			// ui-*: the chat's own script, before the whole command line was one.
			if (/^(main|ui)-.*\.v8$/.test(name) && !name.startsWith(build)) {
				unlinkSync(path.join(folder, name));
			}
		}
	} catch {
		// No cache: the next start compiles again, nothing else is lost.
	}
}

/**
 * Compile `file` (a CommonJS script) with V8's code cache when there is one. The build writes it
 * in ASCII, which V8 keeps one byte to a character: read as Latin-1, it is not decoded at all.
 */
export function compileScript(file: string, options: CacheOptions = {}): CompiledScript {
	const {environment = process.env} = options;
	const source = readFileSync(file, 'latin1');
	const cacheFile =
		environment.CHAT_TUI_CODE_CACHE === '0' ? undefined : cacheFileOrNone(file, source, options);
	const cachedData = cacheFile ? readCache(cacheFile) : undefined;
	const script = new vm.Script(
		`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
		{filename: file, cachedData},
	);
	const cache: CacheUse = cacheFile
		? cachedData === undefined
			? 'made'
			: script.cachedDataRejected
				? 'rejected'
				: 'used'
		: 'off';
	let saved = false;
	return {
		cache,
		run() {
			const module = {exports: {}};
			const wrapper = script.runInThisContext() as (...parameters: unknown[]) => void;
			wrapper(module.exports, createRequire(file), module, file, path.dirname(file));
			return module.exports;
		},
		saveCache() {
			if (cacheFile && cache !== 'used' && !saved) {
				saved = true;
				writeCache(cacheFile, script.createCachedData());
			}
		},
	};
}
