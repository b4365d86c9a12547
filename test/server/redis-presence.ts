/**
 * Presence in Redis follows the memory store's per-connection rules (server/presence.ts), across
 * processes, on a real redis-server: one account open twice is two sessions; a join never renames
 * another session; "is now known as" only when the same connection joins again under a new name.
 * And `serve --lang zh --redis` says its notices in Chinese.
 */
import test from 'ava';
import type {WireUser} from '../../source/protocol/types.js';
import {startServe} from '../helpers/cli-process.js';
import {startRedis} from '../helpers/redis.js';
import {connectClient, requestJson, startTestServer, waitFor} from '../helpers/server-harness.js';

const names = (users: readonly WireUser[]) => users.map((user) => user.username).sort();
const patience = {timeoutMs: 10_000};

test('one account in two processes: a join never renames the other session', async (t) => {
	const redis = await startRedis(t);
	const first = await startTestServer(t, {redis: redis.url});
	const second = await startTestServer(t, {redis: redis.url});
	const watcher = await connectClient(t, first.url, {user: {userId: 'u-bob', username: 'bob'}});
	const chat = await connectClient(t, first.url, {user: {userId: 'u-al', username: 'alicia'}});
	await watcher.waitForMessage((m) => m.content === 'alicia joined', patience);
	// The README's logger recipe: the same config, so the same user id, under another name.
	const logger = await connectClient(t, second.url, {user: {userId: 'u-al', username: 'logger'}});
	await watcher.waitForMessage((m) => m.content === 'logger joined', patience);
	await watcher.waitForUserList((users) => users.length === 3, patience);
	const both = await requestJson(`${second.url}/api/users`);
	t.deepEqual(names(both.body.users), ['alicia', 'bob', 'logger']);

	logger.close();
	await watcher.waitForMessage((m) => m.content === 'logger left', patience);
	const after = await requestJson(`${first.url}/api/users`);
	t.deepEqual(names(after.body.users), ['alicia', 'bob'], 'alicia keeps her name');

	// The same connection under a new name: a rename, in alicia's place in the list.
	chat.join({userId: 'u-al', username: 'ali'});
	await watcher.waitForMessage((m) => m.content === 'alicia is now known as ali', patience);
	await watcher.waitForUserList((users) => names(users).join(',') === 'ali,bob', patience);
	t.deepEqual(
		watcher.received.userLists.at(-1)!.map((user) => user.username),
		['bob', 'ali'],
		'the renamed entry keeps its place',
	);
	t.false(
		watcher.received.messages.some((m) => m.content.includes('known as logger')),
		'nobody was renamed to logger',
	);
});

test('two tabs under one name are one entry; it leaves with the last of them', async (t) => {
	const redis = await startRedis(t);
	const first = await startTestServer(t, {redis: redis.url});
	const second = await startTestServer(t, {redis: redis.url});
	const watcher = await connectClient(t, first.url, {user: {userId: 'u-bob', username: 'bob'}});
	const tab1 = await connectClient(t, first.url, {user: {userId: 'u-ann', username: 'ann'}});
	const tab2 = await connectClient(t, second.url, {user: {userId: 'u-ann', username: 'ann'}});
	await tab2.roundTrip();
	await watcher.waitForUserList((users) => names(users).join(',') === 'ann,bob', patience);
	// One tab renames itself while the other still holds the name: a join, not a rename.
	tab2.join({userId: 'u-ann', username: 'anna'});
	await watcher.waitForMessage((m) => m.content === 'anna joined', patience);
	tab1.close();
	await watcher.waitForMessage((m) => m.content === 'ann left', patience);
	tab2.close();
	await watcher.waitForMessage((m) => m.content === 'anna left', patience);
	t.is(watcher.received.messages.filter((m) => m.content === 'ann joined').length, 1);
	t.false(watcher.received.messages.some((m) => m.content.includes('known as')));
	const count = async () => {
		const answer = await requestJson(`${second.url}/api/users`);
		return answer.body.count as number;
	};

	await waitFor(async () => (await count()) === 1, {
		...patience,
		description: 'only bob left',
	});
});

test('serve --redis --lang zh announces joins, renames and leaves in Chinese', async (t) => {
	const redis = await startRedis(t);
	const {url} = await startServe(t, ['--lang', 'zh', '--redis', redis.url]);
	const watcher = await connectClient(t, url, {user: {userId: 'u-li', username: '李娜'}});
	const zhang = await connectClient(t, url, {user: {userId: 'u-zw', username: '张伟'}});
	await watcher.waitForMessage((m) => m.content === '张伟 加入了聊天室', patience);
	zhang.join({userId: 'u-zw', username: '伟'});
	await watcher.waitForMessage((m) => m.content === '张伟 改名为 伟', patience);
	zhang.close();
	await watcher.waitForMessage((m) => m.content === '伟 离开了聊天室', patience);
	t.false(watcher.received.messages.some((m) => /joined|left|known/.test(m.content)));
});
