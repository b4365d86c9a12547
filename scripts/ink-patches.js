// Fixes to Ink 6.8.0 and the packages it draws with (Yoga, string-width, slice-ansi, terminal-size,
// signal-exit), applied while bundling (see scripts/build.js).
// `file` is the path inside node_modules; `find` must occur `count` times (default once).

// Ink's log-update is replaced as a whole (source/render/log-update.ts); see scripts/build.js.

export const inkPatches = [
	{
		// On a resize, terminals reflow or clip what is on screen, so Ink's idea of where its last
		// frame sits no longer holds. In the full screen the only safe repaint is a whole one: clear,
		// home, forget the last frame, draw. (Ink 6.8 only does so when the width shrinks, and then
		// by erasing lines relative to a cursor that may have moved.) chat-tui also triggers this
		// for Ctrl-L.
		name: 'full-repaint-on-resize',
		file: 'ink/build/ink.js',
		find: 'if (currentWidth < this.lastTerminalWidth) {',
		replace: String.raw`if (this.options.stdout.isTTY) { this.options.stdout.write('\u001B[2J\u001B[H'); this.log.sync(''); this.lastOutput = ''; this.lastOutputToRender = ''; this.lastOutputHeight = 0; } else if (currentWidth < this.lastTerminalWidth) {`,
	},
];

inkPatches.push(
	{
		// Ink clears the terminal and paints everything whenever the last frame was as tall as the
		// terminal: written for its own log-update, which cannot address a row above the cursor. Ours
		// draws every frame from the top-left corner, so a frame may fill the terminal (the input
		// line is its last row); only a taller one, which would scroll, is still painted whole.
		name: 'full-height-frames',
		file: 'ink/build/ink.js',
		find: 'if (this.lastOutputHeight >= this.options.stdout.rows) {',
		replace: 'if (this.lastOutputHeight > this.options.stdout.rows) {',
	},
	{
		// Ink wraps every write in synchronized output (16 bytes), a typed character too. Our
		// log-update does so itself, for frames big enough to tear (source/render/log-update.ts).
		name: 'synchronized-output-by-log-update',
		file: 'ink/build/write-synchronized.js',
		find: "return 'isTTY' in stream && stream.isTTY === true && !isInCi;",
		replace: 'return false;',
	},
	{
		// Ink remembers the size of every text it ever measured, in a Map that is never emptied:
		// in a chat that runs for days every message line stays in memory. Keep a few screens.
		name: 'bounded-measure-cache',
		file: 'ink/build/measure-text.js',
		find: '    cache.set(text, dimensions);',
		replace:
			'    if (cache.size >= 4096) {\n        cache.clear();\n    }\n    cache.set(text, dimensions);',
	},
	{
		// The same for every text it ever wrapped or truncated (an object used as a map).
		name: 'bounded-wrap-cache',
		file: 'ink/build/wrap-text.js',
		find: 'const cache = {};',
		replace: 'const cache = new Map();',
	},
	{
		name: 'bounded-wrap-cache-get',
		file: 'ink/build/wrap-text.js',
		find: '    const cachedText = cache[cacheKey];',
		replace: '    const cachedText = cache.get(cacheKey);',
	},
	{
		name: 'bounded-wrap-cache-set',
		file: 'ink/build/wrap-text.js',
		find: '    cache[cacheKey] = wrappedText;',
		replace:
			'    if (cache.size >= 4096) {\n        cache.clear();\n    }\n    cache.set(cacheKey, wrappedText);',
	},
	{
		// Yoga carries its WebAssembly as a data: URL and, where `fetch` exists, fetches it: on Node
		// that first loads Node's whole fetch implementation, about 50 ms of start-up. Without `fetch`
		// it decodes the same bytes itself.
		name: 'yoga-without-fetch',
		file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
		find: '"function"!=typeof fetch',
		replace: 'true',
		count: 2,
	},
	/*
	No top-level await, so that the command line can be one classic script, which V8 can keep
	compiled between runs (see source/startup/code-cache.ts). Ink awaits its React devtools and
	package.json only when DEV=true, which the bundle does not support (react-devtools-core is
	stubbed); Yoga awaits the compilation of its WebAssembly, which can as well be synchronous.
	*/
	{
		name: 'ink-devtools-without-await',
		file: 'ink/build/reconciler.js',
		find: "await import('./devtools.js');",
		replace: "import('./devtools.js');",
	},
	{
		name: 'ink-package-json-without-await',
		file: 'ink/build/reconciler.js',
		find: '? await loadPackageJson()',
		replace: '? {name: undefined, version: undefined}',
	},
	{
		name: 'yoga-sync-load',
		file: 'yoga-layout/dist/src/index.js',
		find: 'const Yoga = wrapAssembly(await loadYoga());',
		// With the synchronous instantiation below, the module object is ready when loadYoga returns.
		replace:
			'const yogaModule = {};\nloadYoga(yogaModule);\nconst Yoga = wrapAssembly(yogaModule);',
	},
	{
		name: 'yoga-sync-instantiate',
		file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
		find: 'function c(e){return ya().then(function(f){return WebAssembly.instantiate(f,d)}).then(function(f){return f}).then(e,function(f){v("failed to asynchronously prepare wasm: "+f);x(f)})}',
		replace:
			'function c(e){e({instance:new WebAssembly.Instance(new WebAssembly.Module(wa()),d)});return Promise.resolve()}',
	},
	{
		// Only used to find the WebAssembly file, which is inline here.
		name: 'yoga-without-import-meta',
		file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
		find: 'var _scriptDir = import.meta.url;',
		replace: 'var _scriptDir = undefined;',
	},
	{
		// string-width (what our own width module falls back on) and slice-ansi (which cuts styled
		// text for Ink's truncation) both load ICU's grapheme rules as they are imported, about 20 ms
		// of start-up that most sessions never need. Load them on first use.
		name: 'string-width-lazy-segmenter',
		file: 'string-width/index.js',
		find: 'const segmenter = new Intl.Segmenter();',
		replace:
			'let realSegmenter;\nconst segmenter = {segment: (text) => (realSegmenter ??= new Intl.Segmenter()).segment(text)};',
	},
	{
		// Its RGI emoji pattern takes about 35 ms to parse, at import.
		name: 'string-width-lazy-emoji-pattern',
		file: 'string-width/index.js',
		find: String.raw`const rgiEmojiRegex = /^\p{RGI_Emoji}$/v;`,
		replace: String.raw`let realRgiEmojiRegex; const rgiEmojiRegex = {test: (text) => (realRgiEmojiRegex ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(text)};`,
	},
	{
		name: 'slice-ansi-lazy-segmenter',
		file: 'slice-ansi/tokenize-ansi.js',
		find: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
		replace:
			"let graphemeSegmenter;\nconst GRAPHEME_SEGMENTER = {segment: (text) => (graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)};",
	},
	/*
	More of what loads at start-up and is seldom or never needed: Node's child_process (about 4 ms to
	load) for terminal-size's fallbacks, when the terminal does not say its size; Node's assert (1 ms)
	for one argument check in signal-exit; and Yoga's WebAssembly decoded from base64 by a loop in
	JavaScript, where Node's Buffer does it natively.
	*/
	{
		name: 'terminal-size-lazy-child-process',
		file: 'terminal-size/index.js',
		find: "import {execFileSync} from 'node:child_process';",
		replace:
			"const execFileSync = (...arguments_) => require('node:child_process').execFileSync(...arguments_);",
	},
	{
		name: 'signal-exit-without-assert',
		file: 'signal-exit/index.js',
		find: "var assert = require('assert')",
		replace: '',
	},
	{
		// Ink registers its handler as it draws the first frame: the check without Node's assert.
		name: 'signal-exit-check-without-assert',
		file: 'signal-exit/index.js',
		find: "assert.equal(typeof cb, 'function', 'a callback must be provided for exit handler')",
		replace:
			"if (typeof cb !== 'function') throw new TypeError('a callback must be provided for exit handler')",
	},
	{
		name: 'yoga-native-base64',
		file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
		find: 'new WebAssembly.Module(wa())',
		replace: 'new WebAssembly.Module(ua(H)?Buffer.from(H.slice(37),"base64"):wa())',
	},
);
