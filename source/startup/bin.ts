import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {cacheProfile, compileScript} from './code-cache.js';
import {setHeapFlags} from './idle-collect.js';
import {offerCacheSave} from './save-code-cache.js';

/*
The program, dist/cli.cjs: it runs the command line, dist/main.cjs, from V8's code cache when there
is one (code-cache.ts). It stays this small because everything it imports is loaded and compiled
before the cache can help.
*/

// The chat's V8 flags, before any of its code compiles: V8 refuses a cache made under other flags.
setHeapFlags();
const profile = cacheProfile(process.argv.slice(2));
const script = compileScript(fileURLToPath(new URL('main.cjs', import.meta.url)), {profile});
if (profile === 'chat') {
	// Saved once the chat is up (subcommands/ui.tsx).
	offerCacheSave(script.saveCache);
} else {
	// A command is often done in a moment: what it compiled is kept as it ends.
	process.once('exit', script.saveCache);
}

script.run();
