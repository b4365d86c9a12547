import {UsageError} from './options.js';

/*
The command line's flags and words. A small parser of our own rather than a library: it is the
first thing every run does, and a start-up over SSH should not wait for a parser bigger than the
rest of the entry point. Flags are `--kebab-case` (camelCase accepted too), `--flag value` or
`--flag=value`, `--no-flag` for a boolean, `-h` and `-v` for `--help` and `--version`, and `--`
ends them. Anything wrong is a UsageError
naming the flag.
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

const helpFlags = new Map<string, 'help' | 'version'>([
	['-h', 'help'],
	['--help', 'help'],
	['-v', 'version'],
	['--version', 'version'],
]);

export function parseArguments<S extends FlagSpec>(argv: readonly string[], spec: S): Arguments<S> {
	const flags: Record<string, string | boolean | undefined> = {};
	for (const [name, {default: fallback}] of Object.entries(spec)) {
		flags[name] = fallback;
	}

	const input: string[] = [];
	let help = false;
	let version = false;
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (argument === '--') {
			input.push(...argv.slice(index + 1));
			break;
		}

		const asked = helpFlags.get(argument);
		if (asked) {
			help ||= asked === 'help';
			version ||= asked === 'version';
			continue;
		}

		if (!argument.startsWith('--') || argument === '--') {
			input.push(argument);
			continue;
		}

		const [written, inline] = splitOnce(argument.slice(2), '=');

		const negated =
			written.startsWith('no-') && spec[camelCase(written.slice(3))]?.type === 'boolean';
		const name = camelCase(negated ? written.slice(3) : written);
		const flag = spec[name];
		if (!flag) {
			throw new UsageError(`unknown flag --${written} (see chat-tui --help)`);
		}

		if (flag.type === 'boolean') {
			if (inline !== undefined) {
				throw new UsageError(`--${kebabCase(name)} takes no value`);
			}

			flags[name] = !negated;
			continue;
		}

		const value = inline ?? argv[index + 1];
		if (value === undefined || (inline === undefined && value.startsWith('--'))) {
			throw new UsageError(`--${kebabCase(name)} needs a value`);
		}

		if (inline === undefined) {
			index++;
		}

		flags[name] = value;
	}

	return {flags: flags as FlagValues<S>, input, help, version};
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
