import test from 'ava';
import {
	emptyHistory,
	recordLine,
	walkHistory,
	type InputHistory,
} from '../../source/state/input-history.js';

const sent = (...lines: string[]) => {
	let history = emptyHistory;
	for (const line of lines) {
		history = recordLine(history, line);
	}

	return history;
};

/** Walk the steps from the typed line `current`; the lines shown after each step. */
function walk(history: InputHistory, current: string, ...steps: Array<'previous' | 'next'>) {
	let state = history;
	let line = current;
	const shown: string[] = [];
	for (const step of steps) {
		const result = walkHistory(state, step, line);
		if (result) {
			state = result.history;
			line = result.line;
		}

		shown.push(line);
	}

	return shown;
}

test('↑ walks back through the lines sent, newest first, and stops at the oldest', (t) => {
	t.deepEqual(
		walk(sent('one', 'two', 'three'), '', 'previous', 'previous', 'previous', 'previous'),
		['three', 'two', 'one', 'one'],
	);
});

test('↓ walks forward and brings back the draft that was being typed', (t) => {
	t.deepEqual(
		walk(sent('one', 'two'), 'half a thou', 'previous', 'previous', 'next', 'next', 'next'),
		['two', 'one', 'two', 'half a thou', 'half a thou'],
	);
});

test('with nothing sent, ↑ and ↓ change nothing', (t) => {
	t.is(walkHistory(emptyHistory, 'previous', 'typed'), undefined);
	t.is(walkHistory(emptyHistory, 'next', 'typed'), undefined);
});

test('a line sent twice in a row is kept once; blank lines are not kept', (t) => {
	t.deepEqual(sent('a', 'a', '  ', 'b', 'a').entries, ['a', 'b', 'a']);
});

test('sending leaves the walk: ↑ starts again from the newest', (t) => {
	let history = sent('one', 'two');
	history = walkHistory(history, 'previous', '')!.history;
	history = recordLine(history, 'three');
	t.deepEqual(walk(history, '', 'previous'), ['three']);
});
