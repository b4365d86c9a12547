/*
What a submitted line means: a message, or a slash command of a table (the slash commands are
actions/slash-commands.ts). Pure. `//text` sends "/text"; an unknown command is an error that
sends nothing.
*/

/** A command's words, in every language of the UI: the type makes the Chinese required. */
export type InBothLanguages = {readonly en: string; readonly zh: string};

/** What parsing needs to know of a command. */
export type CommandSpec = {
	/** `/nick <name>`: shown in the help and in a usage error. */
	readonly usage: InBothLanguages;
	readonly help: InBothLanguages;
	/** A usage error without an argument. */
	readonly needsArgument?: boolean;
	/** The text the command puts on the wire, if it sends one (for the length limit). */
	readonly outgoing?: (argument: string) => string;
};

/** What parseInput says, in a language (help-zh.ts has the Chinese). */
export type CommandWords = {
	readonly lang: keyof InBothLanguages;
	readonly empty: string;
	/** `{name}`: the command as typed. */
	readonly unknown: string;
	/** `{usage}`: the command's usage line. */
	readonly usage: string;
};

export const englishCommandWords: CommandWords = {
	lang: 'en',
	empty: 'empty command; to send a line starting with "/", type "//"',
	unknown: 'unknown command "/{name}"; /help lists the commands (type "//" to send a "/")',
	usage: 'usage: {usage}',
};

const filled = (template: string, name: string, value: string) =>
	template.replace(`{${name}}`, value);

export type ParsedInput<Name extends string = string> =
	| {readonly kind: 'empty'}
	| {readonly kind: 'message'; readonly text: string}
	| {
			readonly kind: 'command';
			readonly name: Name;
			readonly argument: string;
			/** What it sends (see CommandSpec.outgoing). */
			readonly outgoing?: string;
	  }
	| {readonly kind: 'error'; readonly text: string};

export function parseInput<Name extends string>(
	line: string,
	table: Readonly<Record<Name, CommandSpec>>,
	words = englishCommandWords,
): ParsedInput<Name> {
	if (line.trim().length === 0) {
		return {kind: 'empty'};
	}

	if (line.startsWith('//')) {
		return {kind: 'message', text: line.slice(1)};
	}

	if (!line.startsWith('/')) {
		return {kind: 'message', text: line};
	}

	const match = /^\/(\S*)\s*([\s\S]*)$/.exec(line)!;
	const name = match[1]!.toLowerCase();
	const argument = match[2]!.trim();
	if (name === '') {
		return {kind: 'error', text: words.empty};
	}

	if (!Object.hasOwn(table, name)) {
		return {kind: 'error', text: filled(words.unknown, 'name', name)};
	}

	const spec: CommandSpec = table[name as Name];
	if (spec.needsArgument && argument.length === 0) {
		return {kind: 'error', text: filled(words.usage, 'usage', spec.usage[words.lang])};
	}

	const outgoing = spec.outgoing?.(argument);
	return {
		kind: 'command',
		name: name as Name,
		argument,
		...(outgoing === undefined ? {} : {outgoing}),
	};
}

/** The line `/me <action>` sends: the server and other clients see it as it is typed. */
export const meLine = (action: string) => `/me ${action}`;

/** The text a line puts on the wire (a message, or what its command sends); else undefined. */
export function outgoingText(parsed: ParsedInput): string | undefined {
	if (parsed.kind === 'message') {
		return parsed.text;
	}

	return parsed.kind === 'command' ? parsed.outgoing : undefined;
}
