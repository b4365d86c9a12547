/*
Ink keeps the size of every text it measured and every text it wrapped or truncated, in caches
that are never emptied; patches/ink+6.8.0.patch bounds both (measure-text.js, wrap-text.js). A
chat that runs for days draws millions of distinct lines: what they leave in memory is measured
here, in a fresh process, after a garbage collection.
*/
import test from 'ava';
import {runNodeScript} from '../helpers/node-child.js';

/** Megabytes the heap keeps after `use` has been given 12,000 distinct texts of 1,000 characters. */
const retained = async (module: string, use: string) =>
	runNodeScript<number>(
		`
import use from './node_modules/${module}';
const heap = () => {
	globalThis.gc();
	return process.memoryUsage().heapUsed;
};
const before = heap();
for (let index = 0; index < 12_000; index++) {
	const text = String(index).padStart(1000, 'x');
	${use};
}
console.log(JSON.stringify((heap() - before) / 1e6));
`,
		{nodeArguments: ['--expose-gc']},
	);

// 12 MB of text went through; a cache of 4,096 entries keeps at most about 4 MB of it.
test("Ink's cache of measured texts is bounded", async (t) => {
	const megabytes = await retained('ink/build/measure-text.js', 'use(text)');
	t.true(megabytes < 6, `${megabytes.toFixed(1)} MB kept`);
});

test("Ink's cache of wrapped and truncated texts is bounded", async (t) => {
	const megabytes = await retained('ink/build/wrap-text.js', "use(text, 2000, 'truncate-end')");
	t.true(megabytes < 6, `${megabytes.toFixed(1)} MB kept`);
});
