import type {Message} from '../protocol/types.js';
import {holdsRunAt, type Meeting} from './align.js';
import type {StoredMessage, Timeline} from './timeline-types.js';

/*
The server's counts, where they help the timeline (timeline.ts): a page's `total` says how far into
the server's log its newest message is. An anchor (a held message and its place) then says
exactly where what is held ends in a later page, where equal lines make the content say too
little. Every use is checked against the content: a server that drops old messages or starts its
log again makes the counts wrong, and then they are not used.
*/

/** The run's newest message is the `total`-th of the server's log. */
export function anchorOf(
	messages: readonly StoredMessage[],
	index: number,
	total: number | undefined,
	old: Timeline['anchor'],
): Pick<Timeline, 'anchor'> {
	if (total === undefined) {
		return old ? {anchor: old} : {};
	}

	// Before the first message held (an empty run, say): the key ''.
	const key = index === -1 ? '' : messages[index]?.key;
	return key === undefined ? {} : {anchor: {key, position: total}};
}

/** Where the held messages before the chain end in `run`, as the counts say, if they agree. */
export function counted(
	timeline: Timeline,
	run: readonly Message[],
	total: number | undefined,
	max: number,
): Meeting | undefined {
	const {messages, liveStart, anchor} = timeline;
	if (total === undefined || !anchor || liveStart === 0) {
		return undefined;
	}

	const anchorIndex =
		anchor.key === '' ? -1 : messages.findIndex((message) => message.key === anchor.key);
	if (anchorIndex === -1 && anchor.key !== '') {
		return undefined;
	}

	// The newest held before the chain is this far into the log; the run ends at `total`.
	const position = anchor.position + (liveStart - 1 - anchorIndex);
	const at = position - (total - run.length);
	if (at > max) {
		return undefined;
	}

	if (at <= 0) {
		// The run does not reach back to what is held.
		return {at: 0, overlap: 0};
	}

	const overlap = Math.min(at, liveStart);
	return holdsRunAt(messages, liveStart - overlap, run.slice(at - overlap, at))
		? {at, overlap}
		: undefined;
}

/** An anchor before the first message means nothing once the first message changes. */
export const keptAnchor = (anchor: Timeline['anchor']): Pick<Timeline, 'anchor'> =>
	anchor && anchor.key !== '' ? {anchor} : {};
