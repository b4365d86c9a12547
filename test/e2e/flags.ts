// Bad flags: exit code 2 and one line saying what is wrong, before the screen is taken over.
import test from 'ava';
import {startRaw} from '../helpers/chat-terminal.js';

const cases = [
	{
		args: ['--server', 'ftp://x'],
		message: /^chat-tui: --server: "ftp:\/\/x" must start with http:\/\/ or https:\/\/$/,
	},
	{args: ['--bogus'], message: /^chat-tui: .*--bogus/},
] as const;

for (const {args, message} of cases) {
	test(`${args.join(' ')} exits 2 with a one-line error`, async (t) => {
		const terminal = await startRaw(t, [...args]);
		const status = await terminal.exited;
		t.deepEqual(status, {exitCode: 2});
		const lines = terminal
			.screenText()
			.split('\n')
			.filter((line) => line.trim() !== '');
		t.is(lines.length, 1, `one line on screen:\n${lines.join('\n')}`);
		t.regex(lines[0] ?? '', message);
		t.false(terminal.inAlternateScreen());
		t.false(terminal.raw().includes('\u001B[?1049h'), 'the screen was never taken over');
	});
}
