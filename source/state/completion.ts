import type {LineState} from './line-editor.js';

/*
Tab completion in the input line, pure. The word before the cursor is completed:
- `@pre` to `@name ` (any name that starts with "pre", any case);
- `pre` to `name ` (`name: ` at the start of the line, as IRC clients address someone);
- `/he` at the start of the line to `/help `.
Tab again right after cycles through the other candidates. Undefined: nothing to complete.
*/

export type Completion = {
	/** The line as the last completion left it: Tab on this same line cycles. */
	readonly line: LineState;
	readonly before: string;
	readonly after: string;
	readonly replacements: readonly string[];
	readonly index: number;
};

const startsWith = (name: string, prefix: string) =>
	name.toLowerCase().startsWith(prefix.toLowerCase());

function replacementsFor(
	word: string,
	atStart: boolean,
	names: readonly string[],
	commands: readonly string[],
): string[] {
	if (word.startsWith('/') && atStart) {
		return commands.filter((name) => startsWith(name, word.slice(1))).map((name) => `/${name} `);
	}

	if (word.startsWith('@')) {
		return names.filter((name) => startsWith(name, word.slice(1))).map((name) => `@${name} `);
	}

	return names
		.filter((name) => startsWith(name, word))
		.map((name) => (atStart ? `${name}: ` : `${name} `));
}

function build(
	before: string,
	replacement: string,
	after: string,
): {value: string; cursor: number} {
	return {value: before + replacement + after, cursor: before.length + replacement.length};
}

export function complete(
	line: LineState,
	names: readonly string[],
	commands: readonly string[],
	previous?: Completion,
): {line: LineState; completion: Completion} | undefined {
	if (
		previous &&
		previous.replacements.length > 1 &&
		previous.line.value === line.value &&
		previous.line.cursor === line.cursor
	) {
		const index = (previous.index + 1) % previous.replacements.length;
		const next = build(previous.before, previous.replacements[index]!, previous.after);
		return {line: next, completion: {...previous, line: next, index}};
	}

	const head = line.value.slice(0, line.cursor);
	const word = /\S*$/.exec(head)![0];
	if (word.length === 0) {
		return undefined;
	}

	const before = head.slice(0, head.length - word.length);
	const replacements = replacementsFor(word, before.trim().length === 0, names, commands);
	if (replacements.length === 0) {
		return undefined;
	}

	const after = line.value.slice(line.cursor);
	const next = build(before, replacements[0]!, after);
	return {line: next, completion: {line: next, before, after, replacements, index: 0}};
}

/**
 * Names to complete, most useful first: who spoke lately (newest first) and is online, then the
 * rest of who is online in the order given (the user list's, sorted once per list, not per Tab),
 * then who spoke lately; never the user's own name.
 */
export function completionNames(
	online: readonly string[],
	recentSenders: readonly string[],
	own: string,
): string[] {
	const onlineSet = new Set(online);
	const ordered = [
		...recentSenders.filter((name) => onlineSet.has(name)),
		...online,
		...recentSenders,
	];
	return [...new Set(ordered)].filter((name) => name !== own && name.length > 0);
}
