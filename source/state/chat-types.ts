import type {UserList} from '../protocol/parse.js';
import type {ConnectionState} from '../protocol/socket-client.js';
import type {Message, SafeText, User} from '../protocol/types.js';
import type {StoredMessage} from '../client/timeline.js';
import type {Outbox} from './outbox.js';

/* The chat state and its actions: the shapes `chatReducer` (chat-state.ts) works on. */

/** A line the client itself adds to the log: errors, notices, command output. */
export type Notice = {
	readonly id: number;
	readonly time: number;
	readonly level: 'info' | 'error';
	readonly text: SafeText;
	/** The key of the newest message held when it was made: it shows right after that message. */
	readonly after?: string;
};

export type ChatState = {
	readonly me: {readonly userId: string; readonly username: string};
	/** The timeline (client/timeline.ts): the messages held, in the server's order. */
	readonly messages: readonly StoredMessage[];
	readonly nextSeq: number;
	readonly liveStart: number;
	readonly expected: number;
	readonly anchor?: {readonly key: string; readonly position: number};
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
	/** Older history: more may exist, a page is loading, the oldest message is loaded, failed. */
	readonly older: 'idle' | 'loading' | 'start' | 'failed';
	/**
	 * Undefined while the newest messages are in memory. Else (scrolled far back, see paging.ts)
	 * how many newer ones the server has, at least, and the state of loading them.
	 */
	readonly newer:
		{readonly missing: number; readonly status: 'idle' | 'loading' | 'failed'} | undefined;
	/** Live messages that came while the newest were not in memory. */
	readonly stash: readonly Message[];
	/** Live messages received: the "N new" count is the difference of two readings. */
	readonly liveCount: number;
	/** Live messages from others that mention the user: each rings the bell once. */
	readonly mentionCount: number;
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
	/** A new connection: its live messages start a new chain (client/timeline.ts). */
	| {readonly type: 'connected'}
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
			/** The newest page's total: the run's newest message is that many into the log. */
			readonly total?: number;
			/** The run reaches the oldest message on the server. */
			readonly fromStart?: boolean;
			readonly complete: boolean;
			readonly now: number;
			/** "reconnected", "missed messages loaded", in the UI's language; none: no notice. */
			readonly label?: string;
			readonly missedLabel?: string;
			/** "missed message loaded": for one. */
			readonly missedOneLabel?: string;
	  }
	| {readonly type: 'older-requested'}
	| {
			readonly type: 'older-loaded';
			readonly messages: readonly Message[];
			/** The page reached the oldest message on the server. */
			readonly complete: boolean;
	  }
	| {readonly type: 'older-failed'; readonly error: SafeText}
	| {readonly type: 'newer-requested'}
	| {
			readonly type: 'newer-loaded';
			readonly messages: readonly Message[];
			/** How many messages on the server are newer than the page: 0 for the newest page. */
			readonly newerThanPage: number;
			/** Drop everything else: a jump to the newest messages. */
			readonly replace?: boolean;
	  }
	| {readonly type: 'newer-failed'; readonly error: SafeText}
	| {readonly type: 'renamed'; readonly username: string}
	| {
			readonly type: 'notice';
			readonly level: Notice['level'];
			readonly text: SafeText;
			readonly now: number;
	  }
	| {readonly type: 'cleared'};
