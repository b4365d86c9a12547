// The nick column (state/nick-column.ts) as the log lays it out: names right-aligned in 12 cells,
// cut with the ellipsis on a character boundary, and text at one column for every sender.
import test from 'ava';
import {asciiGlyphs} from '../../source/look/glyphs.js';
import {labelsFor} from '../../source/look/i18n.js';
import {buildLogItems, formatItem, type LogItem} from '../../source/state/log-lines.js';
import {textWidth} from '../../source/state/wrap.js';
import {context, local, notice, stored, textOf} from '../helpers/log-fixtures.js';

const render = (item: LogItem, width = 60, formatContext = context, lang: 'en' | 'zh' = 'en') =>
	formatItem(item, width, formatContext, lang).map((line) => textOf(line));

test('message text starts at the same column for every sender, whatever the name', (t) => {
	const names = [
		'bo',
		'alice',
		'张伟',
		'a-very-long-user-name-indeed',
		'👍🏽🎉',
		'e\u0301t\u0301e\u0301',
	];
	const items = buildLogItems(
		stored(...names.map((sender, index) => ({content: 'text', time: local(1, 9, index), sender}))),
		[notice(1, local(1, 9, 30), 'text')],
		[],
	);
	const starts = items.map((item) => {
		const [line] = render(item);
		return textWidth(line!.slice(0, line!.lastIndexOf('text')));
	});
	t.deepEqual(
		starts,
		Array.from({length: items.length}, () => 20),
		`${items.map((item) => render(item)[0]).join('\n')}`,
	);
});

test('a long name is cut with the ellipsis on a character boundary, or "..." in ASCII', (t) => {
	const lines = (sender: string, formatContext = context) =>
		render(
			buildLogItems(stored({content: 'hi', time: local(1, 9, 0), sender}), [], [])[0]!,
			60,
			formatContext,
		)[0];
	t.is(lines('a-very-long-user-name-indeed'), '09:00 a-very-long…  hi');
	t.is(
		lines('a-very-long-user-name-indeed', {...context, glyphs: asciiGlyphs}),
		'09:00 a-very-lo...  hi',
	);
	// 2 cells a character: six fit in 12 cells, five and the ellipsis when cut.
	t.is(lines('欧阳娜娜欧阳'), '09:00 欧阳娜娜欧阳  hi');
	t.is(lines('欧阳娜娜欧阳娜'), '09:00  欧阳娜娜欧…  hi');
	// A family emoji is one cluster of 2 cells: never split into its parts.
	t.is(lines('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧'), '09:00  👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧…  hi');
});

test('the column narrows in a narrow pane so the text keeps room; the marker goes last', (t) => {
	const name = '欧阳娜娜欧阳娜娜欧阳娜娜';
	const [item] = buildLogItems(
		stored({content: 'hi', time: local(1, 9, 0), sender: name, senderId: 'u-me'}),
		[],
		[],
	);
	t.deepEqual(render(item!), ['09:00 欧阳娜… (me)  hi']);
	const narrow = {...context, showTime: false};
	t.deepEqual(render(item!, 24, narrow), ['欧阳… (me)  hi']);
	t.deepEqual(render(item!, 24, {...narrow, labels: labelsFor('zh')}, 'zh'), ['欧阳… (我)  hi']);
	// Too narrow for the name and the marker: the name, as the colour says whose it is.
	t.deepEqual(render(item!, 18, narrow), ['欧阳娜…  hi']);
});
