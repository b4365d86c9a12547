import test from 'ava';
import {
	highlightLines,
	highlightText,
	mentionPattern,
	mentions,
	searchPattern,
} from '../../source/state/highlight.js';

test('a mention is the name as a whole word or after @, in any case', (t) => {
	for (const text of ['bob', 'hi bob', 'hi @bob!', 'BOB?', 'ok, Bob.', '(bob)', '你好bob']) {
		t.true(mentions(text, 'bob'), `${text}`);
	}

	for (const text of ['bobby', 'jimbob', 'bob_x', 'mail me at x@bob', '', 'b o b']) {
		t.false(mentions(text, 'bob'), `${text}`);
	}
});

test('CJK names need no spaces around them; names with symbols are matched as typed', (t) => {
	t.true(mentions('张伟你好', '张伟'));
	t.true(mentions('hi @张伟', '张伟'));
	t.true(mentions('thanks, a.b-c!', 'a.b-c'));
	t.false(mentions('thanks, axb-c', 'a.b-c'));
	t.true(mentions('ping (x)', '(x)'));
	t.false(mentions('anything', '  '), 'a blank name is never mentioned');
});

test('highlightText styles each match and keeps the rest as it was', (t) => {
	const pattern = searchPattern('Lo')!;
	const base = {dimColor: true};
	t.deepEqual(highlightText('hello LOL', pattern, {bold: true}, base), [
		{text: 'hel', style: base},
		{text: 'lo', style: {dimColor: true, bold: true}},
		{text: ' ', style: base},
		{text: 'LO', style: {dimColor: true, bold: true}},
		{text: 'L', style: base},
	]);
	t.deepEqual(highlightText('nothing', pattern, {bold: true}), [
		{text: 'nothing', style: undefined},
	]);
});

test('highlightLines returns lines without a match unchanged', (t) => {
	const line = {key: 'k', segments: [{text: 'plain'}]};
	const [same] = highlightLines([line], searchPattern('zzz')!, {bold: true});
	t.is(same, line);
	const [marked] = highlightLines([line], searchPattern('lai')!, {bold: true});
	t.deepEqual(
		marked?.segments.map((segment) => segment.text),
		['p', 'lai', 'n'],
	);
});

test('a search for regular-expression characters finds them literally', (t) => {
	const pattern = searchPattern('a.c (1+1)?')!;
	t.is('xx a.c (1+1)? yy'.match(pattern)?.[0], 'a.c (1+1)?');
	t.is('abc (11)'.match(pattern), null);
	t.is(searchPattern(''), undefined);
});

test('checking a line for a mention (the bell) does not stop it from being highlighted', (t) => {
	const line = '@ada is there anything';
	t.true(mentions(line, 'ada'));
	const pattern = mentionPattern('ada')!;
	t.deepEqual(highlightText(line, pattern, {bold: true}), [
		{text: '@ada', style: {bold: true}},
		{text: ' is there anything', style: undefined},
	]);
	t.true(mentions(line, 'ada'));
});
