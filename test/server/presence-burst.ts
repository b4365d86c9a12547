import test from 'ava';
import {
	connectClient,
	requestJson,
	startTestServer,
	waitFor,
	type TestClient,
} from '../helpers/server-harness.js';

const waves = 6;
const perWave = 25;
const patience = {timeoutMs: 60_000};

/** How many lists a watcher saw from `start` on, and the longest span they came over. */
function listsSince(times: readonly number[], start: number) {
	const since = times.filter((time) => time >= start);
	return {count: since.length, spanMs: since.length > 0 ? since.at(-1)! - since[0]! : 0};
}

test('a burst of joins and leaves: lists at most about once a second, the last one exact, REST exact', async (t) => {
	const server = await startTestServer(t);
	const watcher = await connectClient(t, server.url, {user: {userId: 'w', username: 'watcher'}});
	await watcher.waitForUserList((users) => users.length === 1);
	const listTimes: number[] = [];
	watcher.socket.on('userList', () => listTimes.push(Date.now()));

	// Joins: waves of real clients, each wave connecting while the one before is joining.
	const joinedAt = Date.now();
	const clients: TestClient[] = [];
	for (let wave = 0; wave < waves; wave++) {
		clients.push(
			...(await Promise.all(
				Array.from({length: perWave}, async (_, index) =>
					connectClient(t, server.url, {
						user: {userId: `b-${wave}-${index}`, username: `burst${wave}-${index}`},
						timeout: 30_000,
					}),
				),
			)),
		);
	}

	const everyone = waves * perWave + 1;
	// REST is not coalesced: it answers the exact count as soon as the server has the joins.
	const rest = await waitFor(
		async () => {
			const answer = await requestJson(`${server.url}/api/users`);
			return answer.body.count === everyone ? answer.body : undefined;
		},
		{...patience, description: `GET /api/users to count ${everyone}`},
	);
	t.is(rest.users.length, everyone);
	// The last state always goes out, list and count.
	await watcher.waitForUserList((users) => users.length === everyone, patience);
	await waitFor(() => watcher.received.userCounts.at(-1) === everyone, patience);
	const joins = listsSince(listTimes, joinedAt);
	t.log(`${everyone - 1} joins: ${joins.count} lists over ${joins.spanMs} ms`);
	t.true(
		joins.count <= Math.floor(joins.spanMs / 1000) + 2,
		`${joins.count} lists over ${joins.spanMs} ms`,
	);

	// Leaves: half of them at once.
	const leftAt = Date.now();
	for (const client of clients.slice(0, clients.length / 2)) {
		client.close();
	}

	const remaining = everyone - clients.length / 2;
	await waitFor(
		async () => {
			const answer = await requestJson(`${server.url}/api/users`);
			return answer.body.count === remaining;
		},
		{...patience, description: `GET /api/users to count ${remaining}`},
	);
	await watcher.waitForUserList((users) => users.length === remaining, patience);
	await waitFor(() => watcher.received.userCounts.at(-1) === remaining, patience);
	const leaves = listsSince(listTimes, leftAt);
	t.log(`${clients.length / 2} leaves: ${leaves.count} lists over ${leaves.spanMs} ms`);
	t.true(
		leaves.count <= Math.floor(leaves.spanMs / 1000) + 2,
		`${leaves.count} lists over ${leaves.spanMs} ms`,
	);
	t.is(watcher.received.userLists.length, watcher.received.userCounts.length);
});
