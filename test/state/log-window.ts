import test from 'ava';
import {
	buildLogItems,
	edgeItem,
	formatItem,
	type HistoryEdge,
	type LogItem,
} from '../../source/state/log-lines.js';
import {
	bottomView,
	move,
	scrollView,
	topView,
	viewOnItem,
	viewWindow,
	type LogLayout,
	type LogView,
} from '../../source/state/log-window.js';
import {context, local, stored, textOf} from '../helpers/log-fixtures.js';

/** Items "message 0" … "message n-1", one minute apart (wrapping after an hour is fine). */
const numbered = (from: number, to: number) =>
	stored(
		...Array.from({length: to - from}, (_, n) => ({
			content: `message ${from + n}`,
			time: local(1, 9 + Math.floor((from + n) / 60), (from + n) % 60),
		})),
	);
/** The items with the history's edge above them, as the chat screen shows them. */
const withEdge = (edge: HistoryEdge | undefined, items: LogItem[]) =>
	edge === undefined ? items : [edgeItem(edge, items[0]?.time), ...items];
const manyItems = (count: number, edge?: 'loading' | 'start') =>
	withEdge(edge, buildLogItems(numbered(0, count), [], []));

function layoutOf(items: LogItem[], height: number, width = 40): LogLayout & {formatted: number} {
	const cache = new Map<string, ReturnType<typeof formatItem>>();
	const layout = {
		items,
		height,
		formatted: 0,
		linesOf(item: LogItem) {
			let lines = cache.get(item.key);
			if (!lines) {
				layout.formatted++;
				lines = formatItem(item, width, context, 'en');
				cache.set(item.key, lines);
			}

			return lines;
		},
	};
	return layout;
}

/** The text after the name of each line on screen: "message 7", or "[loading…]" for the edge. */
const shown = (view: LogView, layout: LogLayout) =>
	viewWindow(view, layout).lines.map(
		(line) =>
			/ {2}(message \d+)$/.exec(textOf(line))?.[1] ??
			`[${textOf(line).replaceAll('─', '').trim()}]`,
	);

test('at the bottom the window shows the newest lines', (t) => {
	const layout = layoutOf(manyItems(20), 3);
	t.deepEqual(shown(bottomView, layout), ['message 17', 'message 18', 'message 19']);
	const window = viewWindow(bottomView, layout);
	t.true(window.lastVisible);
	t.false(window.firstVisible);
});

test('scrolling up shows lines further up and anchors the view on the top item', (t) => {
	const layout = layoutOf(manyItems(20), 3);
	const view = scrollView(bottomView, layout, -5);
	t.deepEqual(shown(view, layout), ['message 12', 'message 13', 'message 14']);
	t.like(view, {kind: 'anchored', offset: 0});
	t.is(view.kind === 'anchored' ? view.key : '', layout.items[12]!.key);
	t.false(viewWindow(view, layout).lastVisible);
});

test('scrolling clamps at the top of what is loaded; a short log stays at the bottom', (t) => {
	const layout = layoutOf(manyItems(10), 4);
	const top = scrollView(bottomView, layout, -100);
	t.deepEqual(shown(top, layout), ['message 0', 'message 1', 'message 2', 'message 3']);
	t.true(viewWindow(top, layout).firstVisible);
	const short = layoutOf(manyItems(2), 5);
	t.is(scrollView(bottomView, short, -3), bottomView, 'nothing to scroll: still following');
	t.is(viewWindow(bottomView, short).lines.length, 2);
	t.deepEqual(viewWindow(bottomView, layoutOf([], 5)).lines, []);
});

test('scrolling down to the end follows the bottom again', (t) => {
	const layout = layoutOf(manyItems(20), 3);
	const up = scrollView(bottomView, layout, -4);
	t.is(up.kind, 'anchored');
	const partWay = scrollView(up, layout, 3);
	t.is(partWay.kind, 'anchored');
	t.deepEqual(shown(partWay, layout), ['message 16', 'message 17', 'message 18']);
	t.is(scrollView(partWay, layout, 1), bottomView);
	t.is(scrollView(up, layout, 100), bottomView);
	t.is(scrollView(bottomView, layout, 5), bottomView, 'down at the bottom does nothing');
});

test('new messages below do not move an anchored view; at the bottom they show', (t) => {
	const before = layoutOf(manyItems(20), 3);
	const view = scrollView(bottomView, before, -6);
	const after = layoutOf(manyItems(25), 3);
	t.deepEqual(shown(view, after), shown(view, before));
	t.deepEqual(shown(bottomView, after), ['message 22', 'message 23', 'message 24']);
});

test('older messages prepended above do not move an anchored view', (t) => {
	const before = layoutOf(withEdge('loading', buildLogItems(numbered(50, 70), [], [])), 4);
	const view = scrollView(bottomView, before, -10);
	const shownBefore = shown(view, before);
	const after = layoutOf(withEdge('loading', buildLogItems(numbered(0, 70), [], [])), 4);
	t.deepEqual(shown(view, after), shownBefore);
});

test('at the very top the edge shows; an older page then appears above the same message', (t) => {
	const before = layoutOf(withEdge('loading', buildLogItems(numbered(50, 70), [], [])), 4);
	const top = topView(before);
	t.deepEqual(shown(top, before), ['[loading…]', 'message 50', 'message 51', 'message 52']);
	t.true(viewWindow(top, before).firstVisible);
	t.like(top, {kind: 'anchored', offset: -1}, 'anchored on the first message, not the edge');

	const after = layoutOf(withEdge('loading', buildLogItems(numbered(0, 70), [], [])), 4);
	// The edge row is taken by the newest older message; message 50 stays on its row.
	t.deepEqual(shown(top, after), ['message 49', 'message 50', 'message 51', 'message 52']);
	t.false(viewWindow(top, after).firstVisible);
	const start = layoutOf(withEdge('start', buildLogItems(numbered(0, 70), [], [])), 4);
	t.deepEqual(shown(topView(start), start).slice(0, 2), ['[beginning of history]', 'message 0']);
});

test('an anchored item that is gone falls back to the first item at or after its time', (t) => {
	const layout = layoutOf(manyItems(30), 3);
	const view = scrollView(bottomView, layout, -10);
	t.deepEqual(shown(view, layout), ['message 17', 'message 18', 'message 19']);
	const without17 = layoutOf(
		manyItems(30).filter(
			(item) => !textOf(formatItem(item, 40, context, 'en')[0]!).includes('message 17'),
		),
		3,
	);
	t.deepEqual(shown(view, without17), ['message 18', 'message 19', 'message 20']);
});

test('wrapped items scroll by lines, and only the items needed are formatted', (t) => {
	const long = 'word '.repeat(30).trim();
	const items = buildLogItems(
		stored(
			{content: 'first', time: local(1, 9, 0)},
			{content: long, time: local(1, 9, 1)},
			{content: 'last', time: local(1, 9, 2)},
		),
		[],
		[],
	);
	const layout = layoutOf(items, 2);
	t.is(viewWindow(bottomView, layout).lines.length, 2);
	t.is(layout.formatted, 2, 'the first item was not needed');
	const up = scrollView(bottomView, layout, -1);
	const lines = viewWindow(up, layout).lines.map((line) => textOf(line));
	t.true(lines[0]!.trim().startsWith('word'), `${lines.join('|')}`);
	t.true(lines[1]!.trim().startsWith('word'), `${lines.join('|')}`);
	t.like(up, {kind: 'anchored', key: items[1]!.key});
	t.true(up.kind === 'anchored' && up.offset > 0, 'anchored inside the long item');
});

test('move walks across items by lines and clamps at both ends', (t) => {
	const layout = layoutOf(manyItems(5), 2);
	t.deepEqual(move(layout, {index: 2, line: 0}, -2), {index: 0, line: 0});
	t.deepEqual(move(layout, {index: 2, line: 0}, -10), {index: 0, line: 0});
	t.deepEqual(move(layout, {index: 2, line: 0}, 1), {index: 3, line: 0});
	t.deepEqual(move(layout, {index: 2, line: 0}, 10), {index: 4, line: 0});
});

test('a search match is shown a third down the window', (t) => {
	const layout = layoutOf(manyItems(40), 6);
	const view = viewOnItem(layout, layout.items[10]!.key);
	t.deepEqual(shown(view, layout), [
		'message 8',
		'message 9',
		'message 10',
		'message 11',
		'message 12',
		'message 13',
	]);
	t.is(viewOnItem(layout, layout.items[39]!.key), bottomView, 'a match at the end: the bottom');
});

test('while the newest messages are not loaded, the end of the log is not the bottom', (t) => {
	const layout = {...layoutOf(manyItems(20), 3), endIsLive: false};
	const up = scrollView(bottomView, layout, -5);
	const down = scrollView(up, layout, 100);
	t.is(down.kind, 'anchored', 'it stays anchored so new pages load below');
	t.true(viewWindow(down, layout).lastVisible);
});
