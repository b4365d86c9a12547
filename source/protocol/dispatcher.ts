import {EnvHttpProxyAgent, type Dispatcher} from 'undici';

export type DispatcherOptions = {
	/** Accept any TLS certificate. Only ever set by the explicit `--insecure` flag. */
	readonly insecure?: boolean;
	readonly connectTimeoutMs?: number;
};

const dispatchers = new Map<string, Dispatcher>();

/**
 * One HTTP agent for the process (per TLS setting), so connections are kept alive and reused.
 * It honours HTTP_PROXY, HTTPS_PROXY and NO_PROXY; with none set it connects directly.
 */
export function sharedDispatcher(options: DispatcherOptions = {}): Dispatcher {
	const {insecure = false, connectTimeoutMs = 5000} = options;
	const key = `${insecure}:${connectTimeoutMs}`;
	let dispatcher = dispatchers.get(key);
	if (!dispatcher) {
		dispatcher = new EnvHttpProxyAgent({
			connect: {timeout: connectTimeoutMs, rejectUnauthorized: !insecure},
			keepAliveTimeout: 10_000,
		});
		dispatchers.set(key, dispatcher);
	}

	return dispatcher;
}

/** Close the shared agents, so a one-shot command can exit promptly. */
export async function closeDispatchers(): Promise<void> {
	const all = [...dispatchers.values()];
	dispatchers.clear();
	await Promise.all(all.map(async (dispatcher) => dispatcher.close()));
}
