import test from 'ava';
import type {Message} from '../../source/protocol/types.js';
import {
	chatReducer,
	initialChatState,
	maxMessages,
	type ChatAction,
	type ChatState,
	type LiveEvent,
} from '../../source/state/chat-state.js';
import {olderOffset} from '../../source/state/paging.js';
import {message, safe} from '../helpers/messages.js';
import {reduce} from '../helpers/reduce.js';

const me = {userId: 'u-me', username: 'alice'};
const start = () => initialChatState(me);

const live = (...messages: Message[]): ChatAction => ({
	type: 'events-received',
	events: messages.map((each): LiveEvent => ({kind: 'message', message: each})),
});
const contents = (state: ChatState) => state.messages.map((each) => each.content);

/**
 * A server's history: message n says "m<n>" at second n (with an id, unless `noIds`), and a page
 * works as the protocol says: offset 0 is the newest page, oldest first within it.
 */
function history(count: number, noIds = false) {
	const all = Array.from({length: count}, (_, n) =>
		message({content: `m${n}`, at: n * 1000, ...(noIds ? {} : {id: `id-${n}`})}),
	);
	const page = (limit: number, offset: number) =>
		all.slice(Math.max(0, all.length - offset - limit), Math.max(0, all.length - offset));
	return {all, page};
}

const loaded = (server: ReturnType<typeof history>, limit = 50): ChatState =>
	reduce(start(), {
		type: 'history-loaded',
		messages: server.page(limit, 0),
		total: server.all.length,
	});

test('the first page reaching the oldest message means the beginning of history', (t) => {
	const small = history(20);
	t.is(loaded(small).older, 'start');
	const big = history(120);
	const state = loaded(big);
	t.is(state.older, 'idle');
	t.deepEqual(contents(state).slice(0, 2), ['m70', 'm71']);
});

test('older pages merge in front, in order, until the beginning of history', (t) => {
	const server = history(120);
	let state = loaded(server);
	state = chatReducer(state, {type: 'older-requested'});
	t.is(state.older, 'loading');
	t.is(olderOffset(state), 50);
	state = reduce(state, {
		type: 'older-loaded',
		messages: server.page(50, olderOffset(state)),
		complete: false,
	});
	t.is(state.older, 'idle');
	t.deepEqual(contents(state).slice(0, 2), ['m20', 'm21']);
	state = reduce(state, {
		type: 'older-loaded',
		messages: server.page(50, olderOffset(state)),
		complete: true,
	});
	t.is(state.older, 'start');
	t.deepEqual(
		contents(state),
		server.all.map((each) => each.content),
	);
});

test('offsets shifted by new messages between two pages: the overlap is not shown twice', (t) => {
	for (const noIds of [false, true]) {
		const server = history(200, noIds);
		let state = loaded(server);
		// Ten messages arrive live: the server's offsets move by ten.
		const arrivals = Array.from({length: 10}, (_, n) =>
			message({content: `new${n}`, at: 500_000 + n, ...(noIds ? {} : {id: `new-${n}`})}),
		);
		server.all.push(...arrivals);
		state = chatReducer(state, live(...arrivals));
		// Asked from a count that missed the arrivals, the page overlaps what we hold by ten.
		const stale = server.page(50, 50);
		state = chatReducer(state, {type: 'older-loaded', messages: stale, complete: false});
		const seen = contents(state);
		t.is(new Set(seen).size, seen.length, `no duplicates (ids: ${String(!noIds)})`);
		t.deepEqual(seen.slice(0, 3), ['m110', 'm111', 'm112']);
		t.is(seen.length, 100, 'm110 to m199 and the ten arrivals');
	}
});

test('the count of what we hold gives the next offset, stashed arrivals included', (t) => {
	const server = history(300);
	let state = loaded(server);
	t.is(olderOffset(state), 50);
	state = chatReducer(state, live(message({content: 'x', at: 999_999, id: 'x'})));
	t.is(olderOffset(state), 51);
});

test(`live messages past ${maxMessages} drop the oldest, and the beginning must be fetched again`, (t) => {
	const server = history(maxMessages);
	let state = reduce(start(), {
		type: 'history-loaded',
		messages: server.all,
		total: server.all.length,
	});
	t.is(state.older, 'start');
	state = chatReducer(state, live(message({content: 'newest', at: 10_000_000, id: 'n'})));
	t.is(state.messages.length, maxMessages);
	t.is(state.messages[0]!.content, safe('m1'));
	t.is(state.older, 'idle', 'm0 is gone from memory: older pages load again');
});

/** Scrolled back past the bound: the newest dropped, the state detached from the live end. */
function detached() {
	const server = history(maxMessages + 200);
	let state = reduce(start(), {
		type: 'history-loaded',
		messages: server.page(maxMessages - 10, 0),
		total: server.all.length,
	});
	state = chatReducer(state, {
		type: 'older-loaded',
		messages: server.page(50, olderOffset(state)),
		complete: false,
	});
	return {server, state};
}

test('an older page past the bound drops the newest messages: the far end', (t) => {
	const {server, state} = detached();
	t.is(state.messages.length, maxMessages);
	// 4990 newest (m210 on) and 50 older (m160 on): the 40 newest are dropped.
	t.is(state.messages[0]!.content, safe('m160'));
	t.is(state.messages.at(-1)!.content, safe(`m${maxMessages + 159}`));
	t.deepEqual(state.newer, {missing: 40, status: 'idle'});
	t.is(olderOffset(state), 40 + maxMessages, 'older pages still count from the newest');
	t.is(server.page(1, olderOffset(state))[0]!.content, safe('m159'));
});

test('live messages while detached are counted and stashed, not stored; own echoes confirm', (t) => {
	let {state} = detached();
	state = chatReducer(state, {type: 'send-queued', content: safe('mine'), now: 1, sent: true});
	const before = state.messages;
	state = chatReducer(
		state,
		live(
			message({content: 'hey @alice', at: 20_000_000, id: 'l1', sender: 'bob', senderId: 'u-bob'}),
			message({content: 'mine', at: 20_000_001, id: 'l2', sender: 'alice', senderId: 'u-me'}),
		),
	);
	t.is(state.messages, before);
	t.is(state.newer?.missing, 42);
	t.is(state.stash.length, 2);
	t.is(state.liveCount, 2);
	t.is(state.mentionCount, 1);
	t.deepEqual(state.pending, [], 'the echo confirmed the pending line');
	// An equal live message is another message: live events are never compared with each other.
	const again = chatReducer(
		state,
		live(message({content: 'hey @alice', at: 20_000_000, id: 'l1'})),
	);
	t.is(again.stash.length, 3);
	t.is(again.liveCount, 3);
});

test('newer pages merge at the end; the newest page joins the live end with the stash', (t) => {
	const {server, state: scrolled} = detached();
	const arrival = message({content: 'late', at: 30_000_000, id: 'late'});
	server.all.push(arrival);
	let state = chatReducer(scrolled, live(arrival));
	t.is(state.newer?.missing, 41);
	const offset = Math.max(0, state.newer!.missing + 1 - 30);
	state = chatReducer(state, {
		type: 'newer-loaded',
		messages: server.page(30, offset),
		newerThanPage: offset,
	});
	t.deepEqual(state.newer, {missing: offset, status: 'idle'});
	t.is(state.messages.at(-1)!.content, safe(`m${maxMessages + 188}`));
	t.is(state.messages.length, maxMessages, 'the oldest are dropped again');
	t.is(state.older, 'idle');
	// The newest page, fetched before the last arrival reached the server's page: the stash adds it.
	state = chatReducer(state, {
		type: 'newer-loaded',
		messages: server.page(30, 1),
		newerThanPage: 0,
	});
	t.is(state.newer, undefined);
	t.deepEqual(state.stash, []);
	t.deepEqual(contents(state).slice(-2), [`m${maxMessages + 199}`, 'late']);
	const seen = contents(state);
	t.is(new Set(seen).size, seen.length, 'no duplicates');
	// A late answer for the detached state changes nothing now.
	t.is(
		chatReducer(state, {type: 'newer-loaded', messages: server.page(30, 40), newerThanPage: 40}),
		state,
	);
});

test('a jump to the newest replaces what is older than the page', (t) => {
	const {server, state: scrolled} = detached();
	const state = chatReducer(scrolled, {
		type: 'newer-loaded',
		messages: server.page(50, 0),
		newerThanPage: 0,
		replace: true,
	});
	t.is(state.newer, undefined);
	t.deepEqual(
		contents(state),
		server.page(50, 0).map((each) => each.content),
	);
	t.is(state.older, 'idle');
	t.is(olderOffset(state), 50);
});

test('live mentions of the user count for the bell; history, own and system ones do not', (t) => {
	const bob = {sender: 'bob', senderId: 'u-bob'};
	let state = reduce(start(), {
		type: 'history-loaded',
		messages: [message({content: 'alice: old news', at: 1, ...bob})],
		total: 1,
	});
	t.is(state.mentionCount, 0);
	state = chatReducer(
		state,
		live(
			message({content: 'ALICE, look', at: 2, ...bob}),
			message({content: 'malice aforethought', at: 3, ...bob}),
			message({content: 'I am alice', at: 4, sender: 'alice', senderId: 'u-me'}),
			message({
				type: 'system',
				content: 'alice joined',
				at: 5,
				sender: undefined,
				senderId: undefined,
			}),
			message({content: 'hi @alice!', at: 6, ...bob}),
		),
	);
	t.is(state.mentionCount, 2);
	t.is(state.liveCount, 5);
});

test('a failed page is remembered, and the error shown', (t) => {
	const state = reduce(
		loaded(history(100)),
		{type: 'older-requested'},
		{
			type: 'older-failed',
			error: safe('HTTP 500'),
		},
	);
	t.is(state.older, 'failed');
	t.is(state.lastError, safe('HTTP 500'));
});

test('/clear while detached starts the live end afresh', (t) => {
	const {state: scrolled} = detached();
	const state = chatReducer(scrolled, {type: 'cleared'});
	t.deepEqual(state.messages, []);
	t.is(state.newer, undefined);
	const next = chatReducer(state, live(message({content: 'after', at: 99_999_999, id: 'a'})));
	t.deepEqual(contents(next), ['after']);
	t.true(next.messages.every((each) => each.seq >= next.clearedBefore));
});
