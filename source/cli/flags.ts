import {kebabCase} from './args.js';

/*
The command line as data: every flag once, with its help line, and for each command the flags it
takes, its usage lines and examples. Meow reads the flag table (args.ts), the entry checks a
command's flags against its list, and `chat-tui COMMAND --help` is made from the same rows
(help.ts), so a flag cannot be taken without being documented.
*/

export const flagSpec = {
	server: {type: 'string'},
	api: {type: 'string'},
	name: {type: 'string'},
	userId: {type: 'string'},
	lang: {type: 'string'},
	theme: {type: 'string'},
	// No default: absent, the locale decides; --no-ascii forces Unicode.
	ascii: {type: 'boolean'},
	// No default: absent, the config and then the terminal decide; --no-links turns them off.
	links: {type: 'boolean'},
	insecure: {type: 'boolean', default: false},
	host: {type: 'string'},
	port: {type: 'string'},
	data: {type: 'string'},
	cert: {type: 'string'},
	key: {type: 'string'},
	rateLimit: {type: 'string'},
	redis: {type: 'string'},
	plain: {type: 'boolean', default: false},
	listen: {type: 'boolean', default: false},
	json: {type: 'boolean', default: false},
	demo: {type: 'boolean', default: false},
	limit: {type: 'string'},
	offset: {type: 'string'},
	rules: {type: 'string'},
	maxLength: {type: 'string'},
} satisfies Record<string, {type: 'string' | 'boolean'; default?: boolean}>;

export type FlagName = keyof typeof flagSpec;

/** A flag's help line: how it is written, and what it does (in Chinese: cli/help-zh.ts). */
export const flagHelp: Record<FlagName, readonly [string, string]> = {
	server: ['--server URL', 'chat server (default http://localhost:3000, https:// for TLS)'],
	api: ['--api URL', 'REST base (default <server>/api)'],
	name: ['--name NAME', 'your name (asked for when missing)'],
	userId: ['--user-id ID', 'your user id (default: kept in the config file)'],
	lang: ['--lang en|zh', 'language of the labels (default from LANG)'],
	theme: ['--theme NAME', 'dark (default), light, or auto (from COLORFGBG)'],
	ascii: ['--ascii', 'borders and marks in ASCII (--no-ascii for Unicode anyway)'],
	links: ['--no-links', 'web links as plain text, not terminal hyperlinks (--links: on anyway)'],
	insecure: ['--insecure', 'accept any TLS certificate (shown as a warning)'],
	host: ['--host HOST', 'address to bind (default 127.0.0.1)'],
	port: ['--port PORT', 'port (default 3000, 0 for any free port)'],
	data: ['--data FILE', 'keep messages in a JSON-lines file across restarts'],
	cert: ['--cert FILE', 'TLS certificate (PEM); with --key, serve HTTPS and WSS'],
	key: ['--key FILE', 'TLS private key (PEM)'],
	rateLimit: ['--rate-limit N/S', 'at most N messages in S seconds per connection (default 20/5)'],
	redis: [
		'--redis URL',
		'share history and presence with other serve processes (or CHAT_TUI_REDIS)',
	],
	plain: ['--plain', 'line mode, also on a terminal'],
	listen: ['--listen', 'line mode that never reads stdin (for logging)'],
	json: ['--json', 'JSON, one value a line'],
	demo: ['--demo', 'the demo: a local server, some history, a bot, the chat'],
	limit: ['--limit N', 'how many messages (default 50)'],
	offset: ['--offset N', 'how many of the newest to skip (default 0)'],
	rules: ['--rules FILE', 'replies: one "keyword => reply" a line, "*" for any; # comments'],
	maxLength: ['--max-length N', 'the longest line sent, in characters (default 2000)'],
};

/** What a command's help page says (in Chinese: cli/help-zh.ts). */
export type CommandText = {
	readonly summary: string;
	readonly usage: readonly string[];
	readonly examples: readonly string[];
	/** Where a flag means something else for this command. */
	readonly meaning?: Partial<Record<FlagName, string>>;
};

export type CommandSpec = CommandText & {readonly flags: readonly FlagName[]};

const client = ['server', 'api', 'lang', 'insecure'] as const satisfies readonly FlagName[];

/** `chat` is the chat itself: no command word. */
export const commandSpecs = {
	chat: {
		summary: 'The chat: full screen on a terminal, else line mode.',
		usage: ['chat-tui [options]', 'chat-tui --plain [options]', 'chat-tui --demo'],
		flags: [
			...client,
			'name',
			'userId',
			'theme',
			'ascii',
			'plain',
			'listen',
			'json',
			'demo',
			'maxLength',
			'links',
		],
		examples: ['chat-tui --server http://localhost:3000 --name alice', 'chat-tui --demo'],
	},
	serve: {
		summary: 'Run the reference chat server until Ctrl-C.',
		usage: ['chat-tui serve [options]'],
		flags: ['host', 'port', 'data', 'cert', 'key', 'rateLimit', 'redis', 'lang'],
		examples: ['chat-tui serve --port 3000 --data chat.jsonl', 'chat-tui serve --lang zh'],
		meaning: {lang: 'language of the join, leave and rename notices (default en)'},
	},
	send: {
		summary: 'Send a message over REST and exit (as --name, else the remembered name).',
		usage: ['chat-tui send <text> [options]'],
		flags: [...client, 'name', 'userId', 'json', 'maxLength'],
		examples: ['chat-tui send --name ci "build passed"'],
	},
	broadcast: {
		summary: 'Send a system notice to everyone and exit.',
		usage: ['chat-tui broadcast <text> [options]'],
		flags: [...client, 'json', 'maxLength'],
		examples: ['chat-tui broadcast "maintenance at 18:00"'],
	},
	history: {
		summary: 'Print the newest messages, oldest first, and exit.',
		usage: ['chat-tui history [options]'],
		flags: [...client, 'limit', 'offset', 'json'],
		examples: [
			'chat-tui history --limit 10',
			`chat-tui history --json | jq -r '"\\(.sender // "-!-"): \\(.content)"'`,
		],
	},
	users: {
		summary: 'Print who is online and exit.',
		usage: ['chat-tui users [options]'],
		flags: [...client, 'userId', 'json'],
		examples: ['chat-tui users --json | jq .count'],
	},
	bot: {
		summary: 'Run a bot: greets on join, answers mentions, says goodbye on Ctrl-C.',
		usage: ['chat-tui bot [options]'],
		flags: ['server', 'lang', 'insecure', 'name', 'userId', 'rules'],
		examples: ['chat-tui bot --name helper --rules rules.txt', 'chat-tui bot --lang zh'],
	},
	config: {
		summary: 'Print the config file and every setting in effect, and why.',
		usage: ['chat-tui config [options]'],
		flags: ['server', 'name', 'userId', 'theme', 'ascii', 'json', 'maxLength', 'links'],
		examples: ['chat-tui config', 'chat-tui config --json'],
	},
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commandSpecs;

export const isCommandName = (name: string): name is Exclude<CommandName, 'chat'> =>
	name !== 'chat' && Object.hasOwn(commandSpecs, name);

/** The first flag given that the command does not take, as written on the command line. */
export function foreignFlag(
	command: CommandName,
	given: Readonly<Record<string, unknown>>,
): string | undefined {
	const takes = new Set<string>(commandSpecs[command].flags);
	const defaults = flagSpec as Record<string, {default?: boolean}>;
	const name = Object.keys(given).find(
		(flag) =>
			given[flag] !== undefined && given[flag] !== defaults[flag]?.default && !takes.has(flag),
	);
	return name === undefined ? undefined : `--${kebabCase(name)}`;
}
