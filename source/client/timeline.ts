import type {Message} from '../protocol/types.js';
import {anchorOf, counted, keptAnchor} from './counts.js';
import type {StoredMessage, Timeline} from './timeline-types.js';
import {holdsRun, meetingPoint, overlapAtStart, placeChain, sameMessage} from './align.js';

/*
The timeline: the messages held, in the server's order, each once. Pure; the full-screen chat,
line mode and the SDK's ChatClient all keep theirs with these functions.

- Live messages are appended in the order they arrive, and never compared with other live
  messages: two equal "+1" lines are two messages.
- A history page is one run of the server's log, oldest first. It is stitched on by aligning it
  with what is held (align.ts), position by position, counting repeats.
- The live messages of the current connection form a chain: one contiguous run of the server's
  log, from the connection on. A newest page (the first page, the gap fill after a reconnect)
  puts what it holds before the chain into the gap between the older messages and the chain,
  and what it holds after the chain at the end, as messages "expected" live: the page answered
  before their live events came, and those events are then taken as these messages, not new ones.
  With no live message yet, the whole page is taken as older than the connection: a server's
  socket events written before its HTTP answer are assumed to arrive before it (where they do
  not, a message shows twice; it is never lost).
- Time takes no part in order or identity: a message stamped far in the future or the past sits
  where it arrived.
*/

export type {StoredMessage, Timeline} from './timeline-types.js';

export const emptyTimeline: Timeline = {messages: [], nextSeq: 0, liveStart: 0, expected: 0};

/** What changed: the messages newly held, in the server's order. */
export type Stitched = {readonly timeline: Timeline; readonly added: readonly StoredMessage[]};

function store(messages: readonly Message[], firstSeq: number): StoredMessage[] {
	return messages.map((message, index) => stored(message, firstSeq + index));
}

type Writable<T> = {-readonly [K in keyof T]: T[K]};

/**
 * A message as held. Built field by field, not spread: V8 gives each object spread from a parsed
 * message a hidden class of its own (about 300 bytes a message held), where these share a few.
 */
function stored(message: Message, seq: number): StoredMessage {
	const {id, sender, senderId, truncatedChars} = message;
	const held: Partial<Writable<StoredMessage>> = {
		type: message.type,
		content: message.content,
		time: message.time,
		timeMicros: message.timeMicros,
	};
	if (id !== undefined) {
		held.id = id;
	}

	if (sender !== undefined) {
		held.sender = sender;
	}

	if (senderId !== undefined) {
		held.senderId = senderId;
	}

	if (truncatedChars !== undefined) {
		held.truncatedChars = truncatedChars;
	}

	held.seq = seq;
	held.key = `m${seq}`;
	return held as StoredMessage;
}

/** A new connection: its live messages start a new chain after everything held. */
export function connected(timeline: Timeline): Timeline {
	const end = timeline.messages.length;
	return {...timeline, liveStart: end, expected: end};
}

/**
 * Live messages, in arrival order. Each is appended, unless a page already brought it: then it
 * is the next expected message. One that is not ends the expectation.
 */
export function addLive(timeline: Timeline, incoming: readonly Message[]): Stitched {
	let {messages, expected, nextSeq} = timeline;
	const added: StoredMessage[] = [];
	let copied = false;
	for (const message of incoming) {
		if (expected < messages.length && sameMessage(messages[expected]!, message)) {
			expected++;
			continue;
		}

		// Not the message the page led us to expect: expect nothing more from it.
		const held = stored(message, nextSeq++);
		if (!copied) {
			messages = [...messages];
			copied = true;
		}

		(messages as StoredMessage[]).push(held);
		added.push(held);
		expected = messages.length;
	}

	return {timeline: {...timeline, messages, expected, nextSeq}, added};
}

/**
 * The newest run of the server's log (one page or several, oldest first) stitched on: what lies
 * between the older messages and the live chain fills that gap; what is newer than the chain is
 * expected live. With nothing overlapping, the run is a gap filled in full (the caller knows
 * whether it reached back far enough).
 */
export function stitchNewest(
	timeline: Timeline,
	run: readonly Message[],
	total?: number,
	/** The run reaches the oldest message on the server: what is held before the chain is in it. */
	whole = false,
): Stitched {
	const {messages, liveStart, expected, nextSeq} = timeline;
	const k = run.length;
	const chainLength = messages.length - liveStart;
	const at =
		chainLength === 0
			? k
			: placeChain(messages, liveStart, messages.length, expected - liveStart, run);
	const before = Math.max(0, Math.min(at, k));
	const meeting =
		counted(timeline, run, total, before) ?? meetingPoint(messages, liveStart, run, before);
	// The whole log, and what is held does not meet it: what is held is not a run of the log any
	// more (a message taken twice), so the log's own copy takes its place.
	const replaced = whole && liveStart > 0 && meeting.at === 0 ? liveStart : 0;
	const after = Math.max(0, at + chainLength);
	const gap = store(run.slice(meeting.at, before), nextSeq);
	const newer = store(run.slice(Math.max(after, before)), nextSeq + gap.length);
	const all =
		gap.length === 0 && newer.length === 0 && replaced === 0
			? messages
			: [...messages.slice(replaced, liveStart), ...gap, ...messages.slice(liveStart), ...newer];
	const start = liveStart - replaced + gap.length;
	const next: Timeline = {
		messages: all,
		nextSeq: nextSeq + gap.length + newer.length,
		liveStart: start,
		expected: expected - replaced + gap.length,
		...anchorOf(all, start + (k - 1 - at), total, timeline.anchor),
	};
	return {timeline: next, added: [...gap, ...newer]};
}

/** An older page, stitched on in front where its newest end meets the oldest messages held. */
export function stitchOlder(timeline: Timeline, page: readonly Message[]): Stitched {
	if (!extendsOlder(timeline, page)) {
		return {timeline, added: []};
	}

	const overlap = overlapAtStart(timeline.messages, page);
	const older = store(page.slice(0, page.length - overlap), timeline.nextSeq);
	if (older.length === 0) {
		return {timeline, added: []};
	}

	return {
		timeline: {
			messages: [...older, ...timeline.messages],
			nextSeq: timeline.nextSeq + older.length,
			liveStart: timeline.liveStart + older.length,
			expected: timeline.expected + older.length,
			...keptAnchor(timeline.anchor),
		},
		added: older,
	};
}

/** A newer page (scrolled far back), stitched on where its oldest end meets the newest held. */
export function stitchNewer(timeline: Timeline, page: readonly Message[]): Stitched {
	const {messages, nextSeq} = timeline;
	const {at} = meetingPoint(messages, messages.length, page, page.length);
	const newer = store(page.slice(at), nextSeq);
	if (newer.length === 0) {
		return {timeline, added: []};
	}

	const all = [...messages, ...newer];
	return {
		timeline: {
			messages: all,
			nextSeq: nextSeq + newer.length,
			liveStart: all.length,
			expected: all.length,
		},
		added: newer,
	};
}

/**
 * Whether an older page brings anything not held: it is not a run inside what is held (offsets
 * that fall short give pages that lie wholly inside), and not wholly met at the start.
 */
export function extendsOlder(timeline: Timeline, page: readonly Message[]): boolean {
	return (
		overlapAtStart(timeline.messages, page) < page.length && !holdsRun(timeline.messages, page)
	);
}

/** Whether a newest page meets what is held (or there is nothing to meet). */
export function meetsHeld(timeline: Timeline, run: readonly Message[], total?: number): boolean {
	const {messages, liveStart} = timeline;
	if (liveStart === 0) {
		return true;
	}

	const byCount = counted(timeline, run, total, run.length);
	if (byCount) {
		return byCount.at > 0;
	}

	const {overlap} = meetingPoint(messages, liveStart, run, run.length);
	// One equal line ("+1") is weak evidence: without ids, the overlap must be a few messages
	// long (or all that is held), else the run goes one page further back.
	const last = messages[liveStart - 1]!;
	return overlap >= Math.min(liveStart, strongOverlap) || (overlap > 0 && last.id !== undefined);
}

/** Messages of overlap that make a run meet what is held without ids. */
const strongOverlap = 4;

/** Whether an older page's newest end meets the oldest held (or there is nothing to meet). */
export const meetsStart = (timeline: Timeline, page: readonly Message[]) =>
	timeline.messages.length === 0 || overlapAtStart(timeline.messages, page) > 0;

/** Whether a newer page's oldest end meets the newest held. */
export const meetsEnd = (timeline: Timeline, page: readonly Message[]) =>
	meetingPoint(timeline.messages, timeline.messages.length, page, page.length).at > 0;

/** Keep the newest `max` (or the oldest, with `keep` 'oldest'); how many were dropped. */
export function trim(
	timeline: Timeline,
	max: number,
	keep: 'newest' | 'oldest' = 'newest',
): {readonly timeline: Timeline; readonly dropped: number} {
	const {messages} = timeline;
	const dropped = messages.length - max;
	if (dropped <= 0) {
		return {timeline, dropped: 0};
	}

	if (keep === 'oldest') {
		const kept = messages.slice(0, max);
		return {
			timeline: {
				...timeline,
				messages: kept,
				liveStart: Math.min(timeline.liveStart, max),
				expected: Math.min(timeline.expected, max),
			},
			dropped,
		};
	}

	return {
		timeline: {
			...timeline,
			anchor: keptAnchor(timeline.anchor).anchor,
			messages: messages.slice(dropped),
			liveStart: Math.max(0, timeline.liveStart - dropped),
			expected: Math.max(0, timeline.expected - dropped),
		},
		dropped,
	};
}
