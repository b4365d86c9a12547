import test from 'ava';
import {defaultDisplay} from '../../source/look/display.js';
import {labelsFor} from '../../source/look/i18n.js';
import {maxMessageLines} from '../../source/state/display-rules.js';
import {buildLogItems, formatItem, type LogItem} from '../../source/state/log-lines.js';
import {textWidth, truncate} from '../../source/state/wrap.js';
import {asciiGlyphs} from '../../source/look/glyphs.js';
import {
	context,
	local,
	notice,
	pending,
	stored,
	textOf,
	zhContext,
} from '../helpers/log-fixtures.js';
import {seededRandom} from '../helpers/random.js';

const render = (item: LogItem, width = 60, formatContext = context, lang: 'en' | 'zh' = 'en') =>
	formatItem(item, width, formatContext, lang).map((line) => textOf(line));
const describe = (item: LogItem) =>
	item.kind === 'message'
		? item.message.content
		: item.kind === 'notice'
			? `notice ${item.notice.text}`
			: item.kind === 'pending'
				? `pending ${item.line.content}`
				: 'date';

test('buildLogItems puts each notice after the message it follows, whatever the clocks say', (t) => {
	// The server's clock is far ahead of ours: its times are no guide to where notices go.
	const messages = stored(
		{content: 'm1', time: local(9, 9, 0)},
		{content: 'm2', time: local(9, 9, 10)},
		{content: 'm3', time: local(9, 9, 20)},
	);
	const notices = [
		notice(1, local(1, 9, 5), 'n1', 'info', messages[0]!.key),
		notice(2, local(1, 9, 6), 'n2', 'info', messages[1]!.key),
	];
	const lines = [pending(3, 'p1', local(1, 9, 1))];
	const items = buildLogItems(messages, notices, lines).filter((item) => item.kind !== 'date');
	t.deepEqual(items.map(describe), ['m1', 'notice n1', 'm2', 'notice n2', 'm3', 'pending p1']);
	t.is(new Set(items.map((item) => item.key)).size, items.length, 'keys are unique');
});

test('buildLogItems puts notices that follow no message held first, pending lines last', (t) => {
	const items = buildLogItems(
		stored({content: 'm1', time: local(1, 9, 0)}),
		[notice(1, local(1, 9, 30), 'early'), notice(2, local(1, 9, 31), 'gone', 'info', 'm-dropped')],
		[pending(2, 'p', local(1, 9, 40))],
	);
	t.deepEqual(items.map(describe), ['notice early', 'notice gone', 'm1', 'pending p']);
});

test('buildLogItems inserts a date separator where the day changes, not at the top', (t) => {
	const messages = stored(
		{content: 'evening', time: local(1, 23, 50)},
		{content: 'night', time: local(1, 23, 59)},
		{content: 'morning', time: local(2, 0, 5)},
		{content: 'days later', time: local(5, 12, 0)},
	);
	const items = buildLogItems(messages, [], []);
	t.deepEqual(items.map(describe), ['evening', 'night', 'date', 'morning', 'date', 'days later']);
	const dates = items.filter((item) => item.kind === 'date');
	t.deepEqual(
		dates.map((item) => item.time),
		[local(2, 0, 5), local(5, 12, 0)],
	);
});

test('buildLogItems leaves out messages from before a clear', (t) => {
	const messages = stored(
		{content: 'old', time: local(1, 9, 0)},
		{content: 'new', time: local(1, 9, 1)},
	);
	const items = buildLogItems(messages, [], [], messages[1]!.seq);
	t.deepEqual(items.map(describe), ['new']);
});

test('a message is "HH:MM name  text", the name right-aligned in a 12-cell column', (t) => {
	const [item] = buildLogItems(stored({content: 'hello there', time: local(1, 9, 5)}), [], []);
	t.deepEqual(render(item!), ['09:05        alice  hello there']);
	t.deepEqual(render(item!, 60, {...context, showTime: false}), ['       alice  hello there']);
});

test('own messages are marked (me), or (我) with Chinese labels', (t) => {
	const [item] = buildLogItems(
		stored({content: 'hi', time: local(1, 14, 30), sender: 'me-name', senderId: 'u-me'}),
		[],
		[],
	);
	t.deepEqual(render(item!), ['14:30 me-name (me)  hi']);
	t.deepEqual(render(item!, 60, zhContext, 'zh'), ['14:30 me-name (我)  hi']);
	const [short] = buildLogItems(
		stored({content: 'hi', time: local(1, 14, 30), sender: 'me', senderId: 'u-me'}),
		[],
		[],
	);
	t.deepEqual(render(short!), ['14:30      me (me)  hi']);
	// Same name, other id: not me.
	const [other] = buildLogItems(
		stored({content: 'hi', time: local(1, 14, 30), sender: 'me-name', senderId: 'u-2'}),
		[],
		[],
	);
	t.deepEqual(render(other!), ['14:30      me-name  hi']);
});

test('system messages and notices are set apart with "-!-"', (t) => {
	const [system] = buildLogItems(
		stored({type: 'system', content: 'bob joined', time: local(1, 8, 0)}),
		[],
		[],
	);
	t.deepEqual(render(system!), ['08:00           -!- system: bob joined']);
	t.deepEqual(render(system!, 60, zhContext, 'zh'), ['08:00           -!- 系统: bob joined']);
	const [info] = buildLogItems([], [notice(1, local(1, 8, 1), 'reconnected')], []);
	t.deepEqual(render(info!), ['08:01           -!- reconnected']);
	const [long] = buildLogItems([], [notice(2, local(1, 8, 2), 'one two three four five')], []);
	t.deepEqual(render(long!, 40), [
		'08:02           -!- one two three four',
		'                    five',
	]);
	// Narrower: the column narrows, and the text still starts after the marker.
	t.deepEqual(render(long!, 34), ['08:02        -!- one two three', '                 four five']);
});

test('pending lines show the own name and their status; actions show as "* name action"', (t) => {
	const [line] = buildLogItems([], [], [pending(1, 'on its way', local(1, 10, 0))]);
	t.deepEqual(render(line!), ['10:00 me-name (me)  on its way  (sending…)']);
	const [action] = buildLogItems(
		stored({content: '/me waves at everyone here', time: local(1, 10, 1)}),
		[],
		[],
	);
	t.deepEqual(render(action!), ['10:01             * alice waves at everyone here']);
	t.deepEqual(render(action!, 40), [
		'10:01             * alice waves at',
		'                    everyone here',
	]);
});

test('a text message with an empty sender name shows as unknown', (t) => {
	const [anonymous] = buildLogItems(
		stored({content: 'x', time: local(1, 10, 2), sender: ''}),
		[],
		[],
	);
	t.deepEqual(render(anonymous!), ['10:02      unknown  x']);
	t.deepEqual(render(anonymous!, 60, zhContext, 'zh'), ['10:02     未知用户  x']);
});

test('long text wraps with continuation lines indented under the text', (t) => {
	const [item] = buildLogItems(
		stored({content: 'one two three four five six seven eight', time: local(1, 9, 5)}),
		[],
		[],
	);
	const lines = render(item!, 30);
	t.deepEqual(lines, [
		'09:05   alice  one two three',
		'               four five six',
		'               seven eight',
	]);
});

test('the date separator names the day and fills the width', (t) => {
	const item: LogItem = {kind: 'date', key: 'date:x', time: local(2, 0, 5)};
	const [english] = render(item, 50);
	t.regex(english!, /^─+ Saturday,? 2 March 2024 ─+$/);
	t.is(textWidth(english!), 50);
	const [chinese] = render(item, 50, zhContext, 'zh');
	t.regex(chinese!, /^─+ 2024年3月2日 ─+$/);
	t.is(textWidth(chinese!), 50);
});

test('property: every line fits the width, CJK names and text included', (t) => {
	const names = [
		'alice',
		'张伟',
		'欧阳娜娜欧阳娜娜欧阳娜娜',
		'a-very-long-user-name-indeed',
		'👍🏽🎉',
	];
	const words = [
		'hi',
		'你好世界',
		'supercalifragilisticexpialidocious',
		'👨‍👩‍👧',
		'e\u0301t\u0301e\u0301',
	];
	for (let seed = 1; seed <= 200; seed++) {
		const random = seededRandom(seed);
		const width = 18 + random.int(83);
		const lang = random.pick(['en', 'zh'] as const);
		const own = random.next() < 0.4;
		const name = random.pick(names);
		const content = Array.from({length: random.int(20)}, () => random.pick(words)).join(' ');
		const time = local(1, random.int(24), random.int(60));
		const kind = random.int(4);
		const messages =
			kind === 0
				? stored({content, time, type: 'system'})
				: kind === 1
					? []
					: stored({content, time, sender: name, senderId: own ? 'u-me' : 'u-x'});
		const items = buildLogItems(
			messages,
			kind === 1 ? [notice(1, time, content, 'error')] : [],
			kind === 3 ? [pending(2, content, time)] : [],
		);
		const formatContext = {
			userId: 'u-me',
			username: name,
			labels: labelsFor(lang),
			showTime: width >= 50,
			...defaultDisplay,
		};
		for (const item of items) {
			for (const line of formatItem(item, width, formatContext, lang)) {
				const text = textOf(line);
				t.true(textWidth(text) <= width, `seed ${seed}, width ${width}: ${JSON.stringify(text)}`);
			}
		}
	}
});

test('a user whose name ends in the own marker, in either language, is shown in quotes', (t) => {
	for (const sender of ['kay (me)', 'kay (我)', 'kay（我）', 'kay (ME)']) {
		const [message] = stored({content: 'hi', time: local(1, 9, 0), sender, senderId: 'u-x'});
		const [first] = render({kind: 'message', key: 'k', time: message!.time, message: message!});
		t.true(first!.includes(`“${sender}”  hi`), `${sender}: ${first!}`);
	}

	const [near] = stored({content: 'hi', time: local(1, 9, 0), sender: 'me (kay)', senderId: 'u-x'});
	t.true(
		render({kind: 'message', key: 'k', time: near!.time, message: near!})[0]!.includes(
			'me (kay)  hi',
		),
	);
});

test('a user named like the system is shown in quotes, never as a system notice', (t) => {
	for (const sender of ['系统', 'system', '[系统]', 'System', '-!- system:', '【系统】']) {
		const [message] = stored({
			content: 'fake notice',
			time: local(1, 9, 0),
			sender,
			senderId: 'u-x',
		});
		const [first] = render({kind: 'message', key: 'k', time: message!.time, message: message!});
		t.regex(first!, /^\d\d:\d\d +“.+ {2}fake notice$/, `${sender}: ${first!}`);
		t.true(first!.includes(truncate(`“${sender}”`, 12)), `${sender}: ${first!}`);
		t.notRegex(first!, /^\d\d:\d\d +-!- /, `${sender} looks like a system line`);
	}

	const [ordinary] = stored({content: 'hi', time: local(1, 9, 0), sender: 'systemd-fan'});
	t.true(
		render({kind: 'message', key: 'k', time: ordinary!.time, message: ordinary!})[0]!.includes(
			'systemd-fan  hi',
		),
		'other names are shown as they are',
	);
});

test('a message is capped at 20 rows, the rest counted', (t) => {
	const content = Array.from({length: 50}, (_, index) => `line ${index}`).join('\n');
	const [message] = stored({content, time: local(1, 9, 0)});
	const lines = render({kind: 'message', key: 'k', time: message!.time, message: message!});
	t.is(lines.length, maxMessageLines);
	t.is(lines.at(-1)!.trim(), `… (${50 - (maxMessageLines - 1)} more lines)`);
	t.true(lines.at(-2)!.includes(`line ${maxMessageLines - 2}`));
});
