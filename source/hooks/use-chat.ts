import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import {ChatRestApi} from '../protocol/rest-client.js';
import {sanitize, sanitizeText} from '../protocol/sanitize.js';
import type {ChatSocket} from '../protocol/socket-client.js';
import {limits, type MessagesPage} from '../protocol/types.js';
import {chatReducer, type ChatAction, type ChatState} from '../state/chat-state.js';
import {catchUp} from '../client/catch-up.js';
import {meetsHeld} from '../client/timeline.js';
import {timelineOf} from '../state/paging.js';
import {describeError} from '../protocol/describe-error.js';
import {firstPageSize, type FirstPage} from '../startup/first-page.js';
import {firstChatState, useHistoryLoad} from './use-history-load.js';
import {useHistoryPaging} from './use-history-paging.js';
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
	readonly labels?: {
		readonly reconnected: string;
		/** `{reason}`: why the link dropped. */
		readonly connectionLost?: string;
		readonly missed: string;
		readonly missedOne?: string;
	};
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

/**
 * The one place where REST and the socket meet the chat state. Everything here is IO; every
 * decision about what to show lives in the reducer.
 *
 * After every join, in order: the history (at start) or the gap since the drop (after a
 * reconnect) is merged, then the queued lines go out, once each, in order.
 */
export function useChat(connection: ChatConnection): Chat {
	const {
		serverUrl,
		apiUrl,
		userId,
		username,
		insecure,
		historyPageSize = firstPageSize,
		outboxFile,
	} = connection;
	const firstPage = useRef(connection.firstPage).current;
	const [state, dispatch] = useReducer(
		chatReducer,
		{me: {userId, username}, page: firstPage?.page},
		firstChatState,
	);
	const latest = useRef(state);
	latest.current = state;
	const labels = connection.labels ?? {
		reconnected: 'reconnected',
		missed: 'missed messages loaded',
		missedOne: 'missed message loaded',
	};

	const api = useMemo(() => new ChatRestApi({baseUrl: apiUrl, insecure}), [apiUrl, insecure]);

	const notice = useCallback((level: 'info' | 'error', text: string) => {
		dispatch({type: 'notice', level, text: sanitizeText(text), now: Date.now()});
	}, []);

	const {restored} = useOutbox(outboxFile, state.pending, dispatch);
	// A page is applied after the live events that came before it: they are buffered for a frame.
	const flushLive = useRef<() => void>(() => undefined);
	const dispatchPage = useCallback((action: ChatAction) => {
		flushLive.current();
		dispatch(action);
	}, []);
	const {loadHistory, firstLoad} = useHistoryLoad({
		api,
		pageSize: historyPageSize,
		firstPage,
		dispatch: dispatchPage,
		notice,
	});

	// Lines sent on the current connection, so a second join in quick succession cannot send a
	// line again before the state says it went out.
	const sentOnThisLink = useRef(new Set<number>());

	const flushQueue = useCallback((socket: ChatSocket) => {
		const sent: number[] = [];
		for (const line of latest.current.pending) {
			if (line.status !== 'queued' || sentOnThisLink.current.has(line.localId)) {
				continue;
			}

			if (!socket.send(line.content)) {
				break;
			}

			sentOnThisLink.current.add(line.localId);
			sent.push(line.localId);
		}

		if (sent.length > 0) {
			dispatch({type: 'sends-started', localIds: sent, now: Date.now()});
		}
	}, []);

	/*
	After a join, what was sent while we were not in the room is fetched, paging back from the
	newest message until the run meets what is held, and stitched on (client/timeline.ts). After a drop it is announced
	("reconnected — N missed"). After the first join it is quiet: it closes the race between the
	first history page and the join, where a message sent between the two is in neither.
	*/
	const fillGapAfterJoin = useCallback(
		async (reconnect: boolean) => {
			if (latest.current.newer) {
				// Scrolled far back: the newest messages load when scrolled to, missed ones with them.
				if (reconnect) {
					notice('info', labels.reconnected);
				}

				return;
			}

			try {
				const result = await catchUp({
					fetchPage: async (page) => api.getMessages(page),
					meets: (run, total) => meetsHeld(timelineOf(latest.current), run, total),
					pageSize: historyPageSize,
				});
				dispatchPage({
					type: 'gap-filled',
					messages: result.run,
					total: result.total,
					fromStart: result.fromStart,
					complete: result.complete,
					now: Date.now(),
					...(reconnect
						? {
								label: labels.reconnected,
								missedLabel: labels.missed,
								missedOneLabel: labels.missedOne,
							}
						: {}),
				});
			} catch (error: unknown) {
				// After the first join the history itself loaded: a failed second look alarms nobody.
				if (reconnect) {
					notice(
						'error',
						`reconnected, but the missed messages could not be loaded: ${describeError(error)}`,
					);
				}
			}
		},
		[
			api,
			historyPageSize,
			labels.reconnected,
			labels.missed,
			labels.missedOne,
			notice,
			dispatchPage,
		],
	);

	// True from a join until its history or gap fill is merged and the queue has gone out.
	const syncing = useRef(false);

	const onJoined = useCallback(
		(socket: ChatSocket, reconnect: boolean) => {
			sentOnThisLink.current.clear();
			syncing.current = true;
			void (async () => {
				await restored;
				// Read afresh each time: the awaits below change it.
				const loaded = () => latest.current.history.status === 'loaded';
				if (loaded()) {
					await fillGapAfterJoin(reconnect);
				} else if (firstLoad.current && !reconnect) {
					// Joined before the first page came: once it has, look for what came in between.
					if (await firstLoad.current) {
						await fillGapAfterJoin(false);
					}
				} else {
					// The history never loaded: load it now, after the join, so nothing falls between.
					await loadHistory();
				}

				syncing.current = false;
				if (socket.connected) {
					flushQueue(socket);
				}
			})();
		},
		[restored, fillGapAfterJoin, loadHistory, firstLoad, flushQueue],
	);

	const socketRef = useLiveSocket({
		serverUrl,
		userId,
		username,
		insecure,
		dispatch,
		notice,
		onJoined,
		flushRef: flushLive,
		lostLabel: labels.connectionLost,
	});

	const send = useCallback(
		(content: string) => {
			const clean = sanitize(content, {multiline: true, maxLength: limits.contentLength}).text;
			if (clean.trim().length === 0) {
				return;
			}

			// Behind queued lines, a new one waits its turn, so the order holds.
			const queuedBefore = latest.current.pending.some((line) => line.status === 'queued');
			const sent = !queuedBefore && (socketRef.current?.send(clean) ?? false);
			dispatch({type: 'send-queued', content: clean, now: Date.now(), sent});
		},
		[socketRef],
	);

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
		[socketRef],
	);

	const reconnect = useCallback(() => {
		socketRef.current?.reconnectNow();
	}, [socketRef]);

	const clear = useCallback(() => {
		dispatch({type: 'cleared'});
	}, []);

	const retryFailed = useCallback(() => {
		dispatch({type: 'failed-retried'});
		sentOnThisLink.current.clear();
	}, []);

	const {loadOlder, loadNewer} = useHistoryPaging(api, historyPageSize, latest, dispatchPage);

	// Retried (or newly queued) lines go out as soon as the state shows them and the link is up.
	const hasQueued = state.pending.some((line) => line.status === 'queued');
	const online = state.connection.status === 'online';
	useEffect(() => {
		const socket = socketRef.current;
		if (hasQueued && online && socket && !syncing.current) {
			flushQueue(socket);
		}
	}, [hasQueued, online, socketRef, flushQueue]);

	return {
		state,
		send,
		notice,
		broadcast,
		rename,
		reconnect,
		clear,
		retryFailed,
		loadOlder,
		loadNewer,
	};
}
