/*
HTTP_PROXY, HTTPS_PROXY and NO_PROXY, one rule for the socket (its CONNECT tunnel, proxy-agent.ts)
and for REST (undici's ProxyAgent, dispatcher.ts). Lower-case names win over upper-case ones, as in
curl. (undici's EnvHttpProxyAgent reads the same variables, but its NO_PROXY takes `::1` for host
`:` and port 1, and `*` only alone: the socket and REST would disagree.) NO_PROXY is a list of
host names, domain suffixes (with or without a leading dot), optional `:port`s, or `*` for none at
all.
*/

export type Environment = Record<string, string | undefined>;

const read = (environment: Environment, name: string) =>
	environment[name.toLowerCase()] ?? environment[name.toUpperCase()];

/** `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address. */
function splitEntry(entry: string): {pattern: string; entryPort?: string} {
	const bracketed = /^\[(.+)](?::(\d+))?$/.exec(entry);
	if (bracketed) {
		return {pattern: bracketed[1]!, entryPort: bracketed[2]};
	}

	const parts = entry.split(':');
	return parts.length === 2 ? {pattern: parts[0]!, entryPort: parts[1]} : {pattern: entry};
}

function bypassed(url: URL, noProxy: string | undefined): boolean {
	if (!noProxy) {
		return false;
	}

	const host = url.hostname.replaceAll(/^\[|]$/g, '').toLowerCase();
	const port = url.port || (url.protocol === 'https:' ? '443' : '80');
	return noProxy
		.split(/[\s,]+/)
		.filter(Boolean)
		.some((entry) => {
			if (entry === '*') {
				return true;
			}

			const {pattern, entryPort} = splitEntry(entry.toLowerCase());
			if (entryPort !== undefined && entryPort !== port) {
				return false;
			}

			const domain = pattern.replace(/^\*?\./, '');
			return host === domain || host.endsWith(`.${domain}`);
		});
}

/** The proxy URL to reach `target` through, or undefined for a direct connection. */
export function proxyFor(
	target: string,
	environment: Environment = process.env,
): string | undefined {
	const url = new URL(target);
	const proxy =
		url.protocol === 'https:' ? read(environment, 'https_proxy') : read(environment, 'http_proxy');
	if (!proxy || bypassed(url, read(environment, 'no_proxy'))) {
		return undefined;
	}

	return proxy;
}
