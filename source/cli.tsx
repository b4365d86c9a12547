import process from 'node:process';
import meow from 'meow';
import {ConfigError} from './config.js';
import {apiUrlFor, parseLang, parseServerUrl, UsageError} from './options.js';

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
} satisfies Record<string, {type: 'string' | 'boolean'; default?: boolean}>;

const cli = meow(
	`
	Usage
	  $ chat-tui [options]              open the full-screen chat
	  $ chat-tui serve [options]        run the reference chat server

	Chat options
	  --server URL     chat server (default http://localhost:3000, https:// for TLS)
	  --api URL        REST base (default <server>/api)
	  --name NAME      your name (asked for when missing)
	  --user-id ID     your user id (default: kept in ~/.config/chat-tui/config.json)
	  --lang en|zh     language of the labels (default from LANG)
	  --insecure       accept any TLS certificate (shown as a warning)

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
	  $ chat-tui serve --port 3000 --data chat.jsonl
	  $ chat-tui --server http://localhost:3000 --name alice
`,
	{
		importMeta: import.meta,
		// Unknown flags are reported by us, on one line (meow would print two and the help).
		allowUnknownFlags: true,
		flags: flagSpec,
	},
);

const knownFlags = new Set(['help', 'version', 'userId', 'user-id', ...Object.keys(flagSpec)]);

async function main(): Promise<void> {
	const unknown = Object.keys(cli.unnormalizedFlags).find((flag) => !knownFlags.has(flag));
	if (unknown !== undefined) {
		throw new UsageError(`unknown flag --${unknown} (see chat-tui --help)`);
	}

	const [command, ...rest] = cli.input;
	const {flags} = cli;
	if (command === 'serve') {
		if (rest.length > 0) {
			throw new UsageError(`serve takes no arguments, got "${rest.join(' ')}"`);
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
		return;
	}

	if (command !== undefined) {
		throw new UsageError(`unknown command "${command}" (see chat-tui --help)`);
	}

	const serverUrl = parseServerUrl(
		flags.server ?? process.env.CHAT_TUI_SERVER ?? 'http://localhost:3000',
	);
	const options = {
		serverUrl,
		apiUrl: apiUrlFor(serverUrl, flags.api),
		name: flags.name,
		userId: flags.userId,
		lang: parseLang(flags.lang, process.env),
		insecure: flags.insecure,
	};
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new UsageError('the chat needs a terminal: stdin and stdout must be a TTY');
	}

	const {runUi} = await import('./commands/ui.js');
	await runUi(options);
	process.exit(0);
}

try {
	await main();
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
