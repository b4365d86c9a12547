import test from 'ava';
import {render} from 'ink-testing-library';
import {defaultDisplay} from '../../source/look/display.js';
import {MessageLog} from '../../source/components/message-log.js';
import {useLogWindow} from '../../source/hooks/use-log-window.js';
import {labelsFor} from '../../source/look/i18n.js';
import {buildLogItems, type FormatContext, type LogItem} from '../../source/state/log-lines.js';
import {bottomView, scrollView} from '../../source/state/log-window.js';
import {addLive, emptyTimeline} from '../../source/client/timeline.js';
import {textWidth} from '../../source/state/wrap.js';
import {frameLines, waitForFrame} from '../helpers/frames.js';
import {message, type MessageFields} from '../helpers/messages.js';

const context: FormatContext = {
	userId: 'u-me',
	username: 'me',
	labels: labelsFor('en'),
	showTime: false,
	...defaultDisplay,
};

const itemsOf = (...fields: MessageFields[]): LogItem[] =>
	buildLogItems(
		addLive(
			emptyTimeline,
			fields.map((each) => message(each)),
		).timeline.messages,
		[],
		[],
	);
const numbered = (count: number) =>
	itemsOf(...Array.from({length: count}, (_, n) => ({content: `message ${n}`, at: n * 1000})));

type Props = {
	readonly items: readonly LogItem[];
	readonly height: number;
	readonly width?: number;
	readonly scrollOffset?: number;
	readonly banner?: string;
};
/** The log as the chat screen draws it: windowed by the view, `scrollOffset` lines up. */
function Log({items, height, width = 30, scrollOffset = 0, banner}: Props) {
	const bodyHeight = banner ? height - 1 : height;
	const {layout} = useLogWindow({
		items,
		width,
		height: bodyHeight,
		context,
		lang: 'en',
		view: bottomView,
		endIsLive: true,
	});
	const view = scrollView(bottomView, layout, -scrollOffset);
	const {lines} = useLogWindow({
		items,
		width,
		height: bodyHeight,
		context,
		lang: 'en',
		view,
		endIsLive: true,
	});
	return <MessageLog lines={lines} width={width} height={height} banner={banner} />;
}

test('the newest lines fill the pane from the bottom', (t) => {
	const {lastFrame, unmount} = render(<Log items={numbered(10)} height={4} />);
	t.deepEqual(frameLines(lastFrame()!), [
		'       alice  message 6',
		'       alice  message 7',
		'       alice  message 8',
		'       alice  message 9',
	]);
	unmount();
});

test('a short log sits at the bottom of the fixed-height pane', (t) => {
	const {lastFrame, unmount} = render(<Log items={numbered(2)} height={5} />);
	t.deepEqual(frameLines(lastFrame()!), [
		'',
		'',
		'',
		'       alice  message 0',
		'       alice  message 1',
	]);
	unmount();
});

test('a new message appears at the bottom and pushes the oldest line out', async (t) => {
	const {lastFrame, rerender, unmount} = render(<Log items={numbered(5)} height={3} />);
	t.deepEqual(frameLines(lastFrame()!), [
		'       alice  message 2',
		'       alice  message 3',
		'       alice  message 4',
	]);
	rerender(<Log items={numbered(6)} height={3} />);
	const frame = await waitForFrame(lastFrame, (current) => current.includes('message 5'));
	t.deepEqual(frameLines(frame), [
		'       alice  message 3',
		'       alice  message 4',
		'       alice  message 5',
	]);
	unmount();
});

test('a scroll offset shows lines further up', (t) => {
	const {lastFrame, unmount} = render(<Log items={numbered(10)} height={3} scrollOffset={4} />);
	t.deepEqual(frameLines(lastFrame()!), [
		'       alice  message 3',
		'       alice  message 4',
		'       alice  message 5',
	]);
	unmount();
});

test('long text wraps within the width, continuation lines indented to the text column', (t) => {
	const items = itemsOf(
		{content: 'before', at: 0},
		{content: 'the quick brown fox jumps over the lazy dog', at: 1},
	);
	const {lastFrame, unmount} = render(<Log items={items} height={5} width={24} />);
	const lines = frameLines(lastFrame()!);
	t.deepEqual(lines, [
		'     alice  before',
		'     alice  the quick',
		'            brown fox',
		'            jumps over',
		'            the lazy dog',
	]);
	for (const line of lines) {
		t.true(textWidth(line) <= 24, `${line}`);
	}

	unmount();
});

test('CJK text wraps by cells', (t) => {
	const items = itemsOf({content: '我们今天去公园散步然后回家吃饭', sender: '张伟', at: 0});
	const {lastFrame, unmount} = render(<Log items={items} height={3} width={20} />);
	const lines = frameLines(lastFrame()!);
	t.is(lines.join('').replaceAll(' ', '').replace('张伟', ''), '我们今天去公园散步然后回家吃饭');
	for (const line of lines) {
		t.true(textWidth(line) <= 20, `${line}`);
	}

	t.true(lines[0]!.startsWith('    张伟  我们'), 'the name right-aligned in its column');
	t.true(lines[1]!.startsWith(' '.repeat(10)), 'continuation lines start under the text');
	unmount();
});

test('the banner takes the top line and the log keeps the rest', (t) => {
	const {lastFrame, unmount} = render(
		<Log items={numbered(10)} height={4} banner="loading history…" />,
	);
	t.deepEqual(frameLines(lastFrame()!), [
		'loading history…',
		'       alice  message 7',
		'       alice  message 8',
		'       alice  message 9',
	]);
	unmount();
});

test('the banner shows over an empty log', (t) => {
	const {lastFrame, unmount} = render(
		<Log items={[]} height={3} banner="could not load history" />,
	);
	t.deepEqual(frameLines(lastFrame()!), ['could not load history', '', '']);
	unmount();
});
