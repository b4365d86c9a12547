/**
 * A script run by a fresh Node process in the repository's root, so that it imports the packages
 * in node_modules (patched at install: patches/) on their own, before anything else has loaded
 * Node's modules or set up globals. It prints one JSON value last; that value is the result.
 * CI variables are left out: Ink behaves differently under CI, and the bundle never does (it
 * stubs is-in-ci).
 */
import {execFile} from 'node:child_process';
import process from 'node:process';
import {promisify} from 'node:util';

const run = promisify(execFile);

export type ChildOptions = {
	/** `module` (the default) runs the script as an ES module, `commonjs` as a classic script. */
	readonly type?: 'module' | 'commonjs';
	readonly nodeArguments?: readonly string[];
};

export async function runNodeScript<T>(script: string, options: ChildOptions = {}): Promise<T> {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => name !== 'CI' && name !== 'CONTINUOUS_INTEGRATION' && !name.startsWith('CI_'),
		),
	);
	const {stdout} = await run(
		process.execPath,
		[
			...(options.nodeArguments ?? []),
			`--input-type=${options.type ?? 'module'}`,
			'--eval',
			script,
		],
		{cwd: process.cwd(), env, timeout: 60_000},
	);
	const lines = stdout.trim().split('\n');
	return JSON.parse(lines.at(-1)!) as T;
}
