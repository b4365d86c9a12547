import http from 'node:http';
import net from 'node:net';

/**
 * A real forward proxy on loopback that records what went through it: CONNECT tunnels (how
 * HTTPS, WebSockets and undici's ProxyAgent pass a proxy) and absolute-form requests.
 */
export type RecordingProxy = {
	readonly url: string;
	/** `CONNECT host:port` and `GET http://host/path` lines, in order. */
	readonly seen: string[];
	close(): Promise<void>;
};

export async function startRecordingProxy(): Promise<RecordingProxy> {
	const seen: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = http.createServer((request, response) => {
		seen.push(`${request.method} ${request.url}`);
		const target = new URL(request.url ?? '');
		const upstream = http.request(
			target,
			{method: request.method, headers: request.headers},
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		upstream.on('error', () => response.destroy());
		request.pipe(upstream);
	});
	server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Uint8Array) => {
		seen.push(`CONNECT ${request.url}`);
		const [host = '', port = '80'] = (request.url ?? '').split(/:(?=\d+$)/);
		const upstream = net.connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('error', () => socket.destroy());
			socket.on('close', () => sockets.delete(socket));
		}
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		seen,
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			server.closeAllConnections();
			await new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}
