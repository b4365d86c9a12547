// parseTime: the timestamps the server may send, to milliseconds and the microseconds past them.
import test from 'ava';
import {parseMessage, parseTime} from '../../source/protocol/parse.js';
import {show, value, wireMessage} from '../helpers/parse-fixtures.js';

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
