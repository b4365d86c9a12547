import http from 'node:http';
import {proxyFor} from './proxy.js';

/*
The HTTP agents REST calls go through: Node's own, kept alive and shared by the process, or a
CONNECT tunnel when HTTP_PROXY / HTTPS_PROXY applies (and NO_PROXY does not), the same way the
socket reaches the server. (Node's http module is part of the runtime: nothing to load at
start-up, unlike a bundled HTTP client.) Node's https and the tunnel are loaded the first time
they are needed: the chat's first request is on the way to its first frame, and most servers on a
local network or behind SSH are plain HTTP.
*/

export type DispatcherOptions = {
	/** Accept any TLS certificate. Only ever set by the explicit `--insecure` flag. */
	readonly insecure?: boolean;
};

const agents = new Map<string, Promise<http.Agent>>();

async function makeAgent(url: URL, proxy: string | undefined, insecure: boolean) {
	const keepAlive = {keepAlive: true, keepAliveMsecs: 10_000};
	if (proxy) {
		const {tunnelAgent} = await import('./proxy-agent.js');
		return tunnelAgent(proxy, {...keepAlive, insecure});
	}

	if (url.protocol === 'https:') {
		const {default: https} = await import('node:https');
		return new https.Agent({...keepAlive, rejectUnauthorized: !insecure});
	}

	return new http.Agent(keepAlive);
}

/** The agent for a request to `url`, made once per kind (protocol, proxy, TLS setting). */
export async function agentFor(
	url: URL,
	{insecure = false}: DispatcherOptions = {},
): Promise<http.Agent> {
	const proxy = proxyFor(url.href);
	const key = `${url.protocol}|${proxy ?? ''}|${insecure}`;
	let agent = agents.get(key);
	if (!agent) {
		agent = makeAgent(url, proxy, insecure);
		agents.set(key, agent);
	}

	return agent;
}

/** Close the shared agents, so a one-shot command can exit promptly. */
export async function closeDispatchers(): Promise<void> {
	const open = [...agents.values()];
	agents.clear();
	for (const agent of await Promise.all(open)) {
		agent.destroy();
	}
}
