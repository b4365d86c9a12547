import {trusted} from '../protocol/sanitize.js';
import type {Message, SafeText} from '../protocol/types.js';
import type {ChatAction, ChatState, LiveEvent, Notice} from './chat-types.js';
import {expireSends, markSent, requeueSending, retryFailed, type PendingLine} from './outbox.js';
import {
	addLiveMessages,
	addNewestRun,
	connectedState,
	isPagingAction,
	pagingReducer,
} from './paging.js';
import {reconcileUsers} from './roster.js';

export type {PendingLine} from './outbox.js';
export type {ChatAction, ChatState, LiveEvent, Notice} from './chat-types.js';
export {maxMessages} from './paging.js';

/*
The chat state machine: a pure reducer over a discriminated union of actions. No React, no IO.
`useChat` owns the side effects and only dispatches.
*/

const maxNotices = 200;

export function initialChatState(me: ChatState['me']): ChatState {
	return {
		me,
		messages: [],
		nextSeq: 0,
		liveStart: 0,
		expected: 0,
		pending: [],
		nextLocalId: 1,
		notices: [],
		users: [],
		userCount: undefined,
		connection: {status: 'connecting'},
		everOnline: false,
		rttMs: undefined,
		history: {status: 'idle'},
		clearedBefore: 0,
		lastError: undefined,
		older: 'idle',
		newer: undefined,
		stash: [],
		liveCount: 0,
		mentionCount: 0,
	};
}

function withEvents(state: ChatState, events: readonly LiveEvent[]): ChatState {
	const messages: Message[] = [];
	let {users, userCount} = state;
	for (const event of events) {
		switch (event.kind) {
			case 'message': {
				messages.push(event.message);
				break;
			}

			case 'userList': {
				// Taken in once: an unchanged list keeps the held one, so nothing is drawn again.
				users = reconcileUsers(users, event.list.users);
				break;
			}

			case 'userCount': {
				userCount = event.count;
				break;
			}
		}
	}

	const next = messages.length > 0 ? addLiveMessages(state, messages) : state;
	return users === state.users && userCount === state.userCount
		? next
		: {...next, users, userCount};
}

function withNotice(
	state: ChatState,
	level: Notice['level'],
	text: SafeText,
	now: number,
): ChatState {
	const notice: Notice = {
		id: state.nextLocalId,
		time: now,
		level,
		text,
		after: state.newer === undefined ? state.messages.at(-1)?.key : undefined,
	};
	return {
		...state,
		nextLocalId: state.nextLocalId + 1,
		notices: [...state.notices.slice(-(maxNotices - 1)), notice],
		lastError: level === 'error' ? text : state.lastError,
	};
}

/** What a line typed now is typed after (outbox.ts: PendingLine.after). */
function afterOf(state: ChatState): {after?: string} {
	const newest = state.messages.at(-1)?.key;
	if (newest !== undefined) {
		return {after: newest};
	}

	return state.anchor ? {} : {after: ''};
}

/**
 * Whether a message the gap fill brought counts as missed: not the user's own lines, and not a
 * notice about the user (their own join, seen again after the reconnect).
 */
function missedByMe(message: Message, me: ChatState['me']): boolean {
	if (message.type === 'system') {
		return !message.content.includes(me.username);
	}

	return message.senderId !== me.userId;
}

/** The actions on the lines the user sent, and where each stands (state/outbox.ts). */
const outboxActions = [
	'send-queued',
	'sends-started',
	'sends-expired',
	'failed-retried',
	'outbox-restored',
] as const;

type OutboxAction = Extract<ChatAction, {type: (typeof outboxActions)[number]}>;

const isOutboxAction = (action: ChatAction): action is OutboxAction =>
	(outboxActions as readonly string[]).includes(action.type);

function outboxReducer(state: ChatState, action: OutboxAction): ChatState {
	switch (action.type) {
		case 'send-queued': {
			const line: PendingLine = {
				localId: state.nextLocalId,
				content: action.content,
				createdAt: action.now,
				// Nothing held: '' until the history has come (a history that came empty: any echo).
				...afterOf(state),
				status: action.sent ? 'sending' : 'queued',
				...(action.sent ? {sentAt: action.now} : {}),
			};
			return {...state, nextLocalId: state.nextLocalId + 1, pending: [...state.pending, line]};
		}

		case 'sends-started': {
			return {...state, pending: markSent(state.pending, action.localIds, action.now)};
		}

		case 'sends-expired': {
			const pending = expireSends(state.pending, action.now, action.timeoutMs);
			return pending === state.pending ? state : {...state, pending};
		}

		case 'failed-retried': {
			return {...state, pending: retryFailed(state.pending)};
		}

		case 'outbox-restored': {
			const restored = action.lines.map((line, index): PendingLine => ({
				...line,
				localId: state.nextLocalId + index,
				status: 'queued',
			}));
			return {
				...state,
				nextLocalId: state.nextLocalId + restored.length,
				pending: [...restored, ...state.pending],
			};
		}
	}
}

/** What a catch-up after a join brought, stitched on; after a drop, with its notice. */
function gapFilled(state: ChatState, action: Extract<ChatAction, {type: 'gap-filled'}>): ChatState {
	const {state: next, added} = addNewestRun(state, action.messages, action.total, action.fromStart);
	if (action.label === undefined) {
		return next;
	}

	const missed = added.filter((message) => missedByMe(message, state.me)).length;
	const bounded = action.complete ? '' : ' (more may be missing: scroll up)';
	return withNotice(
		next,
		'info',
		trusted(
			`${action.label} — ${missed} ${(missed === 1 ? action.missedOneLabel : undefined) ?? action.missedLabel ?? ''}${bounded}`,
		),
		action.now,
	);
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
	if (isPagingAction(action)) {
		return pagingReducer(state, action);
	}

	if (isOutboxAction(action)) {
		return outboxReducer(state, action);
	}

	switch (action.type) {
		case 'history-requested': {
			return {...state, history: {...state.history, status: 'loading'}};
		}

		case 'history-loaded': {
			const whole = action.messages.length >= action.total;
			const next = addNewestRun(state, action.messages, action.total, whole).state;
			return {
				...next,
				history: {status: 'loaded', total: action.total},
				// The page was the whole history.
				older: whole ? 'start' : next.older,
			};
		}

		case 'history-failed': {
			return {...state, history: {status: 'failed'}, lastError: action.error};
		}

		case 'events-received': {
			return withEvents(state, action.events);
		}

		case 'connected': {
			return connectedState(state);
		}

		case 'connection-changed': {
			const online = action.connection.status === 'online';
			return {
				...state,
				connection: action.connection,
				rttMs: online ? state.rttMs : undefined,
				everOnline: state.everOnline || online,
				// Lines sent but not echoed before a drop may be lost: they go out again after the
				// gap fill, unless their echo turns up in it.
				pending: online ? state.pending : requeueSending(state.pending),
			};
		}

		case 'rtt-measured': {
			return {...state, rttMs: action.ms};
		}

		case 'gap-filled': {
			return gapFilled(state, action);
		}

		case 'renamed': {
			return {...state, me: {...state.me, username: action.username}};
		}

		case 'notice': {
			return withNotice(state, action.level, action.text, action.now);
		}

		case 'cleared': {
			const cleared = {...state, clearedBefore: state.nextSeq, notices: [], lastError: undefined};
			// Scrolled far back: what is in memory is hidden now; the live end starts afresh.
			return state.newer
				? {...cleared, messages: [], liveStart: 0, expected: 0, newer: undefined, stash: []}
				: cleared;
		}
	}
}

/** The online count to show: the server's count when it sent one, else the list's length. */
export const onlineCount = (state: ChatState) => state.userCount ?? state.users.length;
