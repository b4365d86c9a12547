import {ChatRestApi} from '../protocol/rest-client.js';
import type {MessagesPage} from '../protocol/types.js';

/*
The newest history page, asked for as soon as the chat starts, before the screen code loads: the
server answers while Node compiles React and Ink, and the first frame can show the history
instead of "loading". A message sent after this page was read is not lost: after the first join
the client pages back from the newest message to one it knows (gap-fill.ts).
*/

/** How many of the newest messages the chat shows at start. */
export const firstPageSize = 50;

/**
 * How long the chat waits for that request to go out before it loads the screen's code. A near
 * server's connection is made in a turn or two of the event loop, and its answer then comes while
 * the code loads; a far one's is made meanwhile, and the request goes out once the code is loaded.
 */
export const sendWaitMs = 20;

/** The request for the first page, and the page itself when it had come by the first frame. */
export type FirstPage = {
	readonly request: Promise<MessagesPage>;
	readonly page?: MessagesPage;
};

/** The first page asked for: the answer to come, and when the request has gone out. */
export type PageRequest = {
	readonly page: Promise<MessagesPage>;
	/** Resolves once the request is on its way; never if it could not be sent. */
	readonly sent: Promise<void>;
};

/** Ask for the first page. A failure is the chat's to report, when it takes the request over. */
export function requestFirstPage(apiUrl: string, insecure?: boolean): PageRequest {
	let markSent: () => void = () => undefined;
	const sent = new Promise<void>((resolve) => {
		markSent = resolve;
	});
	const page = new ChatRestApi({baseUrl: apiUrl, insecure, onRequestSent: markSent}).getMessages({
		limit: firstPageSize,
		offset: 0,
	});
	return {page, sent};
}

/** What `promise` gives within `ms`, or undefined (when it takes longer, or fails). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const result = await Promise.race([
		promise.catch(() => undefined),
		new Promise<undefined>((resolve) => {
			timer = setTimeout(() => {
				resolve(undefined);
			}, ms);
		}),
	]);
	clearTimeout(timer);
	return result;
}

/** Wait until the request has gone out, or `ms` at most (a far server's connection takes longer). */
export async function awaitSent({sent}: PageRequest, ms: number): Promise<void> {
	await within(sent, ms);
}

/** Wait up to `ms` for the page, so that the first frame can show it. */
export async function awaitFirstPage(
	request: Promise<MessagesPage>,
	ms: number,
): Promise<FirstPage> {
	return {request, page: await within(request, ms)};
}
