/**
 * A small real chat server (socket.io on node:http, not the reference server) that a test turns
 * hostile: it speaks the protocol well enough to chat, and the test makes it emit anything and
 * answer REST calls with HTML, an error, or never. Closed at teardown.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {Server, type Socket} from 'socket.io';
import type {Teardown} from './chat-terminal.js';

/**
 * How `GET /api/messages` answers: a page (ok), an HTML page with 200 (html), a 500 with an
 * HTML body (error), a 500 whose body is `<` many times over (brackets), or never (slow).
 */
export type RestMode = 'ok' | 'html' | 'error' | 'brackets' | 'slow';

export type HostileServer = {
	readonly url: string;
	/** Switch at any time; applies to the next request. */
	rest: RestMode;
	/** `GET /api/messages` requests seen, and how many were answered. */
	readonly history: {requests: number; answered: number};
	/** What `GET /api/messages` answers in `ok` mode, as it is (default none). */
	page: unknown[];
	/** Emit anything to every connected client. */
	emit(event: string, ...payload: unknown[]): void;
	/** A well-formed text message from bob. */
	say(content: string): void;
};

export const bob = {userId: 'u-bob', username: 'bob'};

/** What `GET /api/messages` sends in each mode: status, type and body; none for `slow`. */
function historyAnswer(
	server: HostileServer,
): {status: number; type: string; body: string} | undefined {
	switch (server.rest) {
		case 'ok': {
			const body = JSON.stringify({total: server.page.length, messages: server.page});
			return {status: 200, type: 'application/json', body};
		}

		case 'html': {
			const body = '<html><body><h1>Welcome to nginx!</h1></body></html>';
			return {status: 200, type: 'text/html', body};
		}

		case 'error': {
			const body = '<html><body><h1>Internal Server Error</h1></body></html>';
			return {status: 500, type: 'text/html', body};
		}

		case 'brackets': {
			return {status: 500, type: 'text/plain', body: '<'.repeat(100_000)};
		}

		case 'slow': {
			// Never answered; teardown closes the connection.
			return undefined;
		}
	}
}

function restHandler(server: HostileServer) {
	return (request: http.IncomingMessage, response: http.ServerResponse) => {
		const url = request.url ?? '';
		const send = (status: number, type: string, body: string) => {
			response.writeHead(status, {'content-type': type}).end(body);
			if (url.startsWith('/api/messages')) {
				server.history.answered++;
			}
		};

		if (url.startsWith('/api/users')) {
			send(200, 'application/json', JSON.stringify({count: 1, users: [bob]}));
		} else if (url.startsWith('/api/messages')) {
			server.history.requests++;
			const answer = historyAnswer(server);
			if (answer) {
				send(answer.status, answer.type, answer.body);
			}
		} else {
			send(404, 'text/plain', 'not found');
		}
	};
}

const textMessage = (content: string, user: {userId: string; username: string}) => ({
	type: 'text',
	content,
	time: new Date().toISOString(),
	sender: user.username,
	senderId: user.userId,
});

/** Enough of the protocol to chat: join (with bob always online), message, ping. */
function handleSocket(io: Server, socket: Socket): void {
	let user = {userId: '', username: ''};
	socket.on('join', (payload: {userId: string; username: string}) => {
		user = payload;
		io.emit('userList', [payload, bob]);
		io.emit('userCount', 2);
		io.emit('message', {
			type: 'system',
			content: `${payload.username} joined`,
			time: new Date().toISOString(),
		});
	});
	socket.on('message', (payload: {content: string}) => {
		io.emit('message', textMessage(payload.content, user));
	});
	socket.on('ping', () => {
		socket.emit('pong');
	});
}

export async function startHostileServer(
	t: Teardown,
	rest: RestMode = 'ok',
): Promise<HostileServer> {
	// Socket.io passes on what is not its own to the listener given here, set once the server is made.
	let handle: http.RequestListener = () => undefined;
	const httpServer = http.createServer((request, response) => {
		handle(request, response);
	});
	const io = new Server(httpServer, {serveClient: false});
	io.on('connection', (socket) => {
		handleSocket(io, socket);
	});
	await new Promise<void>((resolve) => {
		httpServer.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(async () => {
		httpServer.closeAllConnections();
		await io.close();
	});

	const server: HostileServer = {
		url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
		rest,
		history: {requests: 0, answered: 0},
		page: [],
		emit(event, ...payload) {
			io.emit(event, ...payload);
		},
		say(content) {
			io.emit('message', textMessage(content, bob));
		},
	};
	handle = restHandler(server);
	return server;
}
