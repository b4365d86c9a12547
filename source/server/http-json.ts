/** JSON in and out of node:http, with a cap on what a client may send. */
import type {IncomingMessage, ServerResponse} from 'node:http';

export const maxBodyBytes = 64 * 1024;

export class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'HttpError';
	}
}

export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		...headers,
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff',
	});
	response.end(text);
}

/**
 * Reads and parses a JSON body. Rejects with HttpError 413 past `limit` bytes (without reading
 * the rest) and 400 when the body is not JSON.
 */
export async function readJsonBody(
	request: IncomingMessage,
	limit = maxBodyBytes,
): Promise<unknown> {
	const declared = Number(request.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) {
		throw new HttpError(413, `body must be at most ${limit} bytes`);
	}

	// Events rather than `for await`: leaving that loop early would destroy the socket before
	// the 413 could be sent. Past the limit the rest is discarded; the answer closes the connection.
	const body = await new Promise<string>((resolve, reject) => {
		const chunks: Uint8Array[] = [];
		let received = 0;
		const onData = (chunk: Uint8Array) => {
			received += chunk.length;
			if (received > limit) {
				cleanup();
				request.resume();
				reject(new HttpError(413, `body must be at most ${limit} bytes`));
				return;
			}

			chunks.push(chunk);
		};

		const onEnd = () => {
			cleanup();
			resolve(Buffer.concat(chunks).toString('utf8'));
		};

		const onError = (error: Error) => {
			cleanup();
			reject(error);
		};

		const cleanup = () => {
			request.off('data', onData);
			request.off('end', onEnd);
			request.off('error', onError);
		};

		request.on('data', onData);
		request.on('end', onEnd);
		request.on('error', onError);
	});

	try {
		return JSON.parse(body);
	} catch {
		throw new HttpError(400, 'body must be JSON');
	}
}
