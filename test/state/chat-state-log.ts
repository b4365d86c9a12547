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

test("history-requested, then history-loaded keeps the page in the server's order and records the total", (t) => {
	const loading = chatReducer(start(), {type: 'history-requested'});
	t.is(loading.history.status, 'loading');
	const state = chatReducer(loading, {
		type: 'history-loaded',
		messages: [message({content: 'second', at: 2}), message({content: 'first', at: 1})],
		total: 42,
	});
	// Times are for display: the server's order is the order.
	t.deepEqual(contents(state), ['second', 'first']);
	t.deepEqual(state.history, {status: 'loaded', total: 42});
});

test('history-loaded after live events keeps one copy of each, where ids say they are the same', (t) => {
	const state = reduce(start(), live(message({content: 'b', at: 2, id: '2'})), {
		type: 'history-loaded',
		messages: [message({content: 'a', at: 1, id: '1'}), message({content: 'b', at: 2, id: '2'})],
		total: 2,
	});
	t.deepEqual(contents(state), ['a', 'b']);
});

test("without ids, a live line equal to the page's last is kept as another message: shown twice, never lost", (t) => {
	const state = reduce(start(), live(message({content: '+1', at: 2})), {
		type: 'history-loaded',
		messages: [message({content: 'a', at: 1}), message({content: '+1', at: 2})],
		total: 2,
	});
	t.deepEqual(contents(state), ['a', '+1', '+1']);
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
	t.deepEqual(contents(state), ['x', 'w'], 'in arrival order, whatever their times');
	t.deepEqual(
		state.users.map((each) => each.username),
		['ann', 'bo'],
	);
	t.is(state.userCount, 2);
	t.is(onlineCount(state), 2);
});

test('two equal live messages are two messages; an empty batch returns the same state', (t) => {
	const once = chatReducer(start(), live(message({content: '+1'})));
	const twice = chatReducer(once, live(message({content: '+1'})));
	t.deepEqual(contents(twice), ['+1', '+1']);
	t.is(chatReducer(twice, {type: 'events-received', events: []}), twice);
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

test('a gap fill stitches the missed messages on and counts those not ours', (t) => {
	const other = (content: string) => message({content, sender: 'ann', senderId: 'u-ann'});
	const joinNotice = {...message({content: 'me-name joined'}), type: 'system' as const};
	const state = reduce(start(), {
		type: 'gap-filled',
		messages: [other('one'), own('mine'), other('two'), joinNotice],
		complete: true,
		now: 5,
		label: 'reconnected',
		missedLabel: 'missed messages loaded',
	});
	t.is(state.messages.length, 4);
	t.is(state.notices.at(-1)!.text, safe('reconnected — 2 missed messages loaded'));
	const one = reduce(start(), {
		type: 'gap-filled',
		messages: [other('one'), joinNotice],
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
	const next = chatReducer(state, live(message({content: 'newest', at: maxMessages + 10})));
	t.is(next.messages.length, maxMessages);
	t.is(next.messages[0]!.content, safe('m4'));
	t.is(next.messages.at(-1)!.content, safe('newest'));
});
