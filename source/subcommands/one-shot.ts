import process from 'node:process';
import type {Writable} from 'node:stream';
import {configPath, resolveUserId} from '../config/config.js';
import {labelsFor, tooLongText} from '../look/i18n.js';
import {parsePositiveInt, UsageError, type Lang} from '../cli/options.js';
import {defaultMaxLength, MessageTooLongError, overLimit} from '../protocol/content-limit.js';
import {closeDispatchers} from '../protocol/dispatcher.js';
import {ChatRestApi} from '../protocol/rest-client.js';
import {nonEmpty, rememberedName, rememberedUserId} from './identity.js';
import {createLineFormatter, messageJson, userJson} from './lines.js';

/*
`chat-tui send|broadcast|history|users`: one REST call each, then exit. A failed call throws a
ChatApiError, which the entry prints as one line with exit code 1; a bad argument is a
UsageError (exit 2). Human output by default; with --json, one JSON value a line (history: one
message a line).
*/

export type OneShotOptions = {
	readonly apiUrl: string;
	readonly insecure?: boolean;
	readonly lang: Lang;
	readonly json?: boolean;
	readonly name?: string;
	readonly userId?: string;
	readonly limit?: string;
	readonly offset?: string;
	/** The longest text sent, in characters; default the reference server's 2,000. */
	readonly maxLength?: number;
	readonly output?: Writable;
	readonly errors?: Writable;
};

const maxLimit = 10_000;

/** The text to send, refused here when it is longer than the server takes (exit 1). */
function textOf(command: string, words: readonly string[], options: OneShotOptions): string {
	const text = words.join(' ');
	if (text.trim().length === 0) {
		throw new UsageError(`${command} needs the text: chat-tui ${command} <text>`);
	}

	// Posted as it is, so counted as it is.
	const tooLong = overLimit(text, options.maxLength ?? defaultMaxLength, false);
	if (tooLong) {
		const label = labelsFor(options.lang).textTooLong;
		throw new MessageTooLongError(tooLongText(label, tooLong, options.lang), tooLong);
	}

	return text;
}

function noArguments(command: string, words: readonly string[]): void {
	if (words.length > 0) {
		throw new UsageError(`${command} takes no arguments, got "${words.join(' ')}"`);
	}
}

function parseLimit(raw: string | undefined): number {
	if (raw === undefined) {
		return 50;
	}

	const limit = Number(raw);
	if (!/^\s*\d+\s*$/.test(raw) || limit < 1 || limit > maxLimit) {
		throw new UsageError(`--limit: "${raw}" is not a whole number from 1 to ${maxLimit}`);
	}

	return limit;
}

type Context = {
	readonly api: ChatRestApi;
	readonly options: OneShotOptions;
	print(text: string): void;
	printJson(value: unknown): void;
	warn(text: string): void;
};

async function send(words: readonly string[], {api, options, printJson}: Context): Promise<void> {
	const text = textOf('send', words, options);
	const file = configPath();
	const username = nonEmpty(options.name) ?? (await rememberedName(file));
	if (username === undefined) {
		throw new UsageError(
			'send needs a name: pass --name NAME (or choose one once in the chat, which remembers it)',
		);
	}

	const userId = await resolveUserId(file, options.userId);
	const result = await api.sendMessage({userId, username, content: text});
	if (options.json) {
		printJson(result.message ? messageJson(result.message) : result.body);
	}
}

async function broadcast(words: readonly string[], {api, options, printJson}: Context) {
	const result = await api.broadcast(textOf('broadcast', words, options));
	if (options.json) {
		printJson(result.message ? messageJson(result.message) : result.body);
	}
}

async function history(words: readonly string[], context: Context): Promise<void> {
	const {api, options} = context;
	noArguments('history', words);
	const limit = parseLimit(options.limit);
	const offset =
		options.offset === undefined ? 0 : parsePositiveInt(options.offset, '--offset', 1_000_000_000);
	const page = await api.getMessages({limit, offset});
	if (page.dropped > 0) {
		context.warn(`skipped ${page.dropped} malformed messages in the answer`);
	}

	// In the server's order: time is for display.
	const {messages} = page;
	if (options.json) {
		for (const message of messages) {
			context.printJson(messageJson(message));
		}

		return;
	}

	const format = createLineFormatter(options.lang);
	for (const message of messages) {
		context.print(format(message));
	}
}

async function users(words: readonly string[], context: Context): Promise<void> {
	const {api, options} = context;
	noArguments('users', words);
	const page = await api.getUsers();
	if (options.json) {
		context.printJson({count: page.count, users: page.users.map((user) => userJson(user))});
		return;
	}

	const labels = labelsFor(options.lang);
	const me = options.userId ?? (await rememberedUserId(configPath()));
	context.print(`${labels.online} (${page.count})`);
	for (const user of page.users) {
		context.print(`- ${user.username}${user.userId === me ? ` (${labels.me})` : ''}`);
	}
}

const commands = {send, broadcast, history, users} as const;

export type OneShotCommand = keyof typeof commands;

export async function runOneShot(
	command: OneShotCommand,
	words: readonly string[],
	options: OneShotOptions,
): Promise<void> {
	const output = options.output ?? process.stdout;
	const errors = options.errors ?? process.stderr;
	const print = (text: string) => {
		output.write(`${text}\n`);
	};

	const context: Context = {
		api: new ChatRestApi({baseUrl: options.apiUrl, insecure: options.insecure}),
		options,
		print,
		// NDJSON: one value a line, so `jq` and line tools read it as it comes.
		printJson(value) {
			print(JSON.stringify(value));
		},
		warn(text) {
			errors.write(`chat-tui: ${text}\n`);
		},
	};
	try {
		await commands[command](words, context);
	} finally {
		await closeDispatchers();
	}
}
