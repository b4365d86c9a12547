/*
The patches that keep start-up short (patches/*.patch): what a package loads as it is imported,
and seldom or never needs, is loaded on first use instead. Each test imports the package in a
fresh process and looks at what was loaded or built, then uses it and checks it still works.
*/
import test from 'ava';
import {runNodeScript} from '../helpers/node-child.js';

test('Yoga compiles its WebAssembly at import, without fetch(), from base64 decoded natively', async (t) => {
	const result = await runNodeScript<{fetched: number; decoded: number; width: number}>(`
let fetched = 0;
globalThis.fetch = async () => {
	fetched++;
	throw new Error('no fetch');
};
let decoded = 0;
const from = Buffer.from;
Buffer.from = (value, encoding) => {
	if (encoding === 'base64' && value.length > 10_000) decoded++;
	return from(value, encoding);
};
const {default: Yoga} = await import('yoga-layout');
const node = Yoga.Node.create();
node.setWidth(42);
node.calculateLayout();
console.log(JSON.stringify({fetched, decoded, width: node.getComputedWidth()}));
`);
	// Fetch would first load Node's whole fetch implementation, about 50 ms.
	t.is(result.fetched, 0, 'no fetch');
	t.is(result.decoded, 1, 'the inline WebAssembly decoded by Buffer');
	t.is(result.width, 42, 'Yoga works');
});

/** Counts what is built as the script imports and then uses a package. */
const counting = `
let segmenters = 0;
const Segmenter = Intl.Segmenter;
Intl.Segmenter = class extends Segmenter {
	constructor(...arguments_) {
		super(...arguments_);
		segmenters++;
	}
};
let emojiPatterns = 0;
const RealRegExp = RegExp;
globalThis.RegExp = new Proxy(RealRegExp, {
	construct(target, arguments_) {
		if (String(arguments_[0]).includes('RGI_Emoji')) emojiPatterns++;
		return new target(...arguments_);
	},
});
const counts = () => ({segmenters, emojiPatterns});
`;

type Counts = {segmenters: number; emojiPatterns: number};

test("string-width builds ICU's grapheme rules and its emoji pattern on first use", async (t) => {
	const result = await runNodeScript<{imported: Counts; used: Counts; width: number}>(`
${counting}
const {default: stringWidth} = await import('string-width');
const imported = counts();
const width = stringWidth('a👍🏽好');
console.log(JSON.stringify({imported, used: counts(), width}));
`);
	t.deepEqual(result.imported, {segmenters: 0, emojiPatterns: 0}, 'nothing built at import');
	t.is(result.width, 5);
	t.true(result.used.segmenters > 0, 'the grapheme rules, once used');
	t.is(result.used.emojiPatterns, 1, 'the emoji pattern, once used');
});

test("slice-ansi builds ICU's grapheme rules on first use", async (t) => {
	const result = await runNodeScript<{imported: Counts; used: Counts; slice: string}>(`
${counting}
const {default: sliceAnsi} = await import('slice-ansi');
const imported = counts();
const slice = sliceAnsi('ab👍🏽cd', 1, 4);
console.log(JSON.stringify({imported, used: counts(), slice}));
`);
	t.is(result.imported.segmenters, 0, 'nothing built at import');
	t.is(result.slice, 'b👍🏽');
	t.true(result.used.segmenters > 0, 'the grapheme rules, once used');
});

const loaded = (name: string) => `process.moduleLoadList.includes('NativeModule ${name}')`;

test("terminal-size loads Node's child_process only for its fallbacks", async (t) => {
	const result = await runNodeScript<{imported: boolean; size: {columns: number}; used: boolean}>(`
const {default: terminalSize} = await import('terminal-size');
const imported = ${loaded('child_process')};
// Neither stdout (a pipe) nor the environment says the size: it asks tput and stty.
delete process.env.COLUMNS;
delete process.env.LINES;
const size = terminalSize();
console.log(JSON.stringify({imported, size, used: ${loaded('child_process')}}));
`);
	t.false(result.imported, 'not loaded at import');
	t.true(result.size.columns > 0);
	t.true(result.used, 'loaded by a fallback');
});

test("signal-exit checks its callback without Node's assert", async (t) => {
	const result = await runNodeScript<{assert: boolean; error: string}>(
		`
const onExit = require('signal-exit');
let error = '';
try {
	onExit(42);
} catch (caught) {
	error = caught.constructor.name + ': ' + caught.message;
}
const remove = onExit(() => {});
remove();
console.log(JSON.stringify({assert: ${loaded('assert')}, error}));
`,
		{type: 'commonjs'},
	);
	t.false(result.assert, 'assert not loaded');
	t.is(result.error, 'TypeError: a callback must be provided for exit handler');
});
