import test from 'ava';
import type {ConnectionState} from '../../source/protocol/socket-client.js';
import type {Message, User} from '../../source/protocol/types.js';
import {
	chatReducer,
	initialChatState,
	maxMessages,
	onlineCount,
	type ChatAction,
	type ChatState,
	type LiveEvent,
} from '../../source/state/chat-state.js';
import {message, safe} from '../helpers/messages.js';
import {reduce} from '../helpers/reduce.js';

const me = {userId: 'u-me', username: 'me-name'};
const start = () => initialChatState(me);

const user = (userId: string, username: string): User => ({
	userId: safe(userId),
	username: safe(username),
});
const live = (...messages: Message[]): ChatAction => ({
	type: 'events-received',
	events: messages.map((each): LiveEvent => ({kind: 'message', message: each})),
});
const queue = (content: string, sent = true): ChatAction => ({
	type: 'send-queued',
	content: safe(content),
	now: 1000,
	sent,
});
const own = (content: string, at = 0) =>
	message({content, at, sender: me.username, senderId: me.userId});
const contents = (state: ChatState) => state.messages.map((each) => each.content);
const pendingOf = (state: ChatState) =>
	state.pending.map((line) => `${line.content}:${line.status}`);
const reconnecting: ConnectionState = {
	status: 'reconnecting',
	attempt: 1,
	retryAt: 5000,
	reason: safe('transport close'),
};

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

test('send-queued adds a pending line, sending when sent and queued when not', (t) => {
	const state = reduce(start(), queue('one'), queue('two', false));
	t.deepEqual(pendingOf(state), ['one:sending', 'two:queued']);
	t.deepEqual(
		state.pending.map((line) => line.localId),
		[1, 2],
	);
	t.is(state.nextLocalId, 3);
	t.is(state.pending[0]!.createdAt, 1000);
});

test('an own echo confirms the oldest matching pending line, content compared trimmed', (t) => {
	const queued = reduce(start(), queue('  hi  '), queue('other'), queue('hi'));
	const state = chatReducer(queued, live(own('hi')));
	t.deepEqual(pendingOf(state), ['other:sending', 'hi:sending']);
	t.deepEqual(
		state.pending.map((line) => line.localId),
		[2, 3],
		'the oldest "hi" (id 1) was confirmed',
	);
	t.deepEqual(contents(state), ['hi']);
});

test('an echo confirms one line per message; two echoes confirm both', (t) => {
	const queued = reduce(start(), queue('same'), queue('same'));
	const once = chatReducer(queued, live(own('same', 1)));
	t.is(once.pending.length, 1);
	const twice = chatReducer(once, live(own('same', 2)));
	t.deepEqual(twice.pending, []);
});

test('messages from others, system notices and duplicate echoes confirm nothing', (t) => {
	const queued = reduce(start(), queue('hi'));
	const fromOther = chatReducer(queued, live(message({content: 'hi', senderId: 'u-other'})));
	t.deepEqual(pendingOf(fromOther), ['hi:sending']);
	const system = chatReducer(
		queued,
		live(message({type: 'system', content: 'hi', senderId: me.userId})),
	);
	t.deepEqual(pendingOf(system), ['hi:sending']);

	// The echo confirms; the same echo again (a REST page) must not confirm the next "hi".
	const confirmed = reduce(queued, live(own('hi')), queue('hi'));
	const again = chatReducer(confirmed, {type: 'history-loaded', messages: [own('hi')], total: 1});
	t.deepEqual(pendingOf(again), ['hi:sending']);
});

test('going offline or reconnecting marks sending lines queued; failed lines stay failed', (t) => {
	const sending = reduce(
		start(),
		queue('a'),
		{type: 'sends-expired', now: 20_000, timeoutMs: 10_000},
		queue('b'),
	);
	const offline = chatReducer(sending, {
		type: 'connection-changed',
		connection: {status: 'offline', reason: safe('gone')},
	});
	t.deepEqual(pendingOf(offline), ['a:failed', 'b:queued']);
	t.deepEqual(offline.connection, {status: 'offline', reason: 'gone'});
	const retry = chatReducer(sending, {type: 'connection-changed', connection: reconnecting});
	t.deepEqual(pendingOf(retry), ['a:failed', 'b:queued']);
});

test('going online keeps pending lines and the round-trip time; leaving it drops the time', (t) => {
	const online = reduce(
		start(),
		queue('a'),
		{type: 'connection-changed', connection: {status: 'online'}},
		{type: 'rtt-measured', ms: 12},
	);
	t.deepEqual(pendingOf(online), ['a:sending']);
	t.is(online.rttMs, 12);
	const dropped = chatReducer(online, {type: 'connection-changed', connection: reconnecting});
	t.is(dropped.rttMs, undefined);
});

test('sends-started marks the given queued lines sending', (t) => {
	const queued = reduce(start(), queue('a', false), queue('b', false), queue('c', false));
	const state = chatReducer(queued, {type: 'sends-started', localIds: [1, 3], now: 5000});
	t.deepEqual(pendingOf(state), ['a:sending', 'b:queued', 'c:sending']);
	t.is(state.pending[0]!.sentAt, 5000);
});

test('a line with no echo within the timeout fails, and a retry queues it again', (t) => {
	const sent = reduce(start(), queue('a'), {
		type: 'connection-changed',
		connection: {status: 'online'},
	});
	const early = chatReducer(sent, {type: 'sends-expired', now: 1000 + 9999, timeoutMs: 10_000});
	t.is(early, sent, 'nothing changes before the timeout');
	const late = chatReducer(sent, {type: 'sends-expired', now: 1000 + 10_001, timeoutMs: 10_000});
	t.deepEqual(pendingOf(late), ['a:failed']);
	t.deepEqual(pendingOf(chatReducer(late, {type: 'failed-retried'})), ['a:queued']);
});

test('restored lines from disk come first, queued, with fresh ids', (t) => {
	const state = reduce(start(), queue('new', false), {
		type: 'outbox-restored',
		lines: [{content: safe('old'), createdAt: 10}],
	});
	t.deepEqual(pendingOf(state), ['old:queued', 'new:queued']);
	t.not(state.pending[0]!.localId, state.pending[1]!.localId);
});

test('an old message with the same text does not confirm a newer line', (t) => {
	const queued = reduce(start(), {
		type: 'send-queued',
		content: safe('ok'),
		now: 10_000_000,
		sent: true,
	});
	const yesterday = chatReducer(queued, {
		type: 'history-loaded',
		messages: [{...own('ok'), time: 10_000_000 - 86_400_000}],
		total: 1,
	});
	t.deepEqual(pendingOf(yesterday), ['ok:sending']);
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

test('renamed changes the username and keeps the user id', (t) => {
	const state = chatReducer(start(), {type: 'renamed', username: 'new-name'});
	t.deepEqual(state.me, {userId: 'u-me', username: 'new-name'});
});

test('notices are kept in order, capped at 200, and an error becomes lastError', (t) => {
	let state = start();
	for (let n = 1; n <= 205; n++) {
		state = chatReducer(state, {type: 'notice', level: 'info', text: safe(`n${n}`), now: n});
	}

	t.is(state.notices.length, 200);
	t.is(state.notices[0]!.text, safe('n6'));
	t.is(state.notices.at(-1)!.text, safe('n205'));
	t.is(state.lastError, undefined);
	const failed = chatReducer(state, {type: 'notice', level: 'error', text: safe('boom'), now: 300});
	t.is(failed.lastError, safe('boom'));
	t.is(failed.notices.length, 200);
	t.is(failed.notices.at(-1)!.level, 'error');
	// Notice ids come from the same counter as pending lines: never equal.
	const mixed = reduce(start(), queue('a'), {
		type: 'notice',
		level: 'info',
		text: safe('b'),
		now: 2,
	});
	t.not(mixed.notices[0]!.id, mixed.pending[0]!.localId);
});

test('cleared hides messages that arrived before it, drops notices and the error', (t) => {
	const before = reduce(
		start(),
		live(message({content: 'old', at: 1})),
		{type: 'notice', level: 'error', text: safe('bad'), now: 1},
		{type: 'cleared'},
	);
	t.is(before.clearedBefore, before.nextSeq);
	t.deepEqual(before.notices, []);
	t.is(before.lastError, undefined);
	const after = chatReducer(before, live(message({content: 'new', at: 2})));
	const shown = after.messages.filter((each) => each.seq >= after.clearedBefore);
	t.deepEqual(
		shown.map((each) => each.content),
		['new'],
	);
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
