/**
 * Several `serve` processes on one real redis-server (each test starts its own): messages reach
 * everyone once, history, ids and the user list are shared, a killed process's users leave, and a
 * restarted process serves the shared history and keeps counting ids.
 */
import {readFile} from 'node:fs/promises';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import type {WireMessage, WireUser} from '../../source/protocol/types.js';
import type {ServerOptions} from '../../source/server/index.js';
import {startCli} from '../helpers/cli-process.js';
import {redisCommand, startRedis} from '../helpers/redis.js';
import {startTcpProxy} from '../helpers/tcp-proxy.js';
import {
	connectClient,
	requestJson,
	startTestServer,
	waitFor,
	type TestClient,
} from '../helpers/server-harness.js';

const childServer = new URL('../helpers/redis-serve-child.ts', import.meta.url).pathname;
const names = (users: WireUser[]) => users.map((user) => user.username).sort();
const texts = (client: TestClient) =>
	client.received.messages.filter((m) => m.type === 'text').map((m) => m.content);

/** A redis-server of the test's own, and two servers on it. */
async function twoServersOnRedis(t: ExecutionContext, options: ServerOptions = {}) {
	const redis = await startRedis(t);
	const first = await startTestServer(t, {redis: redis.url, ...options});
	const second = await startTestServer(t, {redis: redis.url, ...options});
	return {redis, first, second};
}

test('two processes: every message reaches everyone once, one history, unique ids, one user list', async (t) => {
	const {first, second} = await twoServersOnRedis(t);
	const alice = await connectClient(t, first.url, {user: {userId: 'u-alice', username: 'alice'}});
	const bob = await connectClient(t, second.url, {user: {userId: 'u-bob', username: 'bob'}});
	const carol = await connectClient(t, second.url, {user: {userId: 'u-carol', username: 'carol'}});
	const clients = [alice, bob, carol];
	for (const client of clients) {
		await client.waitForUserList((users) => users.length === 3, {timeoutMs: 10_000});
	}

	const sent: string[] = [];
	for (let round = 0; round < 5; round++) {
		for (const [index, client] of clients.entries()) {
			const content = `line ${round} from ${index}`;
			sent.push(content);
			client.send(content);
		}
	}

	await requestJson(`${second.url}/api/messages`, {
		method: 'POST',
		body: {userId: 'u-rest', username: 'rest', content: 'over REST'},
	});
	sent.push('over REST');
	for (const client of clients) {
		await waitFor(() => texts(client).length >= sent.length, {
			timeoutMs: 10_000,
			description: 'every line',
		});
		await client.roundTrip();
		t.deepEqual([...texts(client)].sort(), [...sent].sort(), 'each line exactly once');
		t.deepEqual(names(client.received.userLists.at(-1)!), ['alice', 'bob', 'carol']);
	}

	const fromFirst = await requestJson(`${first.url}/api/messages?limit=500`);
	const fromSecond = await requestJson(`${second.url}/api/messages?limit=500`);
	t.is(fromFirst.status, 200);
	t.deepEqual(fromFirst.body, fromSecond.body, 'the same history from both');
	const ids = (fromFirst.body.messages as WireMessage[]).map((m) => m.id);
	t.is(new Set(ids).size, ids.length, 'unique ids');
	t.deepEqual(
		ids.map(Number),
		ids.map(Number).sort((a, b) => a - b),
		'ids count up in the order of the history',
	);
	t.is(fromFirst.body.total, sent.length + 3, 'the lines and three joins');
	for (const client of clients) {
		const seen = client.received.messages.filter((m) => m.type === 'text').map((m) => m.id);
		t.true(
			seen.every((id) => ids.includes(id)),
			'live messages carry the ids of the history',
		);
	}

	const users = await Promise.all(
		[first, second].map(async (server) => requestJson(`${server.url}/api/users`)),
	);
	t.deepEqual(users[0]!.body, users[1]!.body, 'REST answers the same on both');
	t.is(users[0]!.body.count, 3);

	// bob leaves on the second process: the first one's client sees it.
	bob.close();
	await alice.waitForMessage((m) => m.content === 'bob left', {timeoutMs: 10_000});
	await alice.waitForUserList((list) => list.length === 2, {timeoutMs: 10_000});
});

test('presence across processes: one user on both, a rename, and users back after Redis lost them', async (t) => {
	const {redis, first, second} = await twoServersOnRedis(t, {presenceTtlMs: 3000});
	const watcher = await connectClient(t, first.url, {user: {userId: 'u-bob', username: 'bob'}});
	const tab1 = await connectClient(t, first.url, {user: {userId: 'u-ann', username: 'ann'}});
	const tab2 = await connectClient(t, second.url, {user: {userId: 'u-ann', username: 'ann'}});
	await tab2.waitForUserList((users) => users.length === 2, {timeoutMs: 10_000});
	// Each connection is its own presence (see redis-presence.ts): the other tab keeps "ann".
	tab2.join({userId: 'u-ann', username: 'anna'});
	await watcher.waitForMessage((m) => m.content === 'anna joined', {timeoutMs: 10_000});
	await watcher.waitForUserList((users) => names(users).includes('anna'), {timeoutMs: 10_000});
	tab1.close();
	await watcher.waitForMessage((m) => m.content === 'ann left', {timeoutMs: 10_000});
	await tab2.roundTrip();
	const stillThere = await requestJson(`${second.url}/api/users`);
	t.is(stillThere.body.count, 2, 'anna is still online on the second process');
	t.is(watcher.received.messages.filter((m) => m.content.includes('joined')).length, 3);

	// Redis restarted empty: each process's next heartbeat (every second with a 3 s lease) finds its
	// lease gone and joins its users again. (A lease much shorter than that would expire under load.)
	t.is(await redisCommand(redis.port, 'FLUSHALL'), '+OK');
	const back = await waitFor(
		async () => {
			const answer = await requestJson(`${first.url}/api/users`);
			return answer.body.count === 2 ? answer.body : undefined;
		},
		{timeoutMs: 10_000, description: 'the users back in Redis'},
	);
	t.deepEqual(names(back.users), ['anna', 'bob']);
	tab2.close();
	await watcher.waitForMessage((m) => m.content === 'anna left', {timeoutMs: 10_000});
});

test('a process killed with SIGKILL: its users leave; restarted, it serves the shared history and ids go on', async (t) => {
	const redis = await startRedis(t);
	const leaseMs = 3000;
	const survivor = await startTestServer(t, {redis: redis.url, presenceTtlMs: leaseMs});
	const doomed = await startCli(t, [redis.url, String(leaseMs)], {
		command: {file: process.execPath, args: ['--import', 'tsx', childServer]},
	});
	const doomedOutput = await doomed.waitForStdout(
		(out) => out.includes('\n'),
		'the server URL',
		30_000,
	);
	const doomedUrl = doomedOutput.trim();

	const erin = await connectClient(t, survivor.url, {user: {userId: 'u-erin', username: 'erin'}});
	const dave = await connectClient(t, doomedUrl, {user: {userId: 'u-dave', username: 'dave'}});
	await erin.waitForUserList((users) => users.length === 2, {timeoutMs: 10_000});
	dave.send('before the crash');
	await erin.waitForMessage((m) => m.content === 'before the crash', {timeoutMs: 10_000});

	doomed.kill('SIGKILL');
	await doomed.exited;
	const started = Date.now();
	await erin.waitForMessage((m) => m.content === 'dave left', {timeoutMs: 30_000});
	await erin.waitForUserList((users) => users.length === 1, {timeoutMs: 30_000});
	t.log(`dave left ${Date.now() - started} ms after the kill (lease ${leaseMs} ms)`);
	t.deepEqual(names(erin.received.userLists.at(-1)!), ['erin']);
	const users = await requestJson(`${survivor.url}/api/users`);
	t.deepEqual(users.body, {count: 1, users: [{userId: 'u-erin', username: 'erin'}]});
	const before = await requestJson(`${survivor.url}/api/messages?limit=500`);

	// Restarted as the built program, with the URL from the environment.
	const restarted = await startCli(t, ['serve', '--port', '0'], {
		env: {CHAT_TUI_REDIS: redis.url},
	});
	const listening = await waitFor(() => /listening on (\S+) /.exec(restarted.stderr())?.[1], {
		timeoutMs: 30_000,
		description: 'the restarted server',
	});
	const history = await requestJson(`${listening}/api/messages?limit=500`);
	t.deepEqual(history.body, before.body, 'the shared history');
	const frank = await connectClient(t, listening, {user: {userId: 'u-frank', username: 'frank'}});
	frank.send('after the restart');
	const after = await erin.waitForMessage((m) => m.content === 'after the restart', {
		timeoutMs: 10_000,
	});
	const highest = Math.max(...(before.body.messages as WireMessage[]).map((m) => Number(m.id)));
	t.true(Number(after.id) > highest, `id ${after.id} after ${highest}`);
	await erin.waitForUserList((list) => list.length === 2, {timeoutMs: 10_000});
	restarted.kill('SIGTERM');
	await restarted.exited;
	await erin.waitForMessage((m) => m.content === 'frank left', {timeoutMs: 10_000});
});

test('Redis going away and coming back: the servers stay up and a line sent meanwhile arrives', async (t) => {
	const {redis, first, second} = await twoServersOnRedis(t);
	const sender = await connectClient(t, first.url, {user: {userId: 'u-ann', username: 'ann'}});
	const reader = await connectClient(t, second.url, {user: {userId: 'u-bob', username: 'bob'}});
	await reader.waitForUserList((users) => users.length === 2, {timeoutMs: 10_000});

	await redis.kill();
	await waitFor(() => first.logs.some((line) => line.includes('error: redis')), {
		timeoutMs: 10_000,
		description: 'the outage in the log',
	});
	sender.send('sent while Redis was away');
	await startRedis(t, redis.port);
	const late = await reader.waitForMessage((m) => m.content === 'sent while Redis was away', {
		timeoutMs: 20_000,
	});
	t.is(late.sender, 'ann');
	await reader.roundTrip();
	t.is(
		reader.received.messages.filter((m) => m.content === 'sent while Redis was away').length,
		1,
		'once',
	);
	await waitFor(() => first.logs.some((line) => line.includes('is back')), {
		timeoutMs: 10_000,
		description: 'the recovery in the log',
	});
	const users = await requestJson(`${second.url}/api/users`);
	t.is(users.status, 200);
});

test('a process cut off from Redis catches up when it is back: what others sent meanwhile reaches its sockets once', async (t) => {
	const redis = await startRedis(t);
	const link = await startTcpProxy(redis.port);
	t.teardown(async () => link.close());
	const first = await startTestServer(t, {redis: redis.url});
	const second = await startTestServer(t, {redis: `redis://127.0.0.1:${link.port}`});
	const sender = await connectClient(t, first.url, {user: {userId: 'u-ann', username: 'ann'}});
	const reader = await connectClient(t, second.url, {user: {userId: 'u-bob', username: 'bob'}});
	await reader.waitForUserList((users) => users.length === 2, {timeoutMs: 10_000});
	sender.send('before the cut');
	await reader.waitForMessage((m) => m.content === 'before the cut', {timeoutMs: 10_000});

	// Only the second process loses Redis: the first stores and publishes to nobody listening there.
	link.cut();
	await waitFor(() => second.logs.some((line) => line.includes('error: redis (subscriber)')), {
		timeoutMs: 10_000,
		description: 'the outage in the second log',
	});
	sender.send('while the reader was cut off');
	await sender.waitForMessage((m) => m.content === 'while the reader was cut off', {
		timeoutMs: 10_000,
	});
	link.restore();
	await reader.waitForMessage((m) => m.content === 'while the reader was cut off', {
		timeoutMs: 20_000,
	});
	sender.send('after the cut');
	await reader.waitForMessage((m) => m.content === 'after the cut', {timeoutMs: 10_000});
	await reader.roundTrip();
	t.deepEqual(
		texts(reader),
		['before the cut', 'while the reader was cut off', 'after the cut'],
		'each once',
	);
	t.true(second.logs.some((line) => line.includes('caught up: 1 missed')));
});

test('serve --redis refuses a bad URL, and --data with it', async (t) => {
	const bad = await startCli(t, ['serve', '--port', '0', '--redis', 'http://x']);
	t.like(await bad.exited, {code: 2});
	t.regex(bad.stderr(), /--redis must be a URL like redis:\/\/host:6379/);
	const both = await startCli(t, [
		'serve',
		'--port',
		'0',
		'--redis',
		'redis://127.0.0.1:1',
		'--data',
		'x.jsonl',
	]);
	t.like(await both.exited, {code: 2});
	t.regex(both.stderr(), /--data and --redis/);
	const unreachable = await startCli(t, ['serve', '--port', '0', '--redis', 'redis://127.0.0.1:1']);
	t.like(await unreachable.exited, {code: 1});
	t.regex(unreachable.stderr(), /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
});

test('the chat never loads the Redis packages: the command line requires them only for serve --redis', async (t) => {
	const script = await readFile(new URL('../../dist/main.cjs', import.meta.url), 'utf8');
	for (const name of ['ioredis', '@socket.io/redis-adapter']) {
		t.is(script.split(`require("${name}")`).length, 2, `${name} is required once, not bundled`);
	}

	// Strings of the packages' own code: present only if they were bundled.
	t.false(script.includes('Connection is closed.'), 'no ioredis code in the script');
	t.false(script.includes('-request#'), 'no adapter code in the script');
});
