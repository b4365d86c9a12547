// Fuzzing the parsers, where every payload from the network enters (the REST and socket clients
// are fuzzed over real connections in fuzz-rest.ts and fuzz-socket.ts). Seeded (FUZZ_SEED overrides): a failure
// names the seed and the payloads, so it replays.
import process from 'node:process';
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
import {
	countProblems,
	describePayload,
	messageListProblems,
	messageProblems,
	textProblems,
	timeProblems,
	userListProblems,
	userProblems,
} from '../helpers/fuzz-invariants.js';
import {
	nearValidMessage,
	nearValidMessagesPage,
	nearValidUser,
	nearValidUserList,
	nearValidUsersPage,
	randomNumber,
	randomString,
	randomValue,
	validMessage,
} from '../helpers/fuzz-values.js';
import {seededRandom} from '../helpers/random.js';

const seed = Number(process.env.FUZZ_SEED ?? 20_240_501);

/** Runs checks that return problems; a throw is a problem too. Keeps the first 20. */
function findings() {
	const found: string[] = [];
	return {
		found,
		check(label: string, payload: unknown, run: () => string[]) {
			let problems: string[];
			try {
				problems = run();
			} catch (error: unknown) {
				problems = [`threw ${String(error)}`];
			}

			if (problems.length > 0 && found.length < 20) {
				found.push(`${label}(${describePayload(payload)}): ${problems.join('; ')}`);
			}
		},
	};
}

const anyPayload = [
	randomValue,
	nearValidMessage,
	validMessage,
	nearValidUser,
	nearValidUserList,
	nearValidUsersPage,
	nearValidMessagesPage,
] as const;

test('every parser, 4,000 random payloads: nothing throws, every value holds its invariants', (t) => {
	const random = seededRandom(seed);
	const {found, check} = findings();
	const accepted = {message: 0, user: 0, messagesPage: 0, usersPage: 0};
	const errorText = (error: string) => textProblems('error', error, 10_000);
	for (let index = 0; index < 4000; index++) {
		const payload = random.pick(anyPayload)(random);
		const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
			string,
			unknown
		>;
		const label = (name: string) => `#${index} ${name}`;
		check(label('parseMessage'), payload, () => {
			const result = parseMessage(payload, {now: () => 1_714_564_800_000});
			accepted.message += Number(result.ok);
			return result.ok ? messageProblems(result.value) : errorText(result.error);
		});
		check(label('parseUser'), payload, () => {
			const result = parseUser(payload);
			accepted.user += Number(result.ok);
			return result.ok ? userProblems(result.value) : errorText(result.error);
		});
		check(label('parseUserList'), payload, () => {
			const result = parseUserList(payload);
			return result.ok ? userListProblems(result.value, payload) : errorText(result.error);
		});
		check(label('parseMessageList'), payload, () => {
			const result = parseMessageList(payload);
			return result.ok ? messageListProblems(result.value, payload) : errorText(result.error);
		});
		check(label('parseUsersPage'), payload, () => {
			const result = parseUsersPage(payload);
			accepted.usersPage += Number(result.ok);
			return result.ok
				? [
						...countProblems('count', result.value.count),
						...userListProblems(result.value, fields.users),
					]
				: errorText(result.error);
		});
		check(label('parseMessagesPage'), payload, () => {
			const result = parseMessagesPage(payload);
			accepted.messagesPage += Number(result.ok);
			return result.ok
				? [
						...countProblems('total', result.value.total),
						...messageListProblems(result.value, fields.messages),
					]
				: errorText(result.error);
		});
		for (const value of [payload, fields.count, fields.total]) {
			check(label('parseCount'), value, () => {
				const result = parseCount(value);
				return result.ok ? countProblems('count', result.value) : errorText(result.error);
			});
		}

		for (const value of [payload, fields.time, randomNumber(random)]) {
			check(label('parseTime'), value, () => {
				const result = parseTime(value);
				return result === undefined ? [] : timeProblems(result.time, result.timeMicros);
			});
		}

		const body = typeof payload === 'string' ? payload : (JSON.stringify(payload) ?? '');
		check(label('parseErrorText'), body, () =>
			textProblems('error text', parseErrorText(body), 200),
		);
	}

	t.deepEqual(found, [], `seed ${seed}`);
	// The near-valid payloads reach the success paths, not only the error paths.
	for (const [parser, count] of Object.entries(accepted)) {
		t.true(count > 200, `${parser} accepted only ${count} payloads`);
	}
});

// A time the UI cannot show (past Date's range, e.g. nanoseconds or 1e300) must not come out
// of the parser: it is scaled down or replaced by the arrival time.
test('every parsed time is a date the UI can show', (t) => {
	const random = seededRandom(seed);
	const bad: string[] = [];
	for (let index = 0; index < 2000; index++) {
		const time = random.int(2) === 0 ? randomNumber(random) : randomString(random);
		const result = parseMessage({type: 'text', content: 'x', time}, {now: () => 1_714_564_800_000});
		if (result.ok && Number.isNaN(new Date(result.value.time).getTime()) && bad.length < 10) {
			bad.push(`${describePayload(time)} -> ${result.value.time}`);
		}
	}

	t.deepEqual(bad, []);
});

// A name or id made only of control characters or escape sequences sanitizes to nothing: the
// name falls back to the id, and an id of nothing is no id.
test('a parsed user always has a non-empty userId and username', (t) => {
	const random = seededRandom(seed);
	const bad: string[] = [];
	for (let index = 0; index < 2000; index++) {
		const text = randomString(random);
		for (const input of [
			{userId: 'u-1', username: text},
			{userId: text, username: 'name'},
		]) {
			const result = parseUser(input);
			if (
				result.ok &&
				(result.value.userId === '' || result.value.username === '') &&
				bad.length < 10
			) {
				bad.push(describePayload(input));
			}
		}
	}

	t.deepEqual(bad, []);
});

// parseErrorText must take linear time on a body of many "<" and no ">" (a quadratic tag
// stripper blocked the event loop for seconds on 40,000 of them).
test('parseErrorText takes linear time on a body of many "<"', (t) => {
	const started = performance.now();
	parseErrorText('<'.repeat(40_000));
	const elapsed = performance.now() - started;
	t.true(elapsed < 250, `took ${Math.round(elapsed)} ms`);
});
