import process from 'node:process';
import meow from 'meow';
import {ConfigError} from './config.js';
import {apiUrlFor, parseLang, parseServerUrl, UsageError, type Lang} from './options.js';
import type {OneShotCommand} from './commands/one-shot.js';

const oneShotCommands: readonly OneShotCommand[] = ['send', 'broadcast', 'history', 'users'];
const isOneShot = (command: string): command is OneShotCommand =>
	(oneShotCommands as readonly string[]).includes(command);

const flagSpec = {
	server: {type: 'string'},
	api: {type: 'string'},
	name: {type: 'string'},
	userId: {type: 'string'},
	lang: {type: 'string'},
	insecure: {type: 'boolean', default: false},
	host: {type: 'string'},
	port: {type: 'string'},
	data: {type: 'string'},
	cert: {type: 'string'},
	key: {type: 'string'},
	rateLimit: {type: 'string'},
	plain: {type: 'boolean', default: false},
	listen: {type: 'boolean', default: false},
	json: {type: 'boolean', default: false},
	demo: {type: 'boolean', default: false},
	limit: {type: 'string'},
	offset: {type: 'string'},
	rules: {type: 'string'},
} satisfies Record<string, {type: 'string' | 'boolean'; default?: boolean}>;

const cli = meow(
	`
	Usage
	  $ chat-tui [options]              open the full-screen chat
	  $ chat-tui --demo                 try it: a local server, some history, a bot, the chat
	  $ chat-tui --plain [options]      line mode (also whenever stdin or stdout is not a terminal)
	  $ chat-tui send <text>            send a message (REST) and exit
	  $ chat-tui broadcast <text>       send a system notice to everyone and exit
	  $ chat-tui history [--limit N] [--offset N] [--json]
	  $ chat-tui users [--json]         who is online
	  $ chat-tui bot [--name NAME] [--rules FILE]
	  $ chat-tui serve [options]        run the reference chat server

	Chat options
	  --server URL     chat server (default http://localhost:3000, https:// for TLS)
	  --api URL        REST base (default <server>/api)
	  --name NAME      your name (asked for when missing)
	  --user-id ID     your user id (default: kept in ~/.config/chat-tui/config.json)
	  --lang en|zh     language of the labels (default from LANG)
	  --insecure       accept any TLS certificate (shown as a warning)
	  --demo           run the demo (--name and --lang apply)

	Line mode (--plain)
	  Prints the last 50 messages and then live ones as "[HH:MM:SS] name: text" lines, sends each
	  line read from stdin, and exits at EOF or "/quit" once the server has echoed every line
	  (exit 1 if some were not confirmed). Connection news goes to stderr.
	  --json           print each message as a line of JSON
	  --listen         do not read stdin; print messages until interrupted (for logging)

	Commands send, broadcast, history, users
	  Exit 0 on success, 1 on a server or network error, 2 on a usage error.
	  send uses --name, else the name the chat remembered; --user-id, else the remembered id.
	  --limit N        history: how many messages (default 50)
	  --offset N       history: how many of the newest to skip (default 0)
	  --json           machine-readable output

	Bot (chat-tui bot)
	  Greets on join, answers messages that mention its name, says goodbye on Ctrl-C.
	  --name NAME      its name (default chatbot, or 聊天机器人 with --lang zh)
	  --rules FILE     replies: one "keyword => reply" a line, "*" for any; # comments

	Server options (chat-tui serve)
	  --host HOST      address to bind (default 127.0.0.1)
	  --port PORT      port (default 3000, 0 for any free port)
	  --data FILE      keep messages in a JSON-lines file across restarts
	  --cert FILE      TLS certificate (PEM); with --key, serve HTTPS and WSS
	  --key FILE       TLS private key (PEM)
	  --rate-limit N/S at most N messages in S seconds per connection (default 20/5)

	Other
	  --help           show this help
	  --version        show the version

	Keys in the chat: Enter sends, PgUp/PgDn scroll, Ctrl-T shows or hides the user list,
	Ctrl-L redraws, Ctrl-C or /quit quits. /help lists every command and key.

	Examples
	  $ chat-tui --demo
	  $ chat-tui serve --port 3000 --data chat.jsonl
	  $ chat-tui --server http://localhost:3000 --name alice
	  $ chat-tui --plain --name logger --listen > chat.log
	  $ chat-tui history --limit 10 --json | jq -r '.[].content'
`,
	{
		importMeta: import.meta,
		// Unknown flags are reported by us, on one line (meow would print two and the help).
		allowUnknownFlags: true,
		flags: flagSpec,
	},
);

const knownFlags = new Set(['help', 'version', 'userId', 'user-id', ...Object.keys(flagSpec)]);

/** Flags that only some commands take (`chat` is the chat itself: no command). */
const flagCommands: Partial<Record<keyof typeof flagSpec, readonly string[]>> = {
	plain: ['chat'],
	listen: ['chat'],
	demo: ['chat'],
	json: ['chat', ...oneShotCommands],
	limit: ['history'],
	offset: ['history'],
	rules: ['bot'],
};

function checkFlagsApply(command: string, given: Record<string, unknown>): void {
	for (const [flag, commands] of Object.entries(flagCommands)) {
		if (given[flag] !== undefined && given[flag] !== false && !commands.includes(command)) {
			const where = commands.map((name) => (name === 'chat' ? 'the chat' : name)).join(', ');
			throw new UsageError(`--${flag} applies to ${where} only`);
		}
	}
}

type Flags = typeof cli.flags;

async function demo(flags: Flags, lang: Lang): Promise<void> {
	if (flags.server !== undefined || flags.api !== undefined || flags.plain || flags.listen) {
		throw new UsageError(
			'--demo runs its own server in the full-screen chat: drop --server, --api, --plain and --listen',
		);
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new UsageError('--demo needs a terminal: stdin and stdout must be a TTY');
	}

	const {runDemo} = await import('./commands/demo.js');
	await runDemo({name: flags.name, lang});
}

/** The chat: full-screen on a terminal, else (or with --plain) line mode. Returns the exit code. */
async function chat(flags: Flags, lang: Lang): Promise<number> {
	const serverUrl = parseServerUrl(
		flags.server ?? process.env.CHAT_TUI_SERVER ?? 'http://localhost:3000',
	);
	const options = {
		serverUrl,
		apiUrl: apiUrlFor(serverUrl, flags.api),
		name: flags.name,
		userId: flags.userId,
		lang,
		insecure: flags.insecure,
	};
	const lineMode = flags.plain || flags.listen || flags.json;
	if (lineMode || !process.stdin.isTTY || !process.stdout.isTTY) {
		const {runPlain} = await import('./commands/plain.js');
		return runPlain({...options, json: flags.json, listen: flags.listen});
	}

	const {runUi} = await import('./commands/ui.js');
	await runUi(options);
	return 0;
}

async function command(name: string, words: string[], flags: Flags, lang: Lang): Promise<void> {
	const serverUrl = parseServerUrl(
		flags.server ?? process.env.CHAT_TUI_SERVER ?? 'http://localhost:3000',
	);
	if (name === 'bot') {
		if (words.length > 0) {
			throw new UsageError(`bot takes no arguments, got "${words.join(' ')}"`);
		}

		const {runBot} = await import('./commands/bot.js');
		await runBot({
			serverUrl,
			name: flags.name,
			userId: flags.userId,
			lang,
			rulesFile: flags.rules,
			insecure: flags.insecure,
		});
		return;
	}

	if (!isOneShot(name)) {
		throw new UsageError(`unknown command "${name}" (see chat-tui --help)`);
	}

	const {runOneShot} = await import('./commands/one-shot.js');
	await runOneShot(name, words, {
		apiUrl: apiUrlFor(serverUrl, flags.api),
		insecure: flags.insecure,
		lang,
		json: flags.json,
		name: flags.name,
		userId: flags.userId,
		limit: flags.limit,
		offset: flags.offset,
	});
}

async function main(): Promise<number> {
	const unknown = Object.keys(cli.unnormalizedFlags).find((flag) => !knownFlags.has(flag));
	if (unknown !== undefined) {
		throw new UsageError(`unknown flag --${unknown} (see chat-tui --help)`);
	}

	const [name, ...words] = cli.input;
	const {flags} = cli;
	checkFlagsApply(name ?? 'chat', flags);
	if (name === 'serve') {
		if (words.length > 0) {
			throw new UsageError(`serve takes no arguments, got "${words.join(' ')}"`);
		}

		const {serve} = await import('./commands/serve.js');
		await serve({
			host: flags.host,
			port: flags.port,
			data: flags.data,
			cert: flags.cert,
			key: flags.key,
			rateLimit: flags.rateLimit,
		});
		return 0;
	}

	const lang = parseLang(flags.lang, process.env);
	if (name !== undefined) {
		await command(name, words, flags, lang);
		return 0;
	}

	if (flags.demo) {
		await demo(flags, lang);
		return 0;
	}

	return chat(flags, lang);
}

try {
	process.exit(await main());
} catch (error: unknown) {
	if (error instanceof UsageError) {
		process.stderr.write(`chat-tui: ${error.message}\n`);
		process.exit(2);
	}

	if (error instanceof ConfigError) {
		process.stderr.write(`chat-tui: ${error.message}\n`);
		process.exit(1);
	}

	process.stderr.write(`chat-tui: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
}
