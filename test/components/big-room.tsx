// The chat screen in a room of 5,000 people (a server of our own that lists them, see
// test/helpers/big-room.ts): a keystroke costs what it costs in a room of 10, and the user list's
// keys find people in it.
import {performance} from 'node:perf_hooks';
import test from 'ava';
import {render} from 'ink-testing-library';
import {ConnectedChatScreen} from '../../source/app.js';
import {groupDigits, labelsFor} from '../../source/look/i18n.js';
import type {User} from '../../source/protocol/types.js';
import {sortRoster} from '../../source/state/roster.js';
import {startBigRoom} from '../helpers/big-room.js';
import {frameLines, waitForFrame} from '../helpers/frames.js';
import {keys} from '../helpers/keys.js';
import type {Teardown} from '../helpers/server-harness.js';

const patience = 30_000;

async function openRoom(t: Teardown, people: number) {
	const room = await startBigRoom(t, people);
	const instance = render(
		<ConnectedChatScreen
			connection={{
				serverUrl: room.url,
				apiUrl: `${room.url}/api`,
				userId: 'u-alice',
				username: 'alice',
			}}
			columns={100}
			rows={30}
			lang="en"
			labels={labelsFor('en')}
		/>,
	);
	t.teardown(() => {
		instance.unmount();
	});
	const waitFor = async (predicate: (frame: string) => boolean) =>
		waitForFrame(instance.lastFrame, predicate, patience);
	await waitFor((frame) => frame.includes(`Online (${groupDigits(people + 1)})`));

	const input = () => frameLines(instance.lastFrame() ?? '').at(-1) ?? '';
	const type = (...data: string[]) => {
		for (const each of data) {
			instance.stdin.write(each);
		}
	};

	return {room, instance, waitFor, input, type};
}

type Room = Awaited<ReturnType<typeof openRoom>>;

/** Milliseconds for `count` keystrokes, each typed once the one before shows in the input line. */
async function typing(screen: Room, count: number): Promise<number> {
	screen.type(keys.ctrlU);
	await screen.waitFor(() => !screen.input().startsWith('> a'));
	const started = performance.now();
	let typed = '';
	for (let index = 0; index < count; index++) {
		if (typed.length === 40) {
			screen.type(keys.ctrlU);
			typed = '';
		}

		const letter = String.fromCodePoint(97 + (index % 26));
		typed += letter;
		const expected = `> ${typed}`;
		screen.type(letter);
		await screen.waitFor(() => screen.input() === expected);
	}

	return performance.now() - started;
}

test('a keystroke costs about the same with 5,000 people online as with 10', async (t) => {
	t.timeout(180_000);
	const small = await openRoom(t, 10);
	const big = await openRoom(t, 5000);
	// Warm up both, then time them in turns.
	await typing(small, 40);
	await typing(big, 40);
	let smallMs = 0;
	let bigMs = 0;
	for (let round = 0; round < 2; round++) {
		smallMs += await typing(small, 100);
		bigMs += await typing(big, 100);
	}

	t.log(
		`200 keystrokes: ${smallMs.toFixed(0)} ms with 10 people, ${bigMs.toFixed(0)} ms with 5,000`,
	);
	t.true(bigMs < smallMs * 3 + 200, `${bigMs.toFixed(0)} ms against ${smallMs.toFixed(0)} ms`);
});

test('in a list of 5,001: PgDn/PgUp, End/Home, letters find a name, the position shows, Esc leaves', async (t) => {
	t.timeout(120_000);
	const screen = await openRoom(t, 5000);
	const order = sortRoster(undefined, screen.room.users() as User[], 'u-alice').users.map(
		(user) => user.username,
	);
	const selected = async (name: string, position: string) =>
		screen.waitFor((frame) => frame.includes(`▸ ${name}`) && frame.includes(position));
	// The panel shows a title, a page of names and the position: its page is what the first
	// position line says ("1–26 of 5,001" on 30 rows, the input on the last).
	screen.type(keys.shiftTab);
	await selected('alice (me)', '1–');
	t.true(screen.instance.lastFrame()!.includes('▸ Online (5,001)'));
	const page = Number(/1–(\d+) of 5,001/.exec(screen.instance.lastFrame()!)?.[1]);
	t.true(page > 20, `a page of ${page} names`);
	screen.type(keys.pageDown);
	await selected(order[page]!, 'of 5,001');
	screen.type(keys.pageDown);
	await selected(order[page * 2]!, 'of 5,001');
	screen.type(keys.pageUp);
	await selected(order[page]!, 'of 5,001');
	screen.type(keys.end);
	await selected(order[5000]!, `${(5001 - page + 1).toLocaleString('en')}–5,001 of 5,001`);
	screen.type(keys.home);
	await selected('alice (me)', `1–${page} of 5,001`);

	// Letters find the first name that starts with them, and stay out of the input line.
	const firstWith = (prefix: string) =>
		order.find((name) => name.toLowerCase().startsWith(prefix))!;
	screen.type('z');
	await selected(firstWith('z'), 'of 5,001');
	screen.type('o', 'e', '4');
	await selected(firstWith('zoe4'), 'of 5,001');
	t.not(firstWith('z'), firstWith('zoe4'));
	t.false(screen.input().includes('zoe'), 'the letters stay out of the input line');

	// Esc leaves the list; typing goes to the input line again, and @names complete.
	screen.type(keys.escape);
	await screen.waitFor((frame) => !frame.includes('▸'));
	screen.type('hi @zoe4');
	await screen.waitFor(() => screen.input() === '> hi @zoe4');
	screen.type(keys.tab);
	await screen.waitFor(() => screen.input() === `> hi @${firstWith('zoe4')}`);
});
