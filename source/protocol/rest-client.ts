import http from 'node:http';
import {agentFor} from './dispatcher.js';
import {ChatApiError, toChatApiError} from './errors.js';
import {parseErrorText, parseMessage, parseMessagesPage, parseUsersPage} from './parse.js';
import {sanitizeText} from './sanitize.js';
import type {Message, MessagesPage, ParseResult, UsersPage} from './types.js';

export type RestClientOptions = {
	/** The REST base, e.g. `http://localhost:3000/api`. */
	readonly baseUrl: string;
	/** The overall deadline of one call, connect to last byte. */
	readonly timeoutMs?: number;
	readonly insecure?: boolean;
	/** How long to wait for the TCP (and TLS) connection. */
	readonly connectTimeoutMs?: number;
	/** Called when a request has gone out whole, its answer still to come. */
	readonly onRequestSent?: () => void;
};

/** The most bytes of an answer we read; a larger answer is a bad payload. */
const maxBodyBytes = 16 * 1024 * 1024;

export type SendResult = {
	/** The stored message, when the server's answer holds one. */
	readonly message?: Message;
	readonly body: unknown;
};

/** What a POST answered: the stored message when the answer holds one (parsed and sanitized). */
function storedResult(body: unknown): SendResult {
	const candidate =
		typeof body === 'object' && body !== null && 'message' in body ? body.message : body;
	const message = parseMessage(candidate);
	return message.ok ? {message: message.value, body} : {body};
}

/** The chat service's REST API: the TypeScript counterpart of the guide's `ChatRestAPI`. */
export class ChatRestApi {
	readonly baseUrl: string;
	private readonly timeoutMs: number;
	private readonly connectTimeoutMs: number;
	private readonly insecure: boolean;
	private readonly onRequestSent: (() => void) | undefined;

	constructor(options: RestClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/+$/, '');
		this.timeoutMs = options.timeoutMs ?? 10_000;
		this.connectTimeoutMs = options.connectTimeoutMs ?? 5000;
		this.insecure = options.insecure ?? false;
		this.onRequestSent = options.onRequestSent;
	}

	async getUsers(): Promise<UsersPage> {
		return this.parsed('GET', '/users', undefined, parseUsersPage);
	}

	async getMessages({
		limit = 50,
		offset = 0,
	}: {limit?: number; offset?: number} = {}): Promise<MessagesPage> {
		const query = new URLSearchParams({limit: String(limit), offset: String(offset)});
		return this.parsed('GET', `/messages?${query.toString()}`, undefined, (body) =>
			parseMessagesPage(body),
		);
	}

	async sendMessage(input: {
		userId: string;
		username: string;
		content: string;
	}): Promise<SendResult> {
		return storedResult(await this.call('POST', '/messages', {...input, type: 'text'}));
	}

	/** POST /api/broadcast: a system notice to everyone; resolves with the stored notice. */
	async broadcast(content: string): Promise<SendResult> {
		return storedResult(await this.call('POST', '/broadcast', {content}));
	}

	private async parsed<T>(
		method: 'GET' | 'POST',
		path: string,
		payload: unknown,
		parse: (body: unknown) => ParseResult<T>,
	): Promise<T> {
		const body = await this.call(method, path, payload);
		const result = parse(body);
		if (!result.ok) {
			throw new ChatApiError(
				'bad-payload',
				`${this.baseUrl}${path}: unexpected answer (${result.error})`,
			);
		}

		return result.value;
	}

	private async call(method: 'GET' | 'POST', path: string, payload: unknown): Promise<unknown> {
		const url = `${this.baseUrl}${path}`;
		try {
			const response = await exchange(new URL(url), {
				method,
				headers: {
					accept: 'application/json',
					...(payload === undefined ? {} : {'content-type': 'application/json'}),
				},
				body: payload === undefined ? undefined : JSON.stringify(payload),
				timeoutMs: this.timeoutMs,
				connectTimeoutMs: this.connectTimeoutMs,
				insecure: this.insecure,
				onSent: this.onRequestSent,
			});
			const {status, text} = response;
			if (status < 200 || status > 299) {
				const serverText = parseErrorText(text);
				const detail = serverText.length > 0 ? `: ${serverText}` : '';
				throw new ChatApiError(
					'http',
					`${method} ${url} failed with HTTP ${status}${detail}`,
					status,
					serverText,
				);
			}

			try {
				return JSON.parse(text) as unknown;
			} catch {
				// A header is remote text too: latin1 bytes such as 0x9B decode to C1 controls.
				const type = sanitizeText(response.contentType ?? 'unknown type', 100);
				throw new ChatApiError(
					'bad-payload',
					`${url}: the answer is not JSON (${type.split(';')[0]})`,
				);
			}
		} catch (error: unknown) {
			throw toChatApiError(error, url, this.timeoutMs);
		}
	}
}

type Exchange = {
	readonly method: string;
	readonly headers: Record<string, string>;
	readonly body: string | undefined;
	readonly timeoutMs: number;
	readonly connectTimeoutMs: number;
	readonly insecure: boolean;
	readonly onSent?: () => void;
};

type Answer = {readonly status: number; readonly contentType?: string; readonly text: string};

/** One request and its whole answer (at most maxBodyBytes), within the deadline. */
async function exchange(url: URL, options: Exchange): Promise<Answer> {
	const agent = await agentFor(url, {insecure: options.insecure});
	// Node's https only for an https URL (see dispatcher.ts).
	const {request: send} = url.protocol === 'https:' ? await import('node:https') : http;
	return new Promise((resolve, reject) => {
		const request = send(
			url,
			{
				method: options.method,
				headers: options.headers,
				agent,
				signal: AbortSignal.timeout(options.timeoutMs),
			},
			(response) => {
				void (async () => {
					try {
						const text = await readLimited(response, url.href);
						const contentType = response.headers['content-type'];
						resolve({status: response.statusCode ?? 0, contentType, text});
					} catch (error) {
						request.destroy();
						reject(error instanceof Error ? error : new Error(String(error)));
					}
				})();
			},
		);
		if (options.onSent) {
			request.once('finish', options.onSent);
		}

		request.once('error', reject);
		request.once('socket', (socket) => {
			if (!socket.connecting) {
				return;
			}

			const timer = setTimeout(() => {
				request.destroy(Object.assign(new Error('connect timeout'), {code: 'ECONNECT_TIMEOUT'}));
			}, options.connectTimeoutMs);
			socket.once('connect', () => {
				clearTimeout(timer);
			});
			socket.once('close', () => {
				clearTimeout(timer);
			});
		});
		request.end(options.body);
	});
}

async function readLimited(body: http.IncomingMessage, url: string): Promise<string> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of body) {
		size += (chunk as Uint8Array).length;
		if (size > maxBodyBytes) {
			throw new ChatApiError(
				'bad-payload',
				`${url}: the answer is larger than ${maxBodyBytes / 1024 / 1024} MB`,
			);
		}

		chunks.push(chunk as Uint8Array);
	}

	return Buffer.concat(chunks).toString('utf8');
}
