/**
 * Helpers for the ChatSocket tests (test/protocol/socket-client-*.ts): a ChatSocket that records
 * every event it emits, and waiting as long as a loaded machine may need.
 */
import type {ExecutionContext} from 'ava';
import type {UserList} from '../../source/protocol/parse.js';
import {
	ChatSocket,
	type ChatSocketOptions,
	type ConnectionState,
} from '../../source/protocol/socket-client.js';
import type {Message, SafeText} from '../../source/protocol/types.js';
import {waitFor as pollUntil, type WaitOptions} from './server-harness.js';

/** Generous: a timeout only decides anything when something is wrong, and the machine may be loaded. */
export const patience = {timeoutMs: 20_000};

export async function waitFor<T>(predicate: () => T | Promise<T>, options: WaitOptions = {}) {
	return pollUntil(predicate, {...patience, ...options});
}

export const alice = {userId: 'u-alice', username: 'alice'};
const fastBackoff = {minMs: 20, maxMs: 100};

export type Recorded = {
	states: ConnectionState[];
	messages: Message[];
	invalid: SafeText[];
	joined: boolean[];
	rtts: number[];
	userLists: UserList[];
	userCounts: number[];
};

/** A ChatSocket as alice (unless told otherwise), with every event it emits recorded; closed at teardown. */
export function chatSocket(
	t: ExecutionContext,
	url: string,
	options: Partial<ChatSocketOptions> = {},
): {chat: ChatSocket; seen: Recorded} {
	const chat = new ChatSocket({...alice, url, backoff: fastBackoff, ...options});
	t.teardown(() => {
		chat.close();
	});
	const seen: Recorded = {
		states: [],
		messages: [],
		invalid: [],
		joined: [],
		rtts: [],
		userLists: [],
		userCounts: [],
	};
	chat.on('state', (state) => seen.states.push(state));
	chat.on('message', (message) => seen.messages.push(message));
	chat.on('invalid', (problem) => seen.invalid.push(problem));
	chat.on('joined', ({reconnect}) => seen.joined.push(reconnect));
	chat.on('rtt', (ms) => seen.rtts.push(ms));
	chat.on('userList', (list) => seen.userLists.push(list));
	chat.on('userCount', (count) => seen.userCounts.push(count));
	return {chat, seen};
}

export const statuses = (seen: Recorded) => seen.states.map((state) => state.status);
