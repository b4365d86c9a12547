import type {Message} from '../protocol/types.js';

/** What a timeline holds (see timeline.ts). */
export type StoredMessage = Message & {
	/** Made once per message held; the log's key for it. */
	readonly seq: number;
	readonly key: string;
};

export type Timeline = {
	readonly messages: readonly StoredMessage[];
	readonly nextSeq: number;
	/** Index of the first message of the current connection's chain. */
	readonly liveStart: number;
	/**
	 * Index where the next live message is expected: from here on, messages that came in a page
	 * before their live event did.
	 */
	readonly expected: number;
	/**
	 * A held message and its place in the server's log (1 for the oldest), from the total of the
	 * page that brought it: with it, a later page's total says exactly where what is held ends,
	 * where equal lines make the content say too little. Checked against the content each time:
	 * a server that drops old messages or starts its log again makes it wrong, and it is not used.
	 */
	readonly anchor?: {readonly key: string; readonly position: number};
};
