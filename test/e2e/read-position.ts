// The read position across runs: where the user stopped reading is kept, and the next start
// shows "── N unread ──" above the first message that came after it (line mode: "--- N unread ---").
import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {startTestServer, waitFor, type TestServer} from '../helpers/server-harness.js';
import {
	logLines,
	logRows,
	screenRows,
	seedMessage,
	startChat,
	tempConfigHome,
	waitForOnline,
	type ChatTerminal,
} from '../helpers/chat-terminal.js';
import {runCli} from '../helpers/cli-process.js';

const bob = {userId: 'u-bob', username: 'bob'};

async function seed(server: TestServer, texts: readonly string[]): Promise<void> {
	for (const text of texts) {
		await seedMessage(server.url, bob, text);
	}
}

const lineIndex = (rows: readonly string[], text: string) =>
	rows.findIndex((row) => row.endsWith(`bob  ${text}`));

/** The state file the chat keeps for this server and user, once written. */
async function stateFile(configHome: string): Promise<string> {
	const directory = path.join(configHome, 'state', 'chat-tui');
	const found = await waitFor(
		async () => {
			const names = await readdir(directory).catch((): string[] => []);
			return names.find((name) => name.startsWith('read-') && name.endsWith('.json'));
		},
		{timeoutMs: 20_000, description: 'the read position file'},
	);
	return path.join(directory, found);
}

/** Read up to the newest message, quit, and let `between` messages arrive while away. */
async function readThenLeave(
	t: ExecutionContext,
	options: {rows?: number; between: readonly string[]},
): Promise<{server: TestServer; configHome: string}> {
	const server = await startTestServer(t);
	// Repeated lines: the marker must not be fooled by the same text coming again.
	await seed(server, ['+1', 'hello', '+1', 'last read']);
	const first = await startChat(t, {server: server.url, name: 'alice', userId: 'u-alice'});
	await waitForOnline(first);
	await first.waitFor((screen) => screen.includes('bob  last read'), 'the newest message');
	const file = await stateFile(first.configHome);
	first.write('/quit\r');
	const status = await first.exited;
	t.is(status.exitCode, 0);
	const {mode} = await stat(file);
	t.is(mode % 0o1000, 0o600, 'the read position is private');
	const stored = await readFile(file, 'utf8');
	t.false(stored.includes('last read'), 'fingerprints are stored, not the text');
	await seed(server, options.between);
	return {server, configHome: first.configHome};
}

async function restart(
	t: ExecutionContext,
	server: TestServer,
	configHome: string,
	rows = 40,
): Promise<ChatTerminal> {
	const terminal = await startChat(t, {
		server: server.url,
		name: 'alice',
		userId: 'u-alice',
		configHome,
		rows,
	});
	await waitForOnline(terminal);
	return terminal;
}

test('after a restart the marker sits directly above the first message that came meanwhile', async (t) => {
	const between = ['+1', 'news 2', 'news 3', '+1', 'news 5'];
	const {server, configHome} = await readThenLeave(t, {between});
	const terminal = await restart(t, server, configHome);
	await terminal.waitFor((screen) => screen.includes('5 unread'), 'the unread marker');
	const rows = logLines(screenRows(terminal.screenText()));
	const marker = rows.findIndex((row) => /^─+ 5 unread ─+$/.test(row));
	t.true(marker > 0, rows.join('\n'));
	// Above it the last message read, then our own join and leave notices (not unread).
	const lastRead = rows.findIndex((row) => /bob {2}last read$/.test(row));
	t.true(lastRead !== -1 && lastRead < marker, 'the last message read is above it');
	t.deepEqual(
		rows.slice(lastRead + 1, marker).map((row) => row.replace(/^\d\d:\d\d +/, '')),
		['-!- system: alice joined', '-!- system: alice left'],
	);
	t.regex(rows[marker + 1]!, /bob {2}\+1$/, 'the first new one is directly below it');
	// At the bottom (only our own join notice may follow), with no "N new" below.
	t.true(rows.findIndex((row) => /bob {2}news 5$/.test(row)) >= rows.length - 2, 'at the bottom');
	t.false(terminal.screenText().includes('new ↓'));
	// It stays for the session.
	await seedMessage(server.url, bob, 'live one');
	await terminal.waitFor((screen) => screen.includes('bob  live one'), 'a live message');
	t.true(terminal.screenText().includes('5 unread'));
});

test('with more unread than fit, the chat opens at the marker with "N new ↓"', async (t) => {
	const between = Array.from({length: 30}, (_, index) => `news ${index + 1}`);
	const {server, configHome} = await readThenLeave(t, {between});
	const terminal = await restart(t, server, configHome, 16);
	await terminal.waitFor((screen) => screen.includes('30 unread'), 'the unread marker');
	// "N new" counts every message below, our own join notice too.
	await terminal.waitFor((screen) => /3\d new ↓/.test(screen), 'the footer');
	const rows = logRows(screenRows(terminal.screenText()));
	t.regex(rows[0]!, /^─+ 30 unread ─+$/, 'the marker is on the top row');
	t.true(lineIndex(rows, 'news 1') === 1, rows.join('\n'));
	t.is(lineIndex(rows, 'news 30'), -1, 'the newest are below the view');
});

test('line mode prints a "--- N unread ---" line above the first new message', async (t) => {
	const {server, configHome} = await readThenLeave(t, {between: ['news 1', 'news 2']});
	const run = await runCli(t, ['--plain', '--server', server.url, '--user-id', 'u-alice'], {
		configHome,
	});
	t.is(run.code, 0, run.stderr);
	const lines = run.stdout.trimEnd().split('\n');
	const marker = lines.indexOf('--- 2 unread ---');
	t.true(marker > 0, run.stdout);
	t.regex(lines[marker - 3]!, /bob: last read$/);
	t.regex(lines[marker - 2]!, /system: alice joined$/);
	t.regex(lines[marker - 1]!, /system: alice left$/);
	t.regex(lines[marker + 1]!, /bob: news 1$/);
});

test('no marker when the last message read is not in the history (the server lost it)', async (t) => {
	const {server, configHome} = await readThenLeave(t, {between: []});
	// The same address, a server restarted without its messages: the same lines, other times.
	await server.close();
	const again = await startTestServer(t, {port: Number(new URL(server.url).port)});
	// The test's own HTTP client may still hold a kept-alive connection to the closed server: its
	// first request then fails at once, and is made again on a fresh connection.
	await seed(again, ['+1']).catch(async () => seed(again, ['+1']));
	await seed(again, ['hello', '+1', 'after restart']);
	const terminal = await restart(t, again, configHome);
	await terminal.waitFor((screen) => screen.includes('bob  after restart'), 'the history');
	await terminal.waitForQuiet();
	t.false(terminal.screenText().includes('unread'), 'no marker rather than a wrong one');
});

test('the marker moves above what came while the terminal was in the background', async (t) => {
	const server = await startTestServer(t);
	await seed(server, ['hello']);
	const terminal = await restart(t, server, await tempConfigHome(t));
	await terminal.waitFor((screen) => screen.includes('bob  hello'), 'the history');
	await stateFile(terminal.configHome);
	const markerRows = () =>
		logLines(screenRows(terminal.screenText())).filter((row) => /^─+ \d+ unread ─+$/.test(row));
	t.deepEqual(markerRows(), [], 'nothing unread at start');

	const away = async (texts: readonly string[]) => {
		terminal.write('\u001B[O');
		await seed(server, texts);
		await terminal.waitFor((screen) => screen.includes(`bob  ${texts.at(-1)!}`), 'the news');
		const label = `${texts.length} unread`;
		t.false(
			markerRows().some((row) => row.includes(label)),
			'the marker waits for the user to come back',
		);
		terminal.write('\u001B[I');
		await terminal.waitFor(
			() => markerRows().some((row) => row.includes(label)),
			`the marker saying ${label}`,
		);
		const rows = logLines(screenRows(terminal.screenText()));
		const at = rows.findIndex((row) => row.includes(label));
		t.regex(rows[at + 1]!, new RegExp(`bob {2}${texts[0]!}$`), 'above the first of them');
		t.is(markerRows().length, 1, 'one marker');
	};

	await away(['away 1', 'away 2']);
	await away(['away 3']);
});
