// The chat reducer's log: history pages, live events and presence, gap fills, the message cap.
import test from 'ava';
import type {User} from '../../source/protocol/types.js';
import {chatReducer, maxMessages, onlineCount} from '../../source/state/chat-state.js';
import {contents, live, own, start} from '../helpers/chat-state-fixtures.js';
import {message, safe} from '../helpers/messages.js';
import {reduce} from '../helpers/reduce.js';

const user = (userId: string, username: string): User => ({
	userId: safe(userId),
	username: safe(username),
});

test('history-requested, then history-loaded merges the page sorted and records the total', (t) => {
	const loading = chatReducer(start(), {type: 'history-requested'});
	t.is(loading.history.status, 'loading');
	const state = chatReducer(loading, {
		type: 'history-loaded',
		messages: [message({content: 'second', at: 2}), message({content: 'first', at: 1})],
		total: 42,
	});
	t.deepEqual(contents(state), ['first', 'second']);
	t.deepEqual(state.history, {status: 'loaded', total: 42});
});

test('history-loaded after live events keeps one copy of each', (t) => {
	const state = reduce(start(), live(message({content: 'b', at: 2})), {
		type: 'history-loaded',
		messages: [message({content: 'a', at: 1}), message({content: 'b', at: 2})],
		total: 2,
	});
	t.deepEqual(contents(state), ['a', 'b']);
});

test('history-failed records the error', (t) => {
	const state = chatReducer(start(), {type: 'history-failed', error: safe('HTTP 500')});
	t.is(state.history.status, 'failed');
	t.is(state.lastError, safe('HTTP 500'));
});

test('events-received applies a whole batch: messages, the newest user list and count', (t) => {
	const state = chatReducer(start(), {
		type: 'events-received',
		events: [
			{kind: 'message', message: message({content: 'x', at: 5})},
			{kind: 'userList', list: {users: [user('u-1', 'ann')], dropped: 0}},
			{kind: 'userCount', count: 1},
			{kind: 'message', message: message({content: 'w', at: 4})},
			{kind: 'userList', list: {users: [user('u-1', 'ann'), user('u-2', 'bo')], dropped: 0}},
			{kind: 'userCount', count: 2},
		],
	});
	t.deepEqual(contents(state), ['w', 'x']);
	t.deepEqual(
		state.users.map((each) => each.username),
		['ann', 'bo'],
	);
	t.is(state.userCount, 2);
	t.is(onlineCount(state), 2);
});

test('events-received with only known messages and no list changes returns the same state', (t) => {
	const once = chatReducer(start(), live(message({content: 'x'})));
	t.is(chatReducer(once, live(message({content: 'x'}))), once);
});

test('onlineCount falls back to the list length until the server sends a count', (t) => {
	const listed = chatReducer(start(), {
		type: 'events-received',
		events: [{kind: 'userList', list: {users: [user('a', 'a'), user('b', 'b')], dropped: 0}}],
	});
	t.is(listed.userCount, undefined);
	t.is(onlineCount(listed), 2);
	const counted = chatReducer(listed, {
		type: 'events-received',
		events: [{kind: 'userCount', count: 7}],
	});
	t.is(onlineCount(counted), 7);
	t.is(onlineCount(start()), 0);
});

test('a gap fill merges the missed messages and says how many', (t) => {
	const state = reduce(start(), {
		type: 'gap-filled',
		messages: [own('one', 1), own('two', 2)],
		complete: true,
		now: 5,
		label: 'reconnected',
		missedLabel: 'missed messages loaded',
	});
	t.is(state.messages.length, 2);
	t.is(state.notices.at(-1)!.text, safe('reconnected — 2 missed messages loaded'));
	const one = reduce(start(), {
		type: 'gap-filled',
		messages: [own('one', 1)],
		complete: true,
		now: 5,
		label: 'reconnected',
		missedLabel: 'missed messages loaded',
		missedOneLabel: 'missed message loaded',
	});
	t.is(one.notices.at(-1)!.text, safe('reconnected — 1 missed message loaded'));
});

test('the catch-up after the first join merges what the first page missed, once, without a notice', (t) => {
	const loaded = chatReducer(start(), {
		type: 'history-loaded',
		messages: [own('one', 1)],
		total: 1,
	});
	const caughtUp = reduce(loaded, {
		type: 'gap-filled',
		messages: [own('one', 1), own('two', 2)],
		complete: true,
		now: 5,
	});
	t.deepEqual(
		caughtUp.messages.map((message) => message.content),
		['one', 'two'],
	);
	t.deepEqual(caughtUp.notices, loaded.notices);
});

test(`the log keeps at most maxMessages (${maxMessages}), dropping the oldest`, (t) => {
	const page = Array.from({length: maxMessages + 3}, (_, n) => message({content: `m${n}`, at: n}));
	const state = chatReducer(start(), {type: 'history-loaded', messages: page, total: page.length});
	t.is(state.messages.length, maxMessages);
	t.is(state.messages[0]!.content, safe('m3'));
	t.is(state.messages.at(-1)!.content, safe(`m${maxMessages + 2}`));
	// The index was rebuilt: a kept message is known, so it is not added again.
	t.is(chatReducer(state, live(message({content: 'm10', at: 10}))), state);
	const next = chatReducer(state, live(message({content: 'newest', at: maxMessages + 10})));
	t.is(next.messages.length, maxMessages);
	t.is(next.messages[0]!.content, safe('m4'));
	t.is(next.messages.at(-1)!.content, safe('newest'));
});
