import {setTimeout as delay} from 'node:timers/promises';
import type {Lang} from '../look/i18n.js';
import type {ChatClient} from '../sdk.js';
import {longLineError} from './lines.js';

/**
 * Every line of the input goes out, in order, until `/quit` or its end; a line too long for the
 * server is refused by its number, the others still go out. `drain` waits while echoes keep
 * coming, and gives up after `drainTimeoutMs` without one.
 */
export async function sendLines(
	client: ChatClient,
	lines: AsyncIterable<string>,
	options: {
		/** The longest line sent, in characters (see lines.ts). */
		readonly maxLength?: number;
		readonly lang: Lang;
		readonly note: (text: string) => void;
	},
) {
	let total = 0;
	let confirmed = 0;
	let refused = 0;
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

	let lineNumber = 0;
	for await (const line of lines) {
		if (line.trim() === '/quit') {
			break;
		}

		lineNumber++;
		const tooLong = longLineError(line, lineNumber, options.maxLength, options.lang);
		if (tooLong) {
			refused++;
			options.note(tooLong);
		} else if (line.trim().length > 0) {
			sends.push(submit(line));
		}
	}

	const drain = async (drainTimeoutMs: number) => {
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
				return;
			}
		}
	};

	return {drain, problem: () => problem, counts: () => ({total, confirmed, refused})};
}
