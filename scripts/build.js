// Bundle the command line, source/cli.tsx, into one minified classic script (dist/main.cjs), and
// the program that runs it from V8's code cache (dist/cli.cjs). A bundle starts far faster than
// unbundled imports.
// Also the SDK (`import {ChatClient} from 'chat-tui'`): dist/sdk.js and its .d.ts files.
import process from 'node:process';
import {createHash} from 'node:crypto';
import {readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {build} from 'esbuild';
import {checkPatches} from './patches.js';
import {buildDeclarations} from './declarations.js';
import {meowWithoutPackageJson} from './meow-bundle.js';
import {checkUndiciWithoutH2, undiciWithoutH2} from './undici-without-h2.js';

/** Ink imports react-devtools-core only when DEV is set; the bundle must not carry it. */
const stubDevtools = {
	name: 'stub-react-devtools-core',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, () => ({
			path: 'react-devtools-core',
			namespace: 'stub',
		}));
		builder.onLoad({filter: /.*/, namespace: 'stub'}, () => ({
			contents: 'export default {connectToDevTools() {}};',
			loader: 'js',
		}));
	},
};

/**
 * Ink draws nothing live when `is-in-ci` says it runs in CI (any CI or CI_* variable). The
 * full-screen UI only ever runs on a terminal, where that guess is wrong: a user with CI set in
 * their shell, or our own end-to-end tests under CI, would see a blank screen.
 */
const notInCi = {
	name: 'not-in-ci',
	setup(builder) {
		builder.onResolve({filter: /^is-in-ci$/}, () => ({path: 'is-in-ci', namespace: 'not-in-ci'}));
		builder.onLoad({filter: /.*/, namespace: 'not-in-ci'}, () => ({
			contents: 'export default false;',
			loader: 'js',
		}));
	},
};

/**
 * Parts of Ink replaced as a whole by chat-tui's own (source/render): Ink's log-update writes each
 * frame, ours writes only the changed cells and scrolls the log with a scroll region (Ink 6.8.0's
 * incremental mode also drifts a row per frame when a frame ends in a newline; fixed upstream in
 * Ink 7, PR #910). Ink's Output builds the frame's lines; ours keeps each line's cells across
 * frames instead of tokenizing every line of every frame again. The tests replace Output (and
 * string-width, below) the same way: test/helpers/bundle-parts-hooks.js.
 */
const inkReplacements = [
	{request: './log-update.js', importer: 'ink.js', path: 'source/render/log-update.ts'},
	{request: './output.js', importer: 'renderer.js', path: 'source/render/output.ts'},
];
const replaced = new Set();
const replaceInkParts = {
	name: 'replace-ink-parts',
	setup(builder) {
		builder.onResolve({filter: /^\.\/(log-update|output)\.js$/}, ({path: request, importer}) => {
			const replacement = inkReplacements.find(
				(candidate) =>
					candidate.request === request &&
					importer.endsWith(path.join('node_modules', 'ink', 'build', candidate.importer)),
			);
			if (!replacement) {
				return undefined;
			}

			replaced.add(replacement.path);
			return {path: path.resolve(replacement.path)};
		});
	},
};

/**
Every dependency that measures text (Ink, wrap-ansi, cli-truncate, widest-line) gets our
string-width (source/text/width.ts): the same widths from a table, without compiling Unicode regexes
and loading ICU's grapheme rules at start-up. Only ours imports the real one, for what the table
does not cover.
*/
const ourWidth = path.resolve('source/text/width.ts');
let widthReplaced = false;
const replaceStringWidth = {
	name: 'replace-string-width',
	setup(builder) {
		builder.onResolve({filter: /^string-width$/}, ({importer}) => {
			if (importer === ourWidth) {
				return undefined;
			}

			widthReplaced = true;
			return {path: ourWidth};
		});
	},
};

/**
An ES module importing a CommonJS one (React, or Node's own modules in the classic script) gets a
copy of its exports, made as it loads: a getter per export, for every module that imports it. Node's
process has some 90 properties and 22 modules import it; React has 40 and 45 of Ink's and our modules
import it. Each of them is imported through one shared module of its own instead, made once.
*/
const shared = /^(node:[a-z_/]+|react|react\/jsx-runtime)$/;
const shareInterop = {
	name: 'share-interop',
	setup(builder) {
		builder.onResolve({filter: shared}, ({path: request, namespace, kind}) => {
			if (namespace === 'shared-interop' || kind !== 'import-statement') {
				return undefined;
			}

			return {path: request, namespace: 'shared-interop'};
		});
		builder.onLoad({filter: /.*/, namespace: 'shared-interop'}, ({path: request}) => ({
			contents: `export * from ${JSON.stringify(request)};\nexport {default} from ${JSON.stringify(request)};\n`,
			resolveDir: process.cwd(),
			loader: 'js',
		}));
	},
};

/**
 * Check the classic script and name its build in its first line. The program runs it without a
 * module system, so an import() left in it would throw; and V8 keeps an ASCII script one byte to a
 * character, so the program reads it without decoding and hashes nothing (source/startup/code-cache.ts).
 */
async function finishScript(file) {
	const contents = await readFile(file, 'utf8');
	if (/\bimport\(/.test(contents)) {
		throw new Error(`${file} has a dynamic import(): bundle the module it loads`);
	}

	// An unminified build keeps comments, which may quote any text; read as Latin-1 they only
	// look wrong.
	const foreign = forNode.minify ? /[^\0-\u007F]/.exec(contents) : undefined;
	if (foreign) {
		const around = contents.slice(Math.max(0, foreign.index - 40), foreign.index + 20);
		throw new Error(`${file} is not ASCII: escape "${foreign[0]}" in the source (…${around}…)`);
	}

	const hash = createHash('sha256').update(contents).digest('hex');
	await writeFile(file, `// chat-tui build ${hash}\n${contents}`);
}

const started = Date.now();
// Our fixes to Ink and its packages are in node_modules (patches/, applied at install); a build
// never bundles a package its patch was not made for.
await checkPatches();
// What earlier builds made: the command line as ES modules, and the chat's own script.
await rm('dist/chunks', {recursive: true, force: true});
await rm('dist/cli.js', {force: true});
await rm('dist/ui.cjs', {force: true});
/** What the command line's bundles share: Node 20, production React, our replacements of Ink's parts. */
const forNode = {
	bundle: true,
	minify: process.env.CHAT_TUI_UNMINIFIED !== '1',
	platform: 'node',
	target: 'node20',
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Optional native speed-ups of ws: absent is fine, ws falls back to JavaScript.
	external: ['bufferutil', 'utf-8-validate'],
	plugins: [stubDevtools, notInCi, replaceInkParts, replaceStringWidth],
	logLevel: 'warning',
};

/** Both scripts are CommonJS; `import.meta.url` (for createRequire) comes from the banner. */
const classicScript = {
	format: 'cjs',
	define: {...forNode.define, 'import.meta.url': 'importMetaUrl'},
};
const importMetaUrl = "var importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/** What only `serve --redis` loads: left out of the script so that it costs every other start nothing. */
const redisPackages = ['ioredis', '@socket.io/redis-adapter'];

/*
The command line, with the chat and every command, as one classic script: dist/main.cjs. V8 can
keep such a script compiled between runs (source/startup/code-cache.ts), which Node 20 cannot do for ES
modules; what only some commands need (the server, the one-shots, the bot) is only evaluated when
they run. It has no imports of its own: dependencies are bundled, and Node's modules come through
the `require` the program passes in.
*/
const main = build({
	...forNode,
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/main.cjs',
	...classicScript,
	// import() of Node's own modules as require(): the script has no module system to import with.
	supported: {'dynamic-import': false},
	// `serve --redis` only: required from node_modules when it runs, never part of the script.
	external: [...forNode.external, ...redisPackages],
	plugins: [shareInterop, meowWithoutPackageJson, undiciWithoutH2, ...forNode.plugins],
	banner: {js: importMetaUrl},
});

/**
 * The program, dist/cli.cjs: it runs dist/main.cjs from the code cache (source/startup/bin.ts). A classic
 * script as well: Node's ES module loader alone takes longer to start than this file does.
 */
const bin = build({
	...forNode,
	...classicScript,
	entryPoints: ['source/startup/bin.ts'],
	outfile: 'dist/cli.cjs',
	// It imports only Node's own modules and ours.
	plugins: [],
	banner: {js: `#!/usr/bin/env node\n${importMetaUrl}`},
});

/*
The SDK: readable ESM with its dependencies left as imports (they are this package's own
dependencies, so an installed chat-tui has them), and declarations from tsc.
*/
const sdk = build({
	entryPoints: ['source/sdk.ts'],
	outfile: 'dist/sdk.js',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	packages: 'external',
	metafile: true,
	legalComments: 'none',
	logLevel: 'warning',
});

const [, sdkResult] = await Promise.all([main, sdk, bin]);
await finishScript('dist/main.cjs');

for (const {request, importer, path: ours} of inkReplacements) {
	if (!replaced.has(ours)) {
		throw new Error(`Ink's ${importer} no longer imports ${request}: was Ink upgraded?`);
	}
}

checkUndiciWithoutH2();

if (!widthReplaced) {
	throw new Error('no dependency imports string-width any more: drop replace-string-width');
}

process.stderr.write(
	`built dist/cli.cjs, dist/main.cjs and dist/sdk.js in ${Date.now() - started} ms\n`,
);
const declarations = await buildDeclarations(Object.keys(sdkResult.metafile.inputs));
process.stderr.write(
	declarations.fresh
		? 'dist/*.d.ts are up to date\n'
		: `built ${declarations.files} declaration files in ${declarations.ms} ms\n`,
);
