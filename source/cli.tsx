import process from 'node:process';
import packageJson from '../package.json' with {type: 'json'};
import {parseArguments, type FlagValues} from './cli/args.js';
import {commandHelp, helpPage} from './cli/help.js';
import {flagSpec, foreignFlag, isCommandName, type CommandName} from './cli/flags.js';
import {ConfigError, configPath, loadConfig} from './config/config.js';
import type {Config} from './config/values.js';
import {displayFor} from './look/display.js';
import {apiUrlFor, parseLang, parseServerUrl, UsageError, type Lang} from './cli/options.js';
import {resolveSettings, type Settings} from './config/settings.js';
import type {OneShotCommand} from './subcommands/one-shot.js';

const oneShotCommands: readonly OneShotCommand[] = ['send', 'broadcast', 'history', 'users'];
const isOneShot = (command: string): command is OneShotCommand =>
	(oneShotCommands as readonly string[]).includes(command);

/** A flag the command does not take is a usage error, as an unknown flag is. */
function checkFlagsApply(command: CommandName, given: Record<string, unknown>): void {
	const flag = foreignFlag(command, given);
	if (flag !== undefined) {
		const which = command === 'chat' ? 'the chat' : command;
		const help = command === 'chat' ? 'chat-tui --help' : `chat-tui ${command} --help`;
		throw new UsageError(`${which} does not take ${flag} (see ${help})`);
	}
}

type Flags = FlagValues<typeof flagSpec>;

/** The config file and the settings it, the environment and the flags make. */
type Context = {
	readonly file: string;
	readonly config: Config;
	readonly settings: Settings;
	readonly lang: Lang;
};

async function loadContext(flags: Flags, lang: Lang): Promise<Context> {
	const file = configPath();
	const config = await loadConfig(file);
	const settings = resolveSettings({
		flags: {
			server: flags.server,
			name: flags.name,
			userId: flags.userId,
			theme: flags.theme,
			ascii: flags.ascii,
			maxLength: flags.maxLength,
			links: flags.links,
		},
		env: process.env,
		config,
	});
	return {file, config, settings, lang};
}

/** The server URL, checked; a bad one names where it came from. */
function serverOf({server}: Settings): string {
	// The config's was checked when the file was read.
	return parseServerUrl(server.value, server.source === 'env' ? 'CHAT_TUI_SERVER' : '--server');
}

/** How the full-screen chat looks and which keys it takes. */
function lookOf({settings, config}: Context) {
	return {
		display: displayFor({
			theme: settings.theme.value,
			color: settings.color.value,
			ascii: settings.ascii.value,
			timeFormat: settings.timeFormat.value,
			links: settings.links.value,
		}),
		bell: settings.bell.value,
		notify: settings.notify.value,
		keys: config.keys,
	};
}

async function demo(flags: Flags, context: Context): Promise<void> {
	if (flags.server !== undefined || flags.api !== undefined || flags.plain || flags.listen) {
		throw new UsageError(
			'--demo runs its own server in the full-screen chat: drop --server, --api, --plain and --listen',
		);
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new UsageError('--demo needs a terminal: stdin and stdout must be a TTY');
	}

	const {runDemo} = await import('./subcommands/demo.js');
	await runDemo({name: flags.name, lang: context.lang, look: lookOf(context)});
}

/** The chat: full-screen on a terminal, else (or with --plain) line mode. Returns the exit code. */
async function chat(flags: Flags, context: Context): Promise<number> {
	const {settings, lang} = context;
	const serverUrl = serverOf(settings);
	const options = {
		serverUrl,
		apiUrl: apiUrlFor(serverUrl, flags.api),
		// The flag's, else the config's; none yet: one is made and kept.
		userId: settings.userId.value,
		lang,
		insecure: flags.insecure,
		maxLength: settings.maxLength.value,
	};
	const lineMode = flags.plain || flags.listen || flags.json;
	if (lineMode || !process.stdin.isTTY || !process.stdout.isTTY) {
		const {runPlain} = await import('./subcommands/plain.js');
		return runPlain({
			...options,
			name: settings.name.value,
			json: flags.json,
			listen: flags.listen,
		});
	}

	// Ask for the history now, and let the request go out (the connection takes a turn or two of
	// the event loop on a near server): the server answers while the screen's code loads.
	const {awaitSent, requestFirstPage, sendWaitMs} = await import('./startup/first-page.js');
	const request = requestFirstPage(options.apiUrl, options.insecure);
	const firstPage = request.page;
	// The chat reports a failure when it takes the request over; until then it must not end the
	// process as an unhandled rejection.
	firstPage.catch(() => undefined);
	await awaitSent(request, sendWaitMs);
	const {runUi} = await import('./subcommands/ui.js');
	await runUi({
		...options,
		firstPage,
		// A name from the config is offered in the prompt; one from a flag or the environment
		// joins at once.
		name: settings.name.source === 'config' ? undefined : settings.name.value,
		rememberedName: settings.name.source === 'config' ? settings.name.value : undefined,
		...lookOf(context),
	});
	return 0;
}

async function command(name: string, words: string[], flags: Flags, context: Context) {
	const {settings, lang} = context;
	if (name === 'config') {
		if (words.length > 0) {
			throw new UsageError(`config takes no arguments, got "${words.join(' ')}"`);
		}

		const {runConfig} = await import('./subcommands/config.js');
		await runConfig({...context, json: flags.json});
		return;
	}

	const serverUrl = serverOf(settings);
	if (name === 'bot') {
		if (words.length > 0) {
			throw new UsageError(`bot takes no arguments, got "${words.join(' ')}"`);
		}

		const {runBot} = await import('./subcommands/bot.js');
		// The bot's name is its own (--name, else chatbot), never the user's from the config.
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

	const {runOneShot} = await import('./subcommands/one-shot.js');
	await runOneShot(name, words, {
		apiUrl: apiUrlFor(serverUrl, flags.api),
		insecure: flags.insecure,
		lang,
		json: flags.json,
		name: settings.name.value,
		userId: flags.userId,
		limit: flags.limit,
		offset: flags.offset,
		maxLength: settings.maxLength.value,
	});
}

async function main(): Promise<number> {
	// A boolean flag without a default is undefined when absent (--ascii: the locale decides).
	const cli = parseArguments(process.argv.slice(2), flagSpec);
	if (cli.version && !cli.help) {
		process.stdout.write(`${packageJson.version}\n`);
		return 0;
	}

	const [name, ...words] = cli.input;
	const {flags} = cli;
	if (name !== undefined && !isCommandName(name)) {
		throw new UsageError(`unknown command "${name}" (see chat-tui --help)`);
	}

	if (cli.help) {
		// In the language of the labels: --lang, else the locale.
		const lang = parseLang(flags.lang, process.env);
		process.stdout.write(name === undefined ? helpPage(lang) : commandHelp(name, lang));
		return 0;
	}

	checkFlagsApply(name ?? 'chat', flags);
	if (name === 'serve') {
		if (words.length > 0) {
			throw new UsageError(`serve takes no arguments, got "${words.join(' ')}"`);
		}

		const {serve} = await import('./subcommands/serve.js');
		await serve({
			host: flags.host,
			port: flags.port,
			data: flags.data,
			cert: flags.cert,
			key: flags.key,
			rateLimit: flags.rateLimit,
			redis: flags.redis,
			// Only when asked: the notices go to every client, whatever the server's locale.
			lang: flags.lang === undefined ? undefined : parseLang(flags.lang, {}),
		});
		return 0;
	}

	const context = await loadContext(flags, parseLang(flags.lang, process.env));
	if (name !== undefined) {
		await command(name, words, flags, context);
		return 0;
	}

	if (flags.demo) {
		await demo(flags, context);
		return 0;
	}

	return chat(flags, context);
}

/** The way out: the exit code, or the error in one line (a usage error exits 2). */
function fail(error: unknown): never {
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

// Not a top-level await: the built command line is a classic script (see code-cache.ts).
/* eslint-disable unicorn/prefer-top-level-await */
main()
	.then((code) => process.exit(code))
	.catch(fail);
/* eslint-enable unicorn/prefer-top-level-await */
