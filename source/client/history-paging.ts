import type {Message, MessagesPage} from '../protocol/types.js';

/*
Fetching the page before the oldest message in memory, or after the newest (when scrolled so far
back that the newest were dropped), with the protocol's offset paging: offset 0 is the newest
page. Offsets shift whenever a message arrives between two requests, so no offset is trusted: a
page must overlap what we have (the stitch takes the overlap once), and paging goes on while a page
brings nothing new or does not meet what we have.
*/

export type PagingOptions = {
	readonly fetchPage: (page: {limit: number; offset: number}) => Promise<MessagesPage>;
	readonly pageSize: number;
	/** Pages fetched at most in one go. */
	readonly maxPages?: number;
};

/**
 * Messages an older page is asked to share with what is held: a page must meet what we have to
 * show that nothing lies between. Without them an exact count would give a page that only
 * touches it, and a count one too high (a message held twice) a page with a gap.
 */
export const olderOverlap = 4;

/** Pages tried, each a little newer, for one that meets what is held, before taking the first. */
const meetTries = 3;

/**
 * The page before our oldest message. `firstOffset` tells how many messages the server has that
 * are newer than our oldest, as far as we know. The page is asked to overlap what is held by a
 * few messages; one that brings older messages without meeting what is held means the count
 * was too high (a message held twice), and a newer page is tried. Where none meets (a server
 * that lost our messages or started its log again), the first page is taken as it is.
 */
export async function fetchOlder(
	options: PagingOptions & {
		readonly firstOffset: number;
		/** Whether the page brings a message older than those held (client/timeline.ts). */
		readonly isNew: (page: readonly Message[]) => boolean;
		/** Whether the page's newest end meets the oldest held (client/timeline.ts). */
		readonly meets: (page: readonly Message[]) => boolean;
	},
): Promise<{messages: readonly Message[]; complete: boolean}> {
	const {fetchPage, isNew, meets, pageSize, maxPages = 20} = options;
	let offset = Math.max(0, options.firstOffset - olderOverlap);
	let unmet: {messages: readonly Message[]; complete: boolean} | undefined;
	let tries = 0;
	for (let pages = 1; pages <= maxPages; pages++) {
		const page = await fetchPage({limit: pageSize, offset});
		// Advance by what came, malformed entries included: a server may cap the page size.
		const size = page.messages.length + page.dropped;
		const complete = size === 0 || offset + size >= page.total;
		const found = {messages: page.messages, complete};
		// A server that caps its pages small keeps a smaller overlap, so paging still moves on.
		const overlap = Math.min(olderOverlap, Math.floor(size / 2));
		const fresh = isNew(page.messages);
		if (fresh && !meets(page.messages) && overlap > 0 && offset > 0) {
			unmet ??= found;
			if (++tries > meetTries) {
				return unmet;
			}

			offset = Math.max(0, offset - (size - overlap));
			continue;
		}

		if (fresh || complete) {
			return found;
		}

		// Wholly inside what is held: one page older, still overlapping.
		offset += Math.max(1, size - overlap);
	}

	if (unmet) {
		return unmet;
	}

	// A server that ignores the offset would have us page forever.
	throw new Error(`${maxPages} pages of history brought nothing older`);
}

/**
 * The page after our newest message, when `missing` messages (at least) are newer. Returns the
 * page and how many messages are newer than it (0: it reaches the newest, the live end). Without
 * a page that meets what we have, the newest page, to replace what we have.
 */
export async function fetchNewer(
	options: PagingOptions & {
		readonly missing: number;
		/** Whether the page's oldest end meets the newest held (client/timeline.ts). */
		readonly meets: (page: readonly Message[]) => boolean;
	},
): Promise<{messages: readonly Message[]; newerThanPage: number; replace: boolean}> {
	const {fetchPage, meets, pageSize, maxPages = 20} = options;
	// The page that ends with our newest message, if the count holds; when it falls short the
	// page holds only newer messages, and the next one further back is tried.
	let offset = Math.max(0, options.missing + 1 - pageSize);
	for (let pages = 1; pages < maxPages; pages++) {
		const page = await fetchPage({limit: pageSize, offset});
		if (page.messages.length === 0) {
			break;
		}

		if (meets(page.messages)) {
			return {messages: page.messages, newerThanPage: offset, replace: false};
		}

		offset += Math.max(1, page.messages.length - 1);
	}

	return fetchNewest(options);
}

/** The newest page, to replace what we have: a jump to the live end. */
export async function fetchNewest(
	options: Pick<PagingOptions, 'fetchPage' | 'pageSize'>,
): Promise<{messages: readonly Message[]; newerThanPage: number; replace: boolean}> {
	const page = await options.fetchPage({limit: options.pageSize, offset: 0});
	return {messages: page.messages, newerThanPage: 0, replace: true};
}
