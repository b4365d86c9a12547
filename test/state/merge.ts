import test from 'ava';
import type {Message} from '../../source/protocol/types.js';
import {
	compositeKey,
	emptyIndex,
	emptyStretch,
	indexOf,
	isKnown,
	mergeMessages,
	trimMessages,
	type MergeResult,
	type StoredMessage,
} from '../../source/state/merge.js';
import {message, safe} from '../helpers/messages.js';
import {seededRandom} from '../helpers/random.js';

/** Merge batches one after the other, as the client receives them. */
function mergeAll(...batches: Array<readonly Message[]>): MergeResult {
	let result: MergeResult = {...emptyStretch, added: [], dropped: 0};
	for (const batch of batches) {
		result = mergeMessages(result, batch);
	}

	return result;
}

const contents = (messages: readonly Message[]) => messages.map((each) => each.content);

// Five lines a second apart, no server ids.
const [m1, m2, m3, m4, m5] = [1, 2, 3, 4, 5].map((n) =>
	message({content: `line ${n}`, at: n * 1000}),
) as [Message, Message, Message, Message, Message];

test('live events first, then the REST page that overlaps them: no duplicates, sorted', (t) => {
	const live = mergeAll([m4, m5]);
	const result = mergeMessages(live, [m5, m2, m4, m1, m3]);
	t.deepEqual(contents(result.messages), ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
	t.deepEqual(contents(result.added), ['line 2', 'line 1', 'line 3'], 'new ones, in given order');
	t.is(result.nextSeq, 5);
});

test('the REST page first, then live events that overlap it', (t) => {
	const page = mergeAll([m3, m1, m2]);
	t.deepEqual(contents(page.messages), ['line 1', 'line 2', 'line 3']);
	const result = mergeMessages(page, [m3, m4, m5]);
	t.deepEqual(contents(result.messages), ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
	t.deepEqual(contents(result.added), ['line 4', 'line 5']);
});

test('overlapping pages merge to one list', (t) => {
	const result = mergeAll([m3, m4, m5], [m1, m2, m3, m4], [m2, m3]);
	t.deepEqual(contents(result.messages), ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
	t.is(new Set(result.messages.map((each) => each.key)).size, 5);
});

test('a batch with nothing new returns the same list and index', (t) => {
	const first = mergeAll([m1, m2]);
	const again = mergeMessages(first, [m2, m1]);
	t.is(again.messages, first.messages);
	t.is(again.index, first.index);
	t.deepEqual(again.added, []);
	t.is(again.nextSeq, first.nextSeq);
});

test('without ids, equal composites are one message and any differing field makes another', (t) => {
	const base = {content: 'hi', at: 10, micros: 5};
	const same = mergeAll([message(base)], [message(base), message(base)]);
	t.is(same.messages.length, 1);

	const variants = [
		message({...base, micros: 6}),
		message({...base, at: 11}),
		message({...base, content: 'hi!'}),
		message({...base, senderId: 'u-bob'}),
		message({...base, type: 'system'}),
	];
	const result = mergeAll([message(base)], variants);
	t.is(result.messages.length, 6);
	t.is(result.added.length, 5);
});

test('system notices without sender are de-duplicated by composite key', (t) => {
	const notice = message({
		type: 'system',
		content: 'bob joined',
		sender: undefined,
		senderId: undefined,
	});
	const result = mergeAll([notice], [notice, {...notice}]);
	t.is(result.messages.length, 1);
	t.is(result.messages[0]!.key, compositeKey(notice));
});

test('the same server id is the same message, even with different content', (t) => {
	const first = message({id: 'm-1', content: 'original'});
	const edited = message({id: 'm-1', content: 'edited', at: 50});
	const result = mergeAll([first], [edited]);
	t.deepEqual(contents(result.messages), ['original']);
	t.is(result.messages[0]!.key, 'id:m-1');
});

test('same composite but different ids: both are kept, in arrival order', (t) => {
	const a = message({id: 'a', content: 'ok'});
	const b = message({id: 'b', content: 'ok'});
	const result = mergeAll([a], [b]);
	t.deepEqual(
		result.messages.map((each) => each.id),
		['a', 'b'],
	);
	t.true(isKnown(result.index, message({id: 'a', content: 'ok'})));
	t.true(isKnown(result.index, message({id: 'b', content: 'ok'})));
	t.false(isKnown(result.index, message({id: 'c', content: 'ok'})));
});

test('one copy with an id and one without are the same message, in either order', (t) => {
	const withId = message({id: 'x-1', content: 'mixed'});
	const withoutId = message({content: 'mixed'});
	const idFirst = mergeAll([withId], [withoutId]);
	const idLast = mergeAll([withoutId], [withId]);
	t.is(idFirst.messages.length, 1);
	t.is(idFirst.messages[0]!.id, safe('x-1'));
	t.is(idLast.messages.length, 1);
	t.is(idLast.messages[0]!.id, undefined);
	// And a third copy of either kind is still known.
	t.true(isKnown(idLast.index, withId));
	t.true(isKnown(idFirst.index, withoutId));
});

test('equal times keep arrival order, within a batch and across batches', (t) => {
	const at = {at: 500, micros: 7};
	const [b, a, c, d] = ['b', 'a', 'c', 'd'].map((content) => message({...at, content}));
	// Line 1 (a second later) arrives in between, so c and d must be sorted in, not appended.
	const result = mergeAll([b!, a!], [m1], [c!, d!]);
	t.deepEqual(contents(result.messages), ['b', 'a', 'c', 'd', 'line 1']);
});

test('out-of-order arrival is sorted by time, then by microseconds', (t) => {
	const late = message({content: 'late', at: 2000, micros: 0});
	const early = message({content: 'early', at: 1000, micros: 900});
	const middle = message({content: 'middle', at: 1000, micros: 901});
	const result = mergeAll([late], [middle], [early]);
	t.deepEqual(contents(result.messages), ['early', 'middle', 'late']);
});

test('microseconds order messages within the same millisecond', (t) => {
	const micros = [999, 5, 500, 0, 42];
	const result = mergeAll(micros.map((value) => message({content: `µ${value}`, micros: value})));
	t.deepEqual(contents(result.messages), ['µ0', 'µ5', 'µ42', 'µ500', 'µ999']);
	// A later millisecond beats any microsecond value.
	const next = mergeAll([message({content: 'next ms', at: 1, micros: 0})], result.messages);
	t.is(next.messages.at(-1)!.content, safe('next ms'));
});

test('compositeKey uses the sender id over the name, and the microseconds', (t) => {
	const a = message({sender: 'alice', senderId: 'u-1'});
	t.is(compositeKey(a), compositeKey(message({sender: 'renamed', senderId: 'u-1'})));
	t.not(compositeKey(a), compositeKey(message({sender: 'alice', senderId: 'u-2'})));
	t.not(compositeKey(a), compositeKey(message({sender: 'alice', senderId: 'u-1', micros: 1})));
	const byName = message({sender: 'carol', senderId: undefined});
	t.not(compositeKey(byName), compositeKey(message({sender: 'dave', senderId: undefined})));
});

test('trimMessages keeps the newest and rebuilds the index', (t) => {
	const all = mergeAll([m1, m2, m3, m4, m5]);
	t.is(trimMessages(all.messages, 5), undefined, 'nothing to trim at the limit');
	const trimmed = trimMessages(all.messages, 3)!;
	t.deepEqual(contents(trimmed.messages), ['line 3', 'line 4', 'line 5']);
	t.is(trimmed.dropped, 2);
	t.false(isKnown(trimmed.index, m1));
	t.false(isKnown(trimmed.index, m2));
	t.true(isKnown(trimmed.index, m3));
	t.true(isKnown(trimmed.index, m5));

	const oldest = trimMessages(all.messages, 2, 'oldest')!;
	t.deepEqual(contents(oldest.messages), ['line 1', 'line 2']);
	t.false(isKnown(oldest.index, m3));
});

test('indexOf knows every stored message by id and by composite', (t) => {
	const stored = mergeAll([message({id: 'i-1', content: 'with id'}), m2]).messages;
	const index = indexOf(stored);
	t.true(isKnown(index, message({id: 'i-1', content: 'with id'})));
	t.true(isKnown(index, message({id: 'i-1', content: 'changed'})), 'by id');
	t.true(isKnown(index, message({content: 'with id'})), 'by composite, no id');
	t.true(isKnown(index, m2));
	t.false(isKnown(index, m3));
	t.false(isKnown(emptyIndex, m1));
});

// --- Property: any arrival order, duplication and batching gives the same list. ---

type Identity = Omit<Message, 'id'>;
const identity = ({type, content, time, timeMicros, sender, senderId}: Message): Identity => ({
	type,
	content,
	time,
	timeMicros,
	...(sender === undefined ? {} : {sender}),
	...(senderId === undefined ? {} : {senderId}),
});

function distinctMessages(seed: number): Message[] {
	const random = seededRandom(seed);
	// Few milliseconds, so many share one and differ only in microseconds; each pair unique.
	const slots = random.shuffle(
		Array.from({length: 40}, (_, index) => ({
			at: Math.floor(index / 8),
			micros: (index % 8) * 100,
		})),
	);
	return slots.slice(0, 25).map((slot, index) =>
		message({
			...slot,
			...(random.next() < 0.5 ? {id: `id-${index}`} : {}),
			type: random.next() < 0.2 ? 'system' : 'text',
			content: random.pick(['hi', 'ok', 'bye', '你好']),
			senderId: random.pick(['u-1', 'u-2', 'u-3']),
		}),
	);
}

test('property: shuffled, duplicated, batched arrival always merges to the same sorted list', (t) => {
	for (let seed = 1; seed <= 200; seed++) {
		const random = seededRandom(seed * 7919);
		const originals = distinctMessages(seed);
		const expected = [...originals]
			.sort((a, b) => a.time - b.time || a.timeMicros - b.timeMicros)
			.map((each) => identity(each));

		const copies: Message[] = [];
		for (const original of originals) {
			const count = 1 + random.int(3);
			for (let copy = 0; copy < count; copy++) {
				// A copy may come without the id (e.g. REST has ids and the socket has none).
				copies.push(random.next() < 0.3 ? identity(original) : original);
			}
		}

		const arrival = random.shuffle(copies);
		const batches: Message[][] = [];
		while (arrival.length > 0) {
			batches.push(arrival.splice(0, 1 + random.int(6)));
		}

		const result = mergeAll(...batches);
		t.deepEqual(
			result.messages.map((each) => identity(each)),
			expected,
			`seed ${seed}`,
		);
		t.is(new Set(result.messages.map((each) => each.key)).size, originals.length, `seed ${seed}`);
		for (const original of originals) {
			t.true(isKnown(result.index, original), `seed ${seed}: ${original.content}`);
		}
	}
});

test('property: a trimmed list merged again with its dropped part is whole and ordered', (t) => {
	for (let seed = 1; seed <= 50; seed++) {
		const random = seededRandom(seed);
		const merged = mergeAll(random.shuffle(distinctMessages(seed)));
		const keep = 1 + random.int(merged.messages.length - 1);
		const trimmed = trimMessages(merged.messages, keep)!;
		const dropped = merged.messages.slice(0, trimmed.dropped);
		const again = mergeMessages({...trimmed, nextSeq: merged.nextSeq}, dropped);
		t.deepEqual(
			again.messages.map((each) => identity(each)),
			merged.messages.map((each) => identity(each)),
			`seed ${seed}`,
		);
		t.is(again.added.length, trimmed.dropped, `seed ${seed}`);
	}
});

test('property: keeping the newest while merging is the same as merging all, then trimming', (t) => {
	const sortedEntries = (map: ReadonlyMap<string, string>) =>
		[...map].sort(([a], [b]) => (a < b ? -1 : 1));
	for (let seed = 1; seed <= 200; seed++) {
		const random = seededRandom(seed * 104_729);
		const originals = distinctMessages(seed);
		// Twins: the same composite (time, sender, content) under another server id.
		const twins = originals
			.filter((each) => each.id !== undefined && random.next() < 0.3)
			.map((each) => ({...each, id: safe(`${each.id!}-twin`)}));
		const arrivals = random.shuffle([...originals, ...twins, ...originals.slice(0, 5)]);
		const batches: Message[][] = [];
		while (arrivals.length > 0) {
			batches.push(arrivals.splice(0, 1 + random.int(6)));
		}

		const keep = 1 + random.int(20);
		let kept: MergeResult = {...emptyStretch, added: [], dropped: 0};
		for (const batch of batches) {
			kept = mergeMessages(kept, batch, keep);
			t.true(kept.messages.length <= keep, `seed ${seed}`);
		}

		const reference = trimMessages(mergeAll(...batches).messages, keep);
		const messages = reference?.messages ?? mergeAll(...batches).messages;
		const index = reference?.index ?? indexOf(messages);
		t.deepEqual(
			kept.messages.map((each) => each.key),
			messages.map((each) => each.key),
			`seed ${seed}`,
		);
		t.deepEqual(sortedEntries(kept.index.ids), sortedEntries(index.ids), `seed ${seed}: ids`);
		t.deepEqual(
			sortedEntries(kept.index.composites),
			sortedEntries(index.composites),
			`seed ${seed}: composites`,
		);
	}
});
