import test from 'ava';
import {
	parseCount,
	parseErrorText,
	parseMessage,
	parseMessageList,
	parseMessagesPage,
	parseTime,
	parseUser,
	parseUserList,
	parseUsersPage,
} from '../../source/protocol/parse.js';
import {limits, type ParseResult} from '../../source/protocol/types.js';

/** A SafeText (or an absent one) as a plain string, to compare with literals. */
const plain = (text: string | undefined): string | undefined => text;

const forbiddenControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const ESC = '\u001B';
const fixedNow = Date.UTC(2030, 0, 2, 3, 4, 5, 678);
const now = () => fixedNow;
const show = (input: unknown) =>
	typeof input === 'number' ? String(input) : (JSON.stringify(input) ?? String(input));

function value<T>(result: ParseResult<T>): T {
	if (!result.ok) {
		throw new Error(`expected ok, got error: ${result.error}`);
	}

	return result.value;
}

function error<T>(result: ParseResult<T>): string {
	if (result.ok) {
		throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
	}

	return result.error;
}

const wireMessage = {
	type: 'text',
	content: 'hello',
	time: '2024-05-01T12:00:00.000Z',
	sender: 'alice',
	senderId: 'u-alice',
};

// ---- parseMessage ----

test('parseMessage reads a well-formed message', (t) => {
	t.deepEqual(value(parseMessage(wireMessage)), {
		type: 'text',
		content: 'hello',
		time: Date.UTC(2024, 4, 1, 12),
		timeMicros: 0,
		sender: 'alice',
		senderId: 'u-alice',
	});
});

for (const [name, payload, expected] of [
	['null', null, 'message: expected an object, got null'],
	['undefined', undefined, 'message: expected an object, got a undefined'],
	['an array', [wireMessage], 'message: expected an object, got an array'],
	['a number', 42, 'message: expected an object, got a number'],
	['a string', 'hello', 'message: expected an object, got a string'],
	[
		'no content',
		{type: 'text', time: wireMessage.time},
		'message: content must be a string, got a undefined',
	],
	[
		'numeric content',
		{...wireMessage, content: 5},
		'message: content must be a string, got a number',
	],
	['null content', {...wireMessage, content: null}, 'message: content must be a string, got null'],
	[
		'object content',
		{...wireMessage, content: {text: 'x'}},
		'message: content must be a string, got an object',
	],
	[
		'array content',
		{...wireMessage, content: ['x']},
		'message: content must be a string, got an array',
	],
] as const) {
	test(`parseMessage rejects ${name} with a message`, (t) => {
		t.is(error(parseMessage(payload)), expected);
	});
}

test('parseMessage keeps unknown fields out and takes only what it knows', (t) => {
	const parsed = value(
		parseMessage({...wireMessage, extra: 'x', room: {nested: true}, __proto__: {polluted: 1}}),
	);
	t.deepEqual(Object.keys(parsed).sort(), [
		'content',
		'sender',
		'senderId',
		'time',
		'timeMicros',
		'type',
	]);
	t.false('extra' in parsed);
	t.false('room' in parsed);
});

test('parseMessage: a system message without sender or senderId', (t) => {
	const parsed = value(
		parseMessage({type: 'system', content: 'alice joined', time: '2024-05-01T12:00:00Z'}),
	);
	t.is(parsed.type, 'system');
	t.is(plain(parsed.content), 'alice joined');
	t.false('sender' in parsed);
	t.false('senderId' in parsed);
	t.false('id' in parsed);
});

test('parseMessage: an unknown or missing type is text', (t) => {
	t.is(value(parseMessage({...wireMessage, type: 'image'})).type, 'text');
	t.is(value(parseMessage({content: 'x'})).type, 'text');
});

test('parseMessage: ids as strings or numbers, `_id` as a fallback, others ignored', (t) => {
	t.is(plain(value(parseMessage({...wireMessage, id: 'abc-1'})).id), 'abc-1');
	t.is(plain(value(parseMessage({...wireMessage, id: 17})).id), '17');
	t.is(plain(value(parseMessage({...wireMessage, _id: 'mongo'})).id), 'mongo');
	t.is(plain(value(parseMessage({...wireMessage, senderId: 99})).senderId), '99');
	t.false('id' in value(parseMessage({...wireMessage, id: ''})));
	t.false('id' in value(parseMessage({...wireMessage, id: Number.NaN})));
	t.false('id' in value(parseMessage({...wireMessage, id: {}})));
	t.false('sender' in value(parseMessage({...wireMessage, sender: 12})));
});

test('parseMessage sanitizes every text field', (t) => {
	const parsed = value(
		parseMessage({
			type: 'text',
			content: `line1\r\n${ESC}[2J${ESC}]0;title\u0007line2\u202E`,
			time: wireMessage.time,
			sender: `evil${ESC}[31m\nname`,
			senderId: `id\u009B2J`,
			id: `m${ESC}[K1`,
		}),
	);
	t.is(plain(parsed.content), 'line1\nline2');
	t.is(plain(parsed.sender), 'evil name');
	t.is(plain(parsed.senderId), 'id');
	t.is(plain(parsed.id), 'm1');
});

test('parseMessage cuts a long content and says how much', (t) => {
	const parsed = value(
		parseMessage({...wireMessage, content: 'x'.repeat(limits.contentLength + 25)}),
	);
	t.is(parsed.content.length, limits.contentLength);
	t.is(parsed.truncatedChars, 25);
	t.false('truncatedChars' in value(parseMessage(wireMessage)));

	const longName = value(
		parseMessage({...wireMessage, sender: 'n'.repeat(500), senderId: 'i'.repeat(500)}),
	);
	t.is(longName.sender?.length, limits.nameLength);
	t.is(longName.senderId?.length, limits.idLength);
});

test('parseMessage falls back to `now` when the time is missing or unreadable', (t) => {
	for (const time of [
		undefined,
		null,
		'garbage',
		'2024-13-45T99:99:99Z',
		'',
		{},
		[],
		-5,
		Number.NaN,
		'x'.repeat(100),
	]) {
		const parsed = value(parseMessage({...wireMessage, time}, {now}));
		t.is(parsed.time, fixedNow, `time ${JSON.stringify(time)}`);
		t.is(parsed.timeMicros, 0);
	}
});

// ---- parseTime ----

const noon = Date.UTC(2024, 4, 1, 12);

for (const [input, time, timeMicros] of [
	['2024-05-01T12:00:00Z', noon, 0],
	['2024-05-01T12:00:00.123Z', noon + 123, 0],
	['2024-05-01T12:00:00.123456Z', noon + 123, 456],
	['2024-05-01T12:00:00.123456789Z', noon + 123, 456],
	['2024-05-01T12:00:00.1Z', noon + 100, 0],
	['2024-05-01T12:00:00.0001Z', noon, 100],
	['2024-05-01t12:00:00z', noon, 0],
	['2024-05-01 12:00:00', noon, 0],
	['2024-05-01T12:00:00', noon, 0],
	['2024-05-01T12:00:00.654321', noon + 654, 321],
	['2024-05-01T12:00Z', noon, 0],
	['2024-05-01T20:00:00+08:00', noon, 0],
	['2024-05-01T20:00:00+0800', noon, 0],
	['2024-05-01T20:00:00+08', noon, 0],
	['2024-05-01T20:00:00.000001+08:00', noon, 1],
	['2024-05-01T06:30:00-05:30', noon, 0],
	['2024-05-01T12:00:00,5Z', noon + 500, 0],
	['  2024-05-01T12:00:00Z  ', noon, 0],
	[1_714_564_800, noon, 0],
	[1_714_564_800.5, noon + 500, 0],
	[1_714_564_800_123, noon + 123, 0],
] as const) {
	test(`parseTime reads ${show(input)}`, (t) => {
		t.deepEqual(parseTime(input), {time, timeMicros});
	});
}

for (const input of [
	'garbage',
	'',
	'2024-05-01',
	'12:00:00',
	'2024-05-01T12Z',
	'2024-13-01T12:00:00Z',
	'2024-05-01T12:00:00+8',
	'2024-05-01T12:00:00Zjunk',
	`2024-05-01T12:00:00.${'1'.repeat(80)}Z`,
	0,
	-1,
	Number.POSITIVE_INFINITY,
	Number.NaN,
	null,
	undefined,
	{},
	[],
	true,
]) {
	test(`parseTime rejects ${show(input)}`, (t) => {
		t.is(parseTime(input), undefined);
	});
}

test('parseMessage keeps microseconds for ordering', (t) => {
	const parsed = value(parseMessage({...wireMessage, time: '2024-05-01T12:00:00.123456Z'}));
	t.is(parsed.time, noon + 123);
	t.is(parsed.timeMicros, 456);
});

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

test('parseUserList drops malformed entries and counts them; duplicates keep the first', (t) => {
	const list = value(
		parseUserList([
			{userId: 'u1', username: 'ann'},
			null,
			42,
			'bob',
			{username: 'no id'},
			{userId: 'u2', username: 'bob'},
			{userId: 'u1', username: 'ann again'},
			[],
		]),
	);
	t.deepEqual(list.users, [
		{userId: 'u1', username: 'ann'},
		{userId: 'u2', username: 'bob'},
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

test('parseUserList cuts a list over limits.listLength and counts the rest', (t) => {
	const over = 37;
	const payload = Array.from({length: limits.listLength + over}, (_, index) => ({
		userId: `u${index}`,
		username: `user ${index}`,
	}));
	const list = value(parseUserList(payload));
	t.is(list.users.length, limits.listLength);
	t.is(list.dropped, over);
	t.is(plain(list.users.at(-1)?.userId), `u${limits.listLength - 1}`);
});

// ---- pages ----

test('parseUsersPage reads {count, users}, with a count as a numeric string', (t) => {
	t.deepEqual(value(parseUsersPage({count: '3', users: [{userId: 'a', username: 'A'}], more: 1})), {
		count: 3,
		users: [{userId: 'a', username: 'A'}],
		dropped: 0,
	});
	// A missing or unreadable count is the list's length.
	t.is(value(parseUsersPage({users: [{userId: 'a'}, {userId: 'b'}, null]})).count, 2);
	t.is(value(parseUsersPage({count: 'many', users: [{userId: 'a'}]})).count, 1);
	t.is(value(parseUsersPage({count: 'many', users: [{userId: 'a'}, 5]})).dropped, 1);
});

for (const [name, payload, expected] of [
	['null', null, 'users answer: expected an object, got null'],
	['an array', [], 'users answer: expected an object, got an array'],
	['a number', 200, 'users answer: expected an object, got a number'],
	['no users', {count: 1}, 'users answer: user list: expected an array, got a undefined'],
	[
		'users as a string',
		{count: 1, users: 'x'},
		'users answer: user list: expected an array, got a string',
	],
] as const) {
	test(`parseUsersPage rejects ${name}`, (t) => {
		t.is(error(parseUsersPage(payload)), expected);
	});
}

test('parseMessagesPage reads {total, messages}, drops malformed ones and counts them', (t) => {
	const page = value(
		parseMessagesPage(
			{
				total: '120',
				messages: [
					wireMessage,
					{content: 5},
					null,
					{type: 'system', content: 'bob left', time: 'not a time'},
				],
				next: 'ignored',
			},
			{now},
		),
	);
	t.is(page.total, 120);
	t.is(page.dropped, 2);
	t.is(page.messages.length, 2);
	t.is(plain(page.messages[0]?.content), 'hello');
	t.like(page.messages[1], {type: 'system', content: 'bob left', time: fixedNow});
	t.false('next' in page);

	t.is(value(parseMessagesPage({messages: [wireMessage]})).total, 1);
	t.is(value(parseMessagesPage({total: -4, messages: []})).total, 0);
});

test('parseMessagesPage cuts a page over limits.listLength', (t) => {
	const messages = Array.from({length: limits.listLength + 3}, (_, index) => ({
		...wireMessage,
		content: `m${index}`,
	}));
	const page = value(parseMessagesPage({total: messages.length, messages}));
	t.is(page.messages.length, limits.listLength);
	t.is(page.dropped, 3);
	t.is(page.total, limits.listLength + 3);
	t.deepEqual(value(parseMessageList([])), {messages: [], dropped: 0});
});

for (const [name, payload, expected] of [
	['null', null, 'messages answer: expected an object, got null'],
	['a string', '<html>', 'messages answer: expected an object, got a string'],
	['an array', [wireMessage], 'messages answer: expected an object, got an array'],
	[
		'messages as an object',
		{total: 1, messages: {}},
		'messages answer: messages: expected an array, got an object',
	],
] as const) {
	test(`parseMessagesPage rejects ${name}`, (t) => {
		t.is(error(parseMessagesPage(payload)), expected);
	});
}

// ---- parseErrorText ----

for (const [name, body, expected] of [
	['JSON {error}', '{"error":"content must be a string"}', 'content must be a string'],
	['JSON {message}', '{"message":"rate limited"}', 'rate limited'],
	['JSON {error: {message}}', '{"error":{"code":7,"message":"nested reason"}}', 'nested reason'],
	['JSON without a known field', '{"detail":"x"}', '{"detail":"x"}'],
	['an empty body', '', ''],
	['plain text', 'Service Unavailable', 'Service Unavailable'],
	[
		'an HTML page',
		'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad  Gateway</h1>\n<p>nginx</p></body></html>',
		'502 Bad Gateway Bad Gateway nginx',
	],
	[
		'plain text with escape codes',
		`oops${ESC}[2J${ESC}]0;owned\u0007 \u009B31mred\r\nnext`,
		'oops red next',
	],
	[
		'JSON {error} with escape codes',
		JSON.stringify({error: `bad${ESC}[2J\u202E input\nhere`}),
		'bad input here',
	],
] as const) {
	test(`parseErrorText: ${name}`, (t) => {
		const text = parseErrorText(body);
		t.is(plain(text), expected);
		t.notRegex(text, forbiddenControl);
		t.false(text.includes('\n'));
	});
}

test('parseErrorText keeps a long error short', (t) => {
	t.is(parseErrorText(JSON.stringify({error: 'e'.repeat(5000)})).length, 200);
	t.is(parseErrorText(`<p>${'word '.repeat(5000)}</p>`).length, 200);
});
