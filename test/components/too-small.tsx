import test from 'ava';
import {render} from 'ink-testing-library';
import {
	isTooSmall,
	minimumSize,
	TooSmall,
	tooSmallLines,
} from '../../source/components/too-small.js';
import {textWidth} from '../../source/state/wrap.js';
import {labelsFor} from '../../source/look/i18n.js';
import {frameLines} from '../helpers/frames.js';

test('says the terminal is too small, its size and the minimum', (t) => {
	const {lastFrame, unmount} = render(
		<TooSmall columns={30} rows={8} height={7} labels={labelsFor('en')} />,
	);
	const lines = frameLines(lastFrame()!);
	t.deepEqual(lines.slice(0, 2), ['Terminal too small', '30×8: needs at least 40×10']);
	t.is(lines.length, 7, 'it fills the height it is given');
	unmount();
});

test('in Chinese', (t) => {
	const {lastFrame, unmount} = render(
		<TooSmall columns={39} rows={20} height={19} labels={labelsFor('zh')} />,
	);
	t.deepEqual(frameLines(lastFrame()!).slice(0, 2), ['终端窗口太小', '39×20: 至少需要 40×10']);
	unmount();
});

test('from 20×5 up, the notice fits and shows the size needed, in both languages', (t) => {
	for (const lang of ['en', 'zh'] as const) {
		for (let columns = 20; columns < 45; columns++) {
			for (let rows = 5; rows < 12; rows++) {
				if (!isTooSmall(columns, rows)) {
					continue;
				}

				const {lastFrame, unmount} = render(
					<TooSmall columns={columns} rows={rows} height={rows} labels={labelsFor(lang)} />,
				);
				const lines = frameLines(lastFrame()!);
				const where = `${lang} ${columns}×${rows}: ${JSON.stringify(lines)}`;
				t.true(lines.length <= rows, where);
				t.true(
					lines.every((line) => textWidth(line) <= columns),
					where,
				);
				t.true(lines.join('\n').includes('40×10'), where);
				t.false(lines.join('').includes('…'), where);
				unmount();
			}
		}
	}
});

test('at 20×5 the notice wraps: title, size needed, size it is', (t) => {
	const {lastFrame, unmount} = render(
		<TooSmall columns={20} rows={5} height={5} labels={labelsFor('en')} />,
	);
	t.deepEqual(frameLines(lastFrame()!).slice(0, 3), [
		'Terminal too small',
		'needs at least 40×10',
		'20×5',
	]);
	unmount();
});

test('with fewer rows still, the size needed stays', (t) => {
	const lines = tooSmallLines({columns: 12, rows: 2, height: 2}, labelsFor('en'));
	t.deepEqual(lines, {title: [], body: ['needs at', 'least 40×10']});
});

test('isTooSmall is below 40 columns or 10 rows', (t) => {
	t.deepEqual(minimumSize, {columns: 40, rows: 10});
	t.false(isTooSmall(40, 10));
	t.true(isTooSmall(39, 10));
	t.true(isTooSmall(40, 9));
	t.false(isTooSmall(200, 60));
});
