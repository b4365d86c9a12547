import test from 'ava';
import {render} from 'ink-testing-library';
import {isTooSmall, minimumSize, TooSmall} from '../../source/components/too-small.js';
import {labelsFor} from '../../source/i18n.js';
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

test('in a very narrow terminal the notice is cut, not wrapped', (t) => {
	const {lastFrame, unmount} = render(
		<TooSmall columns={12} rows={3} height={2} labels={labelsFor('en')} />,
	);
	const lines = frameLines(lastFrame()!);
	t.is(lines.length, 2);
	t.is(lines[0], 'Terminal to…');
	t.true(lines[1]!.startsWith('12×3:'));
	unmount();
});

test('isTooSmall is below 40 columns or 10 rows', (t) => {
	t.deepEqual(minimumSize, {columns: 40, rows: 10});
	t.false(isTooSmall(40, 10));
	t.true(isTooSmall(39, 10));
	t.true(isTooSmall(40, 9));
	t.false(isTooSmall(200, 60));
});
