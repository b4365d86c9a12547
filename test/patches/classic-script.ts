/*
The command line is one classic script, which V8 keeps compiled between runs
(source/startup/code-cache.ts): no module in it may use top-level await. Ink awaits its devtools
and its package.json (only when DEV is set), Yoga the compilation of its WebAssembly; their patches
(patches/ink+6.8.0.patch, patches/yoga-layout+3.2.1.patch) take the awaits out.
*/
import {readFile} from 'node:fs/promises';
import test from 'ava';
import {transform} from 'esbuild';

for (const file of ['ink/build/reconciler.js', 'yoga-layout/dist/src/index.js']) {
	test(`${file} converts to a classic script`, async (t) => {
		const source = await readFile(`node_modules/${file}`, 'utf8');
		// Esbuild refuses top-level await in CommonJS.
		await t.notThrowsAsync(transform(source, {format: 'cjs', loader: 'js', logLevel: 'silent'}));
	});
}
