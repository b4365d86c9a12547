import type {Message} from '../protocol/types.js';
import {
	addLive,
	connected,
	stitchNewer,
	stitchNewest,
	stitchOlder,
	trim,
	type StoredMessage,
	type Timeline,
} from '../client/timeline.js';
import type {ChatAction, ChatState} from './chat-types.js';
import {mentions} from './highlight.js';
import {confirmEchoes} from './outbox.js';

/*
The messages in memory: one stretch of the server's log (the timeline, client/timeline.ts), at
most `maxMessages` long. Pure.

- At the bottom the stretch ends with the newest message and live messages are appended; past
  the bound the oldest are dropped (and fetched again, as older pages, when scrolled to).
- Older pages are stitched on in front. Past the bound the newest are dropped instead: the
  stretch is then "detached" from the live end (`newer` says how many newer messages the server
  has, at least). Live messages are then not stored but counted and kept in a small stash, and
  newer pages are stitched on at the end until one reaches the newest message again; there the
  stash is the live chain the newest page is stitched to.
*/

/** The most messages kept in memory; the far end is dropped. */
export const maxMessages = 5000;
/** Live messages kept while detached, to join the live end again without a gap. */
const maxStash = 500;

export const timelineOf = (state: ChatState): Timeline => ({
	messages: state.messages,
	nextSeq: state.nextSeq,
	liveStart: state.liveStart,
	expected: state.expected,
	...(state.anchor ? {anchor: state.anchor} : {}),
});

const withTimeline = (state: ChatState, timeline: Timeline): ChatState => ({
	...state,
	messages: timeline.messages,
	nextSeq: timeline.nextSeq,
	liveStart: timeline.liveStart,
	expected: timeline.expected,
	anchor: timeline.anchor,
});

/**
 * Messages newly held: own echoes among them confirm pending lines. A page's messages confirm
 * only lines typed before them: `after` a message the page puts them after.
 */
function took(
	state: ChatState,
	timeline: Timeline,
	added: readonly StoredMessage[],
	fromPage = false,
): ChatState {
	let placeOf: ((key: string) => number | undefined) | undefined;
	if (fromPage && state.pending.length > 0) {
		const places = new Map(timeline.messages.map((message, index) => [message.key, index]));
		placeOf = (key) => places.get(key);
	}

	return {
		...withTimeline(state, timeline),
		pending: confirmEchoes(state.pending, added, state.me.userId, placeOf),
	};
}

/** A new connection: its live messages start a chain after what is held. */
export function connectedState(state: ChatState): ChatState {
	return state.newer === undefined
		? withTimeline(state, connected(timelineOf(state)))
		: {...state, stash: []};
}

/** Live messages: appended; they also count as new and may ring the bell. */
export function addLiveMessages(state: ChatState, incoming: readonly Message[]): ChatState {
	if (state.newer !== undefined) {
		return liveWhileDetached(state, incoming);
	}

	const {timeline, added} = addLive(timelineOf(state), incoming);
	if (added.length === 0 && timeline.expected === state.expected) {
		return state;
	}

	const trimmed = trim(timeline, maxMessages);
	return {
		...took(state, trimmed.timeline, added),
		older: trimmed.dropped > 0 && state.older === 'start' ? 'idle' : state.older,
		...counted(state, added),
	};
}

/** The newest run of history (the first page, a gap fill) stitched on; what it added. */
export function addNewestRun(
	state: ChatState,
	run: readonly Message[],
	total?: number,
	/** The run reaches the oldest message on the server. */
	whole = false,
): {readonly state: ChatState; readonly added: readonly StoredMessage[]} {
	if (state.newer !== undefined) {
		return {state, added: []};
	}

	const {timeline, added} = stitchNewest(timelineOf(state), run, total, whole);
	if (added.length === 0) {
		return {
			state: {
				...withTimeline(state, timeline),
				pending: placeEarlyLines(state.pending, timeline),
			},
			added,
		};
	}

	const trimmed = trim(timeline, maxMessages);
	const next = took(state, trimmed.timeline, added, true);
	return {
		state: {
			...next,
			pending: placeEarlyLines(next.pending, trimmed.timeline),
			older: trimmed.dropped > 0 && state.older === 'start' ? 'idle' : state.older,
		},
		added,
	};
}

/**
 * Lines typed before anything was held go out after the connection; the messages a newest run
 * puts before the live chain came before it. From now on, a page's own message after those may be
 * such a line's echo.
 */
function placeEarlyLines(pending: ChatState['pending'], timeline: Timeline): ChatState['pending'] {
	if (!pending.some((line) => line.after === '')) {
		return pending;
	}

	// Nothing before the chain: the server held nothing older, and any own message is an echo.
	const before = timeline.messages[timeline.liveStart - 1]?.key;
	return pending.map((line) => {
		if (line.after !== '') {
			return line;
		}

		const {after, ...rest} = line;
		return before === undefined ? rest : {...line, after: before};
	});
}

/** The live counters after `added` arrived: every one is new, those that mention us ring. */
function counted(state: ChatState, added: readonly Message[]) {
	const {userId, username} = state.me;
	const mentioning = added.filter(
		(message) =>
			message.type === 'text' && message.senderId !== userId && mentions(message.content, username),
	).length;
	return {liveCount: state.liveCount + added.length, mentionCount: state.mentionCount + mentioning};
}

function liveWhileDetached(state: ChatState, incoming: readonly Message[]): ChatState {
	if (incoming.length === 0) {
		return state;
	}

	return {
		...state,
		stash: [...state.stash, ...incoming].slice(-maxStash),
		newer: {...state.newer!, missing: state.newer!.missing + incoming.length},
		pending: confirmEchoes(state.pending, incoming, state.me.userId),
		...counted(state, incoming),
	};
}

/** An older page: stitched on in front; past the bound the newest messages are dropped. */
export function addOlderPage(
	state: ChatState,
	incoming: readonly Message[],
	complete: boolean,
): ChatState {
	const stitched = stitchOlder(timelineOf(state), incoming);
	const trimmed = trim(stitched.timeline, maxMessages, 'oldest');
	const older = complete ? 'start' : 'idle';
	const next = {...withTimeline(state, trimmed.timeline), older} as const;
	if (trimmed.dropped === 0) {
		return next;
	}

	return {
		...next,
		newer: {missing: (state.newer?.missing ?? 0) + trimmed.dropped, status: 'idle'},
	};
}

/**
 * A newer page, `newerThanPage` messages below the newest on the server. A page that reaches the
 * newest (0) joins the live end again: the live messages stashed meanwhile are the live chain it
 * is stitched to. `replace` drops everything held first: a jump to the newest messages.
 */
export function addNewerPage(
	state: ChatState,
	incoming: readonly Message[],
	newerThanPage: number,
	replace = false,
): ChatState {
	if (!replace && state.newer === undefined) {
		// A late answer: the live end was joined meanwhile.
		return state;
	}

	const held: Timeline = replace
		? {messages: [], nextSeq: state.nextSeq, liveStart: 0, expected: 0}
		: timelineOf(state);
	let timeline: Timeline;
	if (newerThanPage === 0) {
		// The stash is the live chain: what the page holds before it fills the gap.
		const withStash = addLive(connected(held), state.stash).timeline;
		timeline = stitchNewest(withStash, incoming).timeline;
	} else {
		timeline = stitchNewer(held, incoming).timeline;
	}

	const trimmed = trim(timeline, maxMessages);
	return {
		...withTimeline(state, trimmed.timeline),
		// Own lines were confirmed as their echoes came live; a page brings those echoes again.
		older: replace || trimmed.dropped > 0 ? 'idle' : state.older,
		newer: newerThanPage === 0 ? undefined : {missing: newerThanPage, status: 'idle'},
		stash: newerThanPage === 0 ? [] : state.stash,
	};
}

/**
 * Where the next older page starts: the messages the server has that are newer than our oldest
 * one. Counting what we hold can only fall short (a message missed while offline), so a page may
 * overlap what we have, never skip past it.
 */
export const olderOffset = (state: ChatState) =>
	(state.newer?.missing ?? 0) + state.messages.length;

export type PagingAction = Extract<ChatAction, {type: `older-${string}` | `newer-${string}`}>;

export const isPagingAction = (action: ChatAction): action is PagingAction =>
	action.type.startsWith('older-') || action.type.startsWith('newer-');

/** The reducer's cases for older and newer pages. */
export function pagingReducer(state: ChatState, action: PagingAction): ChatState {
	switch (action.type) {
		case 'older-requested': {
			return {...state, older: 'loading'};
		}

		case 'older-loaded': {
			return addOlderPage(state, action.messages, action.complete);
		}

		case 'older-failed': {
			return {...state, older: 'failed', lastError: action.error};
		}

		case 'newer-requested': {
			return state.newer ? {...state, newer: {...state.newer, status: 'loading'}} : state;
		}

		case 'newer-loaded': {
			return addNewerPage(state, action.messages, action.newerThanPage, action.replace);
		}

		case 'newer-failed': {
			return state.newer
				? {...state, newer: {...state.newer, status: 'failed'}, lastError: action.error}
				: state;
		}
	}
}
