import sliceAnsi from 'slice-ansi';
import stringWidth from '../text/width.js';
import {lineCells, rememberRows, type Row} from './cells.js';
import {sgrTransition} from './sgr.js';

/*
chat-tui's stand-in for Ink's Output (swapped in by scripts/build.js), which turns one frame's
writes into its lines. Ink's builds an object per cell and tokenizes every line again on every
frame; under a busy room that was most of the time spent drawing. This one keeps each line's
cells across frames, clips in cells rather than by slicing text, and hands the rows it made to
the renderer so that it does not parse them again.

Same contract as Ink's: `write` text at (x, y) through transformers, inside nested clips;
`get` the frame as lines without trailing blanks.
*/

type Transformer = (line: string, index: number) => string;
type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

/** Caches that live across frames; cleared when they grow past a bound. */
const lineCache = new Map<string, Row>();
const widthCache = new Map<string, number>();
// A few screens' worth: enough for every line of the frames around this one.
const cacheLimit = 2000;

function cellsOf(line: string): Row {
	let cells = lineCache.get(line);
	if (cells === undefined) {
		if (lineCache.size >= cacheLimit) {
			lineCache.clear();
		}

		cells = lineCells(line);
		lineCache.set(line, cells);
	}

	return cells;
}

function widthOf(text: string): number {
	let width = widthCache.get(text);
	if (width === undefined) {
		if (widthCache.size >= cacheLimit) {
			widthCache.clear();
		}

		width = Math.max(0, ...text.split('\n').map((line) => stringWidth(line)));
		widthCache.set(text, width);
	}

	return width;
}

type Grid = {chars: string[][]; styles: string[][]; loose: boolean[]; width: number};

/** Put cells on a row from column x, never splitting a wide character already there. */
function place(grid: Grid, y: number, x: number, cells: Row): void {
	const chars = grid.chars[y];
	const styles = grid.styles[y];
	if (!chars || !styles) {
		return;
	}

	const end = Math.min(grid.width, x + cells.chars.length);
	if (x >= end) {
		return;
	}

	if (chars[x] === '' && x > 0) {
		chars[x - 1] = ' ';
	}

	if (cells.loose) {
		grid.loose[y] = true;
	}

	for (let column = Math.max(0, x); column < end; column++) {
		chars[column] = cells.chars[column - x]!;
		styles[column] = cells.styles[column - x]!;
	}

	// A wide character cut by the right edge of what was written, or by the grid's.
	if (end < x + cells.chars.length && chars[end - 1] !== '' && cells.chars[end - x] === '') {
		chars[end - 1] = ' ';
	}

	for (let column = end; column < grid.width && chars[column] === ''; column++) {
		chars[column] = ' ';
	}
}

function serialize(chars: string[], styles: string[]): string {
	let last = chars.length;
	while (last > 0 && chars[last - 1] === ' ' && styles[last - 1] === '') {
		last--;
	}

	let out = '';
	let pen = '';
	for (let column = 0; column < last; column++) {
		const char = chars[column]!;
		if (char !== '') {
			const style = styles[column]!;
			if (style !== pen) {
				out += sgrTransition(pen, style);
				pen = style;
			}

			out += char;
		}
	}

	return out + sgrTransition(pen, '');
}

export default class Output {
	readonly width: number;
	readonly height: number;
	private readonly operations: Operation[] = [];

	constructor({width, height}: {width: number; height: number}) {
		this.width = width;
		this.height = height;
	}

	write(x: number, y: number, text: string, {transformers}: {transformers: Transformer[]}): void {
		if (text) {
			this.operations.push({type: 'write', x, y, text, transformers});
		}
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const grid: Grid = {
			// fill, not a callback per cell: the first frames run before V8 has optimized anything.
			chars: Array.from({length: this.height}, () =>
				Array.from<string>({length: this.width}).fill(' '),
			),
			styles: Array.from({length: this.height}, () =>
				Array.from<string>({length: this.width}).fill(''),
			),
			loose: [],
			width: this.width,
		};
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') {
				clips.push(operation.clip);
			} else if (operation.type === 'unclip') {
				clips.pop();
			} else {
				this.draw(grid, operation, clips.at(-1));
			}
		}

		const rows = new Map<string, Row>();
		const lines = grid.chars.map((chars, y) => {
			const styles = grid.styles[y]!;
			const line = serialize(chars, styles);
			rows.set(
				line,
				grid.loose[y]
					? {chars, styles, opaque: false, loose: true}
					: {chars, styles, opaque: false},
			);
			return line;
		});
		rememberRows(rows);
		return {output: lines.join('\n'), height: this.height};
	}

	private draw(
		grid: Grid,
		{x, y, text, transformers}: Extract<Operation, {type: 'write'}>,
		clip: Clip | undefined,
	): void {
		let lines = text.split('\n');
		const horizontal = typeof clip?.x1 === 'number' && typeof clip.x2 === 'number';
		const vertical = typeof clip?.y1 === 'number' && typeof clip.y2 === 'number';
		if (horizontal && (x + widthOf(text) < clip.x1! || x > clip.x2!)) {
			return;
		}

		if (vertical) {
			if (y + lines.length < clip.y1! || y > clip.y2!) {
				return;
			}

			const from = Math.max(0, clip.y1! - y);
			lines = lines.slice(from, Math.min(lines.length, clip.y2! - y));
			y += from;
		}

		for (const [index, line] of lines.entries()) {
			let left = x;
			let visible = line;
			if (horizontal) {
				// Ink slices before transforming; only a line that sticks out needs it.
				const from = Math.max(0, clip.x1! - x);
				const to = Math.min(widthOf(line), clip.x2! - x);
				if (from > 0 || to < widthOf(line)) {
					visible = sliceAnsi(line, from, to);
					left = x + from;
				}
			}

			for (const transform of transformers) {
				visible = transform(visible, index);
			}

			place(grid, y + index, left, cellsOf(visible));
		}
	}
}
