// parseMessage: a message off the wire, checked, cut to size and sanitized field by field.
import test from 'ava';
import {parseMessage} from '../../source/protocol/parse.js';
import {limits} from '../../source/protocol/types.js';
import {error, fixedNow, now, value, wireMessage} from '../helpers/parse-fixtures.js';
import {ESC, plain} from '../helpers/safe-text.js';

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
