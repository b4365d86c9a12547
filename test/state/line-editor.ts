import test from 'ava';
import {
	editLine,
	emptyLine,
	viewLine,
	type LineCommand,
	type LineState,
} from '../../source/state/line-editor.js';
import {graphemes, textWidth} from '../../source/state/wrap.js';
import {seededRandom} from '../helpers/random.js';

const thumbsUp = '👍🏽';
const family = '👨‍👩‍👧';
const combiningE = 'e\u0301';

/** Commands without a payload may be given by name. */
type Simple = Exclude<LineCommand, {readonly type: 'insert' | 'set'}>['type'];
function run(state: LineState, ...commands: Array<LineCommand | Simple>): LineState {
	let current = state;
	for (const each of commands) {
		const command: LineCommand = typeof each === 'string' ? {type: each} : each;
		current = editLine(current, command);
	}

	return current;
}

const typed = (text: string) => editLine(emptyLine, {type: 'insert', text});
const at = (value: string, cursor: number): LineState => ({value, cursor});

test('insert types at the cursor and moves it past the text', (t) => {
	t.deepEqual(typed('hello'), at('hello', 5));
	t.deepEqual(run(at('held', 3), {type: 'insert', text: 'l'}), at('helld', 4));
	t.deepEqual(run(at('ab', 0), {type: 'insert', text: '张伟'}), at('张伟ab', 2));
});

test('backspace removes one grapheme before the cursor, whatever its length', (t) => {
	t.deepEqual(run(typed(`a${thumbsUp}`), 'backspace'), at('a', 1));
	t.deepEqual(run(typed('你张'), 'backspace'), at('你', 1));
	t.deepEqual(run(typed(`x${family}`), 'backspace'), at('x', 1));
	t.deepEqual(run(typed(`x${combiningE}`), 'backspace'), at('x', 1));
	t.deepEqual(run(at('abc', 0), 'backspace'), at('abc', 0), 'nothing before the start');
	t.deepEqual(run(at(`a${thumbsUp}b`, 5), 'backspace'), at('ab', 1));
});

test('delete removes one grapheme after the cursor', (t) => {
	t.deepEqual(run(at(`${thumbsUp}z`, 0), 'delete'), at('z', 0));
	t.deepEqual(run(at('张伟', 0), 'delete'), at('伟', 0));
	t.deepEqual(run(at('ab', 2), 'delete'), at('ab', 2), 'nothing after the end');
});

test('left and right step over whole graphemes and stop at the ends', (t) => {
	const line = typed(`a${thumbsUp}${family}张`);
	const positions = [line.cursor];
	let state = line;
	for (let step = 0; step < 5; step++) {
		state = run(state, 'left');
		positions.push(state.cursor);
	}

	const ends = [0, 1, 1 + thumbsUp.length, 1 + thumbsUp.length + family.length];
	t.deepEqual(positions, [line.value.length, ...ends.slice(1).reverse(), 0, 0]);
	t.is(run(state, 'right').cursor, 1);
	t.is(run(state, 'right', 'right').cursor, 1 + thumbsUp.length);
	t.is(run(line, 'right').cursor, line.value.length);
});

test('home and end jump to the ends', (t) => {
	t.deepEqual(run(typed('hello'), 'home'), at('hello', 0));
	t.deepEqual(run(at('hello', 2), 'end'), at('hello', 5));
});

test('word-left and word-right move over a word and the spaces before or after it', (t) => {
	const line = typed('one two  three');
	t.is(run(line, 'word-left').cursor, 9);
	t.is(run(line, 'word-left', 'word-left').cursor, 4);
	t.is(run(line, 'word-left', 'word-left', 'word-left', 'word-left').cursor, 0);
	const home = run(line, 'home');
	t.is(run(home, 'word-right').cursor, 3);
	t.is(run(home, 'word-right', 'word-right').cursor, 7);
	t.is(run(home, 'word-right', 'word-right', 'word-right', 'word-right').cursor, 14);
	t.is(run(typed(`你好 ${thumbsUp}x`), 'word-left').cursor, 3, 'emoji words too');
});

test('delete-word-back removes the word before the cursor and the spaces after it', (t) => {
	t.deepEqual(run(typed('say hello  '), 'delete-word-back'), at('say ', 4));
	t.deepEqual(run(at('say hello there', 9), 'delete-word-back'), at('say  there', 4));
	t.deepEqual(run(typed(`hi 张伟${thumbsUp}`), 'delete-word-back'), at('hi ', 3));
	t.deepEqual(run(at('abc', 0), 'delete-word-back'), at('abc', 0));
});

test('kill-to-end keeps the text before the cursor', (t) => {
	t.deepEqual(run(at('hello world', 5), 'kill-to-end'), at('hello', 5));
	t.deepEqual(run(at('hello', 5), 'kill-to-end'), at('hello', 5));
});

test('clear empties the line and set replaces it with the cursor at the end', (t) => {
	t.deepEqual(run(typed('hello'), 'clear'), emptyLine);
	t.deepEqual(run(typed('hello'), {type: 'set', value: '张伟'}), at('张伟', 2));
});

test('viewLine shows the whole short line with the cursor on its grapheme', (t) => {
	t.deepEqual(viewLine(at('hello', 5), 20), {before: 'hello', atCursor: ' ', after: ''});
	t.deepEqual(viewLine(at(`a${thumbsUp}b`, 1), 20), {before: 'a', atCursor: thumbsUp, after: 'b'});
	t.deepEqual(viewLine(emptyLine, 5), {before: '', atCursor: ' ', after: ''});
});

test('viewLine scrolls a long line so the end stays in view', (t) => {
	const value = 'abcdefghijklmnopqrstuvwxyz';
	const view = viewLine(at(value, value.length), 10);
	t.is(view.atCursor, ' ');
	t.true(value.endsWith(view.before));
	t.true(textWidth(view.before) + 1 <= 10);
	t.true(view.before.length >= 5, 'a good part of the text before the cursor is shown');
	const home = viewLine(at(value, 0), 10);
	t.deepEqual(home, {before: '', atCursor: 'a', after: 'bcdefghij'});
});

test('property: the view fits the width, holds the cursor and is a slice of the line', (t) => {
	const alphabet = [...'abcdefgh', ' ', '张', '伟', thumbsUp, family, combiningE];
	for (let seed = 1; seed <= 300; seed++) {
		const random = seededRandom(seed);
		const parts = Array.from({length: random.int(50)}, () => random.pick(alphabet));
		const value = parts.join('');
		const count = graphemes(value).length;
		const index = random.int(count + 1);
		const cursor = graphemes(value).slice(0, index).join('').length;
		const width = 2 + random.int(30);
		const view = viewLine(at(value, cursor), width);
		const shown = view.before + view.atCursor + view.after;
		const label = `seed ${seed}: ${JSON.stringify(value)} at ${cursor}, width ${width}`;
		t.true(textWidth(shown) <= width, label);
		t.true(value.slice(0, cursor).endsWith(view.before), label);
		t.true(`${value.slice(cursor)} `.startsWith(view.atCursor + view.after), label);
		t.is(view.atCursor, graphemes(value)[index] ?? ' ', label);
		// When everything fits, everything is shown.
		if (textWidth(value) + 1 <= width) {
			t.is(
				view.before + view.after,
				value.slice(0, cursor) + value.slice(cursor + view.atCursor.length),
				label,
			);
		}
	}
});
