import type {Agent, AgentOptions} from 'node:http';
import {HttpsProxyAgent} from 'https-proxy-agent';
import {proxyFor, type Environment} from './proxy.js';

/*
The CONNECT tunnel through a proxy, for the socket and for REST, when proxy.ts says one applies.
Apart from proxy.ts so that a start without a proxy does not load it: https-proxy-agent and what it
needs (tls, assert) take several milliseconds.
*/

/** A tunnel through `proxy`; `insecure` accepts any certificate from the server behind it. */
export function tunnelAgent(
	proxy: string,
	options: AgentOptions & {insecure?: boolean} = {},
): Agent {
	const {insecure = false, ...agentOptions} = options;
	return new HttpsProxyAgent(proxy, {...agentOptions, rejectUnauthorized: !insecure});
}

/** An agent for socket.io's transports when a proxy applies, else none. */
export function socketProxyAgent(
	target: string,
	options: {insecure?: boolean; environment?: Environment} = {},
): Agent | undefined {
	const proxy = proxyFor(target, options.environment);
	return proxy ? tunnelAgent(proxy, {insecure: options.insecure}) : undefined;
}
