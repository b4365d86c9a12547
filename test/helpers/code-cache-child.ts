// Compiles and runs a script the way the program does (source/startup/bin.ts), in a process of its own: V8
// keeps the scripts it compiled in memory, so within one process a second compile would not read
// the cache at all. Prints what happened as JSON. Arguments: the script, "save" to save the cache
// (or "-"), and the profile (default: the chat's).
import process from 'node:process';
import {compileScript, type CacheProfile} from '../../source/startup/code-cache.js';

const [file, action, profile] = process.argv.slice(2);
const script = compileScript(file!, {profile: profile as CacheProfile | undefined});
const result = (script.run() as {run: (x: number) => number}).run(2);
if (action === 'save') {
	script.saveCache();
}

process.stdout.write(JSON.stringify({cache: script.cache, result}));
