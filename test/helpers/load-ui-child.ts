// Loads a bundle the way the CLI does, in a process of its own (V8 keeps scripts it compiled in
// memory, so within one process a second load would not read the cache at all), runs it, and
// prints what happened as JSON. Arguments: the bundle, then "save" to save the cache.
import process from 'node:process';
import {loadBundle} from '../../source/commands/load-ui.js';

const [bundle, action] = process.argv.slice(2);
const loaded = loadBundle(bundle!);
const result = (loaded.module as unknown as {runUi: (x: number) => number}).runUi(2);
if (action === 'save') {
	loaded.saveCache();
}

process.stdout.write(JSON.stringify({cache: loaded.cache, result}));
