import {useCallback, type RefObject} from 'react';
import {catchUp} from '../client/catch-up.js';
import {meetsHeld} from '../client/timeline.js';
import {describeError} from '../protocol/describe-error.js';
import type {ChatRestApi} from '../protocol/rest-client.js';
import type {ChatSocket} from '../protocol/socket-client.js';
import type {ChatAction, ChatState} from '../state/chat-state.js';
import {timelineOf} from '../state/paging.js';

/** Words of the gap-fill notice, in the UI's language. */
export type JoinLabels = {
	readonly reconnected: string;
	/** `{reason}`: why the link dropped. */
	readonly connectionLost?: string;
	readonly missed: string;
	readonly missedOne?: string;
};

export type AfterJoinOptions = {
	readonly api: ChatRestApi;
	readonly pageSize: number;
	readonly latest: RefObject<ChatState>;
	readonly labels: JoinLabels;
	readonly notice: (level: 'info' | 'error', text: string) => void;
	/** Applies a page after the live events buffered before it. */
	readonly dispatchPage: (action: ChatAction) => void;
	/** Settles once the outbox is read from disk (see use-outbox.ts). */
	readonly restored: Promise<unknown>;
	/** The first history load (see use-history-load.ts): under way, and what loads it again. */
	readonly firstLoad: RefObject<Promise<boolean> | undefined>;
	readonly loadHistory: () => Promise<unknown>;
	/** The line queue's two moments (see use-line-queue.ts). */
	readonly queue: {
		readonly joined: () => void;
		readonly synced: (socket: ChatSocket) => void;
	};
};

/**
 * What follows every join, in order: the history (at start) or the gap since the drop (after a
 * reconnect) is merged, then the queued lines go out. Returns the socket's `onJoined`.
 */
export function useAfterJoin(options: AfterJoinOptions) {
	const {restored, firstLoad, loadHistory, latest} = options;
	const {joined, synced} = options.queue;
	const fillGapAfterJoin = useGapFill(options);
	return useCallback(
		(socket: ChatSocket, reconnect: boolean) => {
			joined();
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

				synced(socket);
			})();
		},
		[restored, fillGapAfterJoin, loadHistory, firstLoad, latest, joined, synced],
	);
}

/*
After a join, what was sent while we were not in the room is fetched, paging back from the
newest message until the run meets what is held, and stitched on (client/timeline.ts). After a
drop it is announced ("reconnected — N missed"). After the first join it is quiet: it closes the
race between the first history page and the join, where a message sent between the two is in
neither.
*/
function useGapFill({api, pageSize, latest, labels, notice, dispatchPage}: AfterJoinOptions) {
	const {reconnected, missed, missedOne} = labels;
	return useCallback(
		async (reconnect: boolean) => {
			if (latest.current.newer) {
				// Scrolled far back: the newest messages load when scrolled to, missed ones with them.
				if (reconnect) {
					notice('info', reconnected);
				}

				return;
			}

			try {
				const result = await catchUp({
					fetchPage: async (page) => api.getMessages(page),
					meets: (run, total) => meetsHeld(timelineOf(latest.current), run, total),
					pageSize,
				});
				dispatchPage({
					type: 'gap-filled',
					messages: result.run,
					total: result.total,
					fromStart: result.fromStart,
					complete: result.complete,
					now: Date.now(),
					...(reconnect
						? {label: reconnected, missedLabel: missed, missedOneLabel: missedOne}
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
		[api, pageSize, latest, reconnected, missed, missedOne, notice, dispatchPage],
	);
}
