/**
 * Helpers for the end-to-end tests of outages (test/e2e/outage*.ts): reading the chat's log and
 * status bar off the screen, and network parts a test can break (a free port, a black hole).
 */
import net, {type AddressInfo} from 'node:net';
import {
	escapeRegExp,
	inputRow,
	logLines,
	screenRows,
	statusRow,
	waitForLogLine as waitForAnyLogLine,
	type Teardown,
} from './chat-terminal.js';
import type {TestTerminal} from './terminal.js';
import {startTcpProxy, type TcpProxy} from './tcp-proxy.js';

export const alice = {userId: 'u-alice', username: 'alice'};
export const bob = {userId: 'u-bob', username: 'bob'};

/** Generous: a timeout only decides anything when something is wrong, and the machine is shared. */
export const patience = 20_000;

/** `◌ reconnecting (try K, retry in S s)`. */
export const reconnectingPattern = /◌ reconnecting \(try (\d+), retry in \d+ s\)/;

/** `reconnected — N missed messages loaded` (`message` for one), N captured. */
export const gapNoticePattern = /-!- reconnected — (\d+) missed messages? loaded/;

export const statusOf = (terminal: TestTerminal) => statusRow(screenRows(terminal.screenText()));
export const linesOf = (terminal: TestTerminal) => logLines(screenRows(terminal.screenText()));

/** Resolves once the status bar matches `pattern`. */
export async function waitForStatus(
	terminal: TestTerminal,
	pattern: RegExp,
	timeoutMs = patience,
): Promise<void> {
	await terminal.waitFor(
		(screen) => pattern.test(statusRow(screenRows(screen))),
		`the status bar to match ${String(pattern)}`,
		timeoutMs,
	);
}

/** Resolves once some log line satisfies `predicate` (with an outage's patience). */
export async function waitForLogLine(
	terminal: TestTerminal,
	predicate: (line: string) => boolean,
	label: string,
	timeoutMs = patience,
): Promise<void> {
	await waitForAnyLogLine(terminal, predicate, label, timeoutMs);
}

/** A pending own line as the log shows it: `HH:MM alice (me)  text  (queued)`. */
export const pendingLine = (text: string, mark = 'queued') =>
	new RegExp(`^\\d\\d:\\d\\d +alice \\(me\\)  ${escapeRegExp(text)}  \\(${mark}\\)$`);

/** Type `text` into the input line, wait for it to show, press Enter. */
export async function typeLine(terminal: TestTerminal, text: string): Promise<void> {
	terminal.write(text);
	await terminal.waitFor(
		(screen) => inputRow(screenRows(screen)).startsWith(`> ${text}`),
		`the typed text ${JSON.stringify(text)}`,
	);
	terminal.write('\r');
}

/** How many log lines end with `text` (a message line: `HH:MM name  text`). */
export const countEndingWith = (lines: readonly string[], text: string) =>
	lines.filter((line) => line.endsWith(`  ${text}`)).length;

export {freePort} from './server-harness.js';

/** A TCP proxy to `port`, closed at teardown. */
export async function proxyTo(t: Teardown, port: number): Promise<TcpProxy> {
	const proxy = await startTcpProxy(port);
	t.teardown(async () => proxy.close());
	return proxy;
}

/** A listener that accepts connections and never answers; `release()` drops them all. */
export async function startBlackHole(
	t: Teardown,
): Promise<{port: number; held: () => number; release(): void}> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const release = () => {
		for (const socket of sockets) {
			socket.destroy();
		}
	};

	t.teardown(async () => {
		release();
		await new Promise((resolve) => {
			server.close(resolve);
		});
	});
	return {port: (server.address() as AddressInfo).port, held: () => sockets.size, release};
}
