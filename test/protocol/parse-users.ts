// parseCount, parseUser and parseUserList: the user count and the list of who is online.
import test from 'ava';
import {parseCount, parseUser, parseUserList} from '../../source/protocol/parse.js';
import {limits} from '../../source/protocol/types.js';
import {error, show, value} from '../helpers/parse-fixtures.js';
import {ESC, plain} from '../helpers/safe-text.js';

// ---- parseCount ----

for (const [input, expected] of [
	[0, 0],
	[3, 3],
	['3', 3],
	[' 12 ', 12],
	['007', 7],
] as const) {
	test(`parseCount accepts ${show(input)}`, (t) => {
		t.is(value(parseCount(input)), expected);
	});
}

for (const input of [
	-1,
	1.5,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	2 ** 60,
	'abc',
	'',
	'-3',
	'3.0',
	'1e3',
	'1'.repeat(16),
	null,
	undefined,
	{},
	[3],
	true,
]) {
	test(`parseCount rejects ${show(input)}`, (t) => {
		t.regex(error(parseCount(input)), /^expected a count, got /);
	});
}

// ---- parseUser and parseUserList ----

test('parseUser reads a user, falls back to the id for a missing name, rejects the rest', (t) => {
	t.deepEqual(value(parseUser({userId: 'u1', username: 'ann', extra: true})), {
		userId: 'u1',
		username: 'ann',
	});
	t.deepEqual(value(parseUser({userId: 7})), {userId: '7', username: '7'});
	t.deepEqual(value(parseUser({userId: 'u2', username: '   '})), {userId: 'u2', username: 'u2'});
	t.deepEqual(value(parseUser({userId: 'u3', username: 5})), {userId: 'u3', username: 'u3'});
	t.deepEqual(value(parseUser({userId: 'u4', username: `b${ESC}[5mob\u202E`})), {
		userId: 'u4',
		username: 'bob',
	});
	t.is(error(parseUser(null)), 'user: expected an object, got null');
	t.is(error(parseUser('ann')), 'user: expected an object, got a string');
	t.is(error(parseUser([])), 'user: expected an object, got an array');
	t.is(error(parseUser({username: 'ann'})), 'user: userId missing');
	t.is(error(parseUser({userId: '', username: 'ann'})), 'user: userId missing');
	t.is(error(parseUser({userId: null, username: 'ann'})), 'user: userId missing');
});

test('parseUserList drops malformed entries and counts them; exact duplicates keep the first', (t) => {
	const list = value(
		parseUserList([
			{userId: 'u1', username: 'ann'},
			null,
			42,
			'bob',
			{username: 'no id'},
			{userId: 'u2', username: 'bob'},
			{userId: 'u1', username: 'ann'},
			{userId: 'u1', username: 'ann at work'},
			[],
		]),
	);
	// One account in two sessions under two names is two entries.
	t.deepEqual(list.users, [
		{userId: 'u1', username: 'ann'},
		{userId: 'u2', username: 'bob'},
		{userId: 'u1', username: 'ann at work'},
	]);
	t.is(list.dropped, 5);
	t.deepEqual(value(parseUserList([])), {users: [], dropped: 0});
});

for (const [name, payload, expected] of [
	['a string', 'x', 'user list: expected an array, got a string'],
	['null', null, 'user list: expected an array, got null'],
	['an object', {users: []}, 'user list: expected an array, got an object'],
	['a number', 3, 'user list: expected an array, got a number'],
] as const) {
	test(`parseUserList rejects ${name}`, (t) => {
		t.is(error(parseUserList(payload)), expected);
	});
}

test('parseUserList cuts a list over limits.userListLength and counts the rest', (t) => {
	const over = 37;
	const payload = Array.from({length: limits.userListLength + over}, (_, index) => ({
		userId: `u${index}`,
		username: `user ${index}`,
	}));
	const list = value(parseUserList(payload));
	t.is(list.users.length, limits.userListLength);
	t.is(list.dropped, over);
	t.is(plain(list.users.at(-1)?.userId), `u${limits.userListLength - 1}`);
});
