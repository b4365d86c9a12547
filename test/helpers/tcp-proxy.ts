import net from 'node:net';

/**
 * A TCP proxy on loopback between a client and a server, which a test can cut (every open
 * connection destroyed, new ones refused) and restore. It lets end-to-end tests take the network
 * away from a real client without touching the client or the server.
 */
export type TcpProxy = {
	readonly port: number;
	readonly url: string;
	/** Destroy every open connection and refuse new ones until `restore`. */
	cut(): void;
	restore(): void;
	/** Point at another target port (a restarted server). */
	retarget(port: number): void;
	close(): Promise<void>;
};

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
	let target = targetPort;
	let open = true;
	const sockets = new Set<net.Socket>();

	const server = net.createServer((client) => {
		if (!open) {
			client.destroy();
			return;
		}

		const upstream = net.connect(target, '127.0.0.1');
		sockets.add(client);
		sockets.add(upstream);
		const drop = () => {
			client.destroy();
			upstream.destroy();
			sockets.delete(client);
			sockets.delete(upstream);
		};

		client.on('error', drop).on('close', drop);
		upstream.on('error', drop).on('close', drop);
		client.pipe(upstream);
		upstream.pipe(client);
	});

	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;

	const cut = () => {
		open = false;
		for (const socket of sockets) {
			socket.destroy();
		}

		sockets.clear();
	};

	return {
		port,
		url: `http://127.0.0.1:${port}`,
		cut,
		restore() {
			open = true;
		},
		retarget(port: number) {
			target = port;
		},
		async close() {
			cut();
			await new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}
