import type {Agent} from 'node:http';
import {HttpsProxyAgent} from 'https-proxy-agent';
import {proxyFor, type Environment} from './proxy.js';

/*
The socket's CONNECT tunnel through a proxy, when proxy.ts says one applies. socket.io-client's
transports (the ws package, and its XMLHttpRequest for long-polling) take a Node http.Agent, which
undici (REST's HTTP, dispatcher.ts) does not make: https-proxy-agent makes one.
*/

/** An agent for socket.io's transports when a proxy applies, else none. */
export function socketProxyAgent(
	target: string,
	options: {insecure?: boolean; environment?: Environment} = {},
): Agent | undefined {
	const proxy = proxyFor(target, options.environment);
	// `insecure` accepts any certificate from the server behind the proxy.
	return proxy ? new HttpsProxyAgent(proxy, {rejectUnauthorized: !options.insecure}) : undefined;
}
