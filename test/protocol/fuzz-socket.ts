// Fuzzing the socket client over a real connection: a socket.io server emits junk for every event
// the client reads, then a good message, which must still arrive. Seeded (FUZZ_SEED overrides).
import http from 'node:http';
import process from 'node:process';
import test from 'ava';
import {Server, type Socket as ServerSocket} from 'socket.io';
import type {UserList} from '../../source/protocol/parse.js';
import {ChatSocket} from '../../source/protocol/socket-client.js';
import type {Message, SafeText} from '../../source/protocol/types.js';
import {
	countProblems,
	messageProblems,
	textProblems,
	userListProblems,
} from '../helpers/fuzz-invariants.js';
import {
	nearValidMessage,
	nearValidUserList,
	randomNumber,
	randomValue,
	validMessage,
} from '../helpers/fuzz-values.js';
import {seededRandom, type Random} from '../helpers/random.js';
import {listenOnLoopback, waitFor} from '../helpers/server-harness.js';

const seed = Number(process.env.FUZZ_SEED ?? 20_240_501);

const events = ['message', 'userList', 'userCount'] as const;
type EventName = (typeof events)[number];

const payloadFor: Record<EventName, ReadonlyArray<(random: Random) => unknown>> = {
	message: [randomValue, nearValidMessage, nearValidMessage, validMessage],
	userList: [randomValue, nearValidUserList, nearValidUserList],
	userCount: [
		randomValue,
		randomNumber,
		(random) => String(random.int(1e6)),
		(random) => random.int(1e6),
	],
};

test('the socket client, 3,000 random events: each delivered valid or reported, and a good message after them arrives', async (t) => {
	const random = seededRandom(seed);
	const httpServer = http.createServer();
	const io = new Server(httpServer, {serveClient: false});
	const connections: ServerSocket[] = [];
	io.on('connection', (socket) => connections.push(socket));
	const url = await listenOnLoopback(t, httpServer);
	t.teardown(async () => io.close());

	const chat = new ChatSocket({url, userId: 'u-fuzz', username: 'fuzz', transports: ['websocket']});
	t.teardown(() => {
		chat.close();
	});
	const seen = {
		message: [] as Message[],
		userList: [] as UserList[],
		userCount: [] as number[],
		invalid: [] as SafeText[],
		joined: 0,
	};
	chat.on('message', (message) => seen.message.push(message));
	chat.on('userList', (list) => seen.userList.push(list));
	chat.on('userCount', (count) => seen.userCount.push(count));
	chat.on('invalid', (problem) => seen.invalid.push(problem));
	chat.on('joined', () => seen.joined++);
	chat.connect();
	await waitFor(() => seen.joined === 1 && connections.length === 1, {
		timeoutMs: 20_000,
		description: 'connected',
	});

	const sent: Record<EventName, number> = {message: 0, userList: 0, userCount: 0};
	for (let index = 0; index < 3000; index++) {
		const event = random.pick(events);
		connections[0]!.emit(event, random.pick(payloadFor[event])(random));
		sent[event]++;
	}

	const marker = {
		type: 'text',
		content: 'after the junk',
		time: '2024-05-01T12:00:00.5Z',
		sender: 'bob',
		senderId: 'u-bob',
	};
	connections[0]!.emit('message', marker);
	await waitFor(() => seen.message.some((message) => message.content === 'after the junk'), {
		timeoutMs: 30_000,
		description: 'the good message after the junk',
	});

	t.deepEqual(seen.message.at(-1), {
		...marker,
		time: Date.UTC(2024, 4, 1, 12, 0, 0, 500),
		timeMicros: 0,
	});
	const problems = [
		...seen.message.flatMap((message) => messageProblems(message)),
		...seen.userList.flatMap((list) => userListProblems(list, undefined)),
		...seen.userCount.flatMap((count) => countProblems('userCount', count)),
		...seen.invalid.flatMap((problem) => textProblems('invalid', problem, 10_000)),
	];
	t.deepEqual(problems.slice(0, 20), [], `seed ${seed}`);
	// Every payload was delivered or reported as dropped: none lost, none doubled.
	const dropped = (what: string) =>
		seen.invalid.filter((problem) => problem.startsWith(`dropped a ${what}:`)).length;
	t.is(seen.message.length - 1 + dropped('message'), sent.message);
	t.is(seen.userList.length + dropped('user list'), sent.userList);
	t.is(seen.userCount.length + dropped('user count'), sent.userCount);
	t.true(seen.message.length > 300 && dropped('message') > 100, 'both paths taken');
	// And the link held all along.
	t.is(seen.joined, 1);
	t.is(chat.connectionState.status, 'online');
});
