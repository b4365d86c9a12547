// The full UI against a server that misbehaves: huge payloads, floods, wrong types, REST answers
// that are HTML, errors or never come. After each the client still draws, still takes keys, and
// says what went wrong.
import test, {type ExecutionContext} from 'ava';
import {
	inputRow,
	messageLinePattern,
	panelLines,
	screenRows,
	startChat,
	waitForOnline,
	waitForInput,
} from '../helpers/chat-terminal.js';
import {startHostileServer, type HostileServer, type RestMode} from '../helpers/hostile-server.js';
import {alice, linesOf, patience, statusOf, waitForLogLine} from '../helpers/outage.js';
import type {TestTerminal} from '../helpers/terminal.js';

async function startInChat(t: ExecutionContext, rest: RestMode = 'ok') {
	const server = await startHostileServer(t, rest);
	const terminal = await startChat(t, {
		server: server.url,
		name: alice.username,
		userId: alice.userId,
	});
	await waitForOnline(terminal);
	await terminal.waitFor(
		(screen) => panelLines(screenRows(screen))?.includes('bob') ?? false,
		'bob in the panel',
		patience,
	);
	return {server, terminal};
}

/** A normal message shows as the newest line, and typing echoes in the input line. */
async function assertAlive(
	t: ExecutionContext,
	{server, terminal}: {server: HostileServer; terminal: TestTerminal},
	tag: string,
	timeoutMs = patience,
) {
	const text = `still alive after ${tag}`;
	server.say(text);
	const pattern = messageLinePattern('bob', text);
	await waitForLogLine(terminal, (line) => pattern.test(line), `"${text}"`, timeoutMs);
	t.regex(linesOf(terminal).at(-1) ?? '', pattern, 'the newest line is at the bottom');
	terminal.write(`typing after ${tag}`);
	await terminal.waitFor(
		(screen) => inputRow(screenRows(screen)).startsWith(`> typing after ${tag}`),
		'typing to echo',
		timeoutMs,
	);
	terminal.write('\u0015');
	await terminal.waitFor(
		(screen) => !inputRow(screenRows(screen)).includes('typing after'),
		'the input line cleared',
		timeoutMs,
	);
}

const now = () => new Date().toISOString();

/** The log's lines joined, wrapped lines rejoined: one space between any two rows. */
const logText = (terminal: TestTerminal) =>
	`${linesOf(terminal)
		.map((line) => line.trim())
		.join(' ')} `;

test.serial('a 1 MB message is cut, the cut is said, and the chat goes on', async (t) => {
	const {server, terminal} = await startInChat(t);
	server.emit('message', {
		type: 'text',
		content: `big ${'x'.repeat(1_000_000)}`,
		time: now(),
		sender: 'bob',
		senderId: 'u-bob',
	});
	await waitForLogLine(
		terminal,
		(line) => line.endsWith('-!- cut 992004 characters off a long message'),
		'the cut notice',
	);
	// What is kept shows (wrapped), and the status bar repeats the problem.
	t.true(linesOf(terminal).some((line) => /^ *x{40,}$/.test(line)));
	t.regex(statusOf(terminal), /cut 992004 characters/);
	await assertAlive(t, {server, terminal}, 'the 1 MB message');
});

test.serial(
	'a user list of 50,000: the count says so, the list is capped, the chat goes on',
	async (t) => {
		const {server, terminal} = await startInChat(t);
		const users = Array.from({length: 50_000}, (_, index) => ({
			userId: `u-${index}`,
			username: `user ${index}`,
		}));
		users[0] = alice;
		server.emit('userList', users);
		server.emit('userCount', 50_000);
		await terminal.waitFor(
			(screen) => panelLines(screenRows(screen))?.[0] === 'Online (50,000)',
			'the count',
			patience,
		);
		await waitForLogLine(
			terminal,
			(line) => line.endsWith('-!- user list: dropped 30000 entries'),
			'the notice',
		);
		const panel = panelLines(screenRows(terminal.screenText())) ?? [];
		t.is(panel[1], 'alice (me)');
		t.true(panel.length > 10, 'the panel is filled with the list');
		await assertAlive(t, {server, terminal}, 'the 50,000 users');
	},
);

test.serial(
	'a flood of 5,000 messages: the last ones show in order and the chat goes on',
	async (t) => {
		const {server, terminal} = await startInChat(t);
		const started = performance.now();
		for (let index = 0; index < 5000; index++) {
			server.say(`flood ${index}`);
		}

		server.say('flood done');
		await waitForLogLine(
			terminal,
			(line) => messageLinePattern('bob', 'flood done').test(line),
			'the end of the flood',
			30_000,
		);
		t.log(`5,000 messages shown in ${Math.round(performance.now() - started)} ms`);
		const numbers = linesOf(terminal)
			.map((line) => /bob {2}flood (\d+)$/.exec(line)?.[1])
			.filter((number) => number !== undefined)
			.map(Number);
		t.true(numbers.length > 20, 'the log is full of the flood');
		t.deepEqual(
			numbers,
			numbers.map((_, index) => 5000 - numbers.length + index),
			'the newest ones, in order, none missing or doubled',
		);
		await assertAlive(t, {server, terminal}, 'the flood');
	},
);

test.serial(
	'wrong types and nulls are dropped with a note; good payloads around them show',
	async (t) => {
		const {server, terminal} = await startInChat(t);
		for (const junk of [
			null,
			42,
			'text',
			[],
			{},
			{content: null},
			{content: 7},
			{content: ['a']},
		]) {
			server.emit('message', junk);
		}

		for (const junk of [null, 'everyone', 7, {users: []}, [null, 5, 'x', {userId: null}]]) {
			server.emit('userList', junk);
		}

		for (const junk of [null, -3, 'many', {}, [], 1.5]) {
			server.emit('userCount', junk);
		}

		// Sloppy but readable: no sender, a bad time, a bad type.
		server.emit('message', {content: 'sloppy but readable', time: null, sender: null, type: 5});
		server.emit('userList', [alice, {userId: 'u-bob', username: 'bob'}]);
		server.emit('userCount', 2);

		await waitForLogLine(
			terminal,
			(line) => /^\d\d:\d\d +unknown {2}sloppy but readable$/.test(line),
			'the sloppy message, from "unknown"',
		);
		await terminal.waitFor(
			(screen) => panelLines(screenRows(screen))?.join('|') === 'Online (2)|alice (me)|bob',
			'the panel from the good list',
			patience,
		);
		// The notes come in the same batch as the good payloads, but may be drawn a frame later.
		await waitForLogLine(
			terminal,
			(line) => /-!- dropped a (message|user list|user count): /.test(line),
			'a note of the drops',
		);
		const notes = linesOf(terminal).filter((line) =>
			/-!- dropped a (message|user list|user count): /.test(line),
		);
		t.true(notes.length > 0, 'the drops are noted in the log');
		t.true(
			notes.some((line) =>
				line.includes('dropped a message: message: expected an object, got null'),
			),
		);
		t.regex(statusOf(terminal), /dropped a /);
		await assertAlive(t, {server, terminal}, 'the junk');
	},
);

for (const [mode, problem] of [
	[
		'html',
		/-!- http:\/\/127\.0\.0\.1:\d+\/api\/messages\?limit=50&offset=0: the answer is not JSON \(text\/html\) /,
	],
	[
		'error',
		/-!- GET http:\/\/127\.0\.0\.1:\d+\/api\/messages\?limit=50&offset=0 failed with HTTP 500: Internal Server Error /,
	],
] as const) {
	test.serial(
		`REST answers ${mode === 'html' ? 'an HTML page' : 'HTTP 500'}: a clear error, and live chat works`,
		async (t) => {
			const {server, terminal} = await startInChat(t, mode);
			await terminal.waitFor(
				() => problem.test(logText(terminal)),
				'the error in the log',
				patience,
			);
			t.regex(statusOf(terminal), /api\/messages/, 'the status bar shows the error');
			await assertAlive(t, {server, terminal}, `the ${mode} answer`);
		},
	);
}

test.serial('REST never answers: live chat works meanwhile, then a timeout error', async (t) => {
	const {server, terminal} = await startInChat(t, 'slow');
	t.is(server.history.answered, 0);
	await assertAlive(t, {server, terminal}, 'a hanging history call');
	t.true(server.history.requests > 0 && server.history.answered === 0, 'the call still hangs');
	await terminal.waitFor(
		() =>
			/-!- \S+\/api\/messages\?limit=50&offset=0 did not answer within 10 s /.test(
				logText(terminal),
			),
		'the timeout',
		25_000,
	);
	await assertAlive(t, {server, terminal}, 'the timeout');
});

// The server answers the gap fill after /reconnect with HTTP 500 and a body of 100,000 "<":
// the client shows an error line within moments and keeps updating (a quadratic tag stripper
// once blocked it for seconds).
test.serial('an error body of many "<" does not freeze the client', async (t) => {
	const {server, terminal} = await startInChat(t);
	server.rest = 'brackets';
	const before = server.history.answered;
	terminal.write('/reconnect');
	await waitForInput(terminal, '> /reconnect', 'the typed command');
	terminal.write('\r');
	await terminal.waitFor(() => server.history.answered > before, 'the bad answer sent', patience);
	// The error line comes first (it must come within moments), then the liveness check, so the
	// order of the two lines in the log is fixed.
	await terminal.waitForText('HTTP 500', 3000);
	// The page can be answered before the new connection's join: its notice comes first, so that
	// the line said next is the newest.
	await terminal.waitFor(
		() => linesOf(terminal).filter((line) => line.endsWith('alice joined')).length >= 2,
		'the join notice of the new connection',
		3000,
	);
	await assertAlive(t, {server, terminal}, 'the "<" body', 3000);
});

// A server that sends nanoseconds since the epoch (Python's time.time_ns()) still gets its
// messages shown at a clock time, never "NaN:NaN".
test.serial('a message time in nanoseconds shows as a clock time, not NaN', async (t) => {
	const {server, terminal} = await startInChat(t);
	server.emit('message', {
		type: 'text',
		content: 'sent with a nanosecond time',
		time: 1_700_000_000_000_000_000,
		sender: 'bob',
		senderId: 'u-bob',
	});
	await waitForLogLine(
		terminal,
		(line) => line.endsWith('bob  sent with a nanosecond time'),
		'the message',
	);
	t.false(terminal.screenText().includes('NaN'));
	t.false(terminal.screenText().includes('Invalid Date'));
	t.true(
		linesOf(terminal).some((line) =>
			messageLinePattern('bob', 'sent with a nanosecond time').test(line),
		),
	);
});
