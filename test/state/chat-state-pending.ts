// The chat reducer's own lines: sent or queued, confirmed by their echo, failed, retried, restored.
import test from 'ava';
import type {ConnectionState} from '../../source/protocol/socket-client.js';
import {chatReducer, type ChatState} from '../../source/state/chat-state.js';
import {contents, live, me, own, queue, start} from '../helpers/chat-state-fixtures.js';
import {message, safe} from '../helpers/messages.js';
import {reduce} from '../helpers/reduce.js';

const pendingOf = (state: ChatState) =>
	state.pending.map((line) => `${line.content}:${line.status}`);
const reconnecting: ConnectionState = {
	status: 'reconnecting',
	attempt: 1,
	retryAt: 5000,
	reason: safe('transport close'),
};

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

test("a page's own message from before the line was typed does not confirm it", (t) => {
	const ann = (content: string) =>
		message({content, sender: 'ann', senderId: 'u-ann', id: content});
	const loaded = reduce(
		start(),
		{type: 'history-loaded', messages: [ann('a')], total: 1},
		{type: 'connected'},
		live(ann('hi')),
	);
	const queued = reduce(loaded, {type: 'send-queued', content: safe('ok'), now: 5, sent: true});
	// The gap fill finds an "ok" of ours sent before "hi" (from another terminal): not the echo.
	const filled = chatReducer(queued, {
		type: 'gap-filled',
		messages: [ann('a'), {...own('ok'), id: safe('ok')}, ann('hi')],
		complete: true,
		now: 6,
	});
	t.deepEqual(contents(filled), ['a', 'ok', 'hi']);
	t.deepEqual(pendingOf(filled), ['ok:sending']);
	// Its echo, after "hi", does.
	t.deepEqual(pendingOf(chatReducer(filled, live(own('ok')))), []);
});

test('an echo whose clock is a day off still confirms the line', (t) => {
	const queued = reduce(start(), {
		type: 'send-queued',
		content: safe('ok'),
		now: 10_000_000,
		sent: true,
	});
	const echoed = chatReducer(queued, live({...own('ok'), time: 10_000_000 - 86_400_000}));
	t.deepEqual(pendingOf(echoed), []);
});

test("an echo cut by the server confirms the line; the log shows the server's version", (t) => {
	const long = 'a line the server keeps only the start of, because it is long';
	const queued = reduce(start(), {type: 'send-queued', content: safe(long), now: 1, sent: true});
	const echoed = chatReducer(queued, live(own(long.slice(0, 20))));
	t.deepEqual(pendingOf(echoed), []);
	t.deepEqual(contents(echoed), [long.slice(0, 20)]);
	// A short own line that only starts the same is not a cut echo.
	const other = chatReducer(queued, live(own('a line')));
	t.deepEqual(pendingOf(other), [`${long}:sending`]);
});

test('two equal lines are confirmed by two echoes, one each, in send order', (t) => {
	const queued = reduce(
		start(),
		{type: 'send-queued', content: safe('ok'), now: 1, sent: true},
		{type: 'send-queued', content: safe('ok'), now: 2, sent: true},
	);
	const one = chatReducer(queued, live(own('ok')));
	t.deepEqual(pendingOf(one), ['ok:sending']);
	t.deepEqual(
		one.pending.map((line) => line.createdAt),
		[2],
		'the older line went first',
	);
	t.deepEqual(pendingOf(chatReducer(one, live(own('ok')))), []);
});
