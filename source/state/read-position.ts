import type {Message} from '../protocol/types.js';
import {fnv1a} from '../text/hash.js';

/*
Where the user stopped reading, kept across runs, as pure state. A server's message ids are only
hints (it may send none, or count again from 1 after a restart) and times are for display, so the
last message seen is not stored by id: the store keeps the fingerprints of the last few messages
seen (type, sender, time and content, hashed), and the next run looks for the newest place in its
history where that run of messages occurs. Found, the unread marker goes above the message after
it; not found (the history moved on past it, or it was deleted), there is no marker rather than a
wrong one.

The marker stays for the session. It moves when the user leaves and comes back: the terminal
loses the focus (CSI O) and gets it again (CSI I); then it goes above the first message that came
while the user was away, if any did. While the terminal is in the background nothing counts as
seen.
*/

/** Fingerprints of the last messages seen, oldest first. */
export type ReadTail = readonly string[];

/** How many of the last messages seen are kept: enough to tell repeated lines ("+1") apart. */
export const tailLength = 3;

/** A message's fingerprint: 64 bits of hash over what makes it that message, not its id. */
export function fingerprint(message: Message): string {
	const who = message.senderId ?? message.sender ?? '';
	const text = `${message.type}\u0000${who}\u0000${message.time}.${message.timeMicros}\u0000${message.content}`;
	const high = fnv1a(text).toString(16).padStart(8, '0');
	const low = fnv1a(text, 0x05_0c_5d_1f).toString(16).padStart(8, '0');
	return `${high}${low}`;
}

const fingerprints = new WeakMap<Message, string>();

/** fingerprint(message), made once per message. */
function fingerprintOf(message: Message): string {
	let value = fingerprints.get(message);
	if (value === undefined) {
		value = fingerprint(message);
		fingerprints.set(message, value);
	}

	return value;
}

/** The tail that ends with messages[index]. */
export function tailAt(messages: readonly Message[], index: number): string[] {
	return messages
		.slice(Math.max(0, index - tailLength + 1), index + 1)
		.map((message) => fingerprintOf(message));
}

const matchesAt = (messages: readonly Message[], tail: ReadTail, end: number, count: number) => {
	for (let back = 0; back < count; back++) {
		if (fingerprintOf(messages[end - back]!) !== tail[tail.length - 1 - back]) {
			return false;
		}
	}

	return true;
};

/**
 * The index of the last message seen: the newest place where the whole tail occurs. At the very
 * start of what is loaded, the tail's older part may be cut off by the page: two matching
 * messages (or the whole tail, when it is shorter) are enough there. Undefined when not found.
 */
export function locateTail(messages: readonly Message[], tail: ReadTail): number | undefined {
	if (tail.length === 0) {
		return undefined;
	}

	for (let end = messages.length - 1; end >= 0; end--) {
		if (end + 1 >= tail.length) {
			if (matchesAt(messages, tail, end, tail.length)) {
				return end;
			}
		} else if (end + 1 >= Math.min(2, tail.length) && matchesAt(messages, tail, end, end + 1)) {
			return end;
		}
	}

	return undefined;
}

/** The line above the first unread message: that message's key, and how many are unread. */
export type UnreadMarker = {readonly key: string; readonly count: number};

type Keyed = Message & {readonly key: string};

/**
 * Whether a message after the last one read is unread: a text from someone else. Joins, leaves
 * and other notices, and the user's own lines (sent from elsewhere), are not.
 */
export const isUnread = (message: Message, userId: string) =>
	message.type === 'text' && message.senderId !== userId;

/** Where the marker goes after the message at `lastSeen`: the first unread, and how many. */
export function unreadAfter(
	messages: readonly Message[],
	lastSeen: number,
	userId: string,
): {readonly index: number; readonly count: number} | undefined {
	let index = -1;
	let count = 0;
	for (let at = lastSeen + 1; at < messages.length; at++) {
		if (isUnread(messages[at]!, userId)) {
			index = index === -1 ? at : index;
			count++;
		}
	}

	return count === 0 ? undefined : {index, count};
}

/** The marker after the message at `lastSeen`; none when nothing unread came after it. */
export function markerAfter(
	messages: readonly Keyed[],
	lastSeen: number,
	userId: string,
): UnreadMarker | undefined {
	const unread = unreadAfter(messages, lastSeen, userId);
	return unread ? {key: messages[unread.index]!.key, count: unread.count} : undefined;
}

/**
 * Unread messages (see isUnread) after the message `since` (all of them when undefined), counted
 * from the end: what the status bar shows while the terminal is in the background; 0 when
 * `since` is not among them.
 */
export function unreadSince(
	messages: readonly Keyed[],
	since: string | undefined,
	userId: string,
): number {
	let count = 0;
	for (let index = messages.length - 1; index >= 0; index--) {
		const message = messages[index]!;
		if (message.key === since) {
			return count;
		}

		count += isUnread(message, userId) ? 1 : 0;
	}

	return since === undefined ? count : 0;
}

export type ReadState = {
	/** What the store held at start: undefined while it is read, [] for nothing stored. */
	readonly stored: ReadTail | undefined;
	/** The marker was placed from the stored tail (or could not be): seeing may count now. */
	readonly resolved: boolean;
	readonly marker: UnreadMarker | undefined;
	/** The newest message seen: its key (for this session) and the tail to store. */
	readonly seen: {readonly key: string; readonly tail: ReadTail} | undefined;
	/**
	 * The terminal is in the background: nothing counts as seen, and the marker waits. `since` is
	 * the newest message seen when it left (the newest loaded, when none was seen yet).
	 */
	readonly away: {readonly since: string | undefined} | undefined;
};

export type ReadAction =
	| {readonly type: 'stored-loaded'; readonly tail: ReadTail}
	| {
			readonly type: 'history-shown';
			readonly messages: readonly Keyed[];
			readonly userId: string;
	  }
	| {readonly type: 'shown'; readonly messages: readonly Keyed[]; readonly key: string}
	| {readonly type: 'left'; readonly messages: readonly Keyed[]}
	| {readonly type: 'returned'; readonly messages: readonly Keyed[]; readonly userId: string};

export const initialReadState: ReadState = {
	stored: undefined,
	resolved: false,
	marker: undefined,
	seen: undefined,
	away: undefined,
};

/** Index of the message with `key`, searched from the newest (where the seen one usually is). */
function indexOfKey(messages: readonly Keyed[], key: string): number {
	for (let index = messages.length - 1; index >= 0; index--) {
		if (messages[index]!.key === key) {
			return index;
		}
	}

	return -1;
}

/** The message `key` is on screen: the newest seen, when it is newer than the one before. */
function shown(state: ReadState, messages: readonly Keyed[], key: string): ReadState {
	if (!state.resolved || state.away) {
		return state;
	}

	const index = indexOfKey(messages, key);
	const current = state.seen ? indexOfKey(messages, state.seen.key) : -1;
	if (index === -1 || index <= current) {
		return state;
	}

	return {...state, seen: {key, tail: tailAt(messages, index)}};
}

/** Back in front of the terminal: the marker moves above what came while away, if anything. */
function returned(state: ReadState, messages: readonly Keyed[], userId: string): ReadState {
	if (!state.away) {
		return state;
	}

	const {since} = state.away;
	const lastSeen = since === undefined ? -1 : indexOfKey(messages, since);
	const moved = markerAfter(messages, lastSeen, userId);
	return {...state, away: undefined, marker: moved ?? state.marker};
}

export function readReducer(state: ReadState, action: ReadAction): ReadState {
	switch (action.type) {
		case 'stored-loaded': {
			return state.stored === undefined ? {...state, stored: action.tail} : state;
		}

		case 'history-shown': {
			if (state.resolved || state.stored === undefined) {
				return state;
			}

			const lastSeen = locateTail(action.messages, state.stored);
			const marker =
				lastSeen === undefined ? undefined : markerAfter(action.messages, lastSeen, action.userId);
			return {...state, resolved: true, marker};
		}

		case 'shown': {
			return shown(state, action.messages, action.key);
		}

		case 'left': {
			return state.away
				? state
				: {...state, away: {since: state.seen?.key ?? action.messages.at(-1)?.key}};
		}

		case 'returned': {
			return returned(state, action.messages, action.userId);
		}
	}
}
