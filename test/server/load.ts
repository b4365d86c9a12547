import test from 'ava';
import {
	connectClient,
	requestJson,
	startTestServer,
	waitFor,
	type TestClient,
} from '../helpers/server-harness.js';

const clientCount = 200;

test(`${clientCount} concurrent clients join and all receive one message`, async (t) => {
	const server = await startTestServer(t);
	const started = Date.now();
	const clients: TestClient[] = await Promise.all(
		Array.from({length: clientCount}, async (_, index) =>
			connectClient(t, server.url, {
				user: {userId: `load-${index}`, username: `user${index}`},
				// Generous: the machine running the tests may be busy with other work.
				timeout: 30_000,
			}),
		),
	);
	t.log(`${clientCount} connected and joining after ${Date.now() - started} ms`);

	// Everyone ends up seeing the full list and count.
	await waitFor(
		() =>
			clients.every(
				(client) =>
					client.received.userLists.at(-1)?.length === clientCount &&
					client.received.userCounts.at(-1) === clientCount,
			),
		{timeoutMs: 30_000, description: 'every client to see the full user list'},
	);
	const users = await requestJson(`${server.url}/api/users`);
	t.is(users.body.count, clientCount);
	t.log(`all saw ${clientCount} users after ${Date.now() - started} ms`);

	const sentAt = Date.now();
	clients[0]!.send('to all two hundred');
	await waitFor(
		() =>
			clients.every((client) =>
				client.received.messages.some((m) => m.content === 'to all two hundred'),
			),
		{timeoutMs: 15_000, description: 'every client to receive the message'},
	);
	t.log(`message reached all after ${Date.now() - sentAt} ms`);
	for (const client of clients) {
		t.is(client.received.messages.filter((m) => m.content === 'to all two hundred').length, 1);
	}

	// Presence updates are coalesced under a burst, not one whole-list broadcast per join each.
	const listsSeen = clients[0]!.received.userLists.length;
	t.true(listsSeen < clientCount, `first client saw ${listsSeen} lists`);
});
