// Tests of the end-to-end harness itself, driving small inline node programs.
import process from 'node:process';
import test from 'ava';
import {
	startTerminal,
	terminalEnv,
	type TerminalOptions,
	type TestTerminal,
} from '../helpers/terminal.js';

/** Run `script` with `node -e` in a pty; disposed when the test ends. */
function runScript(
	t: {teardown(fn: () => Promise<void>): void},
	script: string,
	options: Omit<TerminalOptions, 'args' | 'command'> = {},
): TestTerminal {
	const terminal = startTerminal({
		...options,
		command: process.execPath,
		args: ['-e', script],
	});
	t.teardown(async () => terminal.dispose());
	return terminal;
}

test('alternate screen, typed input and exit code', async (t) => {
	const terminal = runScript(
		t,
		String.raw`
			process.stdout.write('\u001B[?1049h');
			process.stdout.write('hello');
			process.stdin.once('data', line => {
				process.stdout.write('got ' + JSON.stringify(String(line)));
				process.exit(0);
			});
		`,
	);
	t.false(terminal.inAlternateScreen());
	await terminal.waitForText('hello');
	t.true(terminal.inAlternateScreen());
	terminal.write('x\r');
	const status = await terminal.exited;
	t.is(status.exitCode, 0);
	// The pty line discipline turns the typed \r into \n (ICRNL).
	t.true(terminal.screenText().includes(String.raw`got "x\n"`));
});

test('resize reaches the program (SIGWINCH) and the emulator', async (t) => {
	const terminal = runScript(
		t,
		String.raw`
			const report = () => process.stdout.write('size ' + process.stdout.columns + 'x' + process.stdout.rows + '\n');
			report();
			process.stdout.on('resize', report);
			setInterval(() => {}, 1000);
		`,
		{cols: 80, rows: 24},
	);
	await terminal.waitForText('size 80x24');
	t.is(terminal.screen().length, 24);
	terminal.resize(100, 30);
	await terminal.waitForText('size 100x30');
	t.is(terminal.screen().length, 30);
	terminal.resize(60, 10);
	await terminal.waitForText(/size 60x10/);
	t.is(terminal.screen().length, 10);
});

test('raw() holds the exact bytes while the screen shows only text', async (t) => {
	const terminal = runScript(
		t,
		String.raw`process.stdout.write('\u001B]0;Secret Title\u0007héllo ✓\n');`,
	);
	await terminal.exited;
	// The pty turns \n into \r\n (ONLCR); nothing else is written.
	const expected = '\u001B]0;Secret Title\u0007héllo ✓\r\n';
	t.is(terminal.raw(), expected);
	t.is(terminal.rawLength(), Buffer.byteLength(expected));
	t.not(terminal.rawLength(), expected.length);
	t.is(terminal.screen()[0], 'héllo ✓');
	t.false(terminal.screenText().includes('Secret'));
});

test('cursorVisible() follows DECTCEM, including sequences split across writes', async (t) => {
	const terminal = runScript(
		t,
		String.raw`
			const steps = [
				() => process.stdout.write('\u001B[?25lhidden\n'),
				() => process.stdout.write('\u001B[?25hshown\n'),
				() => {
					process.stdout.write('\u001B[?2');
					setTimeout(() => process.stdout.write('5lsplit\n'), 50);
				},
			];
			process.stdout.write('start\n');
			process.stdin.on('data', () => steps.shift()());
		`,
	);
	await terminal.waitForText('start');
	t.true(terminal.cursorVisible());
	terminal.write('\r');
	await terminal.waitForText('hidden');
	t.false(terminal.cursorVisible());
	terminal.write('\r');
	await terminal.waitForText('shown');
	t.true(terminal.cursorVisible());
	terminal.write('\r');
	await terminal.waitForText('split');
	t.false(terminal.cursorVisible());
});

test('waitFor rejects with the label and the screen on timeout', async (t) => {
	const terminal = runScript(
		t,
		String.raw`process.stdout.write('ready and waiting'); setInterval(() => {}, 1000);`,
	);
	await terminal.waitForText('ready');
	const started = Date.now();
	const error = await t.throwsAsync(
		terminal.waitFor((screen) => screen.includes('never'), 'the word never', 300),
	);
	t.true(Date.now() - started >= 290);
	t.regex(error?.message ?? '', /Timed out after 300 ms waiting for the word never/);
	t.regex(error?.message ?? '', /ready and waiting/);
});

test('waitFor rejects early when the program exits without showing the text', async (t) => {
	const terminal = runScript(t, String.raw`process.stdout.write('bye'); process.exit(3);`);
	const error = await t.throwsAsync(terminal.waitForText('never', 5000));
	t.regex(error?.message ?? '', /Process exited while waiting for text "never"/);
	t.regex(error?.message ?? '', /exited {"exitCode":3}/);
	t.regex(error?.message ?? '', /bye/);
	const status = await terminal.exited;
	t.is(status.exitCode, 3);
});

test('the program sees no CI variables even when the tests run in CI', async (t) => {
	const saved = {...process.env};
	t.teardown(() => {
		for (const key of ['CI', 'CONTINUOUS_INTEGRATION', 'CI_JOB_ID', 'FORCE_COLOR']) {
			if (saved[key] === undefined) {
				Reflect.deleteProperty(process.env, key);
			} else {
				process.env[key] = saved[key];
			}
		}
	});
	Object.assign(process.env, {
		CI: 'true',
		CONTINUOUS_INTEGRATION: '1',
		CI_JOB_ID: '42',
		FORCE_COLOR: '3',
	});

	const terminal = runScript(
		t,
		String.raw`
			const ci = Object.keys(process.env).filter(key => key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_'));
			const {TERM, LANG, FORCE_COLOR, EXTRA} = process.env;
			process.stdout.write('ENV ' + JSON.stringify({ci, TERM, LANG, FORCE_COLOR, EXTRA}) + '\n');
		`,
		{env: {EXTRA: 'yes'}},
	);
	await terminal.exited;
	const json = /ENV (.*)\r\n/.exec(terminal.raw())?.[1];
	t.truthy(json, 'the program printed its ENV line');
	t.deepEqual(JSON.parse(json ?? '{}'), {
		ci: [],
		TERM: 'xterm-256color',
		LANG: 'en_US.UTF-8',
		EXTRA: 'yes',
	});
	t.like(terminalEnv({LANG: 'C.UTF-8', FORCE_COLOR: '1'}), {
		LANG: 'C.UTF-8',
		FORCE_COLOR: '1',
	});
});

test('waitForQuiet waits for output to stop', async (t) => {
	const terminal = runScript(
		t,
		String.raw`
			let n = 0;
			const timer = setInterval(() => {
				process.stdout.write('tick ' + ++n + '\n');
				if (n === 5) clearInterval(timer);
			}, 40);
			setInterval(() => {}, 1000);
		`,
	);
	await terminal.waitForText('tick 1');
	await terminal.waitForQuiet(150);
	t.true(terminal.screenText().includes('tick 5'));
	const bytes = terminal.rawLength();
	await terminal.waitForQuiet(100);
	t.is(terminal.rawLength(), bytes);
});

test('dispose kills a program that ignores SIGTERM and is safe to repeat', async (t) => {
	const terminal = runScript(
		t,
		String.raw`process.on('SIGTERM', () => {}); process.stdout.write('stubborn'); setInterval(() => {}, 1000);`,
	);
	await terminal.waitForText('stubborn');
	await Promise.all([terminal.dispose(), terminal.dispose()]);
	const status = await terminal.exited;
	t.is(status.signal, 9);
	await terminal.dispose();
});

test('dispose after a normal exit', async (t) => {
	const terminal = runScript(t, 'process.exit(0)');
	t.deepEqual(await terminal.exited, {exitCode: 0});
	await terminal.dispose();
	await terminal.dispose();
	t.throws(() => {
		terminal.write('late');
	});
});
