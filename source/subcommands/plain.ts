import process from 'node:process';
import type {Readable, Writable} from 'node:stream';
import {setTimeout as delay} from 'node:timers/promises';
import {configPath, resolveUserId} from '../config/config.js';
import type {Lang} from '../cli/options.js';
import {closeDispatchers} from '../protocol/dispatcher.js';
import type {Message} from '../protocol/types.js';
import {ChatClient} from '../sdk.js';
import {lineText, reasonIn} from '../look/line-labels.js';
import {loginName, nonEmpty, rememberedName} from './identity.js';
import {createLineInput} from './line-input.js';
import {createLineFormatter, longLineError, messageJson} from './lines.js';
import {lineReadPosition} from './plain-read.js';

/*
Line mode (`--plain`, or whenever stdin or stdout is not a terminal): for screen readers, logs and
scripts. The newest 50 messages, then live ones, go to stdout as `[HH:MM:SS] name: text` lines
(or JSON lines with --json); every stdin line is sent, in order; `/quit` or EOF ends the input,
and chat-tui exits once the server has echoed every line: 0, or 1 when some were not confirmed,
one was too long, or it never connected.
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
	/** The longest line sent, in characters; a longer one is refused on stderr. Default 2,000. */
	readonly maxLength?: number;
};

const historyPage = 50;

export async function runPlain(options: PlainOptions): Promise<number> {
	const output = options.output ?? process.stdout;
	const errors = options.errors ?? process.stderr;
	// Until the keyboard is read, plain writes; then around what is being typed (line-input.ts).
	let print = (stream: Writable, text: string) => {
		stream.write(text);
	};

	const note = (text: string) => {
		print(errors, `chat-tui: ${text}\n`);
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
		apiUrl: options.apiUrl,
		history: historyPage,
	});
	const read = await lineReadPosition({server: options.serverUrl, userId, lang: options.lang});

	output.on('error', (error: NodeJS.ErrnoException) => {
		// The reader went away (`chat-tui --plain | head`): nothing left to do.
		if (error.code === 'EPIPE') {
			client.close();
			process.exit(0);
		}
	});

	// Each message once, in the timeline's order: the history, then live ones, and after a
	// reconnect the missed ones (client/timeline-keeper.ts).
	const format = createLineFormatter(options.lang);
	// The "--- 5 unread ---" line, above the first message of the history not read before.
	let marker: {readonly before: Message; readonly line: string} | undefined;
	client.on('message', (message) => {
		if (message === marker?.before) {
			print(output, `${marker.line}\n`);
			marker = undefined;
		}

		print(
			output,
			options.json ? `${JSON.stringify(messageJson(message))}\n` : `${format(message)}\n`,
		);
		read.shown(message);
	});

	let historyShown: () => void = () => undefined;
	const history = new Promise<void>((resolve) => {
		historyShown = resolve;
	});
	client.on('caughtUp', ({reconnect, complete, added}) => {
		const found = reconnect || options.json ? undefined : read.markerIn(added);
		marker = found ? {before: added[found.index]!, line: found.line} : undefined;
		historyShown();
		if (reconnect && !complete) {
			note(lineText(options.lang, 'missedMore'));
		}
	});

	let online = false;
	let troubled = false;
	let lastReason = lineText(options.lang, 'connecting');
	client.on('state', (state) => {
		if (state.status === 'online') {
			if (troubled) {
				note(lineText(options.lang, 'connected', {url: client.url}));
			}

			troubled = false;
			online = true;
		} else if (state.status === 'reconnecting') {
			lastReason = reasonIn(state.reason, options.lang);
			if (troubled) {
				return;
			}

			troubled = true;
			note(
				online
					? lineText(options.lang, 'connectionLost', {reason: lastReason})
					: lineText(options.lang, 'cannotConnect', {url: client.url, reason: lastReason}),
			);
		}
	});
	client.on('invalid', (problem) => {
		note(problem);
		// A history that cannot load is not waited for.
		if (problem.startsWith('could not load')) {
			historyShown();
		}
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

	const input = createLineInput({
		input: options.input ?? process.stdin,
		output,
		onInterrupt() {
			onSignal('SIGINT');
		},
	});
	print = input.print;
	// A line too long for the server is refused here, by its number; the others still go out.
	let lineNumber = 0;
	let refused = 0;
	const take = (line: string) => {
		lineNumber++;
		const tooLong = longLineError(line, lineNumber, options.maxLength, options.lang);
		if (tooLong) {
			refused++;
			note(tooLong);
		} else if (line.trim().length > 0) {
			sends.push(submit(line));
		}
	};

	for await (const line of input.lines) {
		if (line.trim() === '/quit') {
			break;
		}

		take(line);
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

	const why =
		problem ||
		(client.connected
			? lineText(options.lang, 'noEcho')
			: lineText(options.lang, 'notConnected', {reason: lastReason}));
	await client.caughtUp();
	read.flush();
	client.close();
	await closeDispatchers();
	for (const signal of signals) {
		process.off(signal, onSignal);
	}

	if (confirmed < total) {
		const server = options.serverUrl;
		note(
			total === 1
				? lineText(options.lang, 'oneNotConfirmed', {server, why})
				: lineText(options.lang, 'someNotConfirmed', {n: total - confirmed, total, server, why}),
		);
		return 1;
	}

	if (!online) {
		note(lineText(options.lang, 'neverConnected', {url: client.url, reason: lastReason}));
		return 1;
	}

	// 1 when a line was refused as too long.
	return Number(refused > 0);
}
