import type {Message, MessagesPage} from '../protocol/types.js';

export type GapFillOptions = {
	/** One page of history: offset 0 is the newest page. */
	readonly fetchPage: (page: {limit: number; offset: number}) => Promise<MessagesPage>;
	/** Whether the client already has this message. */
	readonly isKnown: (message: Message) => boolean;
	readonly pageSize?: number;
	/** The bound: at most this many pages are fetched. */
	readonly maxPages?: number;
};

export type GapFillResult = {
	readonly messages: readonly Message[];
	/** True when paging reached a known message or the beginning of history. */
	readonly complete: boolean;
	readonly pages: number;
};

/**
 * After a reconnect: page back from the newest until a page holds a message we already have, or
 * history ends, or the bound is reached. Messages that arrive meanwhile push older ones to higher
 * offsets, so pages may overlap (the merge drops the repeats) but never skip a message.
 */
export async function fillGap(options: GapFillOptions): Promise<GapFillResult> {
	const {fetchPage, isKnown, pageSize = 50, maxPages = 20} = options;
	const messages: Message[] = [];
	let offset = 0;
	for (let page = 1; page <= maxPages; page++) {
		const {messages: batch, total} = await fetchPage({limit: pageSize, offset});
		messages.push(...batch);
		// Advance by what came, not by what was asked: a server may cap the page size.
		offset += batch.length;
		const ended = batch.length === 0 || offset >= total;
		if (ended || batch.some((message) => isKnown(message))) {
			return {messages, complete: true, pages: page};
		}
	}

	return {messages, complete: false, pages: maxPages};
}
