import {useCallback, useEffect, useRef, type Dispatch} from 'react';
import type {ChatRestApi} from '../protocol/rest-client.js';
import type {MessagesPage} from '../protocol/types.js';
import {
	chatReducer,
	initialChatState,
	type ChatAction,
	type ChatState,
} from '../state/chat-state.js';
import {describeError} from '../protocol/describe-error.js';
import type {FirstPage} from '../startup/first-page.js';

/** The chat's first state: with the first page in it when it came before the screen was drawn. */
export function firstChatState({me, page}: {me: ChatState['me']; page?: MessagesPage}): ChatState {
	const initial = initialChatState(me);
	return page
		? chatReducer(initial, {type: 'history-loaded', messages: page.messages, total: page.total})
		: initial;
}

type HistoryLoadOptions = {
	readonly api: ChatRestApi;
	readonly pageSize: number;
	readonly firstPage: FirstPage | undefined;
	readonly dispatch: Dispatch<ChatAction>;
	readonly notice: (level: 'info' | 'error', text: string) => void;
};

/**
 * Loading the newest history page, and the first load: started at once (or taken over from the
 * request made before the screen loaded), in parallel with the socket's handshake. `firstLoad`
 * settles with whether it loaded.
 */
export function useHistoryLoad({api, pageSize, firstPage, dispatch, notice}: HistoryLoadOptions) {
	const droppedNotice = useCallback(
		(page: MessagesPage) => {
			if (page.dropped > 0) {
				notice('error', `history: dropped ${page.dropped} malformed messages`);
			}
		},
		[notice],
	);

	/**
	 * The newest page: from `request` when one is under way, else asked for now. Whether it loaded
	 * (the state says so only once React has rendered it).
	 */
	const loadHistory = useCallback(
		async (request?: Promise<MessagesPage>): Promise<boolean> => {
			dispatch({type: 'history-requested'});
			try {
				const page = await (request ?? api.getMessages({limit: pageSize, offset: 0}));
				dispatch({type: 'history-loaded', messages: page.messages, total: page.total});
				droppedNotice(page);
				return true;
			} catch (error: unknown) {
				dispatch({type: 'history-failed', error: describeError(error)});
				notice('error', describeError(error));
				return false;
			}
		},
		[api, pageSize, dispatch, notice, droppedNotice],
	);

	const firstLoad = useRef<Promise<boolean> | undefined>(undefined);
	useEffect(() => {
		if (firstLoad.current) {
			return;
		}

		if (firstPage?.page) {
			droppedNotice(firstPage.page);
			firstLoad.current = Promise.resolve(true);
		} else {
			firstLoad.current = loadHistory(firstPage?.request);
		}
	}, [firstPage, loadHistory, droppedNotice]);

	return {loadHistory, firstLoad};
}
