import {useCallback, useRef, type Dispatch, type RefObject} from 'react';
import type {ChatRestApi} from '../protocol/rest-client.js';
import type {Message} from '../protocol/types.js';
import type {ChatAction, ChatState} from '../state/chat-state.js';
import {extendsOlder, meetsEnd, meetsStart} from '../client/timeline.js';
import {olderOffset, timelineOf} from '../state/paging.js';
import {fetchNewer, fetchNewest, fetchOlder} from '../client/history-paging.js';
import {describeError} from '../protocol/describe-error.js';

/**
 * Older and newer pages of history over REST, one request chain at a time per direction; the
 * reducer merges what comes (see state/paging.ts).
 */
export function useHistoryPaging(
	api: ChatRestApi,
	historyPageSize: number,
	latest: RefObject<ChatState>,
	dispatch: Dispatch<ChatAction>,
) {
	const pagingOlder = useRef(false);
	const loadOlder = useCallback(() => {
		const {older, history} = latest.current;
		if (
			pagingOlder.current ||
			older === 'loading' ||
			older === 'start' ||
			history.status !== 'loaded'
		) {
			return;
		}

		pagingOlder.current = true;
		dispatch({type: 'older-requested'});
		fetchOlder({
			fetchPage: async (page) => api.getMessages(page),
			isNew: (page) => extendsOlder(timelineOf(latest.current), page),
			meets: (page) => meetsStart(timelineOf(latest.current), page),
			pageSize: historyPageSize,
			firstOffset: olderOffset(latest.current),
		})
			.then(({messages, complete}) => {
				dispatch({type: 'older-loaded', messages, complete});
			})
			.catch((error: unknown) => {
				const text = describeError(error);
				dispatch({type: 'older-failed', error: text});
				// The status bar may show only part of it: the log keeps it whole.
				dispatch({type: 'notice', level: 'error', text, now: Date.now()});
			})
			.finally(() => {
				pagingOlder.current = false;
			});
	}, [api, historyPageSize, latest, dispatch]);

	const pagingNewer = useRef(false);
	const loadNewer = useCallback(
		(jump = false) => {
			const {newer} = latest.current;
			if (!newer || (pagingNewer.current && !jump)) {
				return;
			}

			pagingNewer.current = true;
			dispatch({type: 'newer-requested'});
			const paging = {
				fetchPage: async (page: {limit: number; offset: number}) => api.getMessages(page),
				meets: (page: readonly Message[]) => meetsEnd(timelineOf(latest.current), page),
				pageSize: historyPageSize,
			};
			(jump ? fetchNewest(paging) : fetchNewer({...paging, missing: newer.missing}))
				.then((page) => {
					dispatch({type: 'newer-loaded', ...page});
				})
				.catch((error: unknown) => {
					const text = describeError(error);
					dispatch({type: 'newer-failed', error: text});
					dispatch({type: 'notice', level: 'error', text, now: Date.now()});
				})
				.finally(() => {
					pagingNewer.current = false;
				});
		},
		[api, historyPageSize, latest, dispatch],
	);

	return {loadOlder, loadNewer};
}
