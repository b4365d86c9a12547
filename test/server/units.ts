import test from 'ava';
import {HistoryBuffer} from '../../source/server/history-buffer.js';
import {quoteForLog} from '../../source/server/log-format.js';
import {Presence} from '../../source/server/presence.js';
import {RateLimiter} from '../../source/server/rate-limiter.js';
import {
	checkContent,
	checkTextPayload,
	checkUser,
	contentError,
} from '../../source/server/validation.js';

test('RateLimiter allows N per window and refills as the window slides', (t) => {
	let now = 1000;
	const limiter = new RateLimiter(3, 100, () => now);
	t.true(limiter.tryTake());
	now += 10;
	t.true(limiter.tryTake());
	t.true(limiter.tryTake());
	t.false(limiter.tryTake());
	now = 1099;
	t.false(limiter.tryTake(), 'the first is still inside the window');
	now = 1100;
	t.true(limiter.tryTake(), 'the first has slid out');
	t.false(limiter.tryTake());
	now = 1110;
	t.true(limiter.tryTake());
	t.true(limiter.tryTake());
	t.false(limiter.tryTake());
});

test('HistoryBuffer keeps the newest items in order', (t) => {
	const buffer = new HistoryBuffer<number>(3);
	t.deepEqual(buffer.slice(0, 10), []);
	for (let index = 1; index <= 5; index++) {
		buffer.push(index);
	}

	t.is(buffer.size, 3);
	t.deepEqual(buffer.slice(0, 3), [3, 4, 5]);
	t.deepEqual(buffer.slice(1, 2), [4]);
	t.deepEqual(buffer.slice(-5, 50), [3, 4, 5]);
	t.throws(() => new HistoryBuffer(0));
});

test('Presence: one entry per name of a userId, joins, renames and leaves', (t) => {
	const presence = new Presence();
	t.deepEqual(presence.join('s1', {userId: 'a', username: 'ann'}), {
		changed: true,
		notices: ['ann joined'],
	});
	t.deepEqual(presence.join('s2', {userId: 'a', username: 'ann'}), {
		changed: false,
		notices: [],
	});
	t.deepEqual(presence.join('s3', {userId: 'b', username: 'bo'}).notices, ['bo joined']);
	const list = presence.list();
	t.is(presence.list(), list, 'cached while nothing changes');
	t.deepEqual(list, [
		{userId: 'a', username: 'ann'},
		{userId: 'b', username: 'bo'},
	]);
	// s2 renames itself while s1 still holds "ann": ann stays, anna joins.
	t.deepEqual(presence.join('s2', {userId: 'a', username: 'anna'}).notices, ['anna joined']);
	t.deepEqual(presence.userOf('s1'), {userId: 'a', username: 'ann'});
	t.deepEqual(presence.userOf('s2'), {userId: 'a', username: 'anna'});
	t.is(presence.count, 3);
	t.deepEqual(presence.leave('s1'), {changed: true, notices: ['ann left']});
	// The last holder of a name renames: a rename, in place.
	t.deepEqual(presence.join('s2', {userId: 'a', username: 'ada'}).notices, [
		'anna is now known as ada',
	]);
	t.deepEqual(presence.list(), [
		{userId: 'b', username: 'bo'},
		{userId: 'a', username: 'ada'},
	]);
	t.deepEqual(presence.leave('s2'), {changed: true, notices: ['ada left']});
	t.deepEqual(presence.leave('s2'), {changed: false, notices: []});
	// A connection that switches to another userId leaves the old one.
	t.deepEqual(presence.join('s3', {userId: 'c', username: 'cy'}).notices, ['bo left', 'cy joined']);
	t.is(presence.count, 1);
	t.deepEqual(presence.list(), [{userId: 'c', username: 'cy'}]);
});

test('Presence: a second session of one account never renames the first', (t) => {
	const presence = new Presence();
	presence.join('tab', {userId: 'a', username: 'alicia'});
	t.deepEqual(presence.join('logger', {userId: 'a', username: 'logger'}), {
		changed: true,
		notices: ['logger joined'],
	});
	t.deepEqual(presence.userOf('tab'), {userId: 'a', username: 'alicia'});
	t.deepEqual(presence.leave('logger').notices, ['logger left']);
	t.deepEqual(presence.userOf('tab'), {userId: 'a', username: 'alicia'});
	t.deepEqual(presence.list(), [{userId: 'a', username: 'alicia'}]);
	// A rename onto a name another session holds merges into it.
	presence.join('logger', {userId: 'a', username: 'logger'});
	t.deepEqual(presence.join('tab', {userId: 'a', username: 'logger'}).notices, [
		'alicia is now known as logger',
	]);
	t.deepEqual(presence.list(), [{userId: 'a', username: 'logger'}]);
});

test('Presence speaks the words it is given', (t) => {
	const presence = new Presence({
		joined: (name) => `${name} 加入了聊天室`,
		left: (name) => `${name} 离开了聊天室`,
		renamed: (from, to) => `${from} 改名为 ${to}`,
	});
	t.deepEqual(presence.join('s', {userId: 'z', username: '张伟'}).notices, ['张伟 加入了聊天室']);
	t.deepEqual(presence.join('s', {userId: 'z', username: '伟'}).notices, ['张伟 改名为 伟']);
	t.deepEqual(presence.leave('s').notices, ['伟 离开了聊天室']);
});

test('validation rules', (t) => {
	t.true(checkContent('x').ok);
	t.false(checkContent('  ').ok);
	t.false(checkContent(undefined).ok);
	t.false(checkContent('x'.repeat(2001)).ok);
	t.true(checkContent('é'.repeat(2000)).ok);
	t.true(checkTextPayload({content: 'x'}).ok, 'type may be left out');
	t.false(checkTextPayload({content: 'x', type: 'system'}).ok);
	t.false(checkTextPayload('x').ok);
	t.true(checkUser({userId: 'i', username: 'n'}).ok);
	t.false(checkUser({userId: 'i'}).ok);
	t.false(checkUser({userId: 'i'.repeat(129), username: 'n'}).ok);
	t.false(checkUser({userId: 'i', username: 'n'.repeat(65)}).ok);
	t.false(checkUser(null).ok);
	const refused = checkUser({userId: 5, username: 'SECRET'});
	t.false(refused.ok);
	t.false(!refused.ok && refused.error.includes('SECRET'));
});

test('validation cleans names and content with the client sanitizer, keeping newline and tab', (t) => {
	t.deepEqual(checkContent('a\u001B[31mb\tc\u202Ed\r\ne\u0085f\u007Fg\u0099\u0007'), {
		ok: true,
		value: 'ab\tcd\ne\nfg',
	});
	t.deepEqual(checkContent('\u001B]52;c;aGk=\u0007\u001B[2J'), {
		ok: false,
		error: contentError,
		tooLong: false,
	});
	t.deepEqual(checkUser({userId: 'id\u001B[0m\n1', username: '\u202Eevil\tname\u0000'}), {
		ok: true,
		value: {userId: 'id 1', username: 'evil    name'},
	});
	t.false(checkUser({userId: 'i', username: '\u001B[1m\u200B'}).ok, 'blank once cleaned');
	const long = checkContent('x'.repeat(2001));
	t.true(!long.ok && long.tooLong);
});

test('quoteForLog escapes what could steer a terminal', (t) => {
	t.is(quoteForLog('plain'), '"plain"');
	t.is(quoteForLog(String.raw`a"b\c`), String.raw`"a\"b\\c"`);
	t.is(quoteForLog('\u001B[2J\u202E\u009B'), String.raw`"\u001b[2J\u202e\u009b"`);
	t.is(quoteForLog('x'.repeat(100)), `"${'x'.repeat(64)}…"`);
});
