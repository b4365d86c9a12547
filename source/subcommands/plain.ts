import process from 'node:process';
import type {Readable, Writable} from 'node:stream';
import {setTimeout as delay} from 'node:timers/promises';
import {configPath, resolveUserId} from '../config/config.js';
import type {Lang} from '../look/i18n.js';
import {closeDispatchers} from '../protocol/dispatcher.js';
import type {Message} from '../protocol/types.js';
import {ChatClient} from '../sdk.js';
import {lineText, reasonIn} from '../look/line-labels.js';
import {loginName, nonEmpty, rememberedName} from './identity.js';
import {createLineInput} from './line-input.js';
import {createLineFormatter, messageJson} from './lines.js';
import {lineReadPosition, type LineReadPosition} from './plain-read.js';
import {sendLines} from './plain-send.js';

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

type Print = (stream: Writable, text: string) => void;

export async function runPlain(options: PlainOptions): Promise<number> {
	const output = options.output ?? process.stdout;
	const errors = options.errors ?? process.stderr;
	// Until the keyboard is read, plain writes; then around what is being typed (line-input.ts).
	let print: Print = (stream, text) => {
		stream.write(text);
	};

	const note = (text: string) => {
		print(errors, `chat-tui: ${text}\n`);
	};

	const {client, read} = await openClient(options);
	output.on('error', (error: NodeJS.ErrnoException) => {
		// The reader went away (`chat-tui --plain | head`): nothing left to do.
		if (error.code === 'EPIPE') {
			client.close();
			process.exit(0);
		}
	});

	const history = printMessages(client, read, {
		json: options.json,
		lang: options.lang,
		print(text) {
			print(output, text);
		},
		note,
	});
	const link = watchConnection(client, note, options.lang);
	const signals = dieOfSignals(() => {
		read.flush();
		client.close();
	});

	client.connect({timeoutMs: Number.POSITIVE_INFINITY}).catch(() => {
		// Closed before joining: the exit path reports what matters.
	});

	if (options.listen) {
		await new Promise(() => {
			// Until a signal.
		});
	}

	const input = createLineInput({
		input: options.input ?? process.stdin,
		output,
		onInterrupt() {
			signals.die('SIGINT');
		},
	});
	print = input.print;
	const sent = await sendLines(client, input.lines, {...options, note});
	input.close();
	const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
	// Even with nothing to send (`< /dev/null`), the history is shown before leaving.
	await Promise.race([history, delay(drainTimeoutMs, undefined, {ref: false})]);
	await sent.drain(drainTimeoutMs);
	const why =
		sent.problem() ||
		(client.connected
			? lineText(options.lang, 'noEcho')
			: lineText(options.lang, 'notConnected', {reason: link.lastReason()}));
	await client.caughtUp();
	read.flush();
	client.close();
	await closeDispatchers();
	signals.off();

	return exitCode(sent.counts(), {
		options,
		note,
		why,
		neverReached: link.everOnline() ? undefined : link.lastReason(),
		url: client.url,
	});
}

/** 1 when a line went unconfirmed, the chat was never reached, or a line was refused; else 0. */
function exitCode(
	{total, confirmed, refused}: {total: number; confirmed: number; refused: number},
	outcome: {
		readonly options: PlainOptions;
		readonly note: (text: string) => void;
		readonly why: string;
		/** Why the chat was never reached, when it never was. */
		readonly neverReached: string | undefined;
		readonly url: string;
	},
): number {
	const {options, note, why} = outcome;
	if (confirmed < total) {
		const server = options.serverUrl;
		note(
			total === 1
				? lineText(options.lang, 'oneNotConfirmed', {server, why})
				: lineText(options.lang, 'someNotConfirmed', {n: total - confirmed, total, server, why}),
		);
		return 1;
	}

	if (outcome.neverReached !== undefined) {
		note(
			lineText(options.lang, 'neverConnected', {url: outcome.url, reason: outcome.neverReached}),
		);
		return 1;
	}

	// 1 when a line was refused as too long.
	return Number(refused > 0);
}

/** On SIGINT, SIGTERM or SIGHUP: `cleanUp`, then die of the signal, as a line tool does. */
function dieOfSignals(cleanUp: () => void) {
	const names: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const die = (signal: NodeJS.Signals) => {
		cleanUp();
		// The exit status is 128 + its number.
		process.kill(process.pid, signal);
	};

	for (const signal of names) {
		process.once(signal, die);
	}

	return {
		die,
		off() {
			for (const signal of names) {
				process.off(signal, die);
			}
		},
	};
}

/** The client, under the name and user id this machine has for the server, and its read position. */
async function openClient(options: PlainOptions) {
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
	return {client, read};
}

/**
 * Each message once, in the timeline's order: the history, then live ones, and after a reconnect
 * the missed ones (client/timeline-keeper.ts), with the "--- 5 unread ---" line above the first
 * message of the history not read before. Settles once the history is shown (or cannot load).
 */
async function printMessages(
	client: ChatClient,
	read: LineReadPosition,
	options: {
		readonly json?: boolean;
		readonly lang: Lang;
		readonly print: (text: string) => void;
		readonly note: (text: string) => void;
	},
): Promise<void> {
	const {print, note} = options;
	const format = createLineFormatter(options.lang);
	let marker: {readonly before: Message; readonly line: string} | undefined;
	client.on('message', (message) => {
		if (message === marker?.before) {
			print(`${marker.line}\n`);
			marker = undefined;
		}

		print(options.json ? `${JSON.stringify(messageJson(message))}\n` : `${format(message)}\n`);
		read.shown(message);
	});

	return new Promise<void>((resolve) => {
		const historyShown = resolve;
		client.on('caughtUp', ({reconnect, complete, added}) => {
			const found = reconnect || options.json ? undefined : read.markerIn(added);
			marker = found ? {before: added[found.index]!, line: found.line} : undefined;
			historyShown();
			if (reconnect && !complete) {
				note(lineText(options.lang, 'missedMore'));
			}
		});
		client.on('invalid', (problem) => {
			note(problem);
			// A history that cannot load is not waited for.
			if (problem.startsWith('could not load')) {
				historyShown();
			}
		});
	});
}

/** Connection news on stderr, once per outage; whether it was ever online, and the last reason. */
function watchConnection(client: ChatClient, note: (text: string) => void, lang: Lang) {
	let online = false;
	let troubled = false;
	let lastReason = lineText(lang, 'connecting');
	client.on('state', (state) => {
		if (state.status === 'online') {
			if (troubled) {
				note(lineText(lang, 'connected', {url: client.url}));
			}

			troubled = false;
			online = true;
		} else if (state.status === 'reconnecting') {
			lastReason = reasonIn(state.reason, lang);
			if (troubled) {
				return;
			}

			troubled = true;
			note(
				online
					? lineText(lang, 'connectionLost', {reason: lastReason})
					: lineText(lang, 'cannotConnect', {url: client.url, reason: lastReason}),
			);
		}
	});
	return {everOnline: () => online, lastReason: () => lastReason};
}
