/*
chat-tui's fixes to Ink and the packages it draws with live in patches/, one file per package and
version (patches/<package>+<version>.patch, made by patch-package). `npm install` and `npm ci` apply
them to node_modules (the `postinstall` script, `patch-package --error-on-fail --error-on-warn`), so
the tests import the same Ink the bundle ships. Some are matched against minified code (Yoga's), so
a patch must never meet another version than its own: this check, run before every build, refuses
one that does, or one that is not applied (an install with --ignore-scripts).
*/
import process from 'node:process';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';

/** What each patch adds, file by file: every run of added lines must be in the installed file. */
function addedRuns(patch) {
	const files = new Map();
	let runs;
	let run = [];
	const endRun = () => {
		if (run.length > 0) {
			runs.push(run.join('\n'));
		}

		run = [];
	};

	for (const line of patch.split('\n')) {
		const header = /^\+{3} b\/(.+)$/.exec(line);
		if (header) {
			endRun();
			runs = [];
			files.set(header[1], runs);
		} else if (runs && line.startsWith('+')) {
			run.push(line.slice(1));
		} else {
			endRun();
		}
	}

	endRun();
	return files;
}

/**
 * Throws, naming the patch and what to do, unless every patch in patches/ is applied to the version
 * it was made for.
 */
export async function checkPatches(root = process.cwd()) {
	const directory = path.join(root, 'patches');
	const files = await readdir(directory);
	const names = files.filter((name) => name.endsWith('.patch'));
	for (const name of names) {
		// `@scope+name+1.2.3.patch` is @scope/name at 1.2.3.
		const stem = name.slice(0, -'.patch'.length);
		const packageName = stem.slice(0, stem.lastIndexOf('+')).replaceAll('+', '/');
		const version = stem.slice(stem.lastIndexOf('+') + 1);
		const manifest = path.join(root, 'node_modules', packageName, 'package.json');
		const {version: installed} = JSON.parse(await readFile(manifest, 'utf8'));
		if (installed !== version) {
			throw new Error(
				`patches/${name} is for ${packageName} ${version}, but ${installed} is installed: ` +
					'update the patch (README, Development: "Patches to dependencies") or pin the version',
			);
		}

		const patch = await readFile(path.join(directory, name), 'utf8');
		for (const [file, runs] of addedRuns(patch)) {
			const contents = await readFile(path.join(root, file), 'utf8');
			if (runs.some((run) => !contents.includes(run))) {
				throw new Error(
					`patches/${name} is not applied to ${file}: run \`npx patch-package\` (or npm install)`,
				);
			}
		}
	}

	return names;
}
