/**
 * Helpers for the chat reducer tests (test/state/chat-state-*.ts): the starting state, and
 * actions and messages as they come in.
 */
import type {Message} from '../../source/protocol/types.js';
import {
	initialChatState,
	type ChatAction,
	type ChatState,
	type LiveEvent,
} from '../../source/state/chat-state.js';
import {message, safe} from './messages.js';

export const me = {userId: 'u-me', username: 'me-name'};
export const start = () => initialChatState(me);
export const live = (...messages: Message[]): ChatAction => ({
	type: 'events-received',
	events: messages.map((each): LiveEvent => ({kind: 'message', message: each})),
});
export const queue = (content: string, sent = true): ChatAction => ({
	type: 'send-queued',
	content: safe(content),
	now: 1000,
	sent,
});
export const own = (content: string, at = 0) =>
	message({content, at, sender: me.username, senderId: me.userId});
export const contents = (state: ChatState) => state.messages.map((each) => each.content);
