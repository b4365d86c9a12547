import http from 'node:http';
import https from 'node:https';
import {HttpsProxyAgent} from 'https-proxy-agent';
import {proxyFor} from './proxy.js';

/*
The HTTP agents REST calls go through: Node's own, kept alive and shared by the process, or a
CONNECT tunnel when HTTP_PROXY / HTTPS_PROXY applies (and NO_PROXY does not), the same way the
socket reaches the server. (Node's http module is part of the runtime: nothing to load at
start-up, unlike a bundled HTTP client.)
*/

export type DispatcherOptions = {
	/** Accept any TLS certificate. Only ever set by the explicit `--insecure` flag. */
	readonly insecure?: boolean;
};

const agents = new Map<string, http.Agent>();

/** The agent for a request to `url`, made once per kind (protocol, proxy, TLS setting). */
export function agentFor(url: URL, {insecure = false}: DispatcherOptions = {}): http.Agent {
	const proxy = proxyFor(url.href);
	const key = `${url.protocol}|${proxy ?? ''}|${insecure}`;
	let agent = agents.get(key);
	if (!agent) {
		const keepAlive = {keepAlive: true, keepAliveMsecs: 10_000};
		if (proxy) {
			agent = new HttpsProxyAgent(proxy, {...keepAlive, rejectUnauthorized: !insecure});
		} else if (url.protocol === 'https:') {
			agent = new https.Agent({...keepAlive, rejectUnauthorized: !insecure});
		} else {
			agent = new http.Agent(keepAlive);
		}

		agents.set(key, agent);
	}

	return agent;
}

/** Close the shared agents, so a one-shot command can exit promptly. */
export async function closeDispatchers(): Promise<void> {
	for (const agent of agents.values()) {
		agent.destroy();
	}

	agents.clear();
}
