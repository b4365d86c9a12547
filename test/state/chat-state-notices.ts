// The chat reducer's notices, clearing the log, and renaming.
import test from 'ava';
import {chatReducer} from '../../source/state/chat-state.js';
import {live, queue, start} from '../helpers/chat-state-fixtures.js';
import {message, safe} from '../helpers/messages.js';
import {reduce} from '../helpers/reduce.js';

test('renamed changes the username and keeps the user id', (t) => {
	const state = chatReducer(start(), {type: 'renamed', username: 'new-name'});
	t.deepEqual(state.me, {userId: 'u-me', username: 'new-name'});
});

test('notices are kept in order, capped at 200, and an error becomes lastError', (t) => {
	let state = start();
	for (let n = 1; n <= 205; n++) {
		state = chatReducer(state, {type: 'notice', level: 'info', text: safe(`n${n}`), now: n});
	}

	t.is(state.notices.length, 200);
	t.is(state.notices[0]!.text, safe('n6'));
	t.is(state.notices.at(-1)!.text, safe('n205'));
	t.is(state.lastError, undefined);
	const failed = chatReducer(state, {type: 'notice', level: 'error', text: safe('boom'), now: 300});
	t.is(failed.lastError, safe('boom'));
	t.is(failed.notices.length, 200);
	t.is(failed.notices.at(-1)!.level, 'error');
	// Notice ids come from the same counter as pending lines: never equal.
	const mixed = reduce(start(), queue('a'), {
		type: 'notice',
		level: 'info',
		text: safe('b'),
		now: 2,
	});
	t.not(mixed.notices[0]!.id, mixed.pending[0]!.localId);
});

test('cleared hides messages that arrived before it, drops notices and the error', (t) => {
	const before = reduce(
		start(),
		live(message({content: 'old', at: 1})),
		{type: 'notice', level: 'error', text: safe('bad'), now: 1},
		{type: 'cleared'},
	);
	t.is(before.clearedBefore, before.nextSeq);
	t.deepEqual(before.notices, []);
	t.is(before.lastError, undefined);
	const after = chatReducer(before, live(message({content: 'new', at: 2})));
	const shown = after.messages.filter((each) => each.seq >= after.clearedBefore);
	t.deepEqual(
		shown.map((each) => each.content),
		['new'],
	);
});
