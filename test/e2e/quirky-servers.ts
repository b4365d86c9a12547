// The full-screen chat against small real servers with the quirks the protocol allows
// (test/helpers/quirky-server.ts): ids that start again, whole-second times without ids, a wrong
// clock, lines cut short, a restart with a message missed. What the user sees: every message
// once, where it arrived, and the user's own lines confirmed, never "not sent".
import test, {type ExecutionContext} from 'ava';
import {
	messageLinePattern,
	startChat,
	waitForOnline,
	type Teardown,
} from '../helpers/chat-terminal.js';
import {
	alice,
	bob,
	countEndingWith,
	gapNoticePattern,
	linesOf,
	patience,
	typeLine,
	waitForLogLine,
} from '../helpers/outage.js';
import {startQuirkyServer, yearMs, type QuirkyServer} from '../helpers/quirky-server.js';
import {waitFor} from '../helpers/server-harness.js';
import type {TestTerminal} from '../helpers/terminal.js';

const own = (text: string) => messageLinePattern('alice', text, {me: true});
const from = (name: string, text: string) => messageLinePattern(name, text);

/** How many log lines match `pattern`. */
const count = (terminal: TestTerminal, pattern: RegExp) =>
	linesOf(terminal).filter((line) => pattern.test(line)).length;

/** The index of the log line matching `pattern`; -1 if none. */
const indexOf = (terminal: TestTerminal, pattern: RegExp) =>
	linesOf(terminal).findIndex((line) => pattern.test(line));

async function waitForCount(terminal: TestTerminal, pattern: RegExp, n: number, label: string) {
	await terminal.waitFor(() => count(terminal, pattern) === n, label, patience);
}

/** Alice in the chat, online, her own join notice shown. */
async function aliceIn(t: Teardown, server: QuirkyServer): Promise<TestTerminal> {
	const terminal = await startChat(t, {
		server: server.url,
		name: alice.username,
		userId: alice.userId,
	});
	await waitForOnline(terminal);
	await terminal.waitForText('alice joined', patience);
	return terminal;
}

/** A restart of the server; resolves once alice has joined it again. */
async function restartUnderAlice(server: QuirkyServer, between?: () => void) {
	const joins = server.log.length;
	await server.stop();
	between?.();
	await server.start();
	await waitFor(
		() =>
			server.log
				.slice(joins)
				.some((message) => message.type === 'system' && message.content === 'alice joined'),
		{timeoutMs: patience},
	);
}

const notSent = (terminal: TestTerminal) =>
	linesOf(terminal).filter((line) => line.includes('(not sent)'));

/** Bob's two lines, alice in, the server restarted under her (its ids start again), then
alice's line and bob's, which take ids 2 and 3 again (her join notice took 1). */
async function restartWithIds(t: ExecutionContext) {
	const server = await startQuirkyServer(t, {ids: 'counter'});
	server.say(bob, 'before one');
	server.say(bob, 'before two');
	const terminal = await aliceIn(t, server);
	await waitForLogLine(terminal, (line) => from('bob', 'before two').test(line), 'history');
	await restartUnderAlice(server);
	await waitForOnline(terminal);
	await typeLine(terminal, 'mine after the restart');
	await waitFor(() => server.received.length === 1, {timeoutMs: patience});
	server.say(bob, 'bob after the restart');
	t.deepEqual(
		server.log.slice(-3).map(({id}) => id),
		[1, 2, 3],
		'the new messages reuse ids the client holds',
	);
	await waitForLogLine(
		terminal,
		(line) => own('mine after the restart').test(line),
		'own line confirmed',
	);
	await waitForLogLine(
		terminal,
		(line) => from('bob', 'bob after the restart').test(line),
		"bob's new line",
	);
	return {server, terminal};
}

test.serial(
	'ids that start again after a restart: own line confirmed, new lines shown',
	async (t) => {
		const {server, terminal} = await restartWithIds(t);
		const lines = linesOf(terminal);
		t.is(countEndingWith(lines, 'mine after the restart'), 1);
		t.is(countEndingWith(lines, 'bob after the restart'), 1);
		t.true(
			indexOf(terminal, own('mine after the restart')) <
				indexOf(terminal, from('bob', 'bob after the restart')),
		);
		t.deepEqual(notSent(terminal), []);
		t.deepEqual(server.received, [{userId: alice.userId, content: 'mine after the restart'}]);
	},
);

/*
Found by this test and fixed, in two steps (test/client/timeline-doubled.ts has the pure trace):
the chat applied a history answer before the live events it had buffered for a frame, so its own
join notice was taken twice; and with a message held twice, the gap fill after the restart met
nothing held and stitched its whole run again ("before one", "before two" twice).
The join notice itself may still show twice in a run where the page answers before the socket
(long-polling) brings the notice: see docs/PROTOCOL.md. So this checks the old log only.
*/
test.serial('ids that start again after a restart: nothing of the old log doubled', async (t) => {
	const {terminal} = await restartWithIds(t);
	const lines = linesOf(terminal);
	t.is(countEndingWith(lines, 'before one'), 1);
	t.is(countEndingWith(lines, 'before two'), 1);
	t.true(
		lines.filter((line) => line.endsWith('-!- system: alice joined')).length >= 2,
		'a join notice for each join',
	);
});

/** A server stamping whole seconds with its clock stopped: every message in one second. */
async function oneSecond(t: ExecutionContext) {
	const frozen = Date.now();
	const server = await startQuirkyServer(t, {wholeSeconds: true, now: () => frozen});
	return {server, terminal: await aliceIn(t, server)};
}

test.serial(
	'whole-second times, no ids: own "ok" twice in one second, both confirmed',
	async (t) => {
		const {server, terminal} = await oneSecond(t);
		await typeLine(terminal, 'ok');
		await waitFor(() => server.received.length === 1, {timeoutMs: patience});
		await typeLine(terminal, 'ok');
		await waitForCount(terminal, own('ok'), 2, 'both own ok confirmed');
		t.deepEqual(notSent(terminal), []);
		t.deepEqual(
			server.received.map(({content}) => content),
			['ok', 'ok'],
		);
		const texts = server.log.filter(({type}) => type === 'text');
		t.true(
			texts.every(({time}) => time === texts[0]!.time),
			'both stamped the same second',
		);
	},
);

test.serial(
	'whole-second times, no ids: bob\'s "ok" twice in one second shows twice',
	async (t) => {
		const {server, terminal} = await oneSecond(t);
		server.say(bob, 'ok');
		server.say(bob, 'ok');
		server.say(bob, 'done');
		await waitForLogLine(terminal, (line) => from('bob', 'done').test(line), 'the last line');
		t.is(count(terminal, from('bob', 'ok')), 2);
	},
);

for (const [label, skewMs] of [
	['a year ahead', yearMs],
	['a year behind', -yearMs],
] as const) {
	test.serial(
		`a clock ${label}: new messages appear at the bottom, in arrival order`,
		async (t) => {
			const server = await startQuirkyServer(t);
			server.say(bob, 'said yesterday');
			const terminal = await aliceIn(t, server);
			await waitForLogLine(terminal, (line) => from('bob', 'said yesterday').test(line), 'history');
			server.say(bob, 'said just now');
			await waitForLogLine(terminal, (line) => from('bob', 'said just now').test(line), 'live');

			server.quirks.skewMs = skewMs;
			server.say(bob, 'first with the wrong clock');
			await typeLine(terminal, 'mine with the wrong clock');
			await waitFor(() => server.received.length === 1, {timeoutMs: patience});
			server.quirks.skewMs = -skewMs;
			server.say(bob, 'then the other way');
			await waitForLogLine(
				terminal,
				(line) => from('bob', 'then the other way').test(line),
				'the last message',
			);
			await waitForLogLine(
				terminal,
				(line) => own('mine with the wrong clock').test(line),
				'own line confirmed',
			);
			const order = [
				from('bob', 'said yesterday'),
				from('bob', 'said just now'),
				from('bob', 'first with the wrong clock'),
				own('mine with the wrong clock'),
				from('bob', 'then the other way'),
			].map((pattern) => indexOf(terminal, pattern));
			t.true(
				order.every((index) => index >= 0),
				`all shown: ${order.join(', ')}`,
			);
			t.deepEqual(
				order,
				[...order].sort((a, b) => a - b),
				'in arrival order',
			);
			t.is(order.at(-1), linesOf(terminal).length - 1, 'the newest at the bottom');
			t.deepEqual(notSent(terminal), []);
		},
	);
}

test.serial(
	'a server that cuts lines at 40: the own line is confirmed, the log shows the cut',
	async (t) => {
		const server = await startQuirkyServer(t, {cutAt: 40});
		const terminal = await aliceIn(t, server);
		const long = 'a line long enough for this server to cut it short at forty';
		const cut = long.slice(0, 40);
		await typeLine(terminal, long);
		await waitForLogLine(terminal, (line) => own(cut).test(line), 'the cut line, confirmed');
		t.is(server.received[0]?.content, long, 'the whole line was sent');
		t.is(server.log.at(-1)?.content, cut);
		t.false(
			linesOf(terminal).some((line) => line.includes(long)),
			'the uncut line is gone',
		);
		t.is(countEndingWith(linesOf(terminal), cut), 1);
		t.deepEqual(notSent(terminal), []);
	},
);

test.serial(
	'a restart with one message from another user in between: "1 missed message"',
	async (t) => {
		const server = await startQuirkyServer(t);
		const terminal = await aliceIn(t, server);
		await restartUnderAlice(server, () => {
			server.say(bob, 'while you were away');
		});
		await waitForLogLine(terminal, (line) => gapNoticePattern.test(line), 'the notice');
		await waitForLogLine(
			terminal,
			(line) => from('bob', 'while you were away').test(line),
			'the missed message',
		);
		const notices = linesOf(terminal).filter((line) => gapNoticePattern.test(line));
		t.is(notices.length, 1);
		t.regex(notices[0]!, /-!- reconnected — 1 missed message loaded$/);
		t.is(countEndingWith(linesOf(terminal), 'while you were away'), 1);
	},
);
