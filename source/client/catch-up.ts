import type {Message, MessagesPage} from '../protocol/types.js';
import {holdsRunAt, meetingPoint} from './align.js';

/*
Catching up: the newest run of the server's log, fetched page by page from the newest back until
it meets what is held (or history ends, or the bound is reached), to be stitched onto the
timeline (timeline.ts: stitchNewest). The full-screen chat, line mode and the SDK all catch up
with this after every join: the first one closes the race between the first page and the join,
later ones fill the gap a dropped connection left.
*/

export type FetchPage = (page: {limit: number; offset: number}) => Promise<MessagesPage>;

export type CatchUpOptions = {
	readonly fetchPage: FetchPage;
	/**
	 * Whether the run reaches back to what is held (asked afresh after each page), told the
	 * total of the newest page: the run's newest message is that many into the server's log.
	 */
	readonly meets: (run: readonly Message[], total: number) => boolean;
	readonly pageSize?: number;
	/** The bound: at most this many pages. */
	readonly maxPages?: number;
};

export type CatchUpResult = {
	/** Oldest first, in the server's order. */
	readonly run: readonly Message[];
	/** The run met what is held, or reached the beginning of history. */
	readonly complete: boolean;
	readonly pages: number;
	/** Malformed entries the pages dropped. */
	readonly dropped: number;
	/** The newest page's total: the run's newest message is that many into the server's log. */
	readonly total: number;
	/** The run reaches the oldest message on the server: it is the whole log. */
	readonly fromStart: boolean;
};

/**
 * What of an older page lies before the run. Its total says where it ends in the server's log
 * (offsets shift as messages arrive between two pages, so it may overlap the run, or reach past
 * its newest end); where the content does not agree with that (a server that drops old messages),
 * the content decides.
 */
function olderPart(
	page: readonly Message[],
	newest: number,
	run: readonly Message[],
	runStart: number,
): readonly Message[] {
	const oldest = newest - page.length + 1;
	const from = Math.max(oldest, runStart);
	const to = Math.min(newest, runStart + run.length - 1);
	const overlap = page.slice(from - oldest, Math.max(from, to + 1) - oldest);
	if (overlap.length === 0 || holdsRunAt(run, from - runStart, overlap)) {
		return page.slice(0, Math.max(0, Math.min(page.length, runStart - oldest)));
	}

	const {at, overlap: met} = meetingPoint(page, page.length, run, run.length);
	return at > met ? [] : page.slice(0, page.length - at);
}

/**
 * The newest run. Messages that arrive meanwhile push older ones to higher offsets, so two pages
 * may overlap: each older page is put in front of the run where its newest end meets the run's
 * oldest, counting repeats, so nothing is taken twice and nothing skipped.
 */
export async function catchUp(options: CatchUpOptions): Promise<CatchUpResult> {
	const {fetchPage, meets, pageSize = 50, maxPages = 20} = options;
	let run: readonly Message[] = [];
	let offset = 0;
	let dropped = 0;
	let total = 0;
	for (let pages = 1; pages <= maxPages; pages++) {
		const page = await fetchPage({limit: pageSize, offset});
		if (pages === 1) {
			total = page.total;
		}

		// Where the page ends in the server's log (1 for the oldest), and where the run starts.
		const newest = page.total - offset;
		run = [...olderPart(page.messages, newest, run, total - run.length + 1), ...run];
		dropped += page.dropped;
		// Advance by what came, malformed entries included: a server may cap the page size.
		const size = page.messages.length + page.dropped;
		offset += size;
		const fromStart = size === 0 || offset >= page.total;
		if (fromStart || meets(run, total)) {
			return {run, complete: true, pages, dropped, total, fromStart};
		}
	}

	return {run, complete: false, pages: maxPages, dropped, total, fromStart: false};
}
