import test from 'ava';
import {
	highlightLines,
	highlightText,
	matchesOf,
	mentionFinder,
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
	// Not after the x, but the second time, which starts inside the first.
	t.deepEqual(mentionFinder('a-a')!('xa-a-a'), [{index: 3, text: 'a-a'}]);
});

test('highlightText styles each match and keeps the rest as it was', (t) => {
	const pattern = matchesOf(searchPattern('Lo')!);
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
	const [same] = highlightLines([line], matchesOf(searchPattern('zzz')!), {bold: true});
	t.is(same, line);
	const [marked] = highlightLines([line], matchesOf(searchPattern('lai')!), {bold: true});
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
	const pattern = mentionFinder('ada')!;
	t.deepEqual(highlightText(line, pattern, {bold: true}), [
		{text: '@ada', style: {bold: true}},
		{text: ' is there anything', style: undefined},
	]);
	t.true(mentions(line, 'ada'));
});

test('a mention is found where the lookaround pattern it replaced found one', (t) => {
	// The pattern the finder replaced: exact, but slow to compile and to run for the first time.
	const word = String.raw`[[\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]`;
	const isWord = (character: string) => new RegExp(`^${word}$`, 'v').test(character);
	const reference = (text: string, name: string) => {
		const characters = [...name];
		const before = isWord(characters[0]!) ? `(?<!${word}|@)` : '';
		const after = isWord(characters.at(-1)!) ? `(?!${word})` : '';
		const escaped = name.replaceAll(/[.*+?^${}()|[\]\\/]/g, String.raw`\$&`);
		const pattern = new RegExp(`${before}@?${escaped}${after}`, 'giv');
		return [...text.matchAll(pattern)].map((match) => ({index: match.index, text: match[0]}));
	};

	const names = ['bob', 'Bob', 'a.b', '张伟', 'bob张', '张bob', 'aa', 'a-a', 'é', 'x_1', '😀b'];
	const pieces = [
		'bob',
		'BOB',
		'b',
		'o',
		'a',
		'@',
		' ',
		'.',
		'-',
		'_',
		'1',
		'张',
		'伟',
		'é',
		'É',
		'😀',
		'ß',
		',',
		'x',
	];
	let seed = 7;
	const random = (below: number) => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed % below;
	};

	for (let run = 0; run < 3000; run++) {
		const name = names[run % names.length]!;
		const text = Array.from({length: 1 + random(8)}, () =>
			random(4) === 0 ? name : pieces[random(pieces.length)]!,
		).join('');
		t.deepEqual(mentionFinder(name)!(text), reference(text, name), `${name} in ${text}`);
	}
});
