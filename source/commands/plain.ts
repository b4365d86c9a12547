import process from 'node:process';
import {createInterface} from 'node:readline';
import type {Readable, Writable} from 'node:stream';
import {setTimeout as delay} from 'node:timers/promises';
import {configPath, resolveUserId} from '../config.js';
import type {Lang} from '../options.js';
import {closeDispatchers} from '../protocol/dispatcher.js';
import {ChatRestApi} from '../protocol/rest-client.js';
import type {Message} from '../protocol/types.js';
import {ChatClient} from '../sdk.js';
import {compositeKey, isKnown} from '../state/merge.js';
import {loginName, nonEmpty, rememberedName} from './identity.js';
import {byTime, createLineFormatter, messageJson} from './lines.js';
import {lineReadPosition} from './plain-read.js';

/*
Line mode (`--plain`, or whenever stdin or stdout is not a terminal): for screen readers, logs and
scripts. The newest 50 messages, then live ones, go to stdout as `[HH:MM:SS] name: text` lines
(or JSON lines with --json); every stdin line is sent, in order; `/quit` or EOF ends the input,
and chat-tui exits once the server has echoed every line: 0, or 1 when some were not confirmed.
Connection news goes to stderr, so stdout stays a clean log. After a reconnect the messages missed
meanwhile are fetched and printed, each message once.
*/

export type PlainOptions = {
	readonly serverUrl: string;
	readonly apiUrl: string;
	readonly name?: string;
	readonly userId?: string;
	readonly lang: Lang;
	readonly insecure?: boolean;
	readonly json?: boolean;
	/** Do not read stdin: print messages until a signal (a logger under a service manager). */
	readonly listen?: boolean;
	readonly input?: Readable;
	readonly output?: Writable;
	readonly errors?: Writable;
	/** After the input ends, how long to wait for the next echo before giving up. Default 10 s. */
	readonly drainTimeoutMs?: number;
};

const historyPage = 50;
/** At most this many pages of missed messages are fetched after a reconnect. */
const maxCatchUpPages = 20;
/** Identities remembered to print each message once; a logger runs for days. */
const maxRemembered = 5000;

function newerOrSame(message: Message, than: Message): boolean {
	return (
		message.time > than.time ||
		(message.time === than.time && message.timeMicros >= than.timeMicros)
	);
}

export async function runPlain(options: PlainOptions): Promise<number> {
	const output = options.output ?? process.stdout;
	const errors = options.errors ?? process.stderr;
	const note = (text: string) => {
		errors.write(`chat-tui: ${text}\n`);
	};

	const file = configPath();
	const userId = await resolveUserId(file, options.userId);
	const username =
		nonEmpty(options.name) ?? (await rememberedName(file)) ?? loginName(options.lang);
	const client = new ChatClient({
		url: options.serverUrl,
		username,
		userId,
		insecure: options.insecure,
	});
	const api = new ChatRestApi({baseUrl: options.apiUrl, insecure: options.insecure});
	const read = await lineReadPosition({server: options.serverUrl, userId, lang: options.lang});

	output.on('error', (error: NodeJS.ErrnoException) => {
		// The reader went away (`chat-tui --plain | head`): nothing left to do.
		if (error.code === 'EPIPE') {
			client.close();
			process.exit(0);
		}
	});

	// Print each message once, in arrival order after the history.
	const format = createLineFormatter(options.lang);
	const seen = {ids: new Map<string, string>(), composites: new Map<string, string>()};
	let newest: Message | undefined;
	const show = (message: Message) => {
		if (isKnown(seen, message)) {
			return;
		}

		seen.composites.set(compositeKey(message), message.id ?? '');
		if (message.id !== undefined) {
			seen.ids.set(message.id, message.id);
		}

		for (const map of [seen.ids, seen.composites]) {
			if (map.size > maxRemembered) {
				map.delete(map.keys().next().value!);
			}
		}

		if (newest === undefined || newerOrSame(message, newest)) {
			newest = message;
		}

		output.write(
			options.json ? `${JSON.stringify(messageJson(message))}\n` : `${format(message)}\n`,
		);
		read.shown(message);
	};

	// Live messages wait while a page of history is on its way, then follow it.
	let buffered: Message[] | undefined = [];
	client.on('message', (message) => {
		if (buffered) {
			buffered.push(message);
		} else {
			show(message);
		}
	});

	const catchUp = async (initial: boolean) => {
		buffered ??= [];
		try {
			// After a reconnect, page back until the pages reach what was shown (or a cap).
			const pages: Message[][] = [];
			for (let offset = 0; pages.length < maxCatchUpPages; offset += historyPage) {
				const answer = await api.getMessages({limit: historyPage, offset});
				const page = byTime(answer.messages);
				pages.unshift(page);
				const oldest = page[0];
				if (initial || page.length < historyPage || !newest || !oldest) {
					break;
				}

				if (!newerOrSame(oldest, newest)) {
					break;
				}
			}

			const messages = pages.flat();
			const marker = initial && !options.json ? read.markerIn(messages) : undefined;
			for (const [index, message] of messages.entries()) {
				if (index === marker?.index) {
					output.write(`${marker.line}\n`);
				}

				// Only what is newer than what was shown was missed.
				if (initial || newest === undefined || newerOrSame(message, newest)) {
					show(message);
				}
			}
		} catch (error: unknown) {
			note(
				`could not load ${initial ? 'the history' : 'missed messages'}: ${(error as Error).message}`,
			);
		}

		const waiting = buffered;
		buffered = undefined;
		for (const message of waiting) {
			show(message);
		}
	};

	let catchingUp: Promise<void> | undefined;
	let historyShown: () => void = () => undefined;
	const history = new Promise<void>((resolve) => {
		historyShown = resolve;
	});
	const scheduleCatchUp = () => {
		const initial = catchingUp === undefined;
		catchingUp = (catchingUp ?? Promise.resolve()).then(async () => catchUp(initial));
		if (initial) {
			void catchingUp.then(historyShown);
		}
	};

	let online = false;
	let troubled = false;
	let lastReason = 'connecting';
	client.on('joined', scheduleCatchUp);
	client.on('state', (state) => {
		if (state.status === 'online') {
			if (troubled) {
				note(`connected to ${client.url}`);
			}

			troubled = false;
			online = true;
		} else if (state.status === 'reconnecting') {
			lastReason = state.reason;
			if (troubled) {
				return;
			}

			troubled = true;
			note(
				online
					? `connection lost (${state.reason}); reconnecting`
					: `cannot connect to ${client.url} (${state.reason}); retrying`,
			);
			// Show the history even when only the live link fails.
			if (catchingUp === undefined) {
				scheduleCatchUp();
			}
		}
	});
	client.on('invalid', (problem) => {
		note(problem);
	});

	const onSignal = (signal: NodeJS.Signals) => {
		read.flush();
		client.close();
		// Die of the signal, as a line tool does (exit status 128 + its number).
		process.kill(process.pid, signal);
	};

	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of signals) {
		process.once(signal, onSignal);
	}

	client.connect({timeoutMs: Number.POSITIVE_INFINITY}).catch(() => {
		// Closed before joining: the exit path reports what matters.
	});

	if (options.listen) {
		await new Promise(() => {
			// Until a signal.
		});
	}

	// Every line goes out in order; the drain below waits for their echoes.
	let total = 0;
	let confirmed = 0;
	let lastProgress = Date.now();
	let problem = '';
	const sends: Array<Promise<void>> = [];
	const submit = async (line: string) => {
		total++;
		try {
			await client.sendMessage(line);
			confirmed++;
			lastProgress = Date.now();
		} catch (error: unknown) {
			problem = (error as Error).message;
		}
	};

	const input = createInterface({
		input: options.input ?? process.stdin,
		crlfDelay: Number.POSITIVE_INFINITY,
		terminal: false,
	});
	for await (const line of input) {
		if (line.trim() === '/quit') {
			break;
		}

		if (line.trim().length > 0) {
			sends.push(submit(line));
		}
	}

	input.close();
	const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
	// Even with nothing to send (`< /dev/null`), the history is shown before leaving.
	await Promise.race([history, delay(drainTimeoutMs, undefined, {ref: false})]);
	// Wait while echoes keep coming; give up after drainTimeoutMs without one.
	lastProgress = Date.now();
	const allSettled = Promise.all(sends).then(() => true);
	for (;;) {
		const controller = new AbortController();
		const left = Math.max(lastProgress + drainTimeoutMs - Date.now(), 0);
		const done = await Promise.race([
			allSettled,
			delay(left, false, {signal: controller.signal}).catch(() => false),
		]);
		controller.abort();
		if (done || lastProgress + drainTimeoutMs <= Date.now()) {
			break;
		}
	}

	const why = problem || (client.connected ? 'no echo in time' : `not connected: ${lastReason}`);
	await catchingUp;
	read.flush();
	client.close();
	await closeDispatchers();
	for (const signal of signals) {
		process.off(signal, onSignal);
	}

	if (confirmed < total) {
		const lines = total === 1 ? 'the line was' : `${total - confirmed} of ${total} lines were`;
		note(`${lines} not confirmed by ${options.serverUrl} (${why})`);
		return 1;
	}

	return 0;
}
