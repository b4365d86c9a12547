import type {Message} from '../protocol/types.js';
import type {ChatAction, ChatState} from './chat-types.js';
import {mentions} from './highlight.js';
import {emptyStretch, indexOf, isKnown, mergeMessages, trimMessages} from './merge.js';
import {confirmEchoes} from './outbox.js';

/*
The messages in memory: one stretch of the server's history, at most `maxMessages` long. Pure.

- At the bottom the stretch ends with the newest message and live messages are appended; past
  the bound the oldest are dropped (and fetched again, as older pages, when scrolled to).
- Older pages are merged in front. Past the bound the newest are dropped instead: the stretch is
  then "detached" from the live end (`newer` says how many newer messages the server has, at
  least). Live messages are then not stored but counted and kept in a small stash, and newer
  pages are merged at the end until one reaches the newest message again.

Every page is merged with the one identity rule of `mergeMessages`, so overlapping pages (offsets
shift as messages arrive between two requests) never show a message twice.
*/

/** The most messages kept in memory; the far end is dropped. */
export const maxMessages = 5000;
/** Live messages kept while detached, to join the live end again without a gap. */
const maxStash = 500;

export type MessageSource = 'live' | 'history' | 'gap';

/** Merge messages into the stretch; live ones also count as new and may ring the bell. */
export function addMessages(
	state: ChatState,
	incoming: readonly Message[],
	source: MessageSource,
): ChatState {
	if (state.newer !== undefined && source === 'live') {
		return liveWhileDetached(state, incoming);
	}

	const merged = mergeMessages(state, incoming, maxMessages);
	if (merged.added.length === 0) {
		return state;
	}

	return {
		...state,
		messages: merged.messages,
		index: merged.index,
		nextSeq: merged.nextSeq,
		pending: confirmEchoes(state.pending, merged.added, state.me.userId),
		older: merged.dropped > 0 && state.older === 'start' ? 'idle' : state.older,
		...(source === 'live' ? counted(state, merged.added) : {}),
	};
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
	const stashKeys = mergeMessages(emptyStretch, state.stash).index;
	const fresh = incoming.filter(
		(message) => !isKnown(state.index, message) && !isKnown(stashKeys, message),
	);
	if (fresh.length === 0) {
		return state;
	}

	return {
		...state,
		stash: [...state.stash, ...fresh].slice(-maxStash),
		newer: {...state.newer!, missing: state.newer!.missing + fresh.length},
		pending: confirmEchoes(state.pending, fresh, state.me.userId),
		...counted(state, fresh),
	};
}

/** An older page: merged in front; past the bound the newest messages are dropped. */
export function addOlderPage(
	state: ChatState,
	incoming: readonly Message[],
	complete: boolean,
): ChatState {
	const merged = mergeMessages(state, incoming);
	const trimmed = trimMessages(merged.messages, maxMessages, 'oldest');
	const older = complete ? 'start' : 'idle';
	if (!trimmed) {
		return {
			...state,
			messages: merged.messages,
			index: merged.index,
			nextSeq: merged.nextSeq,
			older,
		};
	}

	return {
		...state,
		messages: trimmed.messages,
		index: trimmed.index,
		nextSeq: merged.nextSeq,
		older,
		newer: {missing: (state.newer?.missing ?? 0) + trimmed.dropped, status: 'idle'},
	};
}

/**
 * A newer page, `newerThanPage` messages below the newest on the server. A page that reaches the
 * newest (0) joins the live end again, with the live messages stashed meanwhile. `replace` drops
 * what is older than the page first: a jump to the newest messages.
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

	const live = newerThanPage === 0;
	const oldestOfPage = Math.min(...incoming.map((message) => message.time));
	const stashed = live ? state.stash.filter((message) => message.time >= oldestOfPage) : [];
	const kept = replace
		? state.messages.filter((message) => message.time >= oldestOfPage)
		: state.messages;
	const index = kept === state.messages ? state.index : indexOf(kept);
	const merged = mergeMessages({messages: kept, index, nextSeq: state.nextSeq}, [
		...incoming,
		...stashed,
	]);
	const trimmed = trimMessages(merged.messages, maxMessages);
	return {
		...state,
		messages: trimmed?.messages ?? merged.messages,
		index: trimmed?.index ?? merged.index,
		nextSeq: merged.nextSeq,
		// Own lines were confirmed as their echoes came live; a page brings those echoes again.
		older: replace || trimmed ? 'idle' : state.older,
		newer: live ? undefined : {missing: newerThanPage, status: 'idle'},
		stash: live ? [] : state.stash,
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
