import test from 'ava';
import {render} from 'ink-testing-library';
import {cursorColumn, InputLine} from '../../source/components/input-line.js';
import {labelsFor} from '../../source/look/i18n.js';
import {editLine, emptyLine, type LineState} from '../../source/state/line-editor.js';
import {textWidth} from '../../source/state/wrap.js';
import {forceColor} from '../helpers/force-color.js';
import {waitForFrame} from '../helpers/frames.js';

// Colours on for this file (its own process): no cell stands in for the cursor, inverse.
forceColor();
const sgr = /\u001B\[[\d;]*m/g;
const plain = (frame: string) => frame.replaceAll(sgr, '');
const inverse = (frame: string) => frame.includes('\u001B[7m');
/**
 * The text left of the terminal's cursor, which Ink's useCursor places (the end-to-end tests see it
 * in a real terminal): the frame's plain text up to the column the line asks for.
 */
function beforeCursor(frame: string, props: Parameters<typeof cursorColumn>[0]): string {
	const cells: string[] = [];
	for (const char of plain(frame)) {
		cells.push(char, ...(textWidth(char) > 1 ? [''] : []));
	}

	return cells.slice(0, cursorColumn(props)).join('');
}

const typed = (text: string): LineState => editLine(emptyLine, {type: 'insert', text});
const {placeholder} = labelsFor('en');

test('the prompt, the text, and the cursor after it', (t) => {
	const {lastFrame, unmount} = render(<InputLine line={typed('hello')} width={30} />);
	const frame = lastFrame()!;
	t.is(plain(frame).trimEnd(), '> hello');
	t.false(inverse(frame));
	t.is(beforeCursor(frame, {line: typed('hello'), width: 30}), '> hello');
	unmount();
});

test('the cursor sits on the character it is before', async (t) => {
	const line = editLine(typed('hello'), {type: 'home'});
	const {lastFrame, rerender, unmount} = render(<InputLine line={line} width={30} />);
	t.is(beforeCursor(lastFrame()!, {line, width: 30}), '> ');
	const cjk = {value: '张伟好', cursor: 1};
	rerender(<InputLine line={cjk} width={30} />);
	const frame = await waitForFrame(lastFrame, (current) => plain(current).includes('张伟好'));
	t.is(plain(frame).trimEnd(), '> 张伟好');
	t.is(cursorColumn({line: cjk, width: 30}), 4);
	t.is(beforeCursor(frame, {line: cjk, width: 30}), '> 张');
	unmount();
});

test('an empty line shows the placeholder, the cursor on its first character', (t) => {
	const {lastFrame, unmount} = render(
		<InputLine line={emptyLine} width={60} placeholder={placeholder} />,
	);
	const frame = lastFrame()!;
	t.is(plain(frame).trimEnd(), `> ${placeholder}`);
	t.false(inverse(frame));
	t.is(cursorColumn({line: emptyLine, width: 60, placeholder}), 2);
	unmount();
});

test('the placeholder goes as soon as there is text', async (t) => {
	const {lastFrame, rerender, unmount} = render(
		<InputLine line={emptyLine} width={60} placeholder={placeholder} />,
	);
	t.true(plain(lastFrame()!).includes(placeholder));
	rerender(<InputLine line={typed('x')} width={60} placeholder={placeholder} />);
	const frame = await waitForFrame(lastFrame, (current) => plain(current).includes('> x'));
	t.false(plain(frame).includes(placeholder));
	unmount();
});

test('a long placeholder is cut to the width, in cells', (t) => {
	for (const lang of ['en', 'zh'] as const) {
		const text = labelsFor(lang).placeholder;
		const {lastFrame, unmount} = render(
			<InputLine line={emptyLine} width={15} placeholder={text} />,
		);
		const shown = plain(lastFrame()!).trimEnd();
		t.true(textWidth(shown) <= 15, `${lang}: ${shown}`);
		t.true(shown.startsWith(`> ${text.slice(0, 3)}`), `${lang}: ${shown}`);
		unmount();
	}
});

test('without focus the cursor is not drawn', (t) => {
	const {lastFrame, unmount} = render(<InputLine line={typed('hi')} width={30} focused={false} />);
	t.false(inverse(lastFrame()!));
	t.is(plain(lastFrame()!).trimEnd(), '> hi');
	unmount();
});

test('a long line scrolls so its end and the cursor stay in view', (t) => {
	const value = 'the quick brown fox jumps over the lazy dog';
	const {lastFrame, unmount} = render(<InputLine line={typed(value)} width={20} />);
	const frame = lastFrame()!;
	const shown = plain(frame).trimEnd();
	t.true(textWidth(plain(frame)) <= 20, `${shown}`);
	t.true(shown.startsWith('> '));
	t.true(value.endsWith(shown.slice(2)), `${shown}`);
	t.true(shown.endsWith('lazy dog'), `${shown}`);
	t.false(shown.includes('the quick'));
	t.is(beforeCursor(frame, {line: typed(value), width: 20}), shown);
	unmount();
});

test('at the start of a long line the beginning shows', (t) => {
	const value = 'the quick brown fox jumps over the lazy dog';
	const line = editLine(typed(value), {type: 'home'});
	const {lastFrame, unmount} = render(<InputLine line={line} width={20} />);
	const shown = plain(lastFrame()!).trimEnd();
	t.is(shown, '> the quick brown fo');
	t.is(cursorColumn({line, width: 20}), 2);
	unmount();
});

test('long CJK text scrolls by cells and stays within the width', (t) => {
	const value = '我们今天去公园散步然后回家吃饭';
	const {lastFrame, unmount} = render(<InputLine line={typed(value)} width={16} />);
	const shown = plain(lastFrame()!).trimEnd();
	t.true(textWidth(plain(lastFrame()!)) <= 16, `${shown}`);
	t.true(shown.endsWith('回家吃饭'), `${shown}`);
	unmount();
});
