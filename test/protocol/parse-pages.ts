// The REST answers: parseUsersPage and parseMessagesPage, and parseErrorText for error bodies.
import test from 'ava';
import {
	parseErrorText,
	parseMessageList,
	parseMessagesPage,
	parseUsersPage,
} from '../../source/protocol/parse.js';
import {limits} from '../../source/protocol/types.js';
import {error, fixedNow, now, value, wireMessage} from '../helpers/parse-fixtures.js';
import {ESC, forbiddenControl, plain} from '../helpers/safe-text.js';

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
