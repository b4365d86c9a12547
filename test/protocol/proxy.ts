import test from 'ava';
import {proxyFor} from '../../source/protocol/proxy.js';
import {socketProxyAgent} from '../../source/protocol/proxy-agent.js';

const proxy = 'http://proxy.local:8080';

test('HTTP_PROXY applies to http:// servers, HTTPS_PROXY to https:// ones', (t) => {
	const environment = {HTTP_PROXY: proxy, HTTPS_PROXY: 'http://secure.local:3128'};
	t.is(proxyFor('http://chat.example.com:3000', environment), proxy);
	t.is(proxyFor('https://chat.example.com', environment), 'http://secure.local:3128');
	t.is(proxyFor('https://chat.example.com', {HTTP_PROXY: proxy}), undefined);
	t.is(proxyFor('http://chat.example.com', {}), undefined);
});

test('lower-case variables win over upper-case ones', (t) => {
	t.is(
		proxyFor('http://a.example', {http_proxy: 'http://low:1', HTTP_PROXY: 'http://up:2'}),
		'http://low:1',
	);
	t.is(
		proxyFor('http://a.example', {HTTP_PROXY: proxy, no_proxy: 'a.example', NO_PROXY: ''}),
		undefined,
	);
});

test('NO_PROXY: hosts, domain suffixes, ports and *', (t) => {
	const cases: Array<[string, string, boolean]> = [
		['http://chat.example.com', 'chat.example.com', false],
		['http://chat.example.com', 'example.com', false],
		['http://chat.example.com', '.example.com', false],
		['http://chat.example.com', '*.example.com', false],
		['http://notexample.com', 'example.com', true],
		['http://chat.example.com:3000', 'chat.example.com:3000', false],
		['http://chat.example.com:3000', 'chat.example.com:4000', true],
		['http://chat.example.com', 'other.org, chat.example.com', false],
		['http://chat.example.com', '*', false],
		['http://127.0.0.1:3000', '127.0.0.1', false],
		['http://[::1]:3000', '::1', false],
		['http://localhost:3000', 'example.com', true],
	];
	for (const [target, noProxy, proxied] of cases) {
		t.is(
			proxyFor(target, {HTTP_PROXY: proxy, NO_PROXY: noProxy}),
			proxied ? proxy : undefined,
			`${target} with NO_PROXY=${noProxy}`,
		);
	}
});

test('the socket gets a tunnelling agent only when a proxy applies', (t) => {
	t.is(socketProxyAgent('http://a.example', {environment: {}}), undefined);
	t.truthy(socketProxyAgent('http://a.example', {environment: {HTTP_PROXY: proxy}}));
	t.is(
		socketProxyAgent('http://a.example', {environment: {HTTP_PROXY: proxy, NO_PROXY: '*'}}),
		undefined,
	);
});
