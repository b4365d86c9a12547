import test from 'ava';
import Output from '../../source/render/output.js';
import {lineCells, parseRow} from '../../source/render/cells.js';
// Ink's own Output, which ours replaces in the bundle: by path, as Ink's exports map hides it.
import InkOutput from '../../node_modules/ink/build/output.js';
import {seededRandom, type Random} from '../helpers/random.js';

/*
Our Output must produce the frame Ink's would, for the writes, clips and transformers Ink's
renderer makes: compared cell by cell (the SGR spelling may differ, what it shows may not).
*/

type Writer = {
	write(x: number, y: number, text: string, options: {transformers: Transformer[]}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type Transformer = (line: string, index: number) => string;

const red: Transformer = (line) => `\u001B[31m${line}\u001B[39m`;
const bold: Transformer = (line) => `\u001B[1m${line}\u001B[22m`;
const numbered: Transformer = (line, index) => `${index}${line}`;

function randomText(random: Random, wide: boolean): string {
	const words = wide ? ['张伟', '李娜 ok', '雨'] : ['hello', 'a', 'chat tui', '│', '─────', '…'];
	return Array.from({length: 1 + random.int(3)}, () =>
		Array.from({length: 1 + random.int(4)}, () => random.pick(words)).join(' '),
	).join('\n');
}

function drive(random: Random, writers: Writer[], width: number, height: number): void {
	let clips = 0;
	let wideWritten = false;
	for (let step = 0; step < 30; step++) {
		const choice = random.int(10);
		if (choice === 0 && clips < 2) {
			const x1 = random.int(width);
			const y1 = random.int(height);
			const clip = random.int(2)
				? {x1, x2: x1 + random.int(width), y1, y2: y1 + random.int(height)}
				: {y1, y2: y1 + random.int(height)};
			for (const writer of writers) {
				writer.clip(clip);
			}

			clips++;
		} else if (choice === 1 && clips > 0) {
			for (const writer of writers) {
				writer.unclip();
			}

			clips--;
		} else {
			// Wide characters once, on a row of their own: where a write splits one, Ink leaves a
			// half that shifts the rest of the row, and ours blanks it (tested below).
			const wide: boolean = !wideWritten && random.int(4) === 0;
			wideWritten ||= wide;
			const y = wide ? height - 1 : random.int(height - 1);
			const text = randomText(random, wide)
				.split('\n')
				.slice(0, wide ? 1 : height - 1 - y)
				.join('\n');
			const transformers = random.shuffle([red, bold, numbered]).slice(0, random.int(3));
			const x = wide ? 0 : random.int(width);
			for (const writer of writers) {
				writer.write(x, y, text, {transformers});
			}
		}
	}
}

function cellsOfFrame(output: string, width: number): string[] {
	return output.split('\n').map((line) => {
		const row = parseRow(line, width + 40);
		return row.chars.map((char, index) => `${char}|${row.styles[index]!}`).join(',');
	});
}

for (const seed of [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) {
	test(`our Output draws what Ink's does (seed ${seed})`, (t) => {
		const random = seededRandom(seed);
		const width = 10 + random.int(60);
		const height = 3 + random.int(10);
		const ours = new Output({width, height});
		const inks = new InkOutput({width, height}) as unknown as Writer;
		drive(random, [ours, inks], width, height);
		const expected = inks.get().output;
		const actual = ours.get().output;
		// Ink lets a write run past the frame's right edge; ours stops at it.
		const clipped = expected.split('\n').map((line) => {
			const row = lineCells(line, width);
			return row.chars.length;
		});
		t.true(clipped.every((length) => length <= width));
		t.deepEqual(
			cellsOfFrame(actual, width).map((row) => row.split(',').slice(0, width).join(',')),
			cellsOfFrame(expected, width).map((row) => row.split(',').slice(0, width).join(',')),
		);
	});
}

test('a line is cut at the frame edge, and a wide character that does not fit is left out', (t) => {
	const output = new Output({width: 4, height: 1});
	output.write(0, 0, 'abc张伟', {transformers: []});
	t.is(output.get().output, 'abc');
});

test('writing over half of a wide character blanks its other half', (t) => {
	const output = new Output({width: 6, height: 1});
	output.write(0, 0, '张伟', {transformers: []});
	output.write(1, 0, 'x', {transformers: []});
	t.is(output.get().output, ' x伟');
});
