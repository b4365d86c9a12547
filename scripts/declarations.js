// The SDK's declaration files (dist/sdk.d.ts and what it reaches), from tsc with
// tsconfig.build.json. tsc takes seconds, so it runs only when a file it read last time changed,
// an output is missing, or the SDK bundle now reads a file it did not.
import {execFile} from 'node:child_process';
import {mkdir, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = path.join(root, 'node_modules/.cache/chat-tui/declarations.json');
const configs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

async function mtime(file) {
	try {
		const info = await stat(path.resolve(root, file));
		return info.mtimeMs;
	} catch {
		return undefined;
	}
}

async function isFresh(bundleInputs) {
	let stamp;
	try {
		stamp = JSON.parse(await readFile(stampFile, 'utf8'));
	} catch {
		return false;
	}

	const sources = new Set(stamp.sources);
	if (bundleInputs.some((input) => !sources.has(path.resolve(root, input)))) {
		return false;
	}

	for (const file of [...stamp.sources, ...configs]) {
		const time = await mtime(file);
		if (time === undefined || time > stamp.builtAt) {
			return false;
		}
	}

	for (const file of stamp.outputs) {
		if ((await mtime(file)) === undefined) {
			return false;
		}
	}

	return true;
}

async function runTsc() {
	const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
	const args = [tsc, '-p', 'tsconfig.build.json', '--listFiles', '--listEmittedFiles'];
	return new Promise((resolve, reject) => {
		execFile(process.execPath, args, {cwd: root, maxBuffer: 16 * 1024 * 1024}, (error, stdout) => {
			if (error) {
				const problems = stdout
					.split('\n')
					.filter((line) => line.includes('error TS'))
					.join('\n');
				reject(new Error(`tsc -p tsconfig.build.json failed:\n${problems || error.message}`));
				return;
			}

			resolve(stdout.split('\n').filter(Boolean));
		});
	});
}

/** Remove declarations an earlier build left for files that moved or went: they would type nothing. */
async function removeStale(outputs) {
	const kept = new Set(outputs.map((file) => path.resolve(root, file)));
	const entries = await readdir(path.join(root, 'dist'), {recursive: true, withFileTypes: true});
	const stale = entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
		.map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
		.filter((file) => !kept.has(file));
	await Promise.all(stale.map(async (file) => rm(file, {force: true})));
	return stale.length;
}

/** Build the declarations unless they are up to date with `bundleInputs` (esbuild's metafile). */
export async function buildDeclarations(bundleInputs) {
	const sourceInputs = bundleInputs.filter((input) => /^source\/.*\.tsx?$/.test(input));
	if (await isFresh(sourceInputs)) {
		return {fresh: true};
	}

	const started = Date.now();
	const lines = await runTsc();
	const outputs = lines
		.filter((line) => line.startsWith('TSFILE: '))
		.map((line) => line.slice('TSFILE: '.length));
	const sourceDirectory = path.join(root, 'source') + path.sep;
	const sources = lines
		.map((line) => path.resolve(line))
		.filter((file) => file.startsWith(sourceDirectory));
	await removeStale(outputs);
	await mkdir(path.dirname(stampFile), {recursive: true});
	await writeFile(stampFile, JSON.stringify({builtAt: started, sources, outputs}));
	return {fresh: false, files: outputs.length, ms: Date.now() - started};
}
