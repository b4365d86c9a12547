import test from 'ava';
import {buildLogItems, windowLines, type LogItem} from '../../source/state/log-lines.js';
import {context, local, stored, textOf} from '../helpers/log-fixtures.js';

const manyItems = (count: number) =>
	buildLogItems(
		stored(
			...Array.from({length: count}, (_, n) => ({
				content: `message ${n}`,
				time: local(1, 9, n % 60),
			})),
		),
		[],
		[],
	);
const windowOf = (items: LogItem[], height: number, offset: number) =>
	windowLines(items, {width: 40, height, offset, context, lang: 'en', cache: new Map()});

test('windowLines returns the bottom lines of the log', (t) => {
	const result = windowOf(manyItems(20), 3, 0);
	t.deepEqual(
		result.lines.map((line) => textOf(line).split('  ')[1]),
		['message 17', 'message 18', 'message 19'],
	);
	t.true(result.above);
	t.is(result.offset, 0);
});

test('windowLines shows lines further up by the offset', (t) => {
	const result = windowOf(manyItems(20), 3, 5);
	t.deepEqual(
		result.lines.map((line) => textOf(line).split('  ')[1]),
		['message 12', 'message 13', 'message 14'],
	);
	t.is(result.offset, 5);
});

test('windowLines clamps the offset at the top and with a short log', (t) => {
	const top = windowOf(manyItems(10), 4, 100);
	t.is(top.offset, 6);
	t.deepEqual(
		top.lines.map((line) => textOf(line).split('  ')[1]),
		['message 0', 'message 1', 'message 2', 'message 3'],
	);
	t.false(top.above);
	const short = windowOf(manyItems(2), 5, 3);
	t.is(short.offset, 0);
	t.is(short.lines.length, 2);
	t.false(short.above);
	t.deepEqual(windowOf([], 5, 0).lines, []);
});

test('windowLines counts wrapped lines, not items, and formats only what it needs', (t) => {
	const long = 'word '.repeat(30).trim();
	const items = buildLogItems(
		stored({content: 'first', time: local(1, 9, 0)}, {content: long, time: local(1, 9, 1)}),
		[],
		[],
	);
	const cache = new Map();
	const result = windowLines(items, {width: 40, height: 2, offset: 0, context, lang: 'en', cache});
	t.is(result.lines.length, 2);
	t.true(textOf(result.lines[1]!).trim().endsWith('word'));
	t.true(result.above);
	t.is(cache.size, 1, 'the first item was not needed');
});
