import test from 'ava';
import {render} from 'ink-testing-library';
import {HelpOverlay, helpMaxScroll} from '../../source/components/help-overlay.js';
import {LogFooter, showsFooter} from '../../source/components/log-footer.js';
import {labelsFor} from '../../source/look/i18n.js';
import {helpLines} from '../../source/components/help-lines.js';
import {textWidth} from '../../source/state/wrap.js';
import {frameLines} from '../helpers/frames.js';

const labels = labelsFor('en');
const footer = (props: Partial<Parameters<typeof LogFooter>[0]>) => {
	const {lastFrame, unmount} = render(
		<LogFooter following width={60} labels={labels} focused={false} newCount={0} {...props} />,
	);
	const frame = lastFrame()!;
	unmount();
	return frame.trimEnd();
};

test('scrolled up: "N new ↓ (End)" on the right, or "more below" when nothing is new', (t) => {
	t.is(footer({following: false, newCount: 3}), `${' '.repeat(47)}3 new ↓ (End)`);
	t.regex(footer({following: false}), / {2}↓ more below \(End\)$/);
	t.is(footer({}), '', 'at the bottom, nothing');
});

test('the focused log is marked, and the search says where it stands', (t) => {
	t.regex(footer({focused: true}), /^▸ log$/);
	t.regex(
		footer({search: {query: 'cat', at: 2, total: 5}}),
		/search "cat": 2\/5 · n older · N newer/,
	);
	t.regex(footer({search: {query: 'dog', at: 0, total: 0}}), /no match for "dog"/);
	const both = footer({
		focused: true,
		following: false,
		newCount: 1,
		search: {query: 'x', at: 1, total: 1},
	});
	t.true(both.startsWith('▸ log'));
	t.true(both.endsWith('1 new ↓ (End)'));
	t.true(textWidth(both) <= 60);
});

test('the footer line is there when it has something to say', (t) => {
	t.false(showsFooter({focused: false, following: true, searching: false}));
	t.true(showsFooter({focused: true, following: true, searching: false}));
	t.true(showsFooter({focused: false, following: false, searching: false}));
	t.true(showsFooter({focused: false, following: true, searching: true}));
});

test('the help overlay shows the table from the top and scrolls', (t) => {
	const {lastFrame, rerender, unmount} = render(
		<HelpOverlay width={70} height={12} scroll={0} labels={labels} />,
	);
	const top = frameLines(lastFrame()!);
	t.is(top.length, 12);
	t.regex(top[1]!, /Keys and commands .*Esc closes ↓/);
	t.regex(top[2]!, /│ Always/);
	t.regex(top[3]!, /│ Ctrl-C +quit/);
	const max = helpMaxScroll(12);
	t.is(max, helpLines().length - 9);
	rerender(<HelpOverlay width={70} height={12} scroll={max} labels={labels} />);
	const bottom = frameLines(lastFrame()!);
	t.regex(bottom[10]!, /│ \/\/text +send "\/text" as a message/);
	t.notRegex(bottom[1]!, /closes ↓/, 'nothing more below');
	unmount();
});
