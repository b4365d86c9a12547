import test from 'ava';
import {buildLogItems} from '../../source/state/log-lines.js';
import {findMatches, stepMatch} from '../../source/state/search.js';
import {local, notice, stored} from '../helpers/log-fixtures.js';

const messages = stored(
	{content: 'the cat sat', time: local(1, 9, 0)},
	{content: 'a dog', time: local(1, 9, 1), sender: 'Catherine'},
	{content: '/me pets the CAT', time: local(1, 9, 2)},
	{content: 'nothing', time: local(1, 9, 3)},
);
const items = buildLogItems(
	messages,
	[notice(1, local(1, 9, 4), 'cat food delivered', 'info', messages.at(-1)!.key)],
	[],
);

test('matches are messages (text or sender) and notices, any case, oldest first', (t) => {
	const keys = findMatches(items, 'cat');
	t.is(keys.length, 4);
	t.deepEqual(keys, [items[0]!.key, items[1]!.key, items[2]!.key, items[4]!.key]);
	t.deepEqual(findMatches(items, 'zebra'), []);
	t.deepEqual(findMatches(items, ''), []);
});

test('a search starts at the newest match; next goes older, previous newer, stopping at the ends', (t) => {
	const keys = ['a', 'b', 'c'];
	t.is(stepMatch(keys, undefined, 'older'), 'c');
	t.is(stepMatch(keys, 'c', 'older'), 'b');
	t.is(stepMatch(keys, 'a', 'older'), 'a');
	t.is(stepMatch(keys, 'a', 'newer'), 'b');
	t.is(stepMatch(keys, 'c', 'newer'), 'c');
	t.is(stepMatch(keys, 'gone', 'newer'), 'c', 'a match no longer loaded: start again');
	t.is(stepMatch([], undefined, 'older'), undefined);
});
