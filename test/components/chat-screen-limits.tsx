// A line over the limit is refused in the input line, against the real reference server.
import test from 'ava';
import {
	inputLine,
	keyCodes,
	paste,
	startScreen,
	storedContents,
	type Screen,
} from '../helpers/screen-harness.js';

/** 2,345 characters, its ends told apart from its middle. */
const longLine = `start-${'x'.repeat(2335)}-end`;

const input = (screen: Screen) => inputLine(screen.lines()).trimEnd();

/** What the server stored, but join notices. */
async function stored(screen: Screen) {
	const contents = await storedContents(screen.server.url);
	return contents.filter((content) => !content.endsWith(' joined'));
}

/** Send a short line and wait for its echo: anything sent before it reached the server first. */
async function sendMarker(screen: Screen, text: string) {
	screen.type(keyCodes.ctrlU, text);
	await screen.waitFor(() => input(screen) === `> ${text}`);
	screen.type(keyCodes.enter);
	await screen.waitForText(`alice (me)  ${text}`);
}

test('a pasted line over 2,000 characters is refused with the counts and stays in the input', async (t) => {
	t.is(longLine.length, 2345);
	const screen = await startScreen(t, {columns: 100, rows: 20});
	screen.type(paste(longLine));
	await screen.waitFor(() => input(screen).endsWith('xxx-end'));
	screen.type(keyCodes.enter);
	await screen.waitForText('too long: 2,345 of 2,000 characters; not sent');
	// Still there, whole: its end where the cursor is, its start after Home.
	t.true(input(screen).endsWith('xxx-end'));
	t.false(screen.frame().includes('sending…'));
	screen.type(keyCodes.home);
	await screen.waitFor(() => input(screen).startsWith('> start-xxx'));
	// Enter again: refused again, still not sent.
	screen.type(keyCodes.enter);
	await screen.waitFor((frame) => frame.split('too long: 2,345 of 2,000 characters').length === 3);
	t.true(input(screen).startsWith('> start-xxx'));
	await sendMarker(screen, 'after');
	t.deepEqual(await stored(screen), ['after']);
});

test('a line of exactly the limit goes out; the limit counts characters, not UTF-16 units', async (t) => {
	const screen = await startScreen(t, {maxLength: 10});
	screen.type(paste('😀'.repeat(10)));
	await screen.waitFor(() => input(screen).includes('😀'));
	screen.type(keyCodes.enter);
	await screen.waitForText(`alice (me)  ${'😀'.repeat(10)}`);
	t.deepEqual(await stored(screen), ['😀'.repeat(10)]);
	screen.type('abcdefghijk');
	await screen.waitFor(() => input(screen) === '> abcdefghijk');
	screen.type(keyCodes.enter);
	await screen.waitForText('too long: 11 of 10 characters; not sent');
	t.is(input(screen), '> abcdefghijk');
});

test('/me and /broadcast obey the limit too; the text stays in the input', async (t) => {
	const screen = await startScreen(t, {maxLength: 10});
	// "/me waves!" is 10 characters as sent: it goes out.
	screen.type('/me waves!');
	await screen.waitFor(() => input(screen) === '> /me waves!');
	screen.type(keyCodes.enter);
	await screen.waitForText('* alice waves!');
	screen.type('/me waves!!');
	await screen.waitFor(() => input(screen) === '> /me waves!!');
	screen.type(keyCodes.enter);
	await screen.waitForText('too long: 11 of 10 characters; not sent');
	t.is(input(screen), '> /me waves!!');
	screen.type(keyCodes.ctrlU, '/broadcast 12345678901');
	await screen.waitFor(() => input(screen) === '> /broadcast 12345678901');
	screen.type(keyCodes.enter);
	await screen.waitFor(
		(frame) => frame.split('too long: 11 of 10 characters; not sent').length === 3,
	);
	t.is(input(screen), '> /broadcast 12345678901');
	await sendMarker(screen, 'after');
	t.deepEqual(await stored(screen), ['/me waves!', 'after']);
});
