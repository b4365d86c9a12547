/**
 * A plain socket.io server for the ChatSocket tests (test/protocol/socket-client-*.ts), a peer
 * a test can make misbehave.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ExecutionContext} from 'ava';
import {Server, type Socket as ServerSocket} from 'socket.io';

export type IoServer = {
	url: string;
	io: Server;
	/** Every connection so far, in order. */
	connections: ServerSocket[];
	/** The `join` payloads received, tagged with the connection's index. */
	joins: Array<{connection: number; payload: unknown}>;
};

/**
 * A plain socket.io server (a real peer, not the reference server) on an ephemeral port.
 * `onConnection` decides how it misbehaves. Closed at teardown.
 */
export async function startIoServer(
	t: ExecutionContext,
	onConnection: (socket: ServerSocket, index: number) => void = () => undefined,
): Promise<IoServer> {
	const httpServer = http.createServer();
	const io = new Server(httpServer, {serveClient: false});
	const server: IoServer = {url: '', io, connections: [], joins: []};
	io.on('connection', (socket) => {
		const index = server.connections.push(socket) - 1;
		socket.on('join', (payload: unknown) => {
			server.joins.push({connection: index, payload});
		});
		onConnection(socket, index);
	});
	await new Promise<void>((resolve) => {
		httpServer.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(async () => {
		httpServer.closeAllConnections();
		await io.close();
	});
	server.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
	return server;
}
