import {exchange} from './dispatcher.js';
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
