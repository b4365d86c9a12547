import {useEffect, useMemo} from 'react';
import type {Display} from '../look/display.js';
import {type Labels, type Lang} from '../look/i18n.js';
import type {ChatState} from '../state/chat-state.js';
import {
	buildLogItems,
	edgeItem,
	withUnreadMarker,
	type FormatContext,
	type HistoryEdge,
} from '../state/log-lines.js';
import type {UnreadMarker} from '../state/read-position.js';
import type {ScreenState} from '../state/screen-state.js';
import {findMatches} from '../state/search.js';
import type {Chat} from './use-chat.js';
import {useLogWindow} from './use-log-window.js';

/** The line above the oldest message loaded, once history is loaded and not cleared away. */
function historyEdge(state: ChatState): HistoryEdge | undefined {
	if (state.history.status !== 'loaded' || state.clearedBefore > 0) {
		return undefined;
	}

	return state.older === 'start' ? 'start' : state.older === 'failed' ? 'failed' : 'loading';
}

export type ChatLogOptions = {
	readonly chat: Chat;
	readonly screen: ScreenState;
	readonly labels: Labels;
	readonly lang: Lang;
	/** The log's size in cells, footer and banner left out. */
	readonly width: number;
	readonly height: number;
	/** The log's rows at the bottom, when the footer shows only while scrolled up. */
	readonly bottomHeight: number;
	/** Whether lines start with the time (the terminal is wide enough). */
	readonly showTime: boolean;
	readonly display: Display;
	/** The line above the first message not read before (hooks/use-read-position.ts). */
	readonly unread?: UnreadMarker;
};

/**
 * The log on screen: the chat's messages, notices and pending lines as items, the window the
 * view shows with the search's matches marked, and, when the window reaches the edge of what is
 * loaded, the next page fetched there.
 */
export function useChatLog(options: ChatLogOptions) {
	const {chat, screen, labels, lang, width, height, bottomHeight, showTime, display, unread} =
		options;
	const {state} = chat;
	const edge = historyEdge(state);
	const items = useMemo(() => {
		const items = withUnreadMarker(
			buildLogItems(state.messages, state.notices, state.pending, state.clearedBefore),
			unread,
		);
		return edge === undefined ? items : [edgeItem(edge, state.messages[0]?.time), ...items];
	}, [state.messages, state.notices, state.pending, state.clearedBefore, edge, unread]);
	const context = useMemo<FormatContext>(
		() => ({
			userId: state.me.userId,
			username: state.me.username,
			labels,
			showTime,
			...display,
		}),
		[state.me.userId, state.me.username, labels, showTime, display],
	);

	const {search} = screen;
	const query = search?.query;
	const matches = useMemo(
		() => (query === undefined ? [] : findMatches(items, query)),
		[items, query],
	);
	const searchMarks = useMemo(
		() =>
			search === undefined
				? undefined
				: {query: search.query, matches: new Set(matches), current: search.current},
		[search, matches],
	);

	const {layout, window, lines} = useLogWindow({
		items,
		width,
		height,
		bottomHeight,
		context,
		lang,
		view: screen.view,
		endIsLive: state.newer === undefined,
		search: searchMarks,
	});

	// The edge of what is loaded came into view: fetch the next page there.
	const {loadOlder, loadNewer} = chat;
	const wantsOlder = window.firstVisible && edge === 'loading' && state.older === 'idle';
	useEffect(() => {
		if (wantsOlder) {
			loadOlder();
		}
	}, [wantsOlder, loadOlder]);
	const wantsNewer = window.lastVisible && state.newer?.status === 'idle';
	useEffect(() => {
		if (wantsNewer) {
			loadNewer();
		}
	}, [wantsNewer, loadNewer]);

	return {layout, window, lines, matches};
}
