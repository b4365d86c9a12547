import type {Message} from '../protocol/types.js';

/*
Merging history with live events: one rule for identity, one order.

Identity: two messages are the same when both carry a server id and the ids are equal; when
either has none, when their composite keys are equal (type, sender id or name, time to the
microsecond, content). The REST answer may arrive before or after the live events it overlaps,
pages may overlap each other, and a server may send no id at all: this rule holds for each.

Order: by time (to the microsecond), then by arrival, so equal times keep the order they came in.
*/

export type StoredMessage = Message & {
	/** Arrival order, to break ties between equal times. */
	readonly seq: number;
	/** The identity key: the server's id when present, else the composite. */
	readonly key: string;
	/** compositeKey(message), made once. */
	readonly composite: string;
};

export function compositeKey(message: Message): string {
	const who = message.senderId ?? message.sender ?? '';
	return `${message.type}\u0000${who}\u0000${message.time}.${message.timeMicros}\u0000${message.content}`;
}

export type MessageIndex = {
	/** Server id -> stored key. */
	readonly ids: ReadonlyMap<string, string>;
	/** Composite key -> the server id of the stored message with it ('' when it has none). */
	readonly composites: ReadonlyMap<string, string>;
};

export const emptyIndex: MessageIndex = {ids: new Map(), composites: new Map()};

export function isKnown(index: MessageIndex, message: Message): boolean {
	if (message.id !== undefined && index.ids.has(message.id)) {
		return true;
	}

	const storedId = index.composites.get(compositeKey(message));
	if (storedId === undefined) {
		return false;
	}

	// Same composite: the same message, unless both have ids and they differ.
	return storedId === '' || message.id === undefined || storedId === message.id;
}

const compare = (a: StoredMessage, b: StoredMessage) =>
	a.time - b.time || a.timeMicros - b.timeMicros || a.seq - b.seq;

/** Messages in order, their index, and the arrival number the next one gets. */
export type Stretch = {
	readonly messages: readonly StoredMessage[];
	readonly index: MessageIndex;
	readonly nextSeq: number;
};

export const emptyStretch: Stretch = {messages: [], index: emptyIndex, nextSeq: 0};

export type MergeResult = Stretch & {
	/** The messages that were new, in the order they were given. */
	readonly added: readonly StoredMessage[];
	/** How many of the oldest were dropped to keep `keepNewest`. */
	readonly dropped: number;
};

/**
 * Merge `incoming` into the sorted `existing`, skipping known ones. Appending in order (the
 * common case: live events) costs O(k) plus copying the index; anything else costs one sort of the
 * result. With `keepNewest`, the oldest past that many are dropped, and their index entries with
 * them (not the whole index made again: in a flood that was most of the chat's work).
 */
export function mergeMessages(
	stretch: Stretch,
	incoming: readonly Message[],
	keepNewest = Number.POSITIVE_INFINITY,
): MergeResult {
	const {messages: existing, index, nextSeq: firstSeq} = stretch;
	const ids = new Map(index.ids);
	const composites = new Map(index.composites);
	const next: MessageIndex = {ids, composites};
	const added: StoredMessage[] = [];
	let seq = firstSeq;
	for (const message of incoming) {
		if (isKnown(next, message)) {
			continue;
		}

		const composite = compositeKey(message);
		const stored: StoredMessage = {
			...message,
			seq,
			key: message.id === undefined ? composite : `id:${message.id}`,
			composite,
		};
		seq++;
		composites.set(composite, message.id ?? '');
		if (message.id !== undefined) {
			ids.set(message.id, stored.key);
		}

		added.push(stored);
	}

	if (added.length === 0) {
		return {messages: existing, index, added, nextSeq: seq, dropped: 0};
	}

	const last = existing.at(-1);
	const sortedAdded = added.length > 1 ? [...added].sort(compare) : added;
	const all =
		last === undefined || compare(last, sortedAdded[0]!) <= 0
			? [...existing, ...sortedAdded]
			: [...existing, ...sortedAdded].sort(compare);
	const dropped = Math.max(0, all.length - keepNewest);
	for (const message of all.slice(0, dropped)) {
		forget(ids, composites, message);
	}

	return {
		messages: dropped > 0 ? all.slice(dropped) : all,
		index: next,
		added,
		nextSeq: seq,
		dropped,
	};
}

/**
 * Take a dropped message out of a fresh index. Another message with the same composite (both with
 * ids, and different ones) sorts by arrival among equal times: when it is kept it came later, and
 * its id, not this one's, is what the composite points to; then the entry stays.
 */
function forget(
	ids: Map<string, string>,
	composites: Map<string, string>,
	message: StoredMessage,
): void {
	if (message.id !== undefined) {
		ids.delete(message.id);
	}

	if (composites.get(message.composite) === (message.id ?? '')) {
		composites.delete(message.composite);
	}
}

/** Keep the newest `max` messages (or the oldest, when `keep` is 'oldest'), with their index. */
export function trimMessages(
	messages: readonly StoredMessage[],
	max: number,
	keep: 'newest' | 'oldest' = 'newest',
): {messages: readonly StoredMessage[]; index: MessageIndex; dropped: number} | undefined {
	if (messages.length <= max) {
		return undefined;
	}

	const kept = keep === 'newest' ? messages.slice(messages.length - max) : messages.slice(0, max);
	return {messages: kept, index: indexOf(kept), dropped: messages.length - max};
}

export function indexOf(messages: readonly StoredMessage[]): MessageIndex {
	const ids = new Map<string, string>();
	const composites = new Map<string, string>();
	for (const message of messages) {
		composites.set(message.composite, message.id ?? '');
		if (message.id !== undefined) {
			ids.set(message.id, message.key);
		}
	}

	return {ids, composites};
}
