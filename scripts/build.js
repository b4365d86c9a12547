// Bundle the command line: source/cli.tsx into minified ESM (dist/cli.js and dist/chunks), and the
// full-screen chat into one classic script, dist/ui.cjs. A bundle starts far faster than unbundled
// imports.
// Also the SDK (`import {ChatClient} from 'chat-tui'`): dist/sdk.js and its .d.ts files.
import process from 'node:process';
import {readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {build} from 'esbuild';
import {inkPatches} from './ink-patches.js';
import {buildDeclarations} from './declarations.js';

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
 * frames instead of tokenizing every line of every frame again.
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

/** Apply our fixes to Ink and its packages as they are bundled; fail loudly if one changed under us. */
const applied = new Set();
const patchInk = {
	name: 'patch-ink',
	setup(builder) {
		builder.onLoad(
			{
				filter:
					/[/\\]node_modules[/\\](ink[/\\]build|yoga-layout[/\\]dist|string-width|slice-ansi)[/\\].*\.js$/,
			},
			async ({path: file}) => {
				let contents = await readFile(file, 'utf8');
				const where = file.split(path.sep).join('/');
				for (const patch of inkPatches) {
					if (!where.endsWith(`/node_modules/${patch.file}`)) {
						continue;
					}

					const count = patch.count ?? 1;
					if (contents.split(patch.find).length !== count + 1) {
						throw new Error(
							`patch "${patch.name}" does not apply ${count} time(s) to ${file}: was it upgraded?`,
						);
					}

					// A function: `$` in a replacement is not a pattern.
					contents = contents.replaceAll(patch.find, () => patch.replace);
					applied.add(patch.name);
				}

				return {contents, loader: 'js'};
			},
		);
	},
};

const started = Date.now();
await rm('dist/chunks', {recursive: true, force: true});
/** What the command line's bundles share: Node 20, production React, our replacements and patches. */
const forNode = {
	bundle: true,
	minify: process.env.CHAT_TUI_UNMINIFIED !== '1',
	platform: 'node',
	target: 'node20',
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Optional native speed-ups of ws: absent is fine, ws falls back to JavaScript.
	external: ['bufferutil', 'utf-8-validate'],
	plugins: [stubDevtools, notInCi, replaceInkParts, replaceStringWidth, patchInk],
	logLevel: 'warning',
};

/*
The command line: dist/cli.js, with what only some commands need (the server, the one-shots, the
bot) split into dist/chunks and loaded on demand, so the chat does not compile them at start-up.
*/
const cli = build({
	...forNode,
	entryPoints: {cli: 'source/cli.tsx'},
	outdir: 'dist',
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	format: 'esm',
	sourcemap: false,
	banner: {
		js: [
			'#!/usr/bin/env node',
			// CommonJS dependencies (React, socket.io) call require; ESM has none by default.
			"import {createRequire as __createRequire} from 'node:module';",
			'const require = __createRequire(import.meta.url);',
		].join('\n'),
	},
});

/*
The full-screen chat as one classic script, dist/ui.cjs: V8 can keep such a script compiled between
runs, which halves the chat's start-up (source/commands/load-ui.ts). It has no imports of its own:
dependencies are bundled, and Node's modules come through the `require` the loader passes in.
*/
const ui = build({
	...forNode,
	entryPoints: ['source/commands/ui.tsx'],
	outfile: 'dist/ui.cjs',
	format: 'cjs',
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

const [, sdkResult] = await Promise.all([cli, sdk, ui]);
// The loader runs it without a module system: an import() left in it would throw.
if (/\bimport\(/.test(await readFile('dist/ui.cjs', 'utf8'))) {
	throw new Error('dist/ui.cjs has a dynamic import(): bundle the module it loads');
}

for (const {name} of inkPatches) {
	if (!applied.has(name)) {
		throw new Error(`patch "${name}" found no file to apply to: was a dependency upgraded?`);
	}
}

for (const {request, importer, path: ours} of inkReplacements) {
	if (!replaced.has(ours)) {
		throw new Error(`Ink's ${importer} no longer imports ${request}: was Ink upgraded?`);
	}
}

if (!widthReplaced) {
	throw new Error('no dependency imports string-width any more: drop replace-string-width');
}

process.stderr.write(
	`built dist/cli.js, dist/ui.cjs and dist/sdk.js in ${Date.now() - started} ms\n`,
);
const declarations = await buildDeclarations(Object.keys(sdkResult.metafile.inputs));
process.stderr.write(
	declarations.fresh
		? 'dist/*.d.ts are up to date\n'
		: `built ${declarations.files} declaration files in ${declarations.ms} ms\n`,
);
