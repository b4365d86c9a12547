import {randomBytes} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import process from 'node:process';
import {UsageError, type Lang} from '../cli/options.js';
import {ChatClient, type Message} from '../sdk.js';
import {
	chooseReply,
	defaultBotName,
	goodbye,
	greeting,
	mentions,
	parseRules,
	ReplyLimiter,
	responses,
	slowingDown,
	type ReplyLimits,
	type Rule,
} from './bot-rules.js';
import {nonEmpty} from './identity.js';

/*
`chat-tui bot`: the guide's bot on the SDK. It greets once it has joined, answers live messages
that mention it (never its own, never history, within the limits of ReplyLimiter), and says
goodbye on SIGINT or SIGTERM before it leaves.
*/

export type BotOptions = {
	readonly serverUrl: string;
	readonly name?: string;
	readonly userId?: string;
	readonly lang: Lang;
	readonly rules?: readonly Rule[];
	readonly insecure?: boolean;
	readonly limits?: ReplyLimits;
	/** One line of news (joined, replied, problems); default nothing. */
	readonly log?: (line: string) => void;
	readonly backoff?: {readonly minMs?: number; readonly maxMs?: number};
	/** The pause before a reply, as if typing; default 1 to 3 s, as the guide's bot. */
	readonly typingMs?: {readonly min: number; readonly max: number};
};

export type RunningBot = {
	readonly client: ChatClient;
	readonly name: string;
	/** Say goodbye (when `farewell`, waiting up to 3 s for its echo) and leave. */
	stop(options?: {farewell?: boolean}): Promise<void>;
};

export async function readRules(file: string): Promise<Rule[]> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error: unknown) {
		const code = (error as {code?: string}).code ?? 'unreadable';
		throw new UsageError(`--rules: cannot read ${file} (${code})`);
	}

	return parseRules(text, file);
}

/**
 * The bot's answers: to people who mention it (not to itself, nor to another bot of its name),
 * after a pause as if typing, within the reply limits (past them, once: it is slowing down).
 * `cancel` drops the answers still being "typed".
 */
function answerMentions(client: ChatClient, name: string, options: BotOptions) {
	const {lang, log = () => undefined} = options;
	const limiter = new ReplyLimiter(options.limits);
	const rules = options.rules ?? [];
	const typing = options.typingMs ?? {min: 1000, max: 3000};
	// Senders told that the bot is slowing down, until it answers them again.
	const told = new Set<string>();
	const typingTimers = new Set<NodeJS.Timeout>();
	const reply = (text: string, sender: string) => {
		const timer = setTimeout(
			() => {
				typingTimers.delete(timer);
				client.sendMessage(text).catch((error: unknown) => {
					log(`reply to ${sender} not sent: ${(error as Error).message}`);
				});
			},
			typing.min + Math.random() * (typing.max - typing.min),
		);
		typingTimers.add(timer);
	};

	const answer = (message: Message) => {
		const sender = message.sender ?? '';
		// Not to itself, nor to another bot running under its name; only to people mentioning it.
		if (
			message.type !== 'text' ||
			message.senderId === client.userId ||
			sender.toLowerCase() === name.toLowerCase() ||
			!mentions(message.content, name, lang)
		) {
			return;
		}

		const senderKey = message.senderId ?? sender;
		if (!limiter.allow(senderKey, Date.now())) {
			log(`not answering ${sender}: too many replies, too fast`);
			if (!told.has(senderKey)) {
				told.add(senderKey);
				reply(slowingDown(sender, lang), sender);
			}

			return;
		}

		told.delete(senderKey);
		const to = sender ? `@${sender} ` : '';
		reply(`${to}${chooseReply(message.content, rules, responses[lang])}`, sender);
	};

	return {
		answer,
		cancel() {
			for (const timer of typingTimers) {
				clearTimeout(timer);
			}
		},
	};
}

/** Start a bot; it keeps reconnecting until stopped. Resolves once it has joined. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
	const {lang, log = () => undefined} = options;
	const name = nonEmpty(options.name) ?? defaultBotName(lang);
	const client = new ChatClient({
		url: options.serverUrl,
		username: name,
		userId:
			options.userId ??
			`chatbot_${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`,
		insecure: options.insecure,
		backoff: options.backoff,
	});
	const answerer = answerMentions(client, name, options);

	// Only live messages arrive here: the bot never loads the history.
	client.on('message', answerer.answer);
	client.on('joined', ({reconnect}) => {
		log(reconnect ? `rejoined ${client.url}` : `${name} joined ${client.url}`);
		if (!reconnect) {
			client.sendMessage(greeting(name, lang)).catch(() => undefined);
		}
	});
	client.on('state', (state) => {
		if (state.status === 'reconnecting') {
			log(`connection: ${state.reason}; retry ${state.attempt}`);
		}
	});

	let stopping: Promise<void> | undefined;
	const stop = async ({farewell = true}: {farewell?: boolean} = {}) => {
		stopping ??= (async () => {
			answerer.cancel();

			if (farewell && client.connected) {
				const bye = client.sendMessage(goodbye(name, lang));
				const timer = new Promise((resolve) => {
					setTimeout(resolve, 3000).unref();
				});
				await Promise.race([bye.catch(() => undefined), timer]);
			}

			client.close();
		})();
		return stopping;
	};

	try {
		await client.connect({timeoutMs: Number.POSITIVE_INFINITY});
	} catch (error: unknown) {
		client.close();
		throw error;
	}

	return {client, name, stop};
}

/** `chat-tui bot`: run until SIGINT or SIGTERM, then say goodbye and exit 0. */
export async function runBot(options: BotOptions & {readonly rulesFile?: string}): Promise<void> {
	const rules = options.rulesFile ? await readRules(options.rulesFile) : undefined;
	const log =
		options.log ??
		((line: string) => {
			process.stderr.write(`chat-tui bot: ${line}\n`);
		});
	const signalled = new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	const starting = startBot({...options, rules, log});
	const bot = await Promise.race([starting, signalled.then(() => undefined)]);
	if (bot === undefined) {
		// Stopped before it ever joined.
		void starting.then(async (late) => late.stop({farewell: false}));
		return;
	}

	await signalled;
	await bot.stop();
	log('goodbye');
}
