/**
 * Random payloads for the protocol fuzz tests (test/protocol/fuzz*.ts), drawn from a seeded PRNG:
 * any JSON value, and near-valid messages, users and pages (a valid one with fields replaced,
 * deleted or added). The invariants they are checked against are in fuzz-invariants.ts.
 */
import {limits} from '../../source/protocol/types.js';
import type {Random} from './random.js';

const nastyStrings = [
	'',
	' ',
	'\n',
	'\r\n',
	'\r',
	'\t',
	'\u0000',
	'\u0007',
	'\u0008',
	'\u001B',
	'\u007F',
	'\u001B[2J\u001B[H',
	'\u001B[31mred\u001B[0m',
	'\u001B]0;pwned\u0007',
	'\u001B]52;c;ZXZpbA==\u0007',
	'\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\',
	'\u001BPq#0;2;0;0;0\u001B\\',
	'\u001B7\u001B8',
	'\u009B31m',
	'\u009D0;title\u009C',
	'\u0085',
	'\u0090x',
	'\u2028',
	'\u2029',
	'\u202Eevil',
	'\u2066x\u2069',
	'\u200F',
	'\uFEFF',
	'\u200B',
	'\uD800',
	'\uDFFF',
	'😀',
	'👩‍👩‍👧',
	'张伟',
	'e\u0301',
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'NaN',
	'Infinity',
	'-1',
	'007',
	' 12 ',
	'1e3',
	'9'.repeat(20),
	'null',
	'true',
	'{}',
	'[]',
	'<html><b>x</b></html>',
	'text',
	'system',
	'2024-01-01T00:00:00Z',
	'2024-01-01T00:00:00.123456789+05:30',
	'2024-01-01 12:00',
	'2024-01-01T12:00:00',
	'9999-12-31T23:59:59.999Z',
	'0000-01-01T00:00:00Z',
	'2024-13-45T99:99:99Z',
	'2024-02-30T10:00:00-0800',
];

const specialNumbers = [
	0,
	-0,
	1,
	-1,
	0.5,
	1.5,
	42,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	Number.NEGATIVE_INFINITY,
	Number.MAX_SAFE_INTEGER,
	Number.MAX_SAFE_INTEGER + 2,
	Number.MAX_VALUE,
	Number.MIN_VALUE,
	-Number.MAX_VALUE,
	1e12,
	1e12 - 1,
	1.7e9,
	1.7e12,
	1.7e15,
	8.64e15,
	8.64e15 + 1,
	1.7e18,
	1e300,
];

/** Code unit ranges a random string is drawn from: controls, ASCII, C1, BMP, surrogates, specials. */
const ranges: Array<[number, number]> = [
	[0x00, 0x1f],
	[0x20, 0x7e],
	[0x20, 0x7e],
	[0x7f, 0x9f],
	[0xa0, 0x2f_ff],
	[0x20_00, 0x20_6f],
	[0x4e_00, 0x9f_ff],
	[0xd8_00, 0xdf_ff],
	[0xfe_00, 0xff_ff],
];

/** A huge string, made of text, newlines, escapes and emoji (no "<": see the parseErrorText test). */
function hugeString(random: Random): string {
	const piece = random.pick(['x', 'ab c', '\u001B[31m', '\n', '😀', '\u009B2J', '张']);
	return piece.repeat(Math.ceil((200_000 + random.int(1_500_000)) / piece.length));
}

export function randomString(random: Random): string {
	const roll = random.int(1000);
	if (roll < 2) {
		return hugeString(random);
	}

	if (roll < 300) {
		return random.pick(nastyStrings);
	}

	if (roll < 400) {
		return Array.from({length: 2 + random.int(4)}, () => random.pick(nastyStrings)).join('');
	}

	const length = random.int(random.int(10) === 0 ? 300 : 40);
	let text = '';
	for (let index = 0; index < length; index++) {
		const [low, high] = random.pick(ranges);
		text += String.fromCodePoint(low + random.int(high - low + 1));
	}

	return text;
}

export function randomNumber(random: Random): number {
	switch (random.int(4)) {
		case 0: {
			return random.pick(specialNumbers);
		}

		case 1: {
			return random.int(1000) - 500;
		}

		case 2: {
			return (random.next() - 0.5) * 10 ** random.int(20);
		}

		default: {
			return random.int(2 ** 31);
		}
	}
}

const fieldNames = [
	'type',
	'content',
	'time',
	'sender',
	'senderId',
	'id',
	'_id',
	'userId',
	'username',
	'users',
	'count',
	'total',
	'messages',
	'error',
	'message',
	'__proto__',
	'constructor',
];

/** Any value: JSON's kinds (and undefined), nested up to a few levels. */
export function randomValue(random: Random, depth = 0): unknown {
	switch (random.int(depth >= 3 ? 5 : 7)) {
		case 0: {
			return random.int(4) === 0 ? undefined : null;
		}

		case 1: {
			return random.int(2) === 0;
		}

		case 2: {
			return randomNumber(random);
		}

		case 3:
		case 4: {
			return randomString(random);
		}

		case 5: {
			return Array.from({length: random.int(6)}, () => randomValue(random, depth + 1));
		}

		default: {
			const object: Record<string, unknown> = {};
			for (let index = random.int(6); index > 0; index--) {
				const key = random.int(3) === 0 ? randomString(random) : random.pick(fieldNames);
				object[key] = randomValue(random, depth + 1);
			}

			return object;
		}
	}
}

/** Replace, delete or add a few fields of `base`. */
function mutate(random: Random, base: Record<string, unknown>): Record<string, unknown> {
	const result = {...base};
	for (let index = random.int(4); index > 0; index--) {
		const key = random.int(4) === 0 ? randomString(random) : random.pick(fieldNames);
		if (random.int(3) === 0) {
			// eslint-disable-next-line @typescript-eslint/no-dynamic-delete
			delete result[key];
		} else {
			result[key] = randomValue(random, 1);
		}
	}

	return result;
}

const validTimes = [
	'2024-05-01T12:00:00.000Z',
	'2024-05-01T12:00:00.123456',
	'2024-05-01T12:00:00+08:00',
	'2024-05-01 12:00:00',
	1_714_564_800,
	1_714_564_800_000,
];

export function validMessage(random: Random): Record<string, unknown> {
	return {
		type: random.pick(['text', 'system']),
		content: random.int(2) === 0 ? 'hello' : randomString(random),
		time: random.pick(validTimes),
		sender: 'bob',
		senderId: 'u-bob',
		...(random.int(2) === 0 ? {id: `m-${random.int(1e6)}`} : {}),
	};
}

export const nearValidMessage = (random: Random) => mutate(random, validMessage(random));

export function nearValidUser(random: Random): Record<string, unknown> {
	const index = random.int(1e6);
	return mutate(random, {userId: `u-${index}`, username: `user ${index}`});
}

/** A list of `item`s: usually short, now and then past the client's cap (of plain entries). */
function list(
	random: Random,
	item: (random: Random) => unknown,
	plain: (index: number) => unknown,
	cap: number = limits.listLength,
) {
	if (random.int(50) === 0) {
		return Array.from({length: cap + 1 + random.int(1000)}, (_, index) => plain(index));
	}

	return Array.from({length: random.int(12)}, () => item(random));
}

const plainUser = (index: number) => ({userId: `u-${index}`, username: `user ${index}`});
const plainMessage = (index: number) => ({
	type: 'text',
	content: `line ${index}`,
	time: 1_714_564_800_000 + index,
	sender: 'bob',
});

export const nearValidUserList = (random: Random) =>
	list(random, nearValidUser, plainUser, limits.userListLength);

export const nearValidUsersPage = (random: Random) =>
	mutate(random, {count: random.int(100), users: nearValidUserList(random)});

export const nearValidMessagesPage = (random: Random) =>
	mutate(random, {total: random.int(1000), messages: list(random, nearValidMessage, plainMessage)});
