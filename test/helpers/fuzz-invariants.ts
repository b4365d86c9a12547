/**
 * The invariants every parsed value must hold, for the protocol fuzz tests (test/protocol/fuzz*.ts).
 * A checker returns the problems it found, as short sentences; none is good.
 */
import type {MessageList, UserList} from '../../source/protocol/parse.js';
import {limits, type Message, type User} from '../../source/protocol/types.js';

/** Controls but newline, DEL, C1, and bidirectional overrides and isolates. */
const badInContent = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** The same, newline included: names, ids, one-line errors. */
const badInLine = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function textProblems(
	what: string,
	value: unknown,
	maxLength: number,
	multiline = false,
): string[] {
	if (typeof value !== 'string') {
		return [`${what} is not a string: ${typeof value}`];
	}

	const problems: string[] = [];
	const match = (multiline ? badInContent : badInLine).exec(value);
	if (match) {
		problems.push(`${what} holds U+${match[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
	}

	if (value.length > maxLength) {
		problems.push(`${what} is ${value.length} long (max ${maxLength})`);
	}

	return problems;
}

const isCount = (value: unknown) =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const messageKeys = new Set([
	'id',
	'type',
	'content',
	'time',
	'timeMicros',
	'sender',
	'senderId',
	'truncatedChars',
]);

export function timeProblems(time: unknown, timeMicros: unknown): string[] {
	const problems: string[] = [];
	if (typeof time !== 'number' || !Number.isFinite(time)) {
		problems.push(`time is not a finite number: ${String(time)}`);
	}

	if (!Number.isInteger(timeMicros) || (timeMicros as number) < 0 || (timeMicros as number) > 999) {
		problems.push(`timeMicros out of 0-999: ${String(timeMicros)}`);
	}

	return problems;
}

export function messageProblems(message: Message): string[] {
	const problems = [
		...Object.keys(message)
			.filter((key) => !messageKeys.has(key))
			.map((key) => `extra key ${key}`),
		...textProblems('content', message.content, limits.contentLength, true),
		...timeProblems(message.time, message.timeMicros),
	];
	if (message.type !== 'text' && message.type !== 'system') {
		problems.push(`type ${String(message.type)}`);
	}

	for (const [key, max] of [
		['id', limits.idLength],
		['sender', limits.nameLength],
		['senderId', limits.idLength],
	] as const) {
		if (key in message) {
			problems.push(...textProblems(key, message[key], max));
		}
	}

	if (
		'truncatedChars' in message &&
		!(isCount(message.truncatedChars) && message.truncatedChars! > 0)
	) {
		problems.push(`truncatedChars ${String(message.truncatedChars)}`);
	}

	return problems;
}

export const userProblems = (user: User): string[] => [
	...textProblems('userId', user.userId, limits.idLength),
	...textProblems('username', user.username, limits.nameLength),
];

export function userListProblems(list: UserList, input: unknown): string[] {
	const problems = list.users.flatMap((user) => userProblems(user));
	const ids = new Set(list.users.map((user) => user.userId));
	if (ids.size !== list.users.length) {
		problems.push('a userId twice');
	}

	if (list.users.length > limits.userListLength) {
		problems.push(`${list.users.length} users (max ${limits.userListLength})`);
	}

	if (
		!isCount(list.dropped) ||
		(Array.isArray(input) && list.users.length + list.dropped > input.length)
	) {
		problems.push(`dropped ${list.dropped} of ${Array.isArray(input) ? input.length : '?'}`);
	}

	return problems;
}

export function messageListProblems(list: MessageList, input: unknown): string[] {
	const problems = list.messages.flatMap((message) => messageProblems(message));
	if (list.messages.length > limits.listLength) {
		problems.push(`${list.messages.length} messages (max ${limits.listLength})`);
	}

	// Every entry is kept or counted as dropped.
	if (!Array.isArray(input) || list.messages.length + list.dropped !== input.length) {
		problems.push(
			`kept ${list.messages.length} + dropped ${list.dropped} of ${Array.isArray(input) ? input.length : '?'}`,
		);
	}

	return problems;
}

export const countProblems = (what: string, value: unknown) =>
	isCount(value) ? [] : [`${what} is not a count: ${String(value)}`];

/** A short, printable description of a payload for a failure message. */
export function describePayload(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
