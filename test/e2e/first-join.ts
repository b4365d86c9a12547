// The first history page and the first join race: a message sent after the page was read and
// before the join reached the server is in neither. The socket's way to the server is held open
// (a gate that accepts connections and passes nothing yet) while REST goes straight through.
import net from 'node:net';
import test from 'ava';
import {seedMessage, startRaw, waitForOnline} from '../helpers/chat-terminal.js';
import {alice, bob, countEndingWith, linesOf, patience} from '../helpers/outage.js';
import {startTestServer} from '../helpers/server-harness.js';

/** A TCP gate to `port`: connections wait, their bytes buffered, until `open`. */
async function startGate(port: number) {
	let open = false;
	const waiting: Array<() => void> = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer((client) => {
		sockets.add(client);
		client.pause();
		const connect = () => {
			const upstream = net.connect(port, '127.0.0.1');
			sockets.add(upstream);
			client.pipe(upstream).pipe(client);
			client.resume();
			const close = () => {
				client.destroy();
				upstream.destroy();
			};

			client.once('error', close).once('close', close);
			upstream.once('error', close).once('close', close);
		};

		if (open) {
			connect();
		} else {
			waiting.push(connect);
		}
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port: gatePort} = server.address() as net.AddressInfo;
	return {
		url: `http://127.0.0.1:${gatePort}`,
		open() {
			open = true;
			for (const connect of waiting.splice(0)) {
				connect();
			}
		},
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise((resolve) => {
				server.close(resolve);
			});
		},
	};
}

test('a message sent between the first history page and the first join is shown, once', async (t) => {
	const server = await startTestServer(t);
	await seedMessage(server.url, bob, 'history before the start');
	const gate = await startGate(Number(new URL(server.url).port));
	t.teardown(async () => gate.close());
	const terminal = await startRaw(t, [
		'--server',
		gate.url,
		'--api',
		`${server.url}/api`,
		'--name',
		alice.username,
		'--user-id',
		alice.userId,
	]);
	// The history came by REST; the socket is still at the gate.
	await terminal.waitForText('history before the start', patience);
	await seedMessage(server.url, bob, 'sent before the join');
	gate.open();
	await waitForOnline(terminal);
	await terminal.waitForText('sent before the join', patience);
	await terminal.waitForText(`${alice.username} joined`, patience);
	await terminal.waitForQuiet();
	t.is(countEndingWith(linesOf(terminal), 'sent before the join'), 1);
	t.false(terminal.screenText().includes('reconnected'), 'a first join is no reconnect');
});
