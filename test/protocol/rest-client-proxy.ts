// ChatRestApi through a real forward proxy on loopback: HTTP_PROXY, HTTPS_PROXY and NO_PROXY as
// the process's environment gives them (lower case winning), for http:// and https:// servers.
import process from 'node:process';
import test from 'ava';
import {closeDispatchers} from '../../source/protocol/dispatcher.js';
import {ChatRestApi} from '../../source/protocol/rest-client.js';
import {startRecordingProxy, type RecordingProxy} from '../helpers/http-proxy.js';
import {freePort, startTestServer} from '../helpers/server-harness.js';
import {selfSignedCertificate} from '../helpers/tls.js';

const names = ['http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY'];

/** Run with exactly `environment`'s proxy variables set; the shared connections start afresh. */
async function withProxyEnvironment<T>(
	environment: Record<string, string>,
	run: () => Promise<T>,
): Promise<T> {
	const saved = names.map((name) => [name, process.env[name]] as const);
	for (const name of names) {
		// eslint-disable-next-line @typescript-eslint/no-dynamic-delete
		delete process.env[name];
	}

	Object.assign(process.env, environment);
	try {
		return await run();
	} finally {
		await closeDispatchers();
		for (const [name, value] of saved) {
			if (value === undefined) {
				// eslint-disable-next-line @typescript-eslint/no-dynamic-delete
				delete process.env[name];
			} else {
				process.env[name] = value;
			}
		}
	}
}

async function recordingProxy(t: {teardown(callback: () => unknown): void}) {
	const proxy: RecordingProxy = await startRecordingProxy();
	t.teardown(async () => proxy.close());
	return proxy;
}

test.serial('HTTP_PROXY carries REST to an http:// server', async (t) => {
	const server = await startTestServer(t);
	const proxy = await recordingProxy(t);
	const {host} = new URL(server.url);
	const users = await withProxyEnvironment({HTTP_PROXY: proxy.url}, async () =>
		new ChatRestApi({baseUrl: `${server.url}/api`}).getUsers(),
	);
	t.deepEqual(users, {count: 0, users: [], dropped: 0});
	t.true(proxy.seen.length > 0, 'the proxy was asked');
	t.true(proxy.seen.every((line) => line === `CONNECT ${host}` || line.includes(`//${host}/`)));
});

test.serial('lower case wins: http_proxy over HTTP_PROXY, no_proxy over NO_PROXY', async (t) => {
	const server = await startTestServer(t);
	const proxy = await recordingProxy(t);
	// Nothing listens on the upper-case proxy: a request sent there would fail.
	const dead = `http://127.0.0.1:${await freePort()}`;
	const api = () => new ChatRestApi({baseUrl: `${server.url}/api`});
	await withProxyEnvironment({http_proxy: proxy.url, HTTP_PROXY: dead}, async () =>
		api().getUsers(),
	);
	t.true(proxy.seen.length > 0, 'http_proxy was used');

	const seen = proxy.seen.length;
	await withProxyEnvironment(
		{HTTP_PROXY: proxy.url, no_proxy: '127.0.0.1', NO_PROXY: ''},
		async () => api().getUsers(),
	);
	t.is(proxy.seen.length, seen, 'no_proxy bypassed the proxy');
});

test.serial('NO_PROXY naming the server, or *, goes direct', async (t) => {
	const server = await startTestServer(t);
	const proxy = await recordingProxy(t);
	for (const noProxy of ['127.0.0.1', 'localhost, 127.0.0.1', '*']) {
		await withProxyEnvironment({HTTP_PROXY: proxy.url, NO_PROXY: noProxy}, async () =>
			new ChatRestApi({baseUrl: `${server.url}/api`}).getUsers(),
		);
	}

	t.deepEqual(proxy.seen, [], 'nothing went through the proxy');
});

test.serial('HTTPS_PROXY tunnels to an https:// server; TLS is checked end to end', async (t) => {
	const server = await startTestServer(t, await selfSignedCertificate(t));
	const proxy = await recordingProxy(t);
	const {host} = new URL(server.url);
	const error = await withProxyEnvironment({HTTPS_PROXY: proxy.url}, async () =>
		new ChatRestApi({baseUrl: `${server.url}/api`}).getUsers().catch((error: unknown) => error),
	);
	t.like(error, {kind: 'tls'});
	const users = await withProxyEnvironment({HTTPS_PROXY: proxy.url}, async () =>
		new ChatRestApi({baseUrl: `${server.url}/api`, insecure: true}).getUsers(),
	);
	t.deepEqual(users, {count: 0, users: [], dropped: 0});
	t.deepEqual([...new Set(proxy.seen)], [`CONNECT ${host}`], 'through a tunnel, and only that');
});
