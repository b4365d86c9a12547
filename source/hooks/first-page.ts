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

/** The request for the first page, and the page itself when it had come by the first frame. */
export type FirstPage = {
	readonly request: Promise<MessagesPage>;
	readonly page?: MessagesPage;
};

/** Ask for the first page. A failure is the chat's to report, when it takes the request over. */
export async function requestFirstPage(apiUrl: string, insecure?: boolean): Promise<MessagesPage> {
	return new ChatRestApi({baseUrl: apiUrl, insecure}).getMessages({
		limit: firstPageSize,
		offset: 0,
	});
}

/** Wait up to `ms` for the page, so that the first frame can show it. */
export async function awaitFirstPage(
	request: Promise<MessagesPage>,
	ms: number,
): Promise<FirstPage> {
	let timer: NodeJS.Timeout | undefined;
	const page = await Promise.race([
		request.catch(() => undefined),
		new Promise<undefined>((resolve) => {
			timer = setTimeout(() => {
				resolve(undefined);
			}, ms);
		}),
	]);
	clearTimeout(timer);
	return {request, page};
}
