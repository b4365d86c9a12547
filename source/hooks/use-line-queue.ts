import {useCallback, useEffect, useRef, type Dispatch, type RefObject} from 'react';
import {sanitize} from '../protocol/sanitize.js';
import type {ChatSocket} from '../protocol/socket-client.js';
import {limits} from '../protocol/types.js';
import type {ChatAction, ChatState} from '../state/chat-state.js';

export type LineQueueOptions = {
	readonly state: ChatState;
	/** The state as of now, for callbacks that run after awaits. */
	readonly latest: RefObject<ChatState>;
	readonly dispatch: Dispatch<ChatAction>;
	readonly socketRef: RefObject<ChatSocket | undefined>;
};

/**
 * The lines the user sends: at once when online and nothing waits before them, else queued in
 * the state (and on disk, see use-outbox.ts) until the next join has synced, then sent once each,
 * in order.
 */
export function useLineQueue({state, latest, dispatch, socketRef}: LineQueueOptions) {
	// Lines sent on the current connection, so a second join in quick succession cannot send a
	// line again before the state says it went out.
	const sentOnThisLink = useRef(new Set<number>());
	// True from a drop (and before the first join) until the next join's history or gap fill is
	// merged and the queue has gone out: nothing goes out on a link the server has not joined us on.
	const syncing = useRef(true);

	const flushQueue = useCallback(
		(socket: ChatSocket) => {
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
		},
		[latest, dispatch],
	);

	/** A join started: nothing went out on this link yet, and the queue waits for the sync. */
	const joined = useCallback(() => {
		sentOnThisLink.current.clear();
		syncing.current = true;
	}, []);

	/** The join's history or gap fill is merged: the queue goes out. */
	const synced = useCallback(
		(socket: ChatSocket) => {
			syncing.current = false;
			if (socket.connected) {
				flushQueue(socket);
			}
		},
		[flushQueue],
	);

	const send = useCallback(
		(content: string) => {
			const clean = sanitize(content, {multiline: true, maxLength: limits.contentLength}).text;
			if (clean.trim().length === 0) {
				return;
			}

			// Behind queued lines, a new one waits its turn, so the order holds.
			const queuedBefore = latest.current.pending.some((line) => line.status === 'queued');
			const sent = !queuedBefore && !syncing.current && (socketRef.current?.send(clean) ?? false);
			dispatch({type: 'send-queued', content: clean, now: Date.now(), sent});
		},
		[latest, dispatch, socketRef],
	);

	const retryFailed = useCallback(() => {
		dispatch({type: 'failed-retried'});
		sentOnThisLink.current.clear();
	}, [dispatch]);

	// Retried (or newly queued) lines go out as soon as the state shows them and the link is up.
	const hasQueued = state.pending.some((line) => line.status === 'queued');
	const online = state.connection.status === 'online';
	useEffect(() => {
		if (!online) {
			syncing.current = true;
			return;
		}

		const socket = socketRef.current;
		if (hasQueued && socket && !syncing.current) {
			flushQueue(socket);
		}
	}, [hasQueued, online, socketRef, flushQueue]);

	return {send, retryFailed, joined, synced};
}
