import test from 'ava';
import {createKeyDecoder, focusReport, type Key, type KeyName} from '../../source/keys/decode.js';

const esc = '\u001B';
const pasteStart = `${esc}[200~`;
const pasteEnd = `${esc}[201~`;

/** Feed events to a fresh decoder, as Ink hands them over, and collect every key. */
const decode = (...events: string[]) => {
	const decoder = createKeyDecoder();
	return events.flatMap((event) => decoder.push(event));
};

const key = (name: KeyName): Key => ({kind: 'key', name});
const text = (value: string): Key => ({kind: 'text', text: value});

const sequences: Array<[string, KeyName]> = [
	[`${esc}[A`, 'up'],
	[`${esc}[B`, 'down'],
	[`${esc}[C`, 'right'],
	[`${esc}[D`, 'left'],
	[`${esc}OA`, 'up'],
	[`${esc}OD`, 'left'],
	[`${esc}[5~`, 'page-up'],
	[`${esc}[6~`, 'page-down'],
	[`${esc}[H`, 'home'],
	[`${esc}[F`, 'end'],
	[`${esc}OH`, 'home'],
	[`${esc}OF`, 'end'],
	[`${esc}[1~`, 'home'],
	[`${esc}[4~`, 'end'],
	[`${esc}[7~`, 'home'],
	[`${esc}[8~`, 'end'],
	[`${esc}[3~`, 'delete'],
	[`${esc}OP`, 'f1'],
	[`${esc}[11~`, 'f1'],
	[`${esc}[[A`, 'f1'],
	[`${esc}OQ`, 'f2'],
	[`${esc}[12~`, 'f2'],
	[`${esc}[1;5A`, 'ctrl-up'],
	[`${esc}[1;5B`, 'ctrl-down'],
	[`${esc}[1;5C`, 'ctrl-right'],
	[`${esc}[1;5D`, 'ctrl-left'],
	[`${esc}Oa`, 'ctrl-up'],
	[`${esc}[Z`, 'shift-tab'],
	[esc, 'escape'],
	[`${esc}${esc}`, 'escape'],
];

for (const [sequence, name] of sequences) {
	test(`${JSON.stringify(sequence)} is ${name}`, (t) => {
		t.deepEqual(decode(sequence), [key(name)]);
	});
}

test('control characters are named keys', (t) => {
	t.deepEqual(decode('\r'), [key('enter')]);
	t.deepEqual(decode('\n'), [key('enter')]);
	t.deepEqual(decode('\t'), [key('tab')]);
	t.deepEqual(decode('\u007F'), [key('backspace')]);
	t.deepEqual(decode('\b'), [key('backspace')]);
	t.deepEqual(decode('\u0000'), [key('ctrl-space')]);
	t.deepEqual(decode('\u0001'), [key('ctrl-a')]);
	t.deepEqual(decode('\u0003'), [key('ctrl-c')]);
	t.deepEqual(decode('\u0004'), [key('ctrl-d')]);
	t.deepEqual(decode('\u0014'), [key('ctrl-t')]);
	t.deepEqual(decode('\u0017'), [key('ctrl-w')]);
	t.deepEqual(decode('\u001A'), [key('ctrl-z')]);
});

test('plain text is one text key, multi-byte characters included', (t) => {
	t.deepEqual(decode('hello 张伟 👍🏽'), [text('hello 张伟 👍🏽')]);
});

test('a text run is split around Enter and other control characters', (t) => {
	t.deepEqual(decode('hi\rthere\r'), [text('hi'), key('enter'), text('there'), key('enter')]);
	t.deepEqual(decode('\rab\u0017c'), [key('enter'), text('ab'), key('ctrl-w'), text('c')]);
});

test('Alt-x arrives as ESC x and is named alt-x', (t) => {
	t.deepEqual(decode(`${esc}b`), [key('alt-b')]);
	t.deepEqual(decode(`${esc}.`), [key('alt-.')]);
});

test('unknown escape sequences are dropped, never typed as text', (t) => {
	for (const sequence of [
		`${esc}[99~`,
		`${esc}[1;3A`,
		`${esc}[?1049h`,
		`${esc}OZ`,
		`${esc}\u0001`,
		// Late answers to the start-up probe (render/probe.ts): a position report, a mode report.
		`${esc}[12;5R`,
		`${esc}[?2027;2$y`,
	]) {
		t.deepEqual(decode(sequence), [], `${JSON.stringify(sequence)}`);
	}

	t.deepEqual(decode('a', `${esc}[1;7Q`, 'b'), [text('a'), text('b')]);
});

test('a bracketed paste in one event is one paste key, its line breaks as newlines', (t) => {
	t.deepEqual(decode(`${pasteStart}line one\rline two\r\nthree\n${pasteEnd}`), [
		{kind: 'paste', text: 'line one\nline two\nthree\n'},
	]);
});

test('a bracketed paste split across events is still one paste key', (t) => {
	// Ink's input parser hands the markers over as events of their own.
	t.deepEqual(decode(pasteStart, 'first\n', 'sec', 'ond', pasteEnd), [
		{kind: 'paste', text: 'first\nsecond'},
	]);
	t.deepEqual(decode(`${pasteStart}ab`, `cd${pasteEnd}`), [{kind: 'paste', text: 'abcd'}]);
});

test('keys inside a paste are not pressed, and their escape sequences are not pasted', (t) => {
	t.deepEqual(decode(pasteStart, 'a', `${esc}[A`, '\u0003b', `${esc}]0;title\u0007`, pasteEnd), [
		{kind: 'paste', text: 'ab'},
	]);
	t.deepEqual(decode(`${pasteStart}x\ty${pasteEnd}`), [{kind: 'paste', text: 'x    y'}]);
});

test('keys after the paste end are decoded as usual', (t) => {
	t.deepEqual(decode(pasteStart, 'x', `${pasteEnd}y\r`, `${esc}[A`), [
		{kind: 'paste', text: 'x'},
		text('y'),
		key('enter'),
		key('up'),
	]);
	t.deepEqual(decode(pasteStart, pasteEnd), [{kind: 'paste', text: ''}]);
});

test('an empty event gives no keys', (t) => {
	t.deepEqual(decode(''), []);
});

test('focus reports (CSI I, CSI O) are read as focus, never typed or pressed', (t) => {
	t.is(focusReport(`${esc}[I`), true);
	t.is(focusReport(`${esc}[O`), false);
	t.is(focusReport('I'), undefined);
	t.is(focusReport(`${esc}[A`), undefined);
	t.deepEqual(decode(`${esc}[O`, 'hi', `${esc}[I`), [text('hi')]);
});

test('a focus report in the middle of a paste is not pasted', (t) => {
	t.deepEqual(decode(pasteStart, 'one ', `${esc}[O`, `${esc}[I`, 'two', pasteEnd), [
		{kind: 'paste', text: 'one two'},
	]);
});
