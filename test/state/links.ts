import test from 'ava';
import {
	findLinks,
	isSafeUri,
	linkId,
	linkRanges,
	maxUriLength,
	withLinks,
} from '../../source/state/links.js';
import {wrapText} from '../../source/state/wrap.js';

const uris = (text: string) => findLinks(text).map((link) => link.uri);

test('http and https URLs are found where they start; other schemes are not', (t) => {
	t.deepEqual(findLinks('see https://example.com/a and http://x.org'), [
		{index: 4, uri: 'https://example.com/a'},
		{index: 30, uri: 'http://x.org'},
	]);
	t.deepEqual(uris('ftp://example.com javascript:alert(1) file:///etc/passwd'), []);
	t.deepEqual(uris('HTTPS://EXAMPLE.COM/'), ['HTTPS://EXAMPLE.COM/']);
	t.deepEqual(uris('no link here'), []);
});

test('the prose around a URL stays out: trailing punctuation and unmatched brackets', (t) => {
	t.deepEqual(uris('look: https://example.com/a.'), ['https://example.com/a']);
	t.deepEqual(uris('(at https://example.com/a), ok'), ['https://example.com/a']);
	t.deepEqual(uris('https://en.wikipedia.org/wiki/Foo_(bar)!'), [
		'https://en.wikipedia.org/wiki/Foo_(bar)',
	]);
	t.deepEqual(uris('"https://example.com/q?a=1&b=2"'), ['https://example.com/q?a=1&b=2']);
});

test('a URL stops at the first character outside the safe set', (t) => {
	// A space, a quote, non-ASCII, a backslash: none goes into the escape sequence.
	t.deepEqual(uris('https://example.com/a b'), ['https://example.com/a']);
	t.deepEqual(uris('https://example.com/a"onclick'), ['https://example.com/a']);
	t.deepEqual(uris('https://example.com/é'), ['https://example.com/']);
	t.deepEqual(uris(String.raw`https://example.com/a\b`), ['https://example.com/a']);
	t.deepEqual(uris('https:// nothing'), [], 'no host');
});

test('isSafeUri: no control, ESC, space or character outside the set; not too long', (t) => {
	t.true(isSafeUri('https://example.com/a?b=c#d'));
	for (const bad of [
		'https://example.com/\u001B]8;;x',
		'https://example.com/\u0007',
		'https://example.com/ a',
		'https://example.com/\u009C',
		'https://example.com/<',
		['javascript', 'alert(1)'].join(':'),
		'https://',
	]) {
		t.false(isSafeUri(bad), `unsafe: ${JSON.stringify(bad)}`);
	}

	t.false(isSafeUri(`https://example.com/${'a'.repeat(maxUriLength)}`));
});

test('a link cut by wrapping lies on both lines with one id', (t) => {
	const text = 'go https://example.com/a/long/path now';
	const lines = wrapText(text, 12, 12);
	const found = findLinks(text);
	const ranges = linkRanges(lines, text, found, 'm1');
	const pieces = lines.map((line, index) =>
		ranges[index]!.map((range) => line.slice(range.start, range.end)),
	);
	t.is(pieces.flat().join(''), 'https://example.com/a/long/path');
	const ids = new Set(ranges.flat().map((range) => range.link.id));
	t.is(ids.size, 1);
	t.is([...ids][0], linkId('m1', 0));
	t.not(linkId('m1', 0), linkId('m1', 1));
	t.regex(linkId('m1', 0), /^ct[\da-z]+$/, 'no ; or : that would end the parameter');
});

test('withLinks cuts segments at a link and styles the part in it', (t) => {
	const link = {id: 'ct1', uri: 'https://x.io'};
	const segments = withLinks(
		[{text: 'see https://x.io', style: {bold: true}}, {text: ' ok'}],
		[{start: 4, end: 16, link}],
		{underline: true},
	);
	t.deepEqual(segments, [
		{text: 'see ', style: {bold: true}},
		{text: 'https://x.io', style: {bold: true, underline: true}, link},
		{text: ' ok'},
	]);
});
