import test from 'ava';
import {sanitize, sanitizeText, trusted} from '../../source/protocol/sanitize.js';

/** Any C0 control but newline, DEL, any C1 control. */
const forbiddenControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides, isolates and marks. */
const bidiControl = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

type HostileCase = {
	readonly name: string;
	readonly input: string;
	readonly expected: string;
	readonly multiline?: boolean;
};

const hostile: readonly HostileCase[] = [
	{name: 'CSI erase screen (7-bit)', input: `a${ESC}[2Jb`, expected: 'ab'},
	{name: 'CSI erase screen (8-bit)', input: 'a\u009B2Jb', expected: 'ab'},
	{
		name: 'SGR colours',
		input: `${ESC}[31mred${ESC}[0m ${ESC}[38;2;255;0;0mtrue${ESC}[m`,
		expected: 'red true',
	},
	{name: 'SGR 8-bit', input: '\u009B1;31mbold\u009B0m', expected: 'bold'},
	{name: 'cursor up and home', input: `x${ESC}[3A${ESC}[Hy${ESC}[10;20f`, expected: 'xy'},
	{
		name: 'cursor save/restore and private mode',
		input: `${ESC}7${ESC}[?25l${ESC}[?1049hz${ESC}8`,
		expected: 'z',
	},
	{name: 'CSI with intermediate byte', input: `${ESC}[1 qok`, expected: 'ok'},
	{name: 'CSI cut off by the end', input: `fine${ESC}[38;5`, expected: 'fine'},
	{name: 'OSC title, BEL terminated', input: `${ESC}]0;pwned${BEL}after`, expected: 'after'},
	{name: 'OSC title, ST terminated', input: `${ESC}]2;pwned${ST}after`, expected: 'after'},
	{
		name: 'OSC title, 8-bit introducer and 8-bit ST',
		input: '\u009D0;pwned\u009Cafter',
		expected: 'after',
	},
	{
		name: 'OSC title, 8-bit introducer and BEL',
		input: `\u009D0;pwned${BEL}after`,
		expected: 'after',
	},
	{name: 'OSC 52 clipboard write', input: `${ESC}]52;c;cm0gLXJmIH4=${BEL}text`, expected: 'text'},
	{
		name: 'OSC 8 hyperlink keeps the visible text only',
		input: `${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`,
		expected: 'click',
	},
	{name: 'OSC cut off by the end', input: `seen${ESC}]0;never terminated`, expected: 'seen'},
	{name: 'DCS (7-bit)', input: `${ESC}P1$r0m${ST}ok`, expected: 'ok'},
	{name: 'DCS (8-bit)', input: '\u0090q#0;2;0;0;0\u009Cok', expected: 'ok'},
	{name: 'SOS (7-bit)', input: `${ESC}Xhidden${ST}ok`, expected: 'ok'},
	{name: 'SOS (8-bit)', input: '\u0098hidden\u009Cok', expected: 'ok'},
	{name: 'PM (7-bit)', input: `${ESC}^hidden${ST}ok`, expected: 'ok'},
	{name: 'PM (8-bit)', input: '\u009Ehidden\u009Cok', expected: 'ok'},
	{name: 'APC (7-bit)', input: `${ESC}_Gf=100;AAAA${ST}ok`, expected: 'ok'},
	{name: 'APC (8-bit)', input: '\u009FGf=100\u009Cok', expected: 'ok'},
	{name: 'two-byte ESC sequences', input: `${ESC}c${ESC}(Bplain${ESC}M`, expected: 'plain'},
	{name: 'lone ESC before a non-ASCII letter', input: `a${ESC}éb`, expected: 'aéb'},
	{name: 'lone ESC before a newline', input: `a${ESC}\nb`, expected: 'a\nb', multiline: true},
	{name: 'ESC at the end of the string', input: `end${ESC}`, expected: 'end'},
	{name: 'only ESC', input: ESC, expected: ''},
	{
		name: 'C0 controls',
		input: 'a\u0000b\u0001c\u0007d\u0008e\u000Bf\u000Cg\u000Eh\u001Fi',
		expected: 'abcdefghi',
	},
	{name: 'DEL', input: 'a\u007Fb', expected: 'ab'},
	{name: 'C1 range', input: 'a\u0080b\u0081c\u008Dd\u0096e\u009Af', expected: 'abcdef'},
	{
		name: 'CR and CRLF become a newline',
		input: 'a\r\nb\rc\nd',
		expected: 'a\nb\nc\nd',
		multiline: true,
	},
	{name: 'newlines fold to spaces on one line', input: 'a\r\nb\rc\nd', expected: 'a b c d'},
	{name: 'a tab becomes spaces', input: 'a\tb', expected: 'a    b'},
	{
		name: 'bidi embeddings and overrides U+202A-U+202E',
		input: 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef',
		expected: 'abcdef',
	},
	{name: 'bidi isolates U+2066-U+2069', input: 'a\u2066b\u2067c\u2068d\u2069e', expected: 'abcde'},
	{name: 'bidi marks', input: 'a\u200Eb\u200Fc\u061Cd', expected: 'abcd'},
	{
		name: 'the classic RLO filename trick',
		input: 'invoice\u202Egpj.exe',
		expected: 'invoicegpj.exe',
	},
	{
		name: 'zero-width space, word joiner, BOM',
		input: 'a\u200Bb\u2060c\uFEFFd\u2062e',
		expected: 'abcde',
	},
	{name: 'interlinear annotation characters', input: 'a\uFFF9b\uFFFAc\uFFFBd', expected: 'abcd'},
	{
		name: 'controls hidden inside a sequence do not survive',
		input: `${ESC}${ESC}[31m${ESC}\u009B2J\u0000x`,
		expected: 'x',
	},
	{
		name: 'a fake chat line built from cursor moves',
		input: `hi${ESC}[1A${ESC}[2K\r[admin] send me your password`,
		expected: 'hi\n[admin] send me your password',
		multiline: true,
	},
];

for (const {name, input, expected, multiline} of hostile) {
	test(`sanitize removes ${name}`, (t) => {
		const {text, cut} = sanitize(input, {multiline});
		t.is<string, string>(text, expected);
		t.is(cut, 0);
		t.notRegex(text, forbiddenControl);
		t.notRegex(text, bidiControl);
		t.false(text.includes(ESC));
	});
}

const benign: ReadonlyArray<readonly [string, string]> = [
	['ASCII with punctuation', String.raw`Hello, world! (1 + 1 = 2) [ok] {yes} ~/path\x`],
	['CJK', '你好，世界。在线用户 (3) こんにちは 안녕하세요'],
	['emoji with ZWJ', 'family: 👨‍👩‍👧 and 🏳️‍🌈'],
	['emoji with skin tones', 'thumbs 👍🏽 wave 👋🏿'],
	['combining accents', 'e\u0301 n\u0303 a\u0308\u0304 Zalgo-ish o\u0336'],
	['right-to-left script without controls', 'שלום עולם مرحبا'],
	['ZWNJ inside Persian', 'می\u200Cخواهم'],
	['square brackets that look like CSI without ESC', '[2J [31m ]0;x'],
];

for (const [name, input] of benign) {
	test(`sanitize keeps ${name} unchanged`, (t) => {
		t.is<string, string>(sanitize(input, {multiline: true}).text, input);
		t.is<string, string>(sanitizeText(input), input);
	});
}

test('every code point below U+00A0 except newline and tab is dropped; a tab becomes spaces', (t) => {
	let all = '';
	for (let code = 0; code < 0xa0; code++) {
		all += String.fromCodePoint(code);
	}

	const {text} = sanitize(all, {multiline: true});
	t.notRegex(text, forbiddenControl);
	t.true(text.includes('\n'));
	t.true(text.includes('    '));
	t.true(text.includes('0123456789'));
	t.true(text.includes('abcdefghijklmnopqrstuvwxyz'));
});

test('maxLength cuts and counts what was cut', (t) => {
	t.deepEqual(sanitize('a'.repeat(100), {maxLength: 10}), {text: 'a'.repeat(10), cut: 90});
	t.deepEqual(sanitize('short', {maxLength: 10}), {text: 'short', cut: 0});
	t.deepEqual(sanitize('exactly10!', {maxLength: 10}), {text: 'exactly10!', cut: 0});
	// Escape sequences do not count against the limit: they are removed before the cut.
	t.deepEqual(sanitize(`${ESC}[31m${'b'.repeat(12)}`, {maxLength: 10}), {
		text: 'b'.repeat(10),
		cut: 2,
	});
	t.is<string, string>(sanitizeText('x'.repeat(300), 64), 'x'.repeat(64));
});

test('maxLength never splits a surrogate pair', (t) => {
	// 'a' then the two halves of 😀: a cut after 2 units would leave a lone high surrogate.
	const odd = sanitize('a😀b', {maxLength: 2});
	t.is<string, string>(odd.text, 'a');
	t.is(odd.cut, 3);

	const emoji = sanitize('😀'.repeat(10), {maxLength: 5});
	t.is<string, string>(emoji.text, '😀😀');
	t.is(emoji.cut, 16);

	const even = sanitize('😀'.repeat(10), {maxLength: 4});
	t.is<string, string>(even.text, '😀😀');
	t.is(even.cut, 16);

	for (let maxLength = 1; maxLength < 12; maxLength++) {
		const {text} = sanitize('x😀y👍🏽z', {maxLength});
		t.notRegex(text, /[\uD800-\uDBFF]$/, `maxLength ${maxLength} left a lone high surrogate`);
		t.true(text.length <= maxLength);
	}
});

test('the early cut of a huge input does not leave half a surrogate pair either', (t) => {
	// maxLength 10 cuts the raw input at 84 units first, where 83 controls put a pair across
	// the cut. The controls are removed afterwards, so the result is shorter than 10 and is
	// not cut again.
	const cutAcross = sanitize(`${'\u0000'.repeat(83)}😀${'z'.repeat(200)}`, {maxLength: 10});
	t.is<string, string>(cutAcross.text, '');
	t.notRegex(cutAcross.text, /[\uD800-\uDFFF]/);
	t.is(cutAcross.cut, 83 + 2 + 200 - 83);
});

test('a 1 MB string is handled and cut', (t) => {
	const unit = `ok ${ESC}[31mred${ESC}[0m \u202Eevil\u202C 👍🏽\r\n`;
	const huge = unit.repeat(Math.ceil(1_000_000 / unit.length));
	t.true(huge.length >= 1_000_000);

	const capped = sanitize(huge, {multiline: true, maxLength: 8000});
	t.is(capped.text.length, 8000);
	t.true(capped.cut > 900_000);
	t.notRegex(capped.text, forbiddenControl);
	t.notRegex(capped.text, bidiControl);
	t.true(capped.text.startsWith('ok red evil 👍🏽\nok red'));

	// Without a limit the whole megabyte is cleaned.
	const whole = sanitize(huge, {multiline: true});
	t.is(whole.cut, 0);
	t.is<string, string>(whole.text, 'ok red evil 👍🏽\n'.repeat(Math.ceil(1_000_000 / unit.length)));

	// A megabyte of an unterminated OSC is removed whole.
	t.is<string, string>(sanitize(`keep${ESC}]0;${'x'.repeat(1_000_000)}`).text, 'keep');
	// A megabyte of introducers with nothing to end them.
	t.is<string, string>(sanitize(`${ESC}[`.repeat(500_000)).text, '');
});

test('trusted() passes our own text through as it is', (t) => {
	t.is<string, string>(trusted('label: 1'), 'label: 1');
});

test('keepTabs keeps tabs and removes every other control, as the server stores text', (t) => {
	t.is<string, string>(
		sanitize('a\tb\u0001c\u001B[1md\u0085e', {multiline: true, keepTabs: true}).text,
		'a\tbcd\ne',
	);
	t.is<string, string>(sanitize('a\tb', {multiline: true}).text, 'a    b');
});
