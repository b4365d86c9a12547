// The chat screen's commands, search, help and bell, against the real reference server.
import test from 'ava';
import {connectClient, type TestClient} from '../helpers/server-harness.js';
import {
	inputLine,
	keyCodes,
	logRows,
	startScreen,
	storedContents,
	type Screen,
} from '../helpers/screen-harness.js';

async function run(screen: Screen, line: string) {
	screen.type(line);
	await screen.waitFor((frame) => inputLine(frame.split('\n')).startsWith(`> ${line}`));
	screen.type(keyCodes.enter);
}

async function withBob(t: Parameters<typeof startScreen>[0], seed = 0, now?: () => number) {
	const screen = await startScreen(t, {seed, now});
	const bob: TestClient = await connectClient(t, screen.server.url, {
		user: {userId: 'u-bob', username: 'bob'},
	});
	await screen.waitForText('bob joined');
	// The server sends the user list at most about once a second: it may come after the notice.
	await screen.waitFor((frame) =>
		frame.split('\n').some((line) => line.trimEnd().endsWith('│ bob')),
	);
	return {screen, bob};
}

const lastLogLine = (screen: Screen) => logRows(screen.lines()).findLast((row) => row !== '') ?? '';

test('/help, F1 and ? on an empty line open the help; Esc, q and F1 close it', async (t) => {
	const screen = await startScreen(t);
	await run(screen, '/help');
	await screen.waitForText('Keys and commands');
	t.true(screen.frame().includes('Ctrl-C'));
	screen.type(keyCodes.escape);
	await screen.waitFor((frame) => !frame.includes('Keys and commands'));
	screen.type(keyCodes.f1);
	await screen.waitForText('Keys and commands');
	const row = (index: number) => screen.lines()[index];
	const top = [row(2), row(3)];
	screen.type(keyCodes.down);
	await screen.waitFor((frame) => frame.split('\n')[2] === top[1]);
	screen.type(keyCodes.up);
	await screen.waitFor((frame) => frame.split('\n')[2] === top[0]);
	screen.type(keyCodes.pageDown);
	await screen.waitFor((frame) => !frame.includes('│ Always'));
	screen.type(keyCodes.pageUp);
	await screen.waitForText('│ Always');
	screen.type('q');
	await screen.waitFor((frame) => !frame.includes('Keys and commands'));
	screen.type('?');
	await screen.waitForText('Keys and commands');
	screen.type(keyCodes.f1);
	await screen.waitFor((frame) => !frame.includes('Keys and commands'));
	// On a line with text, ? is typed.
	screen.type('why?');
	await screen.waitFor((frame) => inputLine(frame.split('\n')).startsWith('> why?'));
	t.false(screen.frame().includes('Keys and commands'));
});

test('/users lists everyone online in the log', async (t) => {
	const {screen} = await withBob(t);
	await run(screen, '/users');
	await screen.waitForText('Online (2): ');
	t.regex(lastLogLine(screen), /-!- Online \(2\): (alice, bob|bob, alice)$/);
});

test('/broadcast posts to /api/broadcast: everyone gets a system notice', async (t) => {
	const {screen, bob} = await withBob(t);
	await run(screen, '/broadcast server restarts soon');
	await bob.waitForMessage((message) => message.content === 'server restarts soon');
	await screen.waitForText('-!- system: server restarts soon');
	const sent = bob.received.messages.find((message) => message.content === 'server restarts soon');
	t.is(sent?.type, 'system');
});

test('/me sends an action; //text sends "/text"; an unknown command sends nothing', async (t) => {
	const {screen, bob} = await withBob(t);
	await run(screen, '/me waves');
	await screen.waitForText('* alice waves');
	await bob.waitForMessage((message) => message.content === '/me waves');
	await run(screen, '//shrug');
	await bob.waitForMessage((message) => message.content === '/shrug');
	await run(screen, '/frobnicate now');
	await screen.waitForText('unknown command "/frobnicate"');
	await bob.roundTrip();
	const stored = await storedContents(screen.server.url);
	t.false(stored.some((content) => content.includes('frobnicate')));
	t.is(inputLine(screen.lines()).startsWith('> /frob'), false, 'the line is cleared');
});

test('/nick joins again under the new name; /reconnect connects again; /clear empties the log', async (t) => {
	const {screen, bob} = await withBob(t);
	await run(screen, '/nick alice2');
	await bob.waitForUserList((users) => users.some((user) => user.username === 'alice2'));
	await screen.waitForText('│ alice2');
	await run(screen, '/reconnect');
	await screen.waitForText('reconnected');
	await screen.waitFor((frame) => /● online \d+ ms/.test(frame));
	t.true(screen.frame().includes('bob joined'));
	await run(screen, '/clear');
	await screen.waitFor((frame) => !frame.includes('bob joined') && !frame.includes('reconnected'));
	bob.send('after the clear');
	await screen.waitForText('bob  after the clear');
	const rows = logRows(screen.lines()).filter((row) => row !== '');
	t.regex(rows.at(-1)!, /bob {2}after the clear$/);
	t.false(
		rows.some((row) => /bob joined|reconnected|Online \(|beginning of history/.test(row)),
		`only what came after /clear: ${rows.join(' | ')}`,
	);
});

test('Ctrl-F and /search find text; n/N step through matches; Esc ends the search', async (t) => {
	const screen = await startScreen(t, {seed: 40});
	await run(screen, '/search nothing like it');
	await screen.waitForText('no match for "nothing like it"');
	screen.type(keyCodes.escape);
	await screen.waitFor((frame) => !frame.includes('no match'));
	screen.type(keyCodes.ctrlF);
	await screen.waitFor((frame) => inputLine(frame.split('\n')).startsWith('search:'));
	screen.type('m00');
	await screen.waitFor((frame) => inputLine(frame.split('\n')).startsWith('search: m00'));
	screen.type(keyCodes.enter);
	await screen.waitForText('search "m00": 1/9');
	t.true(screen.frame().includes('bob  m009'), 'the newest match is on screen');
	screen.type('n');
	await screen.waitForText('search "m00": 2/9');
	screen.type('n', 'n', 'n', 'n', 'n', 'n', 'n', 'n', 'n');
	await screen.waitForText('search "m00": 9/9');
	t.true(screen.frame().includes('bob  m001'));
	screen.type('N');
	await screen.waitForText('search "m00": 8/9');
	screen.type(keyCodes.escape);
	await screen.waitFor((frame) => !frame.includes('search "'));
	t.regex(inputLine(screen.lines()), /^> /, 'back on the input line');
	// Ctrl-F, then Esc: no search.
	screen.type(keyCodes.ctrlF, 'x');
	await screen.waitFor((frame) => inputLine(frame.split('\n')).startsWith('search: x'));
	screen.type(keyCodes.escape);
	await screen.waitFor((frame) => inputLine(frame.split('\n')).startsWith('> '));
	t.false(screen.frame().includes('search "x"'));
});

test('a mention rings the bell once, not for own lines or history; /bell off silences it', async (t) => {
	let clock = 1_000_000;
	const {screen, bob} = await withBob(t, 0, () => clock);
	t.is(screen.counts.bells, 0);
	bob.send('hey @alice, look');
	await screen.waitFor(() => screen.counts.bells === 1);
	bob.send('nothing for you');
	await run(screen, 'I am alice');
	await screen.waitForText('alice (me)  I am alice');
	t.is(screen.counts.bells, 1);
	clock += 5000;
	await run(screen, '/bell off');
	await screen.waitForText('bell off');
	bob.send('alice?');
	await screen.waitForText('bob  alice?');
	t.is(screen.counts.bells, 1);
	await run(screen, '/bell');
	await screen.waitForText('bell on');
	bob.send('ALICE!');
	await screen.waitFor(() => screen.counts.bells === 2);
	t.is(screen.counts.bells, 2);
});

test('a burst of mentions across batches rings the bell once in 5 s', async (t) => {
	let clock = 1_000_000;
	const {screen, bob} = await withBob(t, 0, () => clock);
	for (let index = 0; index < 6; index++) {
		bob.send(`alice ${index}`);
		// Each its own batch: the next goes once this one is on screen.
		await screen.waitForText(`bob  alice ${index}`);
		clock += 900;
	}

	t.is(screen.counts.bells, 1);
	clock += 5000;
	bob.send('alice, later');
	await screen.waitFor(() => screen.counts.bells === 2);
	t.is(screen.counts.bells, 2);
});

test('Ctrl-L redraws the screen', async (t) => {
	const screen = await startScreen(t);
	screen.type(keyCodes.ctrlL);
	await screen.waitFor(() => screen.counts.redraws === 1);
	t.is(screen.counts.redraws, 1);
});

test('a long error is shortened after a word in the status bar and whole in the log', async (t) => {
	const screen = await startScreen(t);
	const word = 'supercalifragilistic';
	await run(screen, `/bell ${Array.from({length: 3}, () => word).join(' ')}`);
	const error = `usage: /bell [on|off], not "${Array.from({length: 3}, () => word).join(' ')}"`;
	await screen.waitFor((frame) => frame.split('\n').at(-2)?.includes('usage: /bell') ?? false);
	const status = (screen.lines().at(-2) ?? '').trimEnd();
	t.true(status.endsWith('…'), `${status}`);
	t.false(status.includes(error), 'too long for the bar');
	t.regex(status, /(supercalifragilistic|]|not)…$/, 'cut after a whole word');
	const log = logRows(screen.lines())
		.map((row) => row.trim())
		.join(' ');
	t.true(log.includes(error), `${log}`);
});

test('an error in the status bar fades after a few seconds; the log keeps it', async (t) => {
	const screen = await startScreen(t);
	const statusRow = () => screen.lines().at(-2) ?? '';
	await run(screen, '/me');
	await screen.waitFor(
		(frame) => frame.split('\n').at(-2)?.includes('usage: /me <action>') ?? false,
	);
	const shownAt = Date.now();
	await screen.waitFor((frame) => !(frame.split('\n').at(-2) ?? '').includes('usage:'), 20_000);
	t.true(Date.now() - shownAt > 2000, 'it stayed a while');
	t.false(statusRow().includes('usage'));
	t.true(logRows(screen.lines()).some((row) => row.includes('usage: /me <action>')));
});
