// Meow in the bundle without what only reading package.json needs.
import {readFile} from 'node:fs/promises';
import path from 'node:path';

/*
Meow 14 ships its dependencies as one module (build/dependencies.js) that runs
normalize-package-data (semver, the SPDX licence lists, hosted-git-info) and Babel's code frame as
it loads, whether or not they are used: some 90 kB of the bundle, and 30-40 ms of every start
before a code cache. They serve only to find and read package.json, which meow skips when it is
given `pkg` (source/cli/args.ts always gives it). So in the bundle:
- options.js takes the two functions from a stub that says what is wrong if it is ever called;
- the calls that load them are marked pure, so esbuild drops them with what only they use.
Each edit must apply exactly once: a new meow fails the build here, loudly, not the program.
*/
const edits = [
	{
		file: 'options.js',
		find: "import { a as readPackageUpSync, n as normalizePackageData } from './dependencies.js';",
		replace: [
			'const readPackageUpSync = () => {',
			"\tthrow new Error('meow is bundled without reading package.json: pass it `pkg`');",
			'};',
			'const normalizePackageData = readPackageUpSync;',
		].join('\n'),
	},
	{
		file: 'dependencies.js',
		find: 'var libExports = requireLib$1();',
		replace: 'var libExports = /* @__PURE__ */ requireLib$1();',
	},
	{
		file: 'dependencies.js',
		find: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
		replace:
			'var normalizeExports = /* @__PURE__ */ requireNormalize();\nconst normalizePackageData = /* @__PURE__ */ getDefaultExportFromCjs(normalizeExports);',
	},
	// What read-package-up made of execFile, made as it loads and never used: importing it loads
	// child_process and net (each `node:` import is kept: see shareInterop in build.js).
	{
		file: 'dependencies.js',
		find: "import { execFile } from 'node:child_process';\n",
		replace: '',
	},
	{file: 'dependencies.js', find: '\npromisify(execFile);\n', replace: '\n'},
];

export const meowWithoutPackageJson = {
	name: 'meow-without-package-json',
	setup(builder) {
		const applied = new Set();
		builder.onLoad(
			{filter: /[/\\]node_modules[/\\]meow[/\\]build[/\\]\w+\.js$/},
			async ({path: file}) => {
				let contents = await readFile(file, 'utf8');
				for (const edit of edits) {
					if (path.basename(file) !== edit.file) {
						continue;
					}

					if (contents.split(edit.find).length !== 2) {
						throw new Error(
							`meow's ${edit.file} changed: check scripts/meow-bundle.js (${edit.find.slice(0, 40)}…)`,
						);
					}

					contents = contents.replace(edit.find, () => edit.replace);
					applied.add(edit);
				}

				return {contents, loader: 'js'};
			},
		);
		builder.onEnd((result) => {
			if (result.errors.length === 0 && applied.size !== edits.length) {
				throw new Error(
					'meow is no longer bundled as scripts/meow-bundle.js expects: was it upgraded?',
				);
			}
		});
	},
};
