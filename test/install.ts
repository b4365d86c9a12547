// What installing chat-tui installs: the SDK's users get the socket client, not the UI (Ink,
// React) nor the server (socket.io); the command line bundles those into dist/main.cjs, so it
// runs with nothing more than the package's dependencies. Read from package.json, the lock file
// (npm's own resolution of what an install holds) and the built files (`npm run build` first).
import {execFile} from 'node:child_process';
import {builtinModules} from 'node:module';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = async (file: string) => readFile(path.join(root, file), 'utf8');

type Manifest = {
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	peerDependenciesMeta?: Record<string, {optional?: boolean}>;
};
const manifest = JSON.parse(await read('package.json')) as Manifest;
const lock = JSON.parse(await read('package-lock.json')) as {packages: Record<string, Manifest>};

/** What the UI and the server are made of: none of it belongs to the SDK's install. */
const uiAndServer = [
	'ink',
	'ink-text-input',
	'react',
	'react-reconciler',
	'socket.io',
	'yoga-layout',
];

/** The packages an install of chat-tui brings, as npm resolves them from the lock file. */
function installed(): Set<string> {
	const found = new Set<string>();
	const visit = (from: string, names: string[]) => {
		for (const name of names) {
			// Node's resolution: the nearest node_modules up from the package that needs it.
			let at = from;
			let key = `${at}node_modules/${name}`;
			while (!(key in lock.packages) && at !== '') {
				at = at.replace(/node_modules\/(?:@[^/]+\/)?[^/]+\/$/, '');
				key = `${at}node_modules/${name}`;
			}

			const entry = lock.packages[key];
			if (entry === undefined || found.has(key)) {
				continue;
			}

			found.add(key);
			const optionalPeers = entry.peerDependenciesMeta ?? {};
			const peers = Object.keys(entry.peerDependencies ?? {}).filter(
				(peer) => optionalPeers[peer]?.optional !== true,
			);
			visit(`${key}/`, [
				...Object.keys(entry.dependencies ?? {}),
				...Object.keys(entry.optionalDependencies ?? {}),
				...peers,
			]);
		}
	};

	visit('', [
		...Object.keys(manifest.dependencies ?? {}),
		...Object.keys(manifest.optionalDependencies ?? {}),
	]);
	return new Set([...found].map((key) => key.replace(/^.*node_modules\//, '')));
}

/** The packages a built file loads (`require("x")`, `from "x"`, `import("x")`), Node's own aside. */
async function packagesLoadedBy(file: string): Promise<string[]> {
	const text = await read(file);
	const names = new Set<string>();
	for (const match of text.matchAll(/(?:require\(|from\s*|import\()"([^"./][^"]*)"/g)) {
		const name = match[1]!.startsWith('@')
			? match[1]!.split('/').slice(0, 2).join('/')
			: match[1]!.split('/')[0]!;
		if (!name.startsWith('node:') && !builtinModules.includes(name) && name !== '%s') {
			names.add(name);
		}
	}

	return [...names].sort();
}

test('installing the SDK brings neither the UI (Ink, React) nor the server (socket.io)', (t) => {
	const packages = installed();
	t.true(packages.has('socket.io-client'), 'the socket client is there');
	for (const name of uiAndServer) {
		t.false(packages.has(name), `${name} is installed with chat-tui`);
	}
});

test('dist/sdk.js loads only the socket client and what it needs, all of them dependencies', async (t) => {
	const loaded = await packagesLoadedBy('dist/sdk.js');
	t.true(loaded.includes('socket.io-client'), `${loaded.join(',')}`);
	for (const name of loaded) {
		t.false(uiAndServer.includes(name), `the SDK loads ${name}`);
		t.truthy(manifest.dependencies?.[name], `the SDK loads ${name}, which is not a dependency`);
	}
});

test('the command line needs nothing beyond the dependencies: Ink, React and the server are bundled', async (t) => {
	// ws tries these optional native speed-ups and goes on without them.
	const optional = new Set(['bufferutil', 'utf-8-validate']);
	for (const file of ['dist/cli.cjs', 'dist/main.cjs']) {
		for (const name of await packagesLoadedBy(file)) {
			if (!optional.has(name)) {
				t.truthy(manifest.dependencies?.[name], `${file} loads ${name}, which is not a dependency`);
			}
		}
	}
});

test('the packed package holds the built program and the SDK', async (t) => {
	const {stdout} = await promisify(execFile)(
		'npm',
		['pack', '--dry-run', '--json', '--ignore-scripts'],
		{cwd: root},
	);
	const [packed] = JSON.parse(stdout) as Array<{files: Array<{path: string}>}>;
	const files = packed!.files.map((file) => file.path);
	for (const file of [
		'dist/cli.cjs',
		'dist/main.cjs',
		'dist/sdk.js',
		'dist/sdk.d.ts',
		'package.json',
	]) {
		t.true(files.includes(file), `${file} is in the package`);
	}

	t.false(
		files.some((file) => file.startsWith('source/')),
		'no sources',
	);
});
