import test from 'ava';
import {startChat, startRaw, waitForOnline} from '../helpers/chat-terminal.js';
import {startTestServer} from '../helpers/server-harness.js';
import {selfSignedCertificate} from '../helpers/tls.js';

test.serial('a self-signed certificate is refused, with a clear error', async (t) => {
	const tls = await selfSignedCertificate(t);
	const server = await startTestServer(t, tls);
	const terminal = await startChat(t, {server: server.url, name: 'careful'});
	await terminal.waitForText('Cannot reach');
	await terminal.waitForText('DEPTH_ZERO_SELF_SIGNED_CERT');
	t.true(terminal.screenText().includes('TLS error'), 'the error says it is about TLS');
	t.false(terminal.screenText().includes('● online'), 'never online over an untrusted link');
	t.is(server.messageCount(), 0, 'nothing was sent');
});

test.serial(
	'the same certificate is accepted once trusted through NODE_EXTRA_CA_CERTS',
	async (t) => {
		const tls = await selfSignedCertificate(t);
		const server = await startTestServer(t, tls);
		const terminal = await startChat(t, {
			server: server.url,
			name: 'trusting',
			env: {NODE_EXTRA_CA_CERTS: tls.certFile},
		});
		await waitForOnline(terminal);
		await terminal.waitForText('trusting joined');
		t.true(terminal.screenText().includes(server.url.replace('https://', '')));
	},
);

test.serial('--insecure accepts the certificate, and the status bar says so', async (t) => {
	const tls = await selfSignedCertificate(t);
	const server = await startTestServer(t, tls);
	const terminal = await startRaw(t, ['--server', server.url, '--name', 'reckless', '--insecure']);
	await waitForOnline(terminal);
	await terminal.waitForText('TLS NOT VERIFIED (--insecure)');
	await terminal.waitForText('reckless joined');
	t.regex(terminal.screenText(), /● online \d+ ms .*TLS NOT VERIFIED/);
});
