import {request, type Dispatcher} from 'undici';
import {sharedDispatcher} from './dispatcher.js';
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
	readonly dispatcher?: Dispatcher;
};

/** The most bytes of an answer we read; a larger answer is a bad payload. */
const maxBodyBytes = 16 * 1024 * 1024;

export type SendResult = {
	/** The stored message, when the server's answer holds one. */
	readonly message?: Message;
	readonly body: unknown;
};

/** The chat service's REST API: the TypeScript counterpart of the guide's `ChatRestAPI`. */
export class ChatRestApi {
	readonly baseUrl: string;
	private readonly timeoutMs: number;
	private readonly dispatcher: Dispatcher;

	constructor(options: RestClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/+$/, '');
		this.timeoutMs = options.timeoutMs ?? 10_000;
		this.dispatcher = options.dispatcher ?? sharedDispatcher({insecure: options.insecure});
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
		const body = await this.call('POST', '/messages', {...input, type: 'text'});
		const candidate =
			typeof body === 'object' && body !== null && 'message' in body ? body.message : body;
		const message = parseMessage(candidate);
		return message.ok ? {message: message.value, body} : {body};
	}

	async broadcast(content: string): Promise<unknown> {
		return this.call('POST', '/broadcast', {content});
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
			const response = await request(url, {
				method,
				dispatcher: this.dispatcher,
				signal: AbortSignal.timeout(this.timeoutMs),
				headers: {
					accept: 'application/json',
					...(payload === undefined ? {} : {'content-type': 'application/json'}),
				},
				body: payload === undefined ? undefined : JSON.stringify(payload),
			});
			const text = await readLimited(response.body, url);
			if (response.statusCode < 200 || response.statusCode > 299) {
				const serverText = parseErrorText(text);
				const detail = serverText.length > 0 ? `: ${serverText}` : '';
				throw new ChatApiError(
					'http',
					`${method} ${url} failed with HTTP ${response.statusCode}${detail}`,
					response.statusCode,
					serverText,
				);
			}

			try {
				return JSON.parse(text) as unknown;
			} catch {
				// A header is remote text too: latin1 bytes such as 0x9B decode to C1 controls.
				const type = sanitizeText(String(response.headers['content-type'] ?? 'unknown type'), 100);
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

async function readLimited(body: Dispatcher.ResponseData['body'], url: string): Promise<string> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of body) {
		size += (chunk as Uint8Array).length;
		if (size > maxBodyBytes) {
			body.destroy();
			throw new ChatApiError(
				'bad-payload',
				`${url}: the answer is larger than ${maxBodyBytes / 1024 / 1024} MB`,
			);
		}

		chunks.push(chunk as Uint8Array);
	}

	return Buffer.concat(chunks).toString('utf8');
}
