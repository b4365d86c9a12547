import type {StoredMessage} from '../client/timeline.js';
import type {Notice, PendingLine} from './chat-state.js';

/*
The log as items, pure: messages in the server's order, each notice after the message that was
newest when it was made, the user's pending lines last, a date
separator wherever the day changes, and the edge of the loaded history on top. log-lines.ts turns
them into display lines.
*/

export type LogItem =
	| {
			readonly kind: 'message';
			readonly key: string;
			readonly time: number;
			readonly message: StoredMessage;
	  }
	| {readonly kind: 'notice'; readonly key: string; readonly time: number; readonly notice: Notice}
	| {
			readonly kind: 'pending';
			readonly key: string;
			readonly time: number;
			readonly line: PendingLine;
	  }
	| {readonly kind: 'date'; readonly key: string; readonly time: number}
	| {
			readonly kind: 'unread';
			readonly key: string;
			readonly time: number;
			/** How many messages from here on were not read before. */
			readonly count: number;
	  }
	| {
			readonly kind: 'edge';
			readonly key: string;
			readonly time: number;
			readonly edge: HistoryEdge;
	  };

/** What lies above the oldest message loaded: more (loading), nothing, or a failed load. */
export type HistoryEdge = 'loading' | 'start' | 'failed';

const dayOf = (time: number) => {
	const date = new Date(time);
	return date.getFullYear() * 10_000 + date.getMonth() * 100 + date.getDate();
};

/** The line above the oldest message loaded: "loading…", "beginning of history". */
export const edgeItem = (edge: HistoryEdge, firstTime = 0): LogItem => ({
	kind: 'edge',
	key: `edge:${edge}`,
	time: firstTime,
	edge,
});

/**
 * Each message, notice and pending line's item and day, made once: the log is rebuilt on every
 * change, and under a busy room that is many times a second over thousands of messages.
 */
const made = new WeakMap<Record<string, unknown>, {readonly item: LogItem; readonly day: number}>();

function itemOf(
	source: Record<string, unknown>,
	make: () => LogItem,
): {readonly item: LogItem; readonly day: number} {
	let entry = made.get(source);
	if (!entry) {
		const item = make();
		entry = {item, day: dayOf(item.time)};
		made.set(source, entry);
	}

	return entry;
}

const noticeItem = (notice: Notice) =>
	itemOf(notice, () => ({kind: 'notice', key: `notice:${notice.id}`, time: notice.time, notice}));

/** Notices by the message they follow; those that follow none, or one no longer held, first. */
function noticesByMessage(messages: readonly StoredMessage[], notices: readonly Notice[]) {
	const first: Notice[] = [];
	const after = new Map<string, Notice[]>();
	if (notices.length === 0) {
		return {first, after};
	}

	const held = new Set(messages.map((message) => message.key));
	for (const notice of notices) {
		if (notice.after === undefined || !held.has(notice.after)) {
			first.push(notice);
		} else {
			const list = after.get(notice.after);
			if (list) {
				list.push(notice);
			} else {
				after.set(notice.after, [notice]);
			}
		}
	}

	return {first, after};
}

/**
 * The items with the unread marker (state/read-position.ts) above the message `key`; as they were
 * when that message is not among them.
 */
export function withUnreadMarker(
	items: readonly LogItem[],
	marker: {readonly key: string; readonly count: number} | undefined,
): readonly LogItem[] {
	if (!marker) {
		return items;
	}

	const at = items.findIndex((item) => item.key === marker.key);
	if (at === -1) {
		return items;
	}

	const unread: LogItem = {
		kind: 'unread',
		key: `unread:${marker.key}`,
		time: items[at]!.time,
		count: marker.count,
	};
	return [...items.slice(0, at), unread, ...items.slice(at)];
}

/**
 * Messages in order, each notice after the message it follows, pending lines last, a date
 * separator where the day changes.
 */
export function buildLogItems(
	messages: readonly StoredMessage[],
	notices: readonly Notice[],
	pending: readonly PendingLine[],
	clearedBefore = 0,
): LogItem[] {
	const items: LogItem[] = [];
	let day: number | undefined;
	const push = ({item, day: itemDay}: {readonly item: LogItem; readonly day: number}) => {
		if (day !== undefined && itemDay !== day) {
			items.push({kind: 'date', key: `date:${itemDay}:${item.key}`, time: item.time});
		}

		day = itemDay;
		items.push(item);
	};

	const {first, after} = noticesByMessage(messages, notices);
	for (const notice of first) {
		push(noticeItem(notice));
	}

	for (const message of messages) {
		if (message.seq >= clearedBefore) {
			push(
				itemOf(message, () => ({kind: 'message', key: message.key, time: message.time, message})),
			);
		}

		for (const notice of after.get(message.key) ?? []) {
			push(noticeItem(notice));
		}
	}

	for (const line of pending) {
		push(
			itemOf(line, () => ({
				kind: 'pending',
				key: `pending:${line.localId}:${line.status}`,
				time: line.createdAt,
				line,
			})),
		);
	}

	return items;
}
