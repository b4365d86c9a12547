// The chat screen's focus, user list and input line keys, against the real reference server.
import test from 'ava';
import {connectClient} from '../helpers/server-harness.js';
import {
	inputLine,
	keyCodes,
	paste,
	startScreen,
	storedContents,
	type Screen,
} from '../helpers/screen-harness.js';

const waitForInput = async (screen: Screen, text: string) =>
	screen.waitFor((frame) => inputLine(frame.split('\n')).trimEnd() === `> ${text}`);

async function withPeers(t: Parameters<typeof startScreen>[0], ...names: string[]) {
	const screen = await startScreen(t);
	for (const name of names) {
		await connectClient(t, screen.server.url, {user: {userId: `u-${name}`, username: name}});
		await screen.waitForText(`${name} joined`);
		// The server sends the user list at most about once a second: it may come after the notice.
		await screen.waitFor((frame) =>
			frame.split('\n').some((line) => line.trimEnd().endsWith(`│ ${name}`)),
		);
	}

	return screen;
}

test('Tab and Shift-Tab cycle input → log → user list with a marker; Esc returns', async (t) => {
	const screen = await withPeers(t, 'bob');
	t.false(screen.frame().includes('▸'));
	screen.type(keyCodes.tab);
	await screen.waitForText('▸ log');
	screen.type(keyCodes.tab);
	await screen.waitForText('▸ Online (2)');
	t.false(screen.frame().includes('▸ log'));
	screen.type(keyCodes.tab);
	await screen.waitFor((frame) => !frame.includes('▸'));
	screen.type(keyCodes.shiftTab);
	await screen.waitForText('▸ Online (2)');
	screen.type(keyCodes.shiftTab);
	await screen.waitForText('▸ log');
	screen.type(keyCodes.escape);
	await screen.waitFor((frame) => !frame.includes('▸'));
	// Typing in the log goes to the input line.
	screen.type(keyCodes.tab);
	await screen.waitForText('▸ log');
	screen.type('hi');
	await waitForInput(screen, 'hi');
	t.false(screen.frame().includes('▸ log'));
});

test('in the user list ↑/↓ select, and Enter puts "@name " into the input line', async (t) => {
	const screen = await withPeers(t, 'bob', 'carol');
	screen.type('hello');
	await waitForInput(screen, 'hello');
	screen.type(keyCodes.shiftTab);
	await screen.waitForText('▸ alice (me)');
	screen.type(keyCodes.down);
	await screen.waitForText('▸ bob');
	screen.type(keyCodes.down, keyCodes.down, keyCodes.down);
	await screen.waitForText('▸ carol');
	screen.type(keyCodes.up);
	await screen.waitForText('▸ bob');
	screen.type(keyCodes.enter);
	await waitForInput(screen, 'hello @bob');
	t.false(screen.frame().includes('▸'), 'the focus is back on the input line');
	screen.type('there');
	await waitForInput(screen, 'hello @bob there');
});

test('editing keys: ←/→, Ctrl-←/→, Home/End, Ctrl-A/E, Ctrl-W, Ctrl-U, Ctrl-K, Backspace, Delete', async (t) => {
	const screen = await startScreen(t);
	screen.type('hello big world');
	await waitForInput(screen, 'hello big world');
	screen.type(keyCodes.ctrlW);
	await waitForInput(screen, 'hello big');
	screen.type(keyCodes.home, 'X', keyCodes.end, 'Y');
	await waitForInput(screen, 'Xhello big Y');
	screen.type(keyCodes.ctrlA, keyCodes.right, keyCodes.right, keyCodes.ctrlK);
	await waitForInput(screen, 'Xh');
	screen.type(keyCodes.ctrlE, keyCodes.left, keyCodes.backspace);
	await waitForInput(screen, 'h');
	screen.type(keyCodes.ctrlU);
	await screen.waitFor((frame) => inputLine(frame.split('\n')).includes('Type a message'));
	screen.type('one two three', '\u001B[1;5D', '\u001B[1;5D', '\u001B[3~');
	await waitForInput(screen, 'one wo three');
	screen.type('\u001B[1;5C', '!');
	await waitForInput(screen, 'one wo! three');
	t.pass();
});

test('↑/↓ walk the lines sent and keep the draft being typed', async (t) => {
	const screen = await startScreen(t);
	for (const line of ['first line', 'second line']) {
		screen.type(line);
		await waitForInput(screen, line);
		screen.type(keyCodes.enter);
		await screen.waitForText(`alice (me)  ${line}`);
	}

	screen.type('a draft');
	await waitForInput(screen, 'a draft');
	screen.type(keyCodes.up);
	await waitForInput(screen, 'second line');
	screen.type(keyCodes.ctrlP);
	await waitForInput(screen, 'first line');
	screen.type(keyCodes.up);
	await waitForInput(screen, 'first line');
	screen.type(keyCodes.down);
	await waitForInput(screen, 'second line');
	screen.type(keyCodes.ctrlN);
	await waitForInput(screen, 'a draft');
	t.pass();
});

test('Tab completes a name after @ or a prefix, cycles, and moves focus with nothing to complete', async (t) => {
	const screen = await withPeers(t, 'bob', 'bobby');
	screen.type('hi @bo');
	await waitForInput(screen, 'hi @bo');
	screen.type(keyCodes.tab);
	await waitForInput(screen, 'hi @bob');
	screen.type(keyCodes.tab);
	await waitForInput(screen, 'hi @bobby');
	screen.type(keyCodes.ctrlU, 'bobb');
	await waitForInput(screen, 'bobb');
	screen.type(keyCodes.tab);
	await waitForInput(screen, 'bobby:');
	screen.type(keyCodes.ctrlU, '/he', keyCodes.tab);
	await waitForInput(screen, '/help');
	screen.type(keyCodes.ctrlU, 'zzz', keyCodes.tab);
	await screen.waitForText('▸ log');
	t.regex(inputLine(screen.lines()), /^> zzz/);
});

test('a two-line bracketed paste is one line, and sends one message', async (t) => {
	const screen = await startScreen(t);
	screen.type(paste('line one\nline two\r\n'));
	await waitForInput(screen, 'line one line two');
	screen.type(keyCodes.enter);
	await screen.waitForText('alice (me)  line one line two');
	const stored = await storedContents(screen.server.url);
	t.is(stored.filter((content) => content.startsWith('line')).length, 1);
	t.true(stored.includes('line one line two'));
});

test('Ctrl-D deletes on a line with text; Ctrl-T and F2 toggle the user list', async (t) => {
	const screen = await startScreen(t);
	screen.type('ab', keyCodes.home, keyCodes.ctrlD);
	await waitForInput(screen, 'b');
	// The list comes from the server, maybe after the first key: wait for it rather than read it.
	await screen.waitForText('Online (1)');
	screen.type(keyCodes.ctrlT);
	await screen.waitFor((frame) => !frame.includes('Online (1)'));
	screen.type('\u001BOQ');
	await screen.waitForText('Online (1)');
	// With the list hidden, Tab skips it.
	screen.type(keyCodes.ctrlT, keyCodes.tab, keyCodes.tab);
	await screen.waitFor((frame) => !frame.includes('▸') && !frame.includes('Online'));
	t.pass();
});
