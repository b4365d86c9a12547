import test from 'ava';
import {
	graphemes,
	graphemeWidth,
	padEnd,
	textWidth,
	truncate,
	truncateWords,
	wrapText,
} from '../../source/state/wrap.js';
import {seededRandom, type Random} from '../helpers/random.js';

const thumbsUp = '👍🏽';
const family = '👨‍👩‍👧';
const combiningE = 'e\u0301';

test('textWidth counts terminal cells', (t) => {
	t.is(textWidth(''), 0);
	t.is(textWidth('hello, world'), 12);
	t.is(textWidth('张伟'), 4);
	t.is(textWidth(thumbsUp), 2);
	t.is(textWidth(family), 2);
	t.is(textWidth(combiningE), 1);
	t.is(textWidth(`a${combiningE}张${thumbsUp}`), 1 + 1 + 2 + 2);
});

test('graphemes keeps clusters whole and graphemeWidth measures one', (t) => {
	t.deepEqual(graphemes(`a${thumbsUp}${family}${combiningE}张`), [
		'a',
		thumbsUp,
		family,
		combiningE,
		'张',
	]);
	t.is(graphemeWidth('a'), 1);
	t.is(graphemeWidth('张'), 2);
	t.is(graphemeWidth(family), 2);
	t.is(graphemeWidth(combiningE), 1);
});

test('truncate leaves fitting text alone and cuts with an ellipsis', (t) => {
	t.is(truncate('hello', 5), 'hello');
	t.is(truncate('hello world', 8), 'hello w…');
	t.is(truncate('张伟张伟', 5), '张伟…');
	t.is(truncate('张伟张伟', 8), '张伟张伟');
	t.is(truncate('张伟张伟', 4), '张…', 'a wide character that does not fit leaves a cell empty');
	t.is(truncate(`ab${thumbsUp}cd`, 4), 'ab…', 'the emoji does not fit with the ellipsis');
	t.is(truncate(`${family}${family}x`, 3), `${family}…`);
});

test('truncateWords cuts after a whole word, or between characters where there is none', (t) => {
	t.is(truncateWords('hello world', 11), 'hello world');
	t.is(truncateWords('could not send: the server refused it', 24), 'could not send: the…');
	t.is(
		truncateWords('could not send: the server refused it', 18),
		'could not send…',
		'no colon left',
	);
	t.is(truncateWords('usage: /bell [on|off]', 10, '...'), 'usage...');
	// No space in the second half of the room: cut as truncate does.
	t.is(truncateWords('a supercalifragilistic word', 20), 'a supercalifragilis…');
	t.is(truncateWords('发送失败服务器拒绝了', 9), '发送失败…');
	for (let width = 0; width < 40; width++) {
		t.true(textWidth(truncateWords('could not send: 发送失败 the server refused', width)) <= width);
	}
});

test('truncate never exceeds the width, down to zero', (t) => {
	const samples = [
		'hello world',
		'张伟张伟张伟',
		`${thumbsUp}${thumbsUp}${family}`,
		`e${combiningE}xyz`,
	];
	for (const text of samples) {
		for (let width = 0; width <= textWidth(text) + 1; width++) {
			const cut = truncate(text, width);
			t.true(
				textWidth(cut) <= width,
				`${JSON.stringify(text)} at ${width}: ${JSON.stringify(cut)}`,
			);
			if (textWidth(text) > width && width > 0) {
				t.true(cut.endsWith('…'), `${JSON.stringify(text)} at ${width}`);
			}
		}
	}
});

test('padEnd gives exactly the width, cutting when longer', (t) => {
	t.is(padEnd('ab', 5), 'ab   ');
	t.is(padEnd('张伟', 5), '张伟 ');
	t.is(padEnd('张伟张伟', 6), '张伟… ');
	t.is(padEnd('', 3), '   ');
	for (const text of ['', 'abc', '张伟张伟张', `${thumbsUp}x${family}`]) {
		for (let width = 0; width <= 12; width++) {
			t.is(textWidth(padEnd(text, width)), width, `${JSON.stringify(text)} at ${width}`);
		}
	}
});

test('wrapText breaks at spaces and drops the space at the break', (t) => {
	t.deepEqual(wrapText('the quick brown fox', 10), ['the quick', 'brown fox']);
	t.deepEqual(wrapText('the quick brown fox', 9), ['the quick', 'brown fox']);
	t.deepEqual(wrapText('one two', 20), ['one two']);
	t.deepEqual(wrapText('', 10), ['']);
});

test('wrapText breaks CJK text anywhere', (t) => {
	t.deepEqual(wrapText('我们今天去公园散步', 6), ['我们今', '天去公', '园散步']);
	t.deepEqual(wrapText('说hello世界', 7), ['说hello', '世界']);
});

test('wrapText never starts a line with closing punctuation (Chinese line-breaking)', (t) => {
	// 6 cells: "我们今" fits and "。" would start the next line; 今 goes down with it.
	t.deepEqual(wrapText('我们今。天气好', 6), ['我们', '今。天', '气好']);
	t.deepEqual(wrapText('他说：「好！」我们走', 8), ['他说：「', '好！」我', '们走']);
	for (const mark of ['，', '、', '！', '？', '）', '」', '』', '》', '；', '：']) {
		const lines = wrapText(`一二三${mark}四五`, 6);
		t.false(
			lines.slice(1).some((line) => line.startsWith(mark)),
			`${mark}: ${JSON.stringify(lines)}`,
		);
		t.is(lines.join(''), `一二三${mark}四五`);
	}
});

test('property: no wrapped Chinese line starts with a closing mark', (t) => {
	// No spaces: a space is a break of its own, as in English.
	const pieces = ['我', '们', '的', '天', '。', '，', '、', '！', '？', '」', '）', '》', 'ab'];
	for (let seed = 1; seed <= 300; seed++) {
		const random = seededRandom(seed);
		let text = '字';
		for (let index = 0; index < 5 + random.int(40); index++) {
			text += pieces[random.int(pieces.length)]!;
		}

		const width = 4 + random.int(16);
		const lines = wrapText(text, width);
		for (const [index, line] of lines.entries()) {
			t.true(textWidth(line) <= width, `seed ${seed}: ${JSON.stringify(lines)}`);
			// Allowed only when the line before is one character and its marks: no break to move.
			const before = lines[index - 1] ?? '';
			const alone = /^.[。，、！？」）》]*$/u.test(before.trim());
			t.true(
				index === 0 || alone || !/^[。，、！？」）》]/.test(line),
				`seed ${seed}, width ${width}: ${JSON.stringify(lines)}`,
			);
		}
	}
});

test('wrapText cuts a word longer than the line', (t) => {
	t.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
	t.deepEqual(wrapText('go supercalifragilistic now', 8), [
		'go',
		'supercal',
		'ifragili',
		'stic now',
	]);
});

test('wrapText uses the first width for the first line and the rest width after', (t) => {
	t.deepEqual(wrapText('aaa bbb ccc ddd', 3, 7), ['aaa', 'bbb ccc', 'ddd']);
	t.deepEqual(wrapText('aaaa bb cc dd', 7, 5), ['aaaa bb', 'cc dd']);
	// A narrower rest width cuts what is left of a line too.
	t.deepEqual(wrapText('ab cdefghij', 10, 3), ['ab', 'cde', 'fgh', 'ij']);
});

test('wrapText starts a new line at each newline, keeping empty lines', (t) => {
	t.deepEqual(wrapText('one\n\ntwo three', 5), ['one', '', 'two', 'three']);
	t.deepEqual(wrapText('a\nb', 1), ['a', 'b']);
});

test('wrapText keeps emoji and combining marks whole', (t) => {
	const lines = wrapText(`${thumbsUp}${thumbsUp}${family}${combiningE}${combiningE}`, 4);
	t.deepEqual(lines, [`${thumbsUp}${thumbsUp}`, `${family}${combiningE}${combiningE}`]);
});

// Letters weigh most, so long words (hard cuts) are common.
const alphabet = [
	...'abcdefghijklmnop',
	' ',
	' ',
	' ',
	'张',
	'伟',
	'你',
	thumbsUp,
	family,
	combiningE,
	'\n',
];
const randomText = (random: Random) =>
	Array.from({length: random.int(60)}, () => random.pick(alphabet)).join('');

test('property: every wrapped line fits its width and no visible character is lost', (t) => {
	for (let seed = 1; seed <= 500; seed++) {
		const random = seededRandom(seed);
		const text = randomText(random);
		const first = 2 + random.int(20);
		const rest = 2 + random.int(20);
		const lines = wrapText(text, first, rest);
		for (const [index, line] of lines.entries()) {
			const width = index === 0 ? first : rest;
			t.true(
				textWidth(line) <= width,
				`seed ${seed}: line ${index} ${JSON.stringify(line)} > ${width} in ${JSON.stringify(text)}`,
			);
		}

		// Only spaces and newlines may go; everything else stays, in order.
		const visible = (value: string) => graphemes(value).filter((each) => each.trim() !== '');
		t.deepEqual(visible(lines.join('')), visible(text), `seed ${seed}`);
		t.true(lines.length >= text.split('\n').length, `seed ${seed}`);
	}
});
