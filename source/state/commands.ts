/*
What a submitted line means: a message, or a slash command. Pure. `//text` sends "/text"; an
unknown command is an error that sends nothing.
*/

export const commandNames = [
	'help',
	'quit',
	'users',
	'broadcast',
	'clear',
	'me',
	'nick',
	'reconnect',
	'stats',
	'search',
	'bell',
] as const;

export type CommandName = (typeof commandNames)[number];

export const commandHelp: Record<CommandName, {readonly usage: string; readonly help: string}> = {
	help: {usage: '/help', help: 'show every key and command (also F1)'},
	quit: {usage: '/quit', help: 'leave chat-tui'},
	users: {usage: '/users', help: 'list everyone online in the log'},
	broadcast: {
		usage: '/broadcast <text>',
		help: 'send a system notice to everyone (POST /api/broadcast)',
	},
	clear: {usage: '/clear', help: 'clear the log on this screen'},
	me: {usage: '/me <action>', help: 'send an action, shown as "* name action"'},
	nick: {usage: '/nick <name>', help: 're-join under a new name'},
	reconnect: {usage: '/reconnect', help: 'drop the connection and connect again'},
	stats: {
		usage: '/stats',
		help: 'show how many messages arrived, how many are in memory, and the memory used',
	},
	search: {usage: '/search <text>', help: 'find text in the loaded history (also Ctrl-F)'},
	bell: {usage: '/bell [on|off]', help: 'ring the terminal bell on a mention, or not'},
};

/** What parseInput says, in a language (help-zh.ts has the Chinese). */
export type CommandWords = {
	readonly help: Record<CommandName, {readonly usage: string; readonly help: string}>;
	readonly empty: string;
	/** `{name}`: the command as typed. */
	readonly unknown: string;
	/** `{usage}`: the command's usage line. */
	readonly usage: string;
};

export const englishCommandWords: CommandWords = {
	help: commandHelp,
	empty: 'empty command; to send a line starting with "/", type "//"',
	unknown: 'unknown command "/{name}"; /help lists the commands (type "//" to send a "/")',
	usage: 'usage: {usage}',
};

const filled = (template: string, name: string, value: string) =>
	template.replace(`{${name}}`, value);

/** Commands that need an argument. */
const needsArgument = new Set<CommandName>(['broadcast', 'me', 'nick', 'search']);

export type ParsedInput =
	| {readonly kind: 'empty'}
	| {readonly kind: 'message'; readonly text: string}
	| {readonly kind: 'command'; readonly name: CommandName; readonly argument: string}
	| {readonly kind: 'error'; readonly text: string};

const isCommandName = (name: string): name is CommandName =>
	(commandNames as readonly string[]).includes(name);

export function parseInput(line: string, words = englishCommandWords): ParsedInput {
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

	if (!isCommandName(name)) {
		return {kind: 'error', text: filled(words.unknown, 'name', name)};
	}

	if (needsArgument.has(name) && argument.length === 0) {
		return {kind: 'error', text: filled(words.usage, 'usage', words.help[name].usage)};
	}

	return {kind: 'command', name, argument};
}

/** The line `/me <action>` sends: the server and other clients see it as it is typed. */
export const meLine = (action: string) => `/me ${action}`;

/** The text a line puts on the wire (a message, /me's line, /broadcast's notice); else undefined. */
export function outgoingText(parsed: ParsedInput): string | undefined {
	if (parsed.kind === 'message') {
		return parsed.text;
	}

	if (parsed.kind === 'command' && parsed.name === 'me') {
		return meLine(parsed.argument);
	}

	if (parsed.kind === 'command' && parsed.name === 'broadcast') {
		return parsed.argument;
	}

	return undefined;
}
