// The chat screen's scrollback keys, against the real reference server.
import test from 'ava';
import {connectClient} from '../helpers/server-harness.js';
import {
	keyCodes,
	logRows,
	shownMessages,
	startScreen,
	type Screen,
} from '../helpers/screen-harness.js';

const numbers = (shown: readonly string[]) => shown.map((content) => Number(content.slice(1)));

/** The messages on screen once the frame changed from `before`. */
async function afterKey(screen: Screen, key: string, before = screen.frame()) {
	screen.type(key);
	await screen.waitFor((frame) => frame !== before);
	return numbers(shownMessages(screen.lines()));
}

const isRun = (values: readonly number[]) =>
	values.every((value, index) => index === 0 || value === values[index - 1]! + 1);

test('PgUp/PgDn move a page and Ctrl-↑/↓ a line; at the bottom the view follows again', async (t) => {
	const screen = await startScreen(t, {seed: 60});
	const bottom = numbers(shownMessages(screen.lines()));
	t.is(bottom.at(-1), 60);

	const paged = await afterKey(screen, keyCodes.pageUp);
	t.true(isRun(paged), `one stretch: ${paged.join(' ')}`);
	t.true(paged[0]! < bottom[0]!, 'further up');
	t.is(paged.at(-1), bottom[0], 'a page: the old top line stays in view at the bottom');
	t.true(screen.frame().includes('↓ more below (End)'));

	const lineUp = await afterKey(screen, keyCodes.ctrlUp);
	t.deepEqual(
		lineUp,
		paged.map((value) => value - 1),
	);
	const lineDown = await afterKey(screen, keyCodes.ctrlDown);
	t.deepEqual(lineDown, paged);

	await afterKey(screen, keyCodes.pageDown);
	await screen.waitFor((frame) => !frame.includes('more below'));
	t.is(numbers(shownMessages(screen.lines())).at(-1), 60);
	// Following again: a new message shows at the bottom.
	const peer = await connectClient(t, screen.server.url, {
		user: {userId: 'u-bob', username: 'bob'},
	});
	peer.send('fresh news');
	await screen.waitFor((frame) =>
		logRows(frame.split('\n')).some((row) => row.endsWith('fresh news')),
	);
	t.false(screen.frame().includes('new ↓'));
});

test('PgUp up to the top of 120 messages loads older pages, each message once', async (t) => {
	const screen = await startScreen(t, {seed: 120});
	const seen = new Set<number>();
	for (let presses = 0; presses < 40; presses++) {
		const shown = numbers(shownMessages(screen.lines()));
		t.true(isRun(shown), `in order, none twice: ${shown.join(' ')}`);
		for (const value of shown) {
			seen.add(value);
		}

		if (screen.frame().includes('beginning of history')) {
			break;
		}

		const before = screen.frame();
		screen.type(keyCodes.pageUp);
		// A page, or the edge of what is loaded, then the older page in its place.
		await screen.waitFor((frame) => frame !== before && !frame.includes('loading…'));
	}

	const rows = logRows(screen.lines());
	const edge = rows.findIndex((row) => row.includes('beginning of history'));
	t.true(edge !== -1, `${rows.join('\n')}`);
	t.regex(rows[edge + 1] ?? '', /bob {2}m001$/, 'the first message right below the edge');
	t.deepEqual(
		[...seen].sort((a, b) => a - b),
		Array.from({length: 120}, (_, n) => n + 1),
		'every message was on screen on the way up',
	);
});

test('a message arriving while scrolled up does not move the view; End returns', async (t) => {
	const screen = await startScreen(t, {seed: 40});
	const peer = await connectClient(t, screen.server.url, {
		user: {userId: 'u-bob', username: 'bob'},
	});
	await screen.waitForText('bob joined');
	await afterKey(screen, keyCodes.pageUp);
	const logBefore = logRows(screen.lines()).slice(0, -1);
	peer.send('while you were away');
	await screen.waitForText('1 new ↓ (End)');
	peer.send('and another');
	await screen.waitForText('2 new ↓ (End)');
	t.deepEqual(logRows(screen.lines()).slice(0, -1), logBefore, 'the log did not move');

	// End on the empty input line: back to the newest, following again.
	screen.type(keyCodes.end);
	await screen.waitFor((frame) => !frame.includes('new ↓'));
	const rows = logRows(screen.lines()).filter((row) => row !== '');
	t.regex(rows.at(-1)!, /bob {2}and another$/);
	t.regex(rows.at(-2)!, /bob {2}while you were away$/);
});

test('with the log focused: ↑/↓ move a line, Home the top of history, End the bottom', async (t) => {
	const screen = await startScreen(t, {seed: 30});
	screen.type(keyCodes.tab);
	await screen.waitForText('▸ log');
	const start = numbers(shownMessages(screen.lines()));
	const up = await afterKey(screen, keyCodes.up);
	t.deepEqual(up, [start[0]! - 1, ...start].slice(0, up.length));
	const down = await afterKey(screen, keyCodes.down);
	t.deepEqual(down, start);

	screen.type(keyCodes.home);
	await screen.waitForText('beginning of history');
	t.is(numbers(shownMessages(screen.lines()))[0], 1);
	screen.type(keyCodes.end);
	await screen.waitFor((frame) => !frame.includes('beginning of history'));
	t.is(numbers(shownMessages(screen.lines())).at(-1), 30);
	t.false(screen.frame().includes('more below'));
});
