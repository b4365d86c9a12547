import test from 'ava';
import logUpdate, {frameBytes} from '../../source/render/log-update.js';
import {screenOf} from '../../source/render/frame-diff.js';
import {learnWidths, unicodeWidths} from '../../source/text/cluster-widths.js';
import {emulator} from '../helpers/emulator.js';

/** Our log-update writing into an array, as Ink drives it. */
function start(columns = 40) {
	const writes: string[] = [];
	const stream = {
		columns,
		write(data: string) {
			writes.push(data);
			return true;
		},
	} as unknown as NodeJS.WriteStream;
	return {log: logUpdate.create(stream), writes};
}

const frame = (input: string) => ['log row', '', 'status', `> ${input}`].join('\n');

/** Started with `input` typed and the cursor after it; what was written so far forgotten. */
function typedAlready(input: string) {
	const started = start();
	started.log.setCursorPosition({x: 2 + input.length, y: 3});
	started.log(frame(input));
	started.writes.length = 0;
	return started;
}

test('a character typed where the cursor is writes the character alone', (t) => {
	const {log, writes} = typedAlready('');
	log.setCursorPosition({x: 3, y: 3});
	log(frame('a'));
	t.deepEqual(writes, ['a']);
});

test('the cursor goes back to the insertion point after a change elsewhere, and shows', (t) => {
	const {log, writes} = typedAlready('');
	log('new row\n\nstatus\n> ');
	const [written] = writes;
	t.true(written!.startsWith('\u001B7'), `${JSON.stringify(written)}`);
	t.true(written!.endsWith('\u001B8'), `${JSON.stringify(written)}`);
	t.false(written!.includes('\u001B[?2026h'), 'no synchronized output for a small change');
});

test('the cursor moves without a frame when only the insertion point moves', (t) => {
	const {log, writes} = typedAlready('ab');
	log.setCursorPosition({x: 2, y: 3});
	t.true(log.isCursorDirty());
	log(frame('ab'));
	t.deepEqual(writes, ['\u001B[4;3H']);
});

test('without a cursor position the cursor is hidden, and shown again with one', async (t) => {
	const {log, writes} = start();
	log.setCursorPosition({x: 2, y: 3});
	log(frame(''));
	log.setCursorPosition(undefined);
	log(frame(''));
	t.is(writes.at(-1), '\u001B[?25l');
	log.setCursorPosition({x: 2, y: 3});
	log(frame(''));
	t.is(writes.at(-1), '\u001B[?25h', 'the cursor is still where it goes');
	const terminal = emulator(40, 4);
	await terminal.write(writes.join(''));
	t.deepEqual(terminal.text(), ['log row', '', 'status', '>']);
});

test('a big frame is drawn as one, the cursor hidden meanwhile', (t) => {
	const {log, writes} = start(80);
	log.setCursorPosition({x: 2, y: 3});
	log(frame(''));
	writes.length = 0;
	log(['x'.repeat(80), 'y'.repeat(80), 'z'.repeat(80), `> ${'w'.repeat(70)}`].join('\n'));
	const [written] = writes;
	t.true(
		written!.startsWith('\u001B[?2026h\u001B[?25l'),
		`${JSON.stringify(written!.slice(0, 20))}`,
	);
	t.true(
		written!.endsWith('\u001B8\u001B[?25h\u001B[?2026l'),
		`${JSON.stringify(written!.slice(-30))}`,
	);
});

/*
Where the terminal measures a cluster otherwise than we do and nothing was learned, a row holding
one is written in full and each cell after it placed by its address: the emulator here draws ❤️
one cell wide, where the widest rule gives it two. The panel's border stays in its column, and
no cell is left stale.
*/
test.serial(
	'rows with a cluster not learned: the border stays in place, no stale cells',
	async (t) => {
		learnWidths({});
		t.teardown(() => {
			learnWidths(unicodeWidths);
		});
		const width = 30;
		const frames = [
			['hello ❤️ there', 'plain row', '❤️❤️ and more ❤️'],
			['hello ❤️ here!', 'plain ❤️ row', '❤️ and more'],
			['x', '❤️', ''],
		];
		const lineOf = (log: string) => {
			const cells = [...new Intl.Segmenter().segment(log)].reduce(
				(sum, {segment}) => sum + (segment === '❤️' ? 2 : 1),
				0,
			);
			return `${log}${' '.repeat(20 - cells)}│panel`;
		};

		const terminal = emulator(width, 3);
		let previous = screenOf([], width);
		for (const logs of frames) {
			const next = screenOf(
				logs.map((log) => lineOf(log)),
				width,
			);
			await terminal.write(frameBytes(previous, next, false));
			previous = next;
			const cells = terminal
				.cells()
				.map((cellsOfRow) => cellsOfRow.map((cell) => cell.split('|')[0]));
			for (const [y, log] of logs.entries()) {
				t.is(terminal.text()[y]!.includes('│panel'), true, `row ${y}: ${terminal.text()[y]}`);
				t.is(
					cells[y]!.findIndex((cell) => cell?.startsWith('│')),
					20,
					`the border of row ${y} (${log})`,
				);
			}
		}

		t.deepEqual(
			terminal.text().map((text) => text.replaceAll(/\s+/g, ' ')),
			['x │panel', '❤️ │panel', ' │panel'],
		);
	},
);

test('the scroll region stays set: the next message in it costs the scroll alone', (t) => {
	const {log, writes} = start();
	const lines = (from: number) => [
		...Array.from({length: 6}, (_, index) => `message number ${from + index}`),
		'status',
		'> ',
	];
	log.setCursorPosition({x: 2, y: 7});
	log(lines(0).join('\n'));
	log(lines(1).join('\n'));
	t.true(writes.at(-1)!.includes('\u001B[;6r\u001B[S'), `${JSON.stringify(writes.at(-1))}`);
	log(lines(2).join('\n'));
	t.is(writes.at(-1), '\u001B7\u001B[S\u001B[6Hmessage number 7\u001B8');
});
