import test from 'ava';
import {Agent, fetch} from 'undici';
import {selfSignedCertificate} from '../helpers/tls.js';
import {connectClient, startTestServer} from '../helpers/server-harness.js';

test('with cert and key the server speaks HTTPS and WSS', async (t) => {
	const tls = await selfSignedCertificate(t);

	const server = await startTestServer(t, tls);
	t.true(server.url.startsWith('https://127.0.0.1:'));

	const trusting = new Agent({connect: {ca: tls.cert}});
	t.teardown(async () => trusting.close());
	const posted = await fetch(`${server.url}/api/messages`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({
			userId: 'tls',
			username: 'secure',
			content: 'over tls',
			type: 'text',
		}),
		dispatcher: trusting,
	});
	t.is(posted.status, 201);

	const untrusting = new Agent();
	t.teardown(async () => untrusting.close());
	await t.throwsAsync(
		fetch(`${server.url}/api/users`, {dispatcher: untrusting}),
		undefined,
		'a client that does not trust the certificate is refused',
	);

	const client = await connectClient(t, server.url, {
		ca: tls.cert,
		user: {userId: 'wss', username: 'wss'},
	});
	client.send('over wss');
	await client.waitForMessage((m) => m.content === 'over wss');

	const page = await fetch(`${server.url}/api/messages`, {
		dispatcher: trusting,
	});
	const body = (await page.json()) as {messages: Array<{content: string}>};
	t.deepEqual(
		body.messages.map((m) => m.content),
		['over tls', 'wss joined', 'over wss'],
	);
});
