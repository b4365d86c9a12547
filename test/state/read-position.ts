import test from 'ava';
import {
	fingerprint,
	initialReadState,
	locateTail,
	markerAfter,
	readReducer,
	tailAt,
	unreadSince,
	type ReadAction,
	type ReadState,
} from '../../source/state/read-position.js';
import {message, type MessageFields} from '../helpers/messages.js';

/** Messages from bob (others) with keys k0, k1, ...; `me` marks alice's own. */
const keyed = (fields: MessageFields[]) =>
	fields.map((field, index) => ({
		...message({sender: 'bob', senderId: 'u-bob', at: index * 1000, ...field}),
		key: `k${index}`,
	}));

const texts = (...contents: string[]) => keyed(contents.map((content) => ({content})));

test('a fingerprint is the message, not its id: ids are only hints', (t) => {
	const plain = message({content: 'hi'});
	t.is(fingerprint(message({content: 'hi', id: '7'})), fingerprint(plain));
	t.not(fingerprint(message({content: 'hi', at: 1})), fingerprint(plain), 'time');
	t.not(fingerprint(message({content: 'ho'})), fingerprint(plain), 'content');
	t.not(fingerprint(message({content: 'hi', senderId: 'u-x'})), fingerprint(plain), 'sender');
	t.regex(fingerprint(plain), /^[\da-f]{16}$/);
});

test('the tail is found at its newest place, repeated lines told apart by what is around', (t) => {
	const messages = texts('+1', 'a', '+1', 'b', '+1', 'a', '+1', 'c');
	t.is(locateTail(messages, tailAt(messages, 2)), 2, '"a +1" after "+1": the first one');
	t.is(locateTail(messages, tailAt(messages, 6)), 6, 'the same three lines: the newest');
	t.is(locateTail(messages, tailAt(messages, 7)), 7);
});

test('not found: no place at all, rather than a wrong one', (t) => {
	const before = texts('x', 'y', 'z');
	const after = texts('x', 'y', 'q');
	t.is(locateTail(after, tailAt(before, 2)), undefined);
	t.is(locateTail(after, []), undefined);
	// Same texts at other times (a server that lost its history and got them again).
	const later = keyed([
		{content: 'x', at: 5e6},
		{content: 'y', at: 6e6},
		{content: 'z', at: 7e6},
	]);
	t.is(locateTail(later, tailAt(before, 2)), undefined);
});

test('at the start of what is loaded, two matching messages are enough; one is not', (t) => {
	const all = texts('a', 'b', 'c', 'd', 'e');
	const tail = tailAt(all, 2);
	t.is(locateTail(all.slice(1), tail), 1, 'b c at the start: c');
	t.is(locateTail(all.slice(2), tail), undefined, 'only c: could be any c');
});

test('the marker goes above the first unread: others’ texts, not notices or own lines', (t) => {
	const messages = keyed([
		{content: 'read'},
		{type: 'system', content: 'carol joined', sender: undefined, senderId: undefined},
		{content: 'mine', sender: 'alice', senderId: 'u-alice'},
		{content: 'new 1'},
		{content: 'new 2'},
	]);
	t.deepEqual(markerAfter(messages, 0, 'u-alice'), {key: 'k3', count: 2});
	t.is(markerAfter(messages, 4, 'u-alice'), undefined, 'nothing after it');
	t.is(markerAfter(messages.slice(0, 3), 0, 'u-alice'), undefined, 'nothing unread after it');
});

function run(state: ReadState, ...actions: ReadAction[]): ReadState {
	let result = state;
	for (const action of actions) {
		result = readReducer(result, action);
	}

	return result;
}

test('the marker is placed once both the stored tail and the history are in', (t) => {
	const first = texts('a', 'b', 'c');
	const tail = tailAt(first, 2);
	const now = texts('a', 'b', 'c', 'd', 'e');
	const history = {type: 'history-shown', messages: now, userId: 'u-alice'} as const;
	t.false(run(initialReadState, history).resolved, 'waits for the store');
	const state = run(initialReadState, {type: 'stored-loaded', tail}, history);
	t.deepEqual(state.marker, {key: 'k3', count: 2});
	t.true(state.resolved);
	const again = run(state, {type: 'history-shown', messages: texts('z'), userId: 'u-alice'});
	t.is(again, state, 'placed once: it stays for the session');
	t.is(run(initialReadState, {type: 'stored-loaded', tail: []}, history).marker, undefined);
});

test('seen: only newer messages, only once resolved, not while away', (t) => {
	const messages = texts('a', 'b', 'c');
	const shown = (key: string): ReadAction => ({type: 'shown', messages, key});
	t.is(run(initialReadState, shown('k2')).seen, undefined, 'not before the marker is placed');
	const resolved = run(
		initialReadState,
		{type: 'stored-loaded', tail: []},
		{type: 'history-shown', messages, userId: 'u-alice'},
	);
	const seen = run(resolved, shown('k2'));
	t.deepEqual(seen.seen, {key: 'k2', tail: tailAt(messages, 2)});
	t.is(run(seen, shown('k1')).seen, seen.seen, 'scrolling back reads nothing new');
	t.is(run(resolved, {type: 'left', messages}, shown('k2')).seen, undefined, 'away');
});

test('leaving and coming back moves the marker above what came meanwhile', (t) => {
	const before = texts('a', 'b');
	const start = run(
		initialReadState,
		{type: 'stored-loaded', tail: tailAt(before, 0)},
		{type: 'history-shown', messages: before, userId: 'u-alice'},
		{type: 'shown', messages: before, key: 'k1'},
	);
	t.deepEqual(start.marker, {key: 'k1', count: 1});
	const after = texts('a', 'b', 'c', 'd');
	const back = run(
		start,
		{type: 'left', messages: before},
		{type: 'shown', messages: after, key: 'k3'},
		{type: 'returned', messages: after, userId: 'u-alice'},
	);
	t.deepEqual(back.marker, {key: 'k2', count: 2});
	t.is(back.away, undefined);
	// Away before anything was seen: from the newest message when the focus went.
	const early = run(
		initialReadState,
		{type: 'left', messages: before},
		{type: 'returned', messages: after, userId: 'u-alice'},
	);
	t.deepEqual(early.marker, {key: 'k2', count: 2});
	const quiet = run(
		start,
		{type: 'left', messages: before},
		{type: 'returned', messages: before, userId: 'u-alice'},
	);
	t.deepEqual(quiet.marker, start.marker, 'nothing came: it stays where it was');
});

test('unread since the last message seen: others’ texts after it', (t) => {
	const messages = keyed([
		{content: 'seen'},
		{type: 'system', content: 'alice joined', sender: undefined, senderId: undefined},
		{content: 'new'},
		{content: 'mine', sender: 'alice', senderId: 'u-alice'},
		{content: 'newer'},
	]);
	t.is(unreadSince(messages, 'k0', 'u-alice'), 2);
	t.is(unreadSince(messages, 'k4', 'u-alice'), 0);
	t.is(unreadSince(messages, undefined, 'u-alice'), 3, 'nothing before: all of them');
	t.is(unreadSince(messages, 'gone', 'u-alice'), 0);
});
