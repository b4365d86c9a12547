// The README against the code: every flag, subcommand, config key and environment variable the
// code knows is documented, the set-up commands are there, and the links and the screenshot exist.
// (test/keys/keymap.ts checks the key and slash-command tables.)
import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {configKeys} from '../source/config/values.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = await readFile(path.join(root, 'README.md'), 'utf8');
const kebab = (name: string) => name.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

async function sourceFiles(): Promise<Array<{file: string; text: string}>> {
	const names = await readdir(path.join(root, 'source'), {recursive: true});
	const files = names.filter((name) => /\.tsx?$/.test(name)).sort();
	return Promise.all(
		files.map(async (name) => ({
			file: `source/${name}`,
			text: await readFile(path.join(root, 'source', name), 'utf8'),
		})),
	);
}

const sources = await sourceFiles();

/** The flag names of `flagSpec`, read from the source text (the module runs the CLI when imported). */
function flagNames(): string[] {
	const found = sources.find(({text}) => /\bflagSpec\s*=\s*{/.test(text));
	if (!found) {
		throw new Error('no `flagSpec = {` in source/');
	}

	const start = found.text.search(/\bflagSpec\s*=\s*{/);
	const body = found.text.slice(start, found.text.indexOf('\n}', start));
	return [...body.matchAll(/^\t(\w+): {/gm)].map((match) => match[1]!);
}

test('every flag of the CLI is in the README as `--kebab-case`', (t) => {
	const flags = flagNames();
	t.true(flags.length >= 20, `found only ${flags.join(', ')}`);
	for (const flag of [...flags, 'help', 'version']) {
		t.true(readme.includes(`\`--${kebab(flag)}`), `README.md does not document --${kebab(flag)}`);
	}
});

test('every subcommand of the help text is in the README', async (t) => {
	const help = await readFile(path.join(root, 'source/cli/help.ts'), 'utf8');
	const subcommands = [...help.matchAll(/\$ chat-tui ([a-z]+)/g)].map((match) => match[1]!);
	t.true(subcommands.length >= 7, `found only ${subcommands.join(', ')}`);
	for (const name of subcommands) {
		t.true(readme.includes(`chat-tui ${name}`), `README.md does not mention chat-tui ${name}`);
	}
});

test('every config key is in the configuration table', (t) => {
	for (const key of configKeys) {
		t.true(readme.includes(`| \`${key}\` |`), `README.md has no row for the config key ${key}`);
	}
});

test('every environment variable the code reads is in the README', (t) => {
	const variables = new Set<string>();
	for (const {text} of sources) {
		for (const match of text.matchAll(/\b(?:env|environment)\.([A-Z][A-Z\d_]+)/g)) {
			variables.add(match[1]!);
		}
	}

	t.true(variables.size >= 5, `found only ${[...variables].join(', ')}`);
	for (const name of variables) {
		t.true(readme.includes(`\`${name}\``), `README.md does not document ${name}`);
	}
});

test('the sections come in order, with the set-up commands install then test', (t) => {
	const order = [
		'# chat-tui',
		'![chat-tui --demo](docs/screenshot.png)',
		'## Quick start',
		'## Usage',
		'## Connecting to your own server',
		'## Troubleshooting',
		'## Development',
	].map((heading) => readme.indexOf(`${heading}\n`));
	t.false(order.includes(-1), `missing: ${order.join(', ')}`);
	t.deepEqual(
		order,
		order.toSorted((a, b) => a - b),
	);
	t.regex(readme, /```sh\nnpm install\b[^\n]*\nnpm test\b/);
	t.true(readme.includes('npm run screenshot'));
	t.true(readme.includes('npm run bench'));
});

test('the protocol and the screenshot it links are in the repository', async (t) => {
	t.true(readme.includes('](docs/PROTOCOL.md)'));
	const protocol = await stat(path.join(root, 'docs/PROTOCOL.md'));
	t.true(protocol.size > 0);
	const screenshot = await stat(path.join(root, 'docs/screenshot.png'));
	t.true(screenshot.size < 250 * 1024, `docs/screenshot.png is ${screenshot.size} bytes`);
});

test("the quick start clones package.json's repository before anything else", async (t) => {
	const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
		repository?: {url?: string};
	};
	const url = packageJson.repository?.url?.replace(/^git\+/, '');
	t.is(url, 'https://github.com/chat-tui/chat-tui.git');
	const quickStart = readme.slice(readme.indexOf('## Quick start'));
	const firstCommand = /```sh\n([^\n]+)/.exec(quickStart)?.[1];
	t.is(firstCommand, `git clone ${url}`);
});

test('the performance internals live in docs/PERFORMANCE.md, linked from the README', async (t) => {
	t.true(readme.includes('(docs/PERFORMANCE.md)'));
	const performance = await readFile(path.join(root, 'docs/PERFORMANCE.md'), 'utf8');
	t.regex(performance, /DECSTBM/);
	t.false(readme.includes('DECSTBM'), 'not in the README');
});
