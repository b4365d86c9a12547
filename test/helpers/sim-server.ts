/**
 * A simulated chat server for the timeline's model-based test (test/client/timeline-model.ts):
 * its log, and every quirk the protocol allows, each behind a switch. Pure and synchronous: the
 * test decides when each request is answered and each event arrives.
 */
import type {Message, MessagesPage, SafeText} from '../../source/protocol/types.js';

export type Quirks = {
	/** No ids at all, or an in-memory counter that starts again at every restart. */
	readonly ids: 'none' | 'counter';
	/** Times in whole seconds. */
	readonly wholeSeconds: boolean;
	/** The server's clock is this far off (ms): far future or far past. */
	readonly skewMs: number;
	/** Content cut to this many characters; 0 keeps it whole. */
	readonly cutAt: number;
	/** Texts come from a pool this small, so equal lines from one sender are common. */
	readonly texts: number;
	/** The most messages a page holds, whatever was asked. */
	readonly pageCap: number;
};

const safe = (text: string) => text as SafeText;

export class SimServer {
	readonly log: Message[] = [];
	readonly #quirks: Quirks;
	#counter = 0;
	#clock = 1_700_000_000_000;

	constructor(quirks: Quirks) {
		this.#quirks = quirks;
	}

	/** The server takes a line: it is stored (cut, stamped, numbered) and given back for relaying. */
	post(sender: string, content: string, type: 'text' | 'system' = 'text'): Message {
		const {ids, wholeSeconds, skewMs, cutAt} = this.#quirks;
		this.#clock += 7;
		const time = this.#clock + skewMs;
		const message: Message = {
			type,
			content: safe(cutAt > 0 ? content.slice(0, cutAt) : content),
			time: wholeSeconds ? Math.floor(time / 1000) * 1000 : time,
			timeMicros: 0,
			...(type === 'text' ? {sender: safe(sender), senderId: safe(`u-${sender}`)} : {}),
			...(ids === 'counter' ? {id: safe(String(++this.#counter))} : {}),
		};
		this.log.push(message);
		return message;
	}

	/** A restart: the log is kept, the id counter starts again. */
	restart(): void {
		this.#counter = 0;
	}

	/** GET /api/messages: offset 0 is the newest page; oldest first. */
	page(limit: number, offset: number): MessagesPage {
		const size = Math.min(limit, this.#quirks.pageCap);
		const end = Math.max(0, this.log.length - offset);
		return {
			total: this.log.length,
			messages: this.log.slice(Math.max(0, end - size), end),
			dropped: 0,
		};
	}

	/** A text for `sender`: from a small pool when equal lines are wanted. */
	text(random: () => number, long = false): string {
		const pool = ['+1', 'ok', 'hi there', 'lol', 'same here'];
		const base = pool[Math.floor(random() * Math.min(this.#quirks.texts, pool.length))]!;
		return long ? `${base} and then a long tail that a server may cut` : base;
	}
}
