import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {Agent, fetch} from 'undici';
import {connectClient, startTestServer} from '../helpers/server-harness.js';

const run = promisify(execFile);

async function selfSignedCertificate(): Promise<{cert: string; key: string} | undefined> {
	try {
		await run('which', ['openssl']);
	} catch {
		return undefined;
	}

	const directory = await mkdtemp(path.join(tmpdir(), 'chat-tui-tls-'));
	try {
		const keyFile = path.join(directory, 'key.pem');
		const certFile = path.join(directory, 'cert.pem');
		await run('openssl', [
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-keyout',
			keyFile,
			'-out',
			certFile,
			'-days',
			'1',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=IP:127.0.0.1,DNS:localhost',
		]);
		return {
			cert: await readFile(certFile, 'utf8'),
			key: await readFile(keyFile, 'utf8'),
		};
	} finally {
		await rm(directory, {recursive: true, force: true});
	}
}

test('with cert and key the server speaks HTTPS and WSS', async (t) => {
	const tls = await selfSignedCertificate();
	if (!tls) {
		t.log('skipped: openssl is not installed');
		t.pass();
		return;
	}

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
