import type {Dispatcher} from 'undici';
import {ChatApiError} from './errors.js';
import {proxyFor} from './proxy.js';

/*
The HTTP REST calls go through: undici's Agent, kept alive and shared by the process, or its
ProxyAgent when HTTP_PROXY / HTTPS_PROXY applies and NO_PROXY does not (proxy.ts decides, the same
way for the socket). Only the parts used are imported (undici-parts.d.ts), and only when the first
call is made: all of undici takes 50-75 ms to load, its Agent and request handler about half that,
and the proxy's parts are loaded only when a proxy applies.
*/

export type DispatcherOptions = {
	/** Accept any TLS certificate. Only ever set by the explicit `--insecure` flag. */
	readonly insecure?: boolean;
	/** How long to wait for the TCP (and TLS) connection; default 5 s. */
	readonly connectTimeoutMs?: number;
};

/** The most bytes of an answer we read; a larger answer is a bad payload. */
export const maxBodyBytes = 16 * 1024 * 1024;

const dispatchers = new Map<string, Promise<Dispatcher>>();

async function makeDispatcher(
	proxy: string | undefined,
	insecure: boolean,
	connectTimeoutMs: number,
): Promise<Dispatcher> {
	const tls = {timeout: connectTimeoutMs, rejectUnauthorized: !insecure};
	const limits = {keepAliveTimeout: 10_000, maxResponseSize: maxBodyBytes};
	if (proxy) {
		const [{default: ProxyAgent}, {default: Dispatcher}, {default: connect}] = await Promise.all([
			import('undici/lib/dispatcher/proxy-agent.js'),
			import('undici/lib/dispatcher/dispatcher.js'),
			import('undici/lib/api/api-connect.js'),
		]);
		// ProxyAgent opens its tunnel with its client's connect(), which undici's index gives every
		// dispatcher (with the rest of its API) as it loads; this gives only that one.
		Dispatcher.prototype.connect ??= connect;
		// The tunnel's far end is the server (requestTls); the proxy itself may speak TLS too.
		return new ProxyAgent({uri: proxy, ...limits, requestTls: tls, proxyTls: tls});
	}

	const {default: Agent} = await import('undici/lib/dispatcher/agent.js');
	return new Agent({...limits, connect: tls});
}

/** The dispatcher for a request to `url`, made once per kind (proxy, TLS setting, connect timeout). */
async function dispatcherFor(
	url: URL,
	{insecure = false, connectTimeoutMs = 5000}: DispatcherOptions,
): Promise<Dispatcher> {
	const proxy = proxyFor(url.href);
	const key = `${proxy ?? ''}|${insecure}|${connectTimeoutMs}`;
	let dispatcher = dispatchers.get(key);
	if (!dispatcher) {
		dispatcher = makeDispatcher(proxy, insecure, connectTimeoutMs);
		dispatchers.set(key, dispatcher);
	}

	return dispatcher;
}

export type Exchange = DispatcherOptions & {
	readonly method: 'GET' | 'POST';
	readonly headers: Record<string, string>;
	readonly body: string | undefined;
	/** The deadline of the whole exchange, connect to last byte. */
	readonly timeoutMs: number;
	/** Called when the request has gone out whole, its answer still to come. */
	readonly onSent?: () => void;
};

export type Answer = {
	readonly status: number;
	readonly contentType?: string;
	readonly text: string;
};

/** Send the request through `dispatcher`, with undici's request handler; resolves at the headers. */
async function dispatch(
	dispatcher: Dispatcher,
	options: Dispatcher.RequestOptions,
	onSent: (() => void) | undefined,
): Promise<Dispatcher.ResponseData> {
	const {RequestHandler} = await import('undici/lib/api/api-request.js');
	return new Promise((resolve, reject) => {
		const handler = new RequestHandler(options, (error, data) => {
			if (error) {
				reject(error);
			} else {
				resolve(data);
			}
		});
		handler.onRequestSent = onSent;
		dispatcher.dispatch(options, handler as Dispatcher.DispatchHandler);
	});
}

/**
 * One request and its whole answer (at most maxBodyBytes), within the deadline. Throws what undici
 * throws (errors.ts names it), or a bad-payload ChatApiError for an answer that is too large.
 */
export async function exchange(url: URL, options: Exchange): Promise<Answer> {
	const dispatcher = await dispatcherFor(url, options);
	const signal = AbortSignal.timeout(options.timeoutMs);
	try {
		const response = await dispatch(
			dispatcher,
			{
				origin: url.origin,
				path: `${url.pathname}${url.search}`,
				method: options.method,
				headers: options.headers,
				body: options.body,
				signal,
			},
			options.onSent,
		);
		const text = await response.body.text();
		const type = response.headers['content-type'];
		return {status: response.statusCode, contentType: String(type ?? '') || undefined, text};
	} catch (error: unknown) {
		if ((error as {code?: unknown} | undefined)?.code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
			throw new ChatApiError(
				'bad-payload',
				`${url.href}: the answer is larger than ${maxBodyBytes / 1024 / 1024} MB`,
			);
		}

		throw error;
	}
}

/** Close the shared connections at once, so a one-shot command can exit promptly. */
export async function closeDispatchers(): Promise<void> {
	const open = [...dispatchers.values()];
	dispatchers.clear();
	const made = await Promise.all(open);
	await Promise.all(made.map(async (dispatcher) => dispatcher.destroy()));
}
