import {useCallback, useMemo, useReducer, useRef} from 'react';
import {ChatRestApi} from '../protocol/rest-client.js';
import {sanitizeText} from '../protocol/sanitize.js';
import type {ChatSocket} from '../protocol/socket-client.js';
import {limits} from '../protocol/types.js';
import {chatReducer, type ChatAction, type ChatState} from '../state/chat-state.js';
import {describeError} from '../protocol/describe-error.js';
import {firstPageSize, type FirstPage} from '../startup/first-page.js';
import {useAfterJoin, type JoinLabels} from './use-after-join.js';
import {firstChatState, useHistoryLoad} from './use-history-load.js';
import {useHistoryPaging} from './use-history-paging.js';
import {useLineQueue} from './use-line-queue.js';
import {useLiveSocket} from './use-live-socket.js';
import {useOutbox} from './use-outbox.js';

export type ChatConnection = {
	readonly serverUrl: string;
	readonly apiUrl: string;
	readonly userId: string;
	readonly username: string;
	readonly insecure?: boolean;
	/** Newest messages fetched at start. */
	readonly historyPageSize?: number;
	/** Where the offline queue is kept, so a crash loses nothing (see use-outbox.ts). */
	readonly outboxFile?: () => string;
	/** The newest page, asked for before the screen loaded; its page, if come, is the first state. */
	readonly firstPage?: FirstPage;
	/** Words of the gap-fill notice, in the UI's language. */
	readonly labels?: JoinLabels;
};

export type Chat = {
	readonly state: ChatState;
	/** Send a line: at once when online, else queued until the next join. */
	readonly send: (content: string) => void;
	readonly notice: (level: 'info' | 'error', text: string) => void;
	/** POST /api/broadcast. */
	readonly broadcast: (content: string) => void;
	/** Join again under another name. */
	readonly rename: (username: string) => void;
	readonly reconnect: () => void;
	readonly clear: () => void;
	/** Queue the failed lines again; they go out at once when online. */
	readonly retryFailed: () => void;
	/** Fetch the page before the oldest message loaded. */
	readonly loadOlder: () => void;
	/** Scrolled far back: fetch the page after the newest message loaded, or (`jump`) the newest. */
	readonly loadNewer: (jump?: boolean) => void;
};

const englishJoinLabels: JoinLabels = {
	reconnected: 'reconnected',
	missed: 'missed messages loaded',
	missedOne: 'missed message loaded',
};

/**
 * The one place where REST and the socket meet the chat state. Everything here is IO; every
 * decision about what to show lives in the reducer.
 *
 * After every join, in order: the history (at start) or the gap since the drop (after a
 * reconnect) is merged, then the queued lines go out, once each, in order (use-after-join.ts).
 */
export function useChat(connection: ChatConnection): Chat {
	const {serverUrl, apiUrl, userId, username, insecure} = connection;
	const pageSize = connection.historyPageSize ?? firstPageSize;
	const labels = connection.labels ?? englishJoinLabels;
	const firstPage = useRef(connection.firstPage).current;
	const [state, dispatch] = useReducer(
		chatReducer,
		{me: {userId, username}, page: firstPage?.page},
		firstChatState,
	);
	const latest = useRef(state);
	latest.current = state;
	const api = useMemo(() => new ChatRestApi({baseUrl: apiUrl, insecure}), [apiUrl, insecure]);
	const notice = useCallback((level: 'info' | 'error', text: string) => {
		dispatch({type: 'notice', level, text: sanitizeText(text), now: Date.now()});
	}, []);

	const {restored} = useOutbox(connection.outboxFile, state.pending, dispatch);
	// A page is applied after the live events that came before it: they are buffered for a frame.
	const flushLive = useRef<() => void>(() => undefined);
	const dispatchPage = useCallback((action: ChatAction) => {
		flushLive.current();
		dispatch(action);
	}, []);
	const {loadHistory, firstLoad} = useHistoryLoad({
		api,
		pageSize,
		firstPage,
		dispatch: dispatchPage,
		notice,
	});
	const socketRef = useRef<ChatSocket | undefined>(undefined);
	const queue = useLineQueue({state, latest, dispatch, socketRef});
	const onJoined = useAfterJoin({
		api,
		pageSize,
		latest,
		labels,
		notice,
		dispatchPage,
		restored,
		firstLoad,
		loadHistory,
		queue,
	});
	useLiveSocket({
		serverUrl,
		userId,
		username,
		insecure,
		dispatch,
		notice,
		onJoined,
		socketRef,
		flushRef: flushLive,
		lostLabel: labels.connectionLost,
	});
	const {loadOlder, loadNewer} = useHistoryPaging(api, pageSize, latest, dispatchPage);
	const other = useRoomActions({api, notice, dispatch, socketRef});
	return {state, ...other, send: queue.send, retryFailed: queue.retryFailed, loadOlder, loadNewer};
}

/** What is asked of the server or the socket besides sending lines. */
function useRoomActions({
	api,
	notice,
	dispatch,
	socketRef,
}: {
	readonly api: ChatRestApi;
	readonly notice: Chat['notice'];
	readonly dispatch: (action: ChatAction) => void;
	readonly socketRef: {readonly current: ChatSocket | undefined};
}) {
	const broadcast = useCallback(
		(content: string) => {
			api.broadcast(content).catch((error: unknown) => {
				notice('error', `broadcast failed: ${describeError(error)}`);
			});
		},
		[api, notice],
	);

	const rename = useCallback(
		(name: string) => {
			const clean = sanitizeText(name, limits.nameLength).trim();
			if (clean.length > 0) {
				dispatch({type: 'renamed', username: clean});
				socketRef.current?.rename(clean);
			}
		},
		[dispatch, socketRef],
	);

	const reconnect = useCallback(() => {
		socketRef.current?.reconnectNow();
	}, [socketRef]);

	const clear = useCallback(() => {
		dispatch({type: 'cleared'});
	}, [dispatch]);

	return {notice, broadcast, rename, reconnect, clear};
}
