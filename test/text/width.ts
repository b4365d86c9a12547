import process from 'node:process';
import test from 'ava';
import realStringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import stringWidth, {graphemes, widthClass} from '../../source/text/width.js';
import {unicodeVersion} from '../../source/text/width-table.js';
import {classify} from '../../scripts/width-table.js';
import {seededRandom} from '../helpers/random.js';

const segmenter = new Intl.Segmenter();
const realGraphemes = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);

test('widths of text a chat shows', (t) => {
	t.is(stringWidth(''), 0);
	t.is(stringWidth('hello'), 5);
	t.is(stringWidth('张伟'), 4);
	t.is(stringWidth('│ ● café'), 8);
	t.is(stringWidth('e\u0301'), 1);
	t.is(stringWidth('👍🏽'), 2);
	t.is(stringWidth('👨‍👩‍👧'), 2);
	t.is(stringWidth('🇨🇳'), 2);
	t.is(stringWidth('\u001B[31m张\u001B[0m'), 2);
	t.is(stringWidth('a\u200Bb'), 2);
});

test('graphemes are code points unless one joins its neighbours', (t) => {
	t.deepEqual(graphemes('张伟 ok'), ['张', '伟', ' ', 'o', 'k']);
	t.deepEqual(graphemes('ae\u0301👍🏽'), ['a', 'e\u0301', '👍🏽']);
	t.deepEqual(graphemes('한국어'), ['한', '국', '어']);
});

// The table must say what string-width and ICU say today. Every code point takes a minute, so:
// all of the Basic Multilingual Plane and the emoji plane, and a sample of the rest.
const sameUnicode = process.versions.unicode === unicodeVersion;
(sameUnicode ? test : test.skip)(
	`the table agrees with string-width and the grapheme rules (Unicode ${unicodeVersion})`,
	(t) => {
		const wrong: string[] = [];
		for (let codePoint = 0; codePoint <= 0x10_ff_ff; codePoint += codePoint < 0x2_00_00 ? 1 : 61) {
			if (widthClass(codePoint) !== classify(codePoint)) {
				wrong.push(codePoint.toString(16));
			}
		}

		t.deepEqual(
			wrong.slice(0, 20),
			[],
			`${wrong.length} code points differ: run scripts/width-table.ts`,
		);
	},
);

const pieces = [
	'a',
	'Z',
	' ',
	'张',
	'한',
	'\u1100',
	'\u1161',
	'\u11A8',
	'é',
	'e\u0301',
	'\u0301',
	'👍',
	'🏽',
	'\u200D',
	'\uFE0F',
	'☺',
	'❤',
	'🇨',
	'🇳',
	'1\u20E3',
	'\u0915\u094D\u0937',
	'\u0600',
	'ｶﾞ',
	'\u200B',
	'\t',
	'\r\n',
	'\u001B[1;33m',
	'\u001B[0m',
	'\uD800',
	'𠀀',
	'\u{E0061}',
];

test('any mix measures as string-width measures it, and splits as ICU splits it', (t) => {
	for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
		const random = seededRandom(seed);
		for (let run = 0; run < 500; run++) {
			const text = Array.from({length: 1 + random.int(8)}, () => random.pick(pieces)).join('');
			t.is(stringWidth(text), realStringWidth(text), `seed ${seed}: ${JSON.stringify(text)}`);
			const plain = stripAnsi(text);
			t.deepEqual(graphemes(plain), realGraphemes(plain), `seed ${seed}: ${JSON.stringify(plain)}`);
		}
	}
});

test('options string-width takes are honoured', (t) => {
	t.is(stringWidth('±', {ambiguousIsNarrow: false}), 2);
	t.is(
		stringWidth('\u001B[31ma', {countAnsiEscapeCodes: true}),
		realStringWidth('\u001B[31ma', {countAnsiEscapeCodes: true}),
	);
});
