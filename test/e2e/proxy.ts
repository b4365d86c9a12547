import test from 'ava';
import {startChat, waitForOnline} from '../helpers/chat-terminal.js';
import {runCli} from '../helpers/cli-process.js';
import {startRecordingProxy} from '../helpers/http-proxy.js';
import {requestJson, startTestServer} from '../helpers/server-harness.js';

const noProxyVariables = {
	HTTP_PROXY: undefined,
	HTTPS_PROXY: undefined,
	NO_PROXY: undefined,
	http_proxy: undefined,
	https_proxy: undefined,
	no_proxy: undefined,
};

test.serial('with HTTP_PROXY set, both REST and the socket go through the proxy', async (t) => {
	const server = await startTestServer(t);
	const proxy = await startRecordingProxy();
	t.teardown(async () => proxy.close());
	const {host} = new URL(server.url);

	const terminal = await startChat(t, {
		server: server.url,
		name: 'proxied',
		env: {...noProxyVariables, HTTP_PROXY: proxy.url},
	});
	await waitForOnline(terminal);
	await terminal.waitForText('proxied joined');

	// The history on screen came over REST, the join over the socket: with nothing listening
	// but the proxy for the client to reach, at least two tunnels were made to the server, one
	// by undici (REST) and one by the socket's agent, and nothing else went anywhere.
	t.true(proxy.seen.length >= 2, 'REST and the socket each opened a tunnel');
	t.true(
		proxy.seen.every((line) => line === `CONNECT ${host}` || line.includes(`//${host}/`)),
		'every request went to the chat server',
	);
});

test.serial('NO_PROXY naming the server bypasses the proxy', async (t) => {
	const server = await startTestServer(t);
	const proxy = await startRecordingProxy();
	t.teardown(async () => proxy.close());

	const terminal = await startChat(t, {
		server: server.url,
		name: 'direct',
		env: {...noProxyVariables, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1'},
	});
	await waitForOnline(terminal);
	await terminal.waitForText('direct joined');
	t.deepEqual(proxy.seen, [], 'nothing went through the proxy');
});

test.serial('a one-shot command reaches the server through HTTP_PROXY (REST alone)', async (t) => {
	const server = await startTestServer(t);
	const proxy = await startRecordingProxy();
	t.teardown(async () => proxy.close());
	const {host} = new URL(server.url);
	const posted = await requestJson(`${server.url}/api/messages`, {
		method: 'POST',
		body: {userId: 'u-ada', username: 'ada', content: 'through the proxy', type: 'text'},
	});
	t.is(posted.status, 201);

	const result = await runCli(t, ['history', '--server', server.url], {
		env: {...noProxyVariables, HTTP_PROXY: proxy.url},
	});
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	t.regex(result.stdout, /ada: through the proxy$/m);
	t.true(proxy.seen.length > 0, 'the history came through the proxy');
	t.true(
		proxy.seen.every((line) => line === `CONNECT ${host}` || line.includes(`//${host}/`)),
		'every request went to the chat server',
	);
});
