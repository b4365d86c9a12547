/**
 * The REST side of the protocol under `/api`. socket.io answers `/socket.io/` itself before
 * this handler sees a request; everything else that is not a route here is a JSON 404.
 */
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {ChatRoom} from './chat-room.js';
import {HttpError, readJsonBody, sendJson} from './http-json.js';
import {describeError} from './log-format.js';
import {checkContent, checkTextPayload, checkUser, isRecord, type Checked} from './validation.js';

const defaultPageSize = 50;
const maxPageSize = 500;

type Route = {
	methods: Record<string, (request: IncomingMessage, url: URL) => Promise<Answer> | Answer>;
};

type Answer = {status: number; body: unknown};

function expect<T>(checked: Checked<T>): T {
	if (!checked.ok) {
		throw new HttpError(400, checked.error);
	}

	return checked.value;
}

function readCount(url: URL, name: string, fallback: number): number {
	const raw = url.searchParams.get(name);
	if (raw === null) {
		return fallback;
	}

	if (!/^\d{1,15}$/.test(raw)) {
		throw new HttpError(400, `${name} must be a non-negative integer`);
	}

	return Number(raw);
}

async function readObject(request: IncomingMessage): Promise<Record<string, unknown>> {
	const body = await readJsonBody(request);
	if (!isRecord(body)) {
		throw new HttpError(400, 'body must be a JSON object');
	}

	return body;
}

function createRoutes(room: ChatRoom): Map<string, Route> {
	return new Map<string, Route>([
		[
			'/api/users',
			{
				methods: {
					async GET() {
						const users = await room.users();
						return {status: 200, body: {count: users.length, users}};
					},
				},
			},
		],
		[
			'/api/messages',
			{
				methods: {
					async GET(_request, url) {
						const limit = Math.min(
							Math.max(readCount(url, 'limit', defaultPageSize), 1),
							maxPageSize,
						);
						const offset = readCount(url, 'offset', 0);
						return {status: 200, body: await room.page(limit, offset)};
					},
					async POST(request) {
						const body = await readObject(request);
						const user = expect(checkUser(body));
						const content = expect(checkTextPayload(body));
						const message = await room.postText(user, content);
						return {status: 201, body: {success: true, message}};
					},
				},
			},
		],
		[
			'/api/broadcast',
			{
				methods: {
					async POST(request) {
						const body = await readObject(request);
						const content = expect(checkContent(body.content));
						const message = await room.postSystem(content);
						return {status: 200, body: {success: true, message}};
					},
				},
			},
		],
	]);
}

export function createRestHandler(
	room: ChatRoom,
	log: (line: string) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
	const routes = createRoutes(room);

	return (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const pathname =
			url.pathname.length > 1 && url.pathname.endsWith('/')
				? url.pathname.slice(0, -1)
				: url.pathname;
		const route = routes.get(pathname);
		if (!route) {
			sendJson(response, 404, {error: 'not found'});
			return;
		}

		const method = request.method === 'HEAD' ? 'GET' : (request.method ?? '');
		const handler = route.methods[method];
		if (!handler) {
			const allowed = Object.keys(route.methods);
			if (allowed.includes('GET')) {
				allowed.push('HEAD');
			}

			sendJson(response, 405, {error: 'method not allowed'}, {allow: allowed.join(', ')});
			return;
		}

		void (async () => {
			try {
				const {status, body} = await handler(request, url);
				sendJson(response, status, body);
			} catch (error) {
				if (error instanceof HttpError) {
					// The client may still be sending a body too large to read: stop after answering.
					sendJson(
						response,
						error.status,
						{error: error.message},
						error.status === 413 ? {connection: 'close'} : {},
					);
					return;
				}

				log(
					`${new Date().toISOString()} error: ${request.method ?? ''} ${pathname} failed (${describeError(error)})`,
				);
				if (response.headersSent) {
					response.destroy();
				} else {
					sendJson(response, 500, {error: 'internal error'});
				}
			}
		})();
	};
}
