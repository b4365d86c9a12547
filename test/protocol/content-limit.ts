// The length check of outgoing lines: counted as the reference server counts, refused over it.
import test from 'ava';
import {formatCount, labelsFor, tooLongText} from '../../source/look/i18n.js';
import {
	characterCount,
	defaultMaxLength,
	MessageTooLongError,
	overLimit,
} from '../../source/protocol/content-limit.js';
import {checkContent, maxContentLength} from '../../source/server/validation.js';
import {parseLine as parseInput} from '../../source/actions/slash-commands.js';
import {meLine, outgoingText} from '../../source/state/commands.js';

test('the default limit is the reference server’s', (t) => {
	t.is(defaultMaxLength, maxContentLength);
	t.is(defaultMaxLength, 2000);
});

test('characters are code points: an emoji or 𠀀 is one, a lone surrogate is one', (t) => {
	for (const text of ['', 'abc', '张伟', '👍', '👍🏽', '𠀀𠀁', 'a\uD83Db', '\uDC00x', 'é']) {
		t.is(characterCount(text), [...text].length, `${JSON.stringify(text)}`);
	}

	t.is(characterCount('😀'.repeat(2000)), 2000);
	t.is('😀'.repeat(2000).length, 4000, 'twice as many UTF-16 units');
});

test('the client refuses exactly what chat-tui serve refuses, at the edge and past it', (t) => {
	const lines = [
		'a'.repeat(1999),
		'a'.repeat(2000),
		'a'.repeat(2001),
		'😀'.repeat(2000),
		'😀'.repeat(2001),
		`${'𠀀'.repeat(1999)}ab`,
		`${'张'.repeat(2000)}`,
		` ${'a'.repeat(1999)} `,
		'a\n'.repeat(1000),
		'a\n'.repeat(1001),
	];
	for (const line of lines) {
		const serverRefuses = !checkContent(line).ok;
		const clientRefuses = overLimit(line, 2000) !== undefined;
		t.is(clientRefuses, serverRefuses, `${line.slice(0, 8)}… (${line.length} units)`);
	}
});

test('the counts are of the line as it goes out: cleaned, spaces kept, a tab as four spaces', (t) => {
	t.deepEqual(overLimit('x'.repeat(2345), 2000), {length: 2345, max: 2000});
	t.is(overLimit('x'.repeat(2000), 2000), undefined);
	// Escape sequences are removed before sending, so they do not count.
	t.is(overLimit(`\u001B[31m${'x'.repeat(2000)}\u001B[0m`, 2000), undefined);
	// Posted as it is (send, broadcast), they do.
	t.deepEqual(overLimit(`\u001B[31m${'x'.repeat(2000)}`, 2000, false), {length: 2005, max: 2000});
	// A tab goes out as four spaces.
	t.deepEqual(overLimit(`${'x'.repeat(1997)}\t`, 2000), {length: 2001, max: 2000});
	t.is(overLimit(`${'x'.repeat(1996)}\t`, 2000), undefined);
	// Leading and trailing spaces are sent, and counted.
	t.deepEqual(overLimit(`  ${'x'.repeat(1999)}`, 2000), {length: 2001, max: 2000});
	t.deepEqual(overLimit('x'.repeat(11), 10), {length: 11, max: 10});
});

test('what a line sends: a message, /me’s line, /broadcast’s text; other commands send nothing', (t) => {
	t.is(outgoingText(parseInput('hello')), 'hello');
	t.is(outgoingText(parseInput('//slash')), '/slash');
	t.is(outgoingText(parseInput('/me waves')), meLine('waves'));
	t.is(outgoingText(parseInput('/me waves')), '/me waves');
	t.is(outgoingText(parseInput('/broadcast  up at 5 ')), 'up at 5');
	t.is(outgoingText(parseInput(`/search ${'x'.repeat(3000)}`)), undefined);
	t.is(outgoingText(parseInput('/nope')), undefined);
	t.is(outgoingText(parseInput('   ')), undefined);
});

test('the notice says "too long" and both counts, with thousands separators, in both languages', (t) => {
	const tooLong = {length: 2345, max: 2000};
	t.is(
		tooLongText(labelsFor('en').tooLong, tooLong, 'en'),
		'too long: 2,345 of 2,000 characters; not sent',
	);
	t.is(
		tooLongText(labelsFor('zh').tooLong, tooLong, 'zh'),
		'消息过长：2,345 个字符，最多 2,000 个；未发送',
	);
	t.is(
		tooLongText(labelsFor('en').lineTooLong, tooLong, 'en', {line: formatCount(12_345, 'en')}),
		'line 12,345 is too long (2,345 of 2,000 characters); not sent',
	);
	t.is(
		tooLongText(labelsFor('zh').lineTooLong, tooLong, 'zh', {line: formatCount(3, 'zh')}),
		'第 3 行过长（2,345 个字符，最多 2,000 个）；未发送',
	);
	t.is(formatCount(999, 'en'), '999');
	t.is(formatCount(1_000_000, 'zh'), '1,000,000');
});

test('MessageTooLongError is a RangeError with the counts', (t) => {
	const error = new MessageTooLongError('too long', {length: 2345, max: 2000});
	t.true(error instanceof RangeError);
	t.is(error.name, 'MessageTooLongError');
	t.is(error.characters, 2345);
	t.is(error.max, 2000);
});
