import process from 'node:process';
import meow from 'meow';
import packageJson from '../../package.json' with {type: 'json'};
import {UsageError} from './options.js';

/*
The command line's flags and words, read by meow: `--kebab-case` (camelCase accepted too),
`--flag value` or `--flag=value`, `--no-flag` for a boolean, `-h` and `-v` for `--help` and
`--version`, and `--` ends the flags.

Before meow reads them, each `--flag` is checked against the table, so that a mistake is one line
naming it and exit 2 (meow prints its own two lines, and takes `--plain=yes` as false), and a
string flag's value is joined to it: `--server -odd` is `--server=-odd` to meow, so a value that
starts with a dash is never taken for flags.
*/

export type FlagSpec = Record<
	string,
	{readonly type: 'string' | 'boolean'; readonly default?: boolean}
>;

export type FlagValues<S extends FlagSpec> = {
	-readonly [K in keyof S]: S[K] extends {type: 'boolean'; default: boolean}
		? boolean
		: S[K] extends {type: 'boolean'}
			? boolean | undefined
			: string | undefined;
};

export type Arguments<S extends FlagSpec> = {
	readonly flags: FlagValues<S>;
	readonly input: string[];
	readonly help: boolean;
	readonly version: boolean;
};

const camelCase = (name: string) =>
	name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
export const kebabCase = (name: string) =>
	name.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const askFlags = {
	help: {type: 'boolean', shortFlag: 'h', isMultiple: true},
	version: {type: 'boolean', shortFlag: 'v', isMultiple: true},
} as const;

/** The arguments with each `--flag` checked against `spec` and each string flag's value joined. */
function checked(argv: readonly string[], spec: FlagSpec): string[] {
	const known = (name: string) => spec[name] ?? (name in askFlags ? {type: 'boolean'} : undefined);
	const joined: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') {
			joined.push(...argv.slice(index));
			break;
		}

		if (!argument.startsWith('--')) {
			joined.push(argument);
			continue;
		}

		const [written, inline] = splitOnce(argument.slice(2), '=');
		const negated =
			written.startsWith('no-') && spec[camelCase(written.slice(3))]?.type === 'boolean';
		const name = camelCase(negated ? written.slice(3) : written);
		const flag = known(name);
		if (!flag) {
			throw new UsageError(`unknown flag --${written} (see chat-tui --help)`);
		}

		if (flag.type === 'boolean') {
			if (inline !== undefined) {
				throw new UsageError(`--${kebabCase(name)} takes no value`);
			}

			joined.push(argument);
			continue;
		}

		const value = inline ?? argv[index + 1];
		if (value === undefined || (inline === undefined && value.startsWith('--'))) {
			throw new UsageError(`--${kebabCase(name)} needs a value`);
		}

		if (inline === undefined) {
			index++;
		}

		joined.push(`--${kebabCase(name)}=${value}`);
	}

	return joined;
}

/** Meow's package data, given so that it reads no package.json at start-up. */
const pkg = {name: packageJson.name, version: packageJson.version};

/**
 * The flags as meow takes them: each may be given more than once, and the last one counts (an alias
 * with `--server` in it, then `--server` again, is the other server). Defaults are applied after.
 */
const forMeow = (spec: FlagSpec) => ({
	...Object.fromEntries(
		Object.entries(spec).map(([name, {type}]) => [name, {type, isMultiple: true}]),
	),
	...askFlags,
});

/**
 * Meow sets `process.title` to the program's name, which on Linux overwrites the command line that
 * `ps` and `pkill -f` read (`chat-tui serve --port 3000` became `chat-tui`). Kept as it was.
 */
function keepingTitle<T>(work: () => T): T {
	const title = Object.getOwnPropertyDescriptor(process, 'title');
	if (!title?.configurable) {
		return work();
	}

	const current = process.title;
	Object.defineProperty(process, 'title', {
		configurable: true,
		get: () => current,
		set() {
			// Left as it was.
		},
	});
	try {
		return work();
	} finally {
		Object.defineProperty(process, 'title', title);
	}
}

export function parseArguments<S extends FlagSpec>(argv: readonly string[], spec: S): Arguments<S> {
	const cli = keepingTitle(() =>
		meow({
			argv: checked(argv, spec),
			// Meow asks for it, and uses only its url, only to find package.json, which `pkg` spares it.
			// In the bundle (a classic script) `import.meta` is empty, and its url the script's.
			// eslint-disable-next-line @typescript-eslint/consistent-type-assertions
			importMeta: {url: import.meta.url} as ImportMeta,
			pkg,
			description: false,
			autoHelp: false,
			autoVersion: false,
			// Checked above, in our words; a short flag is checked below.
			allowUnknownFlags: true,
			// Absent is absent (`[]` for a flag that may be given more than once), not false.
			booleanDefault: undefined,
			flags: forMeow(spec),
		}),
	);
	const {help, version, ...given} = cli.flags as Record<string, unknown[] | undefined>;
	const unknown = Object.keys(given).find((name) => !Object.hasOwn(spec, name));
	if (unknown !== undefined) {
		const written = unknown.length === 1 ? `-${unknown}` : `--${kebabCase(unknown)}`;
		throw new UsageError(`unknown flag ${written} (see chat-tui --help)`);
	}

	const flags: Record<string, unknown> = {};
	// An absent boolean without a default stays undefined: `--ascii`, `--no-ascii`, or the locale.
	for (const [name, {default: fallback}] of Object.entries(spec)) {
		flags[name] = given[name]?.at(-1) ?? fallback;
	}

	return {
		flags: flags as FlagValues<S>,
		input: cli.input,
		help: help?.includes(true) ?? false,
		version: version?.includes(true) ?? false,
	};
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
