import test, {type ExecutionContext} from 'ava';
import logUpdate, {frameBytes} from '../../source/render/log-update.js';
import {screenOf} from '../../source/render/frame-diff.js';
import {emulator} from '../helpers/emulator.js';
import {seededRandom, type Random} from '../helpers/random.js';

/*
The renderer is checked against a real terminal emulator: after any sequence of frames, the
bytes it wrote must leave exactly the screen that painting the last frame from scratch leaves.
*/

type Cell = {char: string; style: string};
type Frame = {width: number; log: Cell[][]; panel: Cell[][]; status: Cell[]; input: Cell[]};

const styles = ['', '1', '2', '36', '1;33', '30;43', '7', '38;5;208', '3;4', '31;42'];
const words = ['hello', 'chat', '张伟', '李娜', '雨', 'é', 'x', 'a b', '…', '│', '   '];

function wideness(char: string): number {
	return /[\u4E00-\u9FFF]/u.test(char) ? 2 : 1;
}

function cellsOf(text: string, style: string): Cell[] {
	return [...new Intl.Segmenter().segment(text)].map(({segment}) => ({char: segment, style}));
}

function randomCells(random: Random, maxWidth: number): Cell[] {
	const cells: Cell[] = [];
	let width = 0;
	for (let count = random.int(8); count > 0; count--) {
		for (const cell of cellsOf(random.pick(words) + ' ', random.pick(styles))) {
			if (width + wideness(cell.char) > maxWidth) {
				return cells;
			}

			width += wideness(cell.char);
			cells.push(cell);
		}
	}

	return cells;
}

/** A line as Ink writes one: SGR runs, trailing blanks left out. */
function lineOf(cells: Cell[]): string {
	let out = '';
	let style = '';
	for (const cell of cells) {
		if (cell.style !== style) {
			out += style === '' ? '' : '\u001B[0m';
			out += cell.style === '' ? '' : `\u001B[${cell.style}m`;
			style = cell.style;
		}

		out += cell.char;
	}

	return out + (style === '' ? '' : '\u001B[0m');
}

function padTo(cells: Cell[], width: number): Cell[] {
	const used = cells.reduce((sum, cell) => sum + wideness(cell.char), 0);
	return [...cells, ...Array.from({length: width - used}, () => ({char: ' ', style: ''}))];
}

function linesOf(frame: Frame): string[] {
	const panelWidth = frame.panel.length > 0 ? 22 : 0;
	const logWidth = frame.width - panelWidth;
	const rows = frame.log.map((log, index) => {
		const panel = frame.panel[index];
		return panel
			? lineOf([...padTo(log, logWidth), {char: '│', style: '2'}, ...panel])
			: lineOf(log);
	});
	return [...rows, lineOf(frame.status), lineOf(frame.input)];
}

function randomFrame(random: Random, width: number, height: number): Frame {
	const panel = random.int(3) > 0;
	const logWidth = panel ? width - 22 : width;
	return {
		width,
		log: Array.from({length: height - 2}, () => randomCells(random, logWidth)),
		panel: panel
			? Array.from({length: height - 2}, (_, index) => (index < 4 ? randomCells(random, 21) : []))
			: [],
		status: randomCells(random, width),
		input: cellsOf('> ', '1'),
	};
}

/** The next frame: what a chat does between two frames. */
function step(random: Random, frame: Frame): Frame {
	const logWidth = frame.panel.length > 0 ? frame.width - 22 : frame.width;
	const next = {...frame, log: [...frame.log], panel: [...frame.panel], input: [...frame.input]};
	switch (random.int(6)) {
		case 0:
		case 1: {
			const count = 1 + random.int(3);
			next.log = [
				...next.log.slice(count),
				...Array.from({length: count}, () => randomCells(random, logWidth)),
			];
			break;
		}

		case 2: {
			if (next.input.length < frame.width - 2) {
				next.input.push({char: random.pick(['a', '张', ' ', 'é']), style: ''});
			}

			break;
		}

		case 3: {
			next.panel = next.panel.map((cells, index) => (index < 4 ? randomCells(random, 21) : cells));
			next.status = randomCells(random, frame.width);
			break;
		}

		case 4: {
			const index = random.int(next.log.length);
			next.log[index] = randomCells(random, logWidth);
			break;
		}

		default: {
			return randomFrame(random, frame.width, frame.log.length + 2);
		}
	}

	return next;
}

async function painted(width: number, height: number, lines: string[]): Promise<string[][]> {
	const terminal = emulator(width, height);
	await terminal.write(lines.join('\r\n'));
	return terminal.cells();
}

/** Draws each frame and returns its bytes: frame by frame alone, or as log-update draws them. */
type Drawer = (lines: string[], random: Random) => string;

function alone(width: number): Drawer {
	let screen = screenOf([], width);
	return (lines) => {
		const next = screenOf(lines, width);
		const bytes = frameBytes(screen, next, true);
		screen = next;
		return bytes;
	};
}

/** log-update: the cursor, the scroll region and the pen carried from frame to frame. */
function carried(width: number, height: number): Drawer {
	const writes: string[] = [];
	const stream = {columns: width, write: (data: string) => writes.push(data) > 0};
	const log = logUpdate.create(stream as unknown as NodeJS.WriteStream);
	return (lines, random) => {
		const shown = random.int(4) > 0;
		log.setCursorPosition(shown ? {x: random.int(width), y: random.int(height)} : undefined);
		log(lines.join('\n'));
		return writes.splice(0).join('');
	};
}

async function fuzz(t: ExecutionContext, seed: number, how: 'alone' | 'carried') {
	const random = seededRandom(seed);
	const width = 40 + random.int(90);
	const height = 8 + random.int(30);
	const terminal = emulator(width, height + 1);
	const draw = how === 'alone' ? alone(width) : carried(width, height);
	let frame = randomFrame(random, width, height);
	for (let index = 0; index < 60; index++) {
		const lines = linesOf(frame);
		await terminal.write(draw(lines, random));
		const expected = await painted(width, height + 1, lines);
		const row = terminal
			.cells()
			.findIndex((cells, y) => cells.join(',') !== expected[y]!.join(','));
		if (row !== -1) {
			const column = terminal.cells()[row]!.findIndex((cell, x) => cell !== expected[row]![x]);
			t.fail(
				`frame ${index}, row ${row}, column ${column}: ${terminal.cells()[row]![column]} instead of ${expected[row]![column]}\n${JSON.stringify(lines[row])}`,
			);
			return;
		}

		frame = step(random, frame);
	}

	t.pass();
}

for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
	test(`after any frames, the screen is the last frame painted whole (seed ${seed})`, async (t) => {
		await fuzz(t, seed, 'alone');
	});
	test(`the same with the cursor and the scroll region carried between frames (seed ${seed})`, async (t) => {
		await fuzz(t, seed, 'carried');
	});
}

const chatter = [
	'hi there',
	'how is the build going?',
	'lunch at noon',
	'张伟说你好',
	'ok',
	'see the log for the details',
];

/** A chat at 120×40: 37 log rows beside a panel of three users, a status bar and an input line. */
function chatFrame(messages: number, input: string): Frame {
	const log = Array.from({length: 37}, (_, index) => {
		const number = messages - 36 + index;
		return [
			...cellsOf('12:00 ', '2'),
			...cellsOf('alice', '36'),
			...cellsOf(`: ${chatter[number % chatter.length]!} (#${number})`, ''),
		];
	});
	const panel = Array.from({length: 37}, (_, index) =>
		index === 0
			? cellsOf('Online (3)', '1')
			: index <= 3
				? cellsOf(['alice', 'bob', '张伟'][index - 1]!, '36')
				: [],
	);
	return {
		width: 120,
		log,
		panel,
		status: cellsOf(' online 3 ms · alice', '7'),
		input: cellsOf(`> ${input}`, ''),
	};
}

async function check(t: ExecutionContext, before: Frame, after: Frame, useScrollRegion: boolean) {
	const terminal = emulator(120, 40);
	const previous = screenOf(linesOf(before), 120);
	const next = screenOf(linesOf(after), 120);
	await terminal.write(frameBytes(screenOf([], 120), previous, true));
	const bytes = frameBytes(previous, next, useScrollRegion);
	await terminal.write(bytes);
	t.deepEqual(terminal.cells(), await painted(120, 40, linesOf(after)));
	return bytes;
}

test('a new message costs a scroll of the log and its own row, not a repaint', async (t) => {
	const bytes = await check(t, chatFrame(100, ''), chatFrame(101, ''), true);
	t.true(bytes.includes('\u001B[;37r\u001B[S'), JSON.stringify(bytes));
	t.true(bytes.length <= 300, `${bytes.length} bytes: ${JSON.stringify(bytes)}`);
	const withoutRegion = await check(t, chatFrame(100, ''), chatFrame(101, ''), false);
	t.true(
		withoutRegion.length > 4 * bytes.length,
		`${withoutRegion.length} bytes without a scroll region`,
	);
});

test('a typed character costs one cursor address and the character', async (t) => {
	const bytes = await check(t, chatFrame(100, 'hell'), chatFrame(100, 'hello'), true);
	t.is(bytes, '\u001B[39;7Ho');
});

test('a backspace erases the rest of the input line', async (t) => {
	const bytes = await check(t, chatFrame(100, 'hello'), chatFrame(100, 'hell'), true);
	t.is(bytes, '\u001B[39;7H\u001B[K');
});

test('a row with sequences other than SGR and links is rewritten whole, as Ink made it', async (t) => {
	const previous = screenOf(['plain row'], 20);
	const titled = 'before\u001B]0;a title\u0007after';
	const bytes = frameBytes(previous, screenOf([titled], 20), true);
	t.true(bytes.includes(titled));
	const terminal = emulator(20, 2);
	await terminal.write(frameBytes(screenOf([], 20), previous, true) + bytes);
	t.is(terminal.text()[0], 'beforeafter');
});

test('a hyperlink (OSC 8) is an attribute of its cells: a change inside it reopens it', async (t) => {
	const link = (text: string) => `see \u001B]8;;https://x.example/\u0007${text}\u001B]8;;\u0007 ok`;
	const previous = screenOf([link('the page')], 30);
	const next = screenOf([link('the bage')], 30);
	const bytes = frameBytes(previous, next, true);
	t.is(bytes, '\u001B[;9H\u001B]8;;https://x.example/\u001B\\b\u001B]8;;\u001B\\');
	const terminal = emulator(30, 2);
	await terminal.write(frameBytes(screenOf([], 30), previous, true) + bytes);
	t.is(terminal.text()[0], 'see the bage ok');
	t.true(
		frameBytes(screenOf([], 30), previous, true).includes(
			'see \u001B]8;;https://x.example/\u001B\\the page\u001B]8;;\u001B\\ ok',
		),
		'a whole paint opens and closes the link around its cells',
	);
});
