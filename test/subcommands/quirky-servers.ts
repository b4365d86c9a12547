// Line mode over real pipes against small real servers with the quirks the protocol allows
// (test/helpers/quirky-server.ts): every message printed once, in arrival order, and every line
// read from stdin confirmed, so the exit status is 0.
import test from 'ava';
import {startCli, runCli, type CliRun} from '../helpers/cli-process.js';
import {startQuirkyServer, yearMs, type QuirkyServer} from '../helpers/quirky-server.js';
import {waitFor} from '../helpers/server-harness.js';

const alice = {userId: 'u-alice', username: 'alice'};
const bob = {userId: 'u-bob', username: 'bob'};
const patience = 20_000;
const asAlice = (server: QuirkyServer) => [
	'--plain',
	'--server',
	server.url,
	'--name',
	alice.username,
	'--user-id',
	alice.userId,
];

/** Stdout's message lines without the clock: `name: text`, `-!- system: …`. */
const texts = (stdout: string) =>
	stdout
		.split('\n')
		.filter((line) => /^\[\d\d:\d\d:\d\d] |^-!- /.test(line))
		.map((line) => line.replace(/^\[\d\d:\d\d:\d\d] /, ''));

const count = (stdout: string, text: string) =>
	texts(stdout).filter((line) => line === text).length;

async function joined(run: CliRun, times = 1) {
	await run.waitForStdout(
		(out) => count(out, '-!- system: alice joined') >= times,
		`alice's join notice ×${times}`,
		patience,
	);
}

test('ids that start again after a restart: the line after it is confirmed, none doubled', async (t) => {
	const server = await startQuirkyServer(t, {ids: 'counter'});
	server.say(bob, 'before one');
	server.say(bob, 'before two');
	const run = await startCli(t, asAlice(server));
	await joined(run);
	const joins = server.log.length;
	await server.restart();
	await waitFor(() => server.log.length > joins && server.online().length === 1, {
		timeoutMs: patience,
	});
	run.write('mine after the restart\n');
	await waitFor(() => server.received.length === 1, {timeoutMs: patience});
	server.say(bob, 'bob after the restart');
	t.deepEqual(
		server.log.slice(-3).map(({id}) => id),
		[1, 2, 3],
		'the new messages reuse ids',
	);
	await run.waitForStdout((out) => out.includes('bob: bob after the restart\n'), 'bob', patience);
	run.end();
	t.like(await run.exited, {code: 0}, `stderr: ${run.stderr()}`);
	const out = run.stdout();
	t.deepEqual(
		['bob: before one', 'bob: before two', 'alice: mine after the restart'].map((text) =>
			count(out, text),
		),
		[1, 1, 1],
		`stdout: ${out}`,
	);
	const lines = texts(out);
	t.true(
		lines.indexOf('alice: mine after the restart') < lines.indexOf('bob: bob after the restart'),
	);
});

test('whole-second times, no ids: "ok" twice in one second is printed twice, exit 0', async (t) => {
	const frozen = Date.now();
	const server = await startQuirkyServer(t, {wholeSeconds: true, now: () => frozen});
	const result = await runCli(t, asAlice(server), {input: 'ok\nok\n'});
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	t.is(count(result.stdout, 'alice: ok'), 2, `stdout: ${result.stdout}`);
	t.deepEqual(
		server.received.map(({content}) => content),
		['ok', 'ok'],
	);
	t.true(
		server.log.every(({time}) => time === server.log[0]!.time),
		'one second for all',
	);
});

test('whole-second times, no ids: another user\'s "ok" twice is printed twice', async (t) => {
	const frozen = Date.now();
	const server = await startQuirkyServer(t, {wholeSeconds: true, now: () => frozen});
	const run = await startCli(t, [...asAlice(server), '--listen']);
	await joined(run);
	server.say(bob, 'ok');
	server.say(bob, 'ok');
	server.say(bob, 'done');
	await run.waitForStdout((out) => out.includes('bob: done\n'), 'the last line', patience);
	t.is(count(run.stdout(), 'bob: ok'), 2, `stdout: ${run.stdout()}`);
	run.kill();
});

for (const [label, skewMs] of [
	['a year ahead', yearMs],
	['a year behind', -yearMs],
] as const) {
	test(`a clock ${label}: lines are printed in arrival order, own lines confirmed`, async (t) => {
		const server = await startQuirkyServer(t);
		server.say(bob, 'said yesterday');
		const run = await startCli(t, asAlice(server));
		await joined(run);
		server.quirks.skewMs = skewMs;
		server.say(bob, 'first with the wrong clock');
		run.write('mine with the wrong clock\n');
		await waitFor(() => server.received.length === 1, {timeoutMs: patience});
		server.quirks.skewMs = -skewMs;
		server.say(bob, 'then the other way');
		await run.waitForStdout((out) => out.includes('bob: then the other way\n'), 'last', patience);
		run.end();
		t.like(await run.exited, {code: 0}, `stderr: ${run.stderr()}`);
		t.deepEqual(
			texts(run.stdout()).filter((line) => !line.startsWith('-!- ')),
			[
				'bob: said yesterday',
				'bob: first with the wrong clock',
				'alice: mine with the wrong clock',
				'bob: then the other way',
			],
		);
	});
}

test('a server that cuts lines at 40: the line is confirmed by its cut echo, exit 0', async (t) => {
	const server = await startQuirkyServer(t, {cutAt: 40});
	const long = 'a line long enough for this server to cut it short at forty';
	const result = await runCli(t, asAlice(server), {input: `${long}\n`});
	t.is(result.code, 0, `stderr: ${result.stderr}`);
	t.is(server.received[0]?.content, long);
	t.is(count(result.stdout, `alice: ${long.slice(0, 40)}`), 1, `stdout: ${result.stdout}`);
	t.false(result.stdout.includes(long));
});
