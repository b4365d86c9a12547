// Fuzzing the REST client over real connections: a node:http server answers every request at
// random (status, content type, body, a cut connection or a hang). Seeded (FUZZ_SEED overrides),
// so a failure replays.
import http from 'node:http';
import process from 'node:process';
import test from 'ava';
import {closeDispatchers} from '../../source/protocol/dispatcher.js';
import {ChatApiError} from '../../source/protocol/errors.js';
import type {MessageList, UserList} from '../../source/protocol/parse.js';
import {ChatRestApi} from '../../source/protocol/rest-client.js';
import type {Message} from '../../source/protocol/types.js';
import {
	countProblems,
	describePayload,
	messageListProblems,
	messageProblems,
	textProblems,
	userListProblems,
} from '../helpers/fuzz-invariants.js';
import {
	nearValidMessagesPage,
	nearValidUsersPage,
	randomString,
	randomValue,
	validMessage,
} from '../helpers/fuzz-values.js';
import {seededRandom, type Random} from '../helpers/random.js';
import {listenOnLoopback} from '../helpers/server-harness.js';

const seed = Number(process.env.FUZZ_SEED ?? 20_240_501);

test.after.always(async () => {
	await closeDispatchers();
});

type Answer = {
	status: number;
	type: string | undefined;
	body: string | Uint8Array;
	/** Send it all, stop halfway and cut the connection, or send half and never finish. */
	how: 'whole' | 'cut' | 'hang';
	/** A well-formed page with 200: this call must succeed with this many entries. */
	page?: {call: 'getMessages' | 'getUsers'; length: number};
};

const statuses = [200, 200, 200, 200, 201, 204, 301, 400, 404, 418, 429, 500, 502, 503];
const contentTypes = [
	'application/json',
	'application/json; charset=utf-8',
	'text/html',
	'text/plain',
	'application/octet-stream',
	undefined,
	'text/\u009B31m\u00FF; x=\u0085',
];
const bodyLimit = 16 * 1024 * 1024;
const hugeBody = new Uint8Array(bodyLimit + 1024).fill(0x5b);

function randomAnswer(random: Random, path: string): Answer {
	const roll = random.int(100);
	const how = roll < 3 ? 'cut' : roll < 4 ? 'hang' : 'whole';
	const status = random.pick(statuses);
	const type = random.pick(contentTypes);
	const json = (value: unknown) => JSON.stringify(value) ?? 'null';
	const page = path.startsWith('/users') ? nearValidUsersPage : nearValidMessagesPage;
	switch (random.int(9)) {
		case 0: {
			return {status, type, body: json(randomValue(random)), how};
		}

		case 1:
		case 2: {
			return {status, type, body: json(page(random)), how};
		}

		case 3: {
			// Well-formed: the call must succeed.
			const messages = Array.from({length: random.int(20)}, () => validMessage(random));
			const users = Array.from({length: random.int(20)}, (_, index) => ({
				userId: `u-${index}`,
				username: `n${index}`,
			}));
			return path.startsWith('/users')
				? {
						status: 200,
						type,
						body: json({count: users.length, users}),
						how,
						page: {call: 'getUsers', length: users.length},
					}
				: {
						status: 200,
						type,
						body: json({total: 99, messages}),
						how,
						page: {call: 'getMessages', length: messages.length},
					};
		}

		case 4: {
			return {status, type, body: json(page(random)).slice(0, random.int(200)), how};
		}

		case 5: {
			return {
				status,
				type,
				body: `<html><body><h1>${randomString(random)}</h1></body></html>`,
				how,
			};
		}

		case 6: {
			return {
				status,
				type,
				body: Uint8Array.from({length: random.int(300)}, () => random.int(256)),
				how,
			};
		}

		case 7: {
			return {
				status,
				type,
				body: json({error: randomValue(random), message: randomString(random)}),
				how,
			};
		}

		default: {
			return random.int(10) === 0
				? {status, type, body: hugeBody, how: 'whole'}
				: {status, type, body: '', how};
		}
	}
}

const errorKinds = new Set(['unreachable', 'timeout', 'http', 'bad-payload', 'tls']);

const bodyText = (answer: Answer) =>
	typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);

type Outcome = {value: unknown} | {error: unknown};

/** A call that succeeded: on a whole 2xx answer only, with a value that holds its invariants. */
function successProblems(answer: Answer, value: unknown, call: string): string[] {
	const problems: string[] = [];
	if (answer.how !== 'whole' || answer.status < 200 || answer.status > 299) {
		problems.push(`succeeded on a ${answer.how} ${answer.status} answer`);
	}

	// What the server answered, to check that every entry was kept or counted as dropped.
	const answered = JSON.parse(bodyText(answer)) as {messages?: unknown; users?: unknown};
	switch (call) {
		case 'getMessages': {
			const page = value as MessageList & {total: number};
			problems.push(
				...countProblems('total', page.total),
				...messageListProblems(page, answered.messages),
			);

			break;
		}

		case 'getUsers': {
			const page = value as UserList & {count: number};
			problems.push(
				...countProblems('count', page.count),
				...userListProblems(page, answered.users),
			);

			break;
		}

		case 'sendMessage': {
			const {message} = value as {message?: Message};
			problems.push(...(message ? messageProblems(message) : []));

			break;
		}
		// No default
	}

	if (answer.page?.call === call) {
		const page = value as {messages?: unknown[]; users?: unknown[]};
		const length = (page.messages ?? page.users)?.length;
		if (length !== answer.page.length) {
			problems.push(`${length} entries, answered ${answer.page.length}`);
		}
	}

	return problems;
}

/** The kind of error an answer must give: undefined when any kind will do (a cut connection). */
function expectedKind(answer: Answer): string | undefined {
	if (answer.how !== 'whole') {
		return answer.how === 'hang' ? 'timeout' : undefined;
	}

	if (answer.body === hugeBody) {
		return 'bad-payload';
	}

	return answer.status < 200 || answer.status > 299 ? 'http' : 'bad-payload';
}

/** A call that failed: with a ChatApiError of the kind the answer calls for, and a clean message. */
function failureProblems(answer: Answer, error: unknown, call: string): string[] {
	if (!(error instanceof ChatApiError) || !errorKinds.has(error.kind)) {
		return [`threw something else: ${String(error)}`];
	}

	const problems = textProblems('error message', error.message, 10_000);
	if (answer.page?.call === call && answer.how === 'whole') {
		problems.push(`a well-formed page failed: ${error.message}`);
	}

	const expected = expectedKind(answer);
	if (expected !== undefined && error.kind !== expected) {
		problems.push(`kind ${error.kind}, expected ${expected}: ${error.message}`);
	}

	if (error.kind === 'http' && error.status !== answer.status) {
		problems.push(`status ${error.status}, answered ${answer.status}`);
	}

	return problems;
}

const outcomeProblems = (answer: Answer, outcome: Outcome, call: string) =>
	'error' in outcome
		? failureProblems(answer, outcome.error, call)
		: successProblems(answer, outcome.value, call);

test('the REST client, 300 random answers: a valid value or a ChatApiError, never anything else', async (t) => {
	const random = seededRandom(seed);
	const answers: Answer[] = [];
	const server = http.createServer((request, response) => {
		const answer = randomAnswer(random, (request.url ?? '').replace(/^\/api/, ''));
		answers.push(answer);
		const {status, type, body, how} = answer;
		response.writeHead(status, type === undefined ? {} : {'content-type': type});
		if (how === 'whole') {
			response.end(body);
			return;
		}

		response.write(body.slice(0, Math.floor(body.length / 2)) || ' ');
		if (how === 'cut') {
			response.socket?.destroy();
		}
	});
	const api = new ChatRestApi({
		baseUrl: `${await listenOnLoopback(t, server)}/api`,
		timeoutMs: 1500,
	});
	const calls = {
		getMessages: async () => api.getMessages({limit: random.int(60), offset: random.int(100)}),
		getUsers: async () => api.getUsers(),
		sendMessage: async () =>
			api.sendMessage({userId: 'u-1', username: 'a', content: randomString(random)}),
		broadcast: async () => api.broadcast('hello'),
	};
	const found: string[] = [];
	const outcomes = {resolved: 0, rejected: 0};
	for (let index = 0; index < 300; index++) {
		const call = random.pick([
			'getMessages',
			'getMessages',
			'getUsers',
			'sendMessage',
			'broadcast',
		] as const);
		const before = answers.length;
		let outcome: Outcome;
		try {
			outcome = {value: await calls[call]()};
		} catch (error: unknown) {
			outcome = {error};
		}

		outcomes['error' in outcome ? 'rejected' : 'resolved']++;
		const answer = answers[before];
		const problems = answer ? outcomeProblems(answer, outcome, call) : ['no request seen'];
		if (answer && problems.length > 0 && found.length < 20) {
			const body = describePayload(bodyText(answer).slice(0, 100));
			found.push(
				`#${index} ${call} <- ${answer.how} ${answer.status} ${describePayload(answer.type)} ${body}: ${problems.join('; ')}`,
			);
		}
	}

	t.deepEqual(found, [], `seed ${seed}`);
	t.true(outcomes.resolved > 30 && outcomes.rejected > 30, `outcomes ${JSON.stringify(outcomes)}`);
});
