import type {UserList} from '../protocol/parse.js';
import type {ConnectionState} from '../protocol/socket-client.js';
import type {Message, SafeText, User} from '../protocol/types.js';
import {trusted} from '../protocol/sanitize.js';
import {
	emptyIndex,
	mergeMessages,
	trimMessages,
	type MessageIndex,
	type StoredMessage,
} from './merge.js';
import {
	confirmEchoes,
	expireSends,
	markSent,
	requeueSending,
	retryFailed,
	type Outbox,
	type PendingLine,
} from './outbox.js';

export type {PendingLine} from './outbox.js';

/*
The chat state machine: a pure reducer over a discriminated union of actions. No React, no IO.
`useChat` owns the side effects and only dispatches.
*/

/** A line the client itself adds to the log: errors, notices, command output. */
export type Notice = {
	readonly id: number;
	readonly time: number;
	readonly level: 'info' | 'error';
	readonly text: SafeText;
};

export type ChatState = {
	readonly me: {readonly userId: string; readonly username: string};
	readonly messages: readonly StoredMessage[];
	readonly index: MessageIndex;
	readonly nextSeq: number;
	readonly pending: Outbox;
	readonly nextLocalId: number;
	readonly notices: readonly Notice[];
	readonly users: readonly User[];
	/** The server's `userCount`; the list's length until one arrives. */
	readonly userCount: number | undefined;
	readonly connection: ConnectionState;
	/** Whether a connection ever came up: until it does, a failure is shown full-screen. */
	readonly everOnline: boolean;
	readonly rttMs: number | undefined;
	readonly history: {
		readonly status: 'idle' | 'loading' | 'loaded' | 'failed';
		readonly total?: number;
	};
	/** Messages that arrived before `/clear` (lower `seq`) are not shown. */
	readonly clearedBefore: number;
	/** The newest problem, shown in the status bar until the next one or until it is cleared. */
	readonly lastError: SafeText | undefined;
};

/** Live events, buffered by the hook and applied once per frame. */
export type LiveEvent =
	| {readonly kind: 'message'; readonly message: Message}
	| {readonly kind: 'userList'; readonly list: UserList}
	| {readonly kind: 'userCount'; readonly count: number};

export type ChatAction =
	| {readonly type: 'history-requested'}
	| {readonly type: 'history-loaded'; readonly messages: readonly Message[]; readonly total: number}
	| {readonly type: 'history-failed'; readonly error: SafeText}
	| {readonly type: 'events-received'; readonly events: readonly LiveEvent[]}
	| {readonly type: 'connection-changed'; readonly connection: ConnectionState}
	| {readonly type: 'rtt-measured'; readonly ms: number}
	| {
			readonly type: 'send-queued';
			readonly content: SafeText;
			readonly now: number;
			readonly sent: boolean;
	  }
	| {readonly type: 'sends-started'; readonly localIds: readonly number[]; readonly now: number}
	| {readonly type: 'sends-expired'; readonly now: number; readonly timeoutMs: number}
	| {readonly type: 'failed-retried'}
	| {
			readonly type: 'outbox-restored';
			readonly lines: ReadonlyArray<{readonly content: SafeText; readonly createdAt: number}>;
	  }
	| {
			readonly type: 'gap-filled';
			readonly messages: readonly Message[];
			readonly complete: boolean;
			readonly now: number;
			/** "reconnected", "missed messages loaded", in the UI's language. */
			readonly label: string;
			readonly missedLabel: string;
	  }
	| {readonly type: 'renamed'; readonly username: string}
	| {
			readonly type: 'notice';
			readonly level: Notice['level'];
			readonly text: SafeText;
			readonly now: number;
	  }
	| {readonly type: 'cleared'};

/** The most messages kept in memory; the far end is dropped. */
export const maxMessages = 5000;
const maxNotices = 200;

export function initialChatState(me: ChatState['me']): ChatState {
	return {
		me,
		messages: [],
		index: emptyIndex,
		nextSeq: 0,
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
	};
}

/** Add messages; every own message that matches a pending line confirms the oldest such line. */
function withMessages(state: ChatState, incoming: readonly Message[]): ChatState {
	const merged = mergeMessages(state.messages, state.index, incoming, state.nextSeq);
	if (merged.added.length === 0) {
		return state;
	}

	const pending = confirmEchoes(state.pending, merged.added, state.me.userId);
	const trimmed = trimMessages(merged.messages, maxMessages);
	return {
		...state,
		messages: trimmed?.messages ?? merged.messages,
		index: trimmed?.index ?? merged.index,
		nextSeq: merged.nextSeq,
		pending,
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
				users = event.list.users;
				break;
			}

			case 'userCount': {
				userCount = event.count;
				break;
			}
		}
	}

	const next = messages.length > 0 ? withMessages(state, messages) : state;
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
	const notice: Notice = {id: state.nextLocalId, time: now, level, text};
	return {
		...state,
		nextLocalId: state.nextLocalId + 1,
		notices: [...state.notices.slice(-(maxNotices - 1)), notice],
		lastError: level === 'error' ? text : state.lastError,
	};
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
	switch (action.type) {
		case 'history-requested': {
			return {...state, history: {...state.history, status: 'loading'}};
		}

		case 'history-loaded': {
			return {
				...withMessages(state, action.messages),
				history: {status: 'loaded', total: action.total},
			};
		}

		case 'history-failed': {
			return {...state, history: {status: 'failed'}, lastError: action.error};
		}

		case 'events-received': {
			return withEvents(state, action.events);
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

		case 'send-queued': {
			const line: PendingLine = {
				localId: state.nextLocalId,
				content: action.content,
				createdAt: action.now,
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

		case 'gap-filled': {
			const before = state.nextSeq;
			const next = withMessages(state, action.messages);
			const missed = next.messages.filter((message) => message.seq >= before).length;
			const bounded = action.complete ? '' : ' (more may be missing: scroll up)';
			return withNotice(
				next,
				'info',
				trusted(`${action.label} — ${missed} ${action.missedLabel}${bounded}`),
				action.now,
			);
		}

		case 'renamed': {
			return {...state, me: {...state.me, username: action.username}};
		}

		case 'notice': {
			return withNotice(state, action.level, action.text, action.now);
		}

		case 'cleared': {
			return {...state, clearedBefore: state.nextSeq, notices: [], lastError: undefined};
		}
	}
}

/** The online count to show: the server's count when it sent one, else the list's length. */
export const onlineCount = (state: ChatState) => state.userCount ?? state.users.length;
