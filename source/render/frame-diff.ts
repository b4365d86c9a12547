import {isDisputed} from '../text/cluster-widths.js';
import {blankRow, isCluster, parseRow, type Row} from './cells.js';
import {cursorMove, type Region} from './moves.js';
import {cheapestOrder, type Run} from './order.js';
import {erasesPlain, sgrTransition} from './sgr.js';

/*
What the terminal shows, and the bytes that turn it into the next frame. Only changed cells are
written, each run reached by the shortest move (moves.ts) and the runs in the cheapest order
(order.ts); trailing blanks are erased with `ESC [ K`.
The frame is the whole screen from its top-left corner (chat-tui draws in the alternate screen).
*/

export type Screen = {
	readonly width: number;
	/** Ink's line for each row, or undefined where the row is known only by its cells. */
	readonly texts: Array<string | undefined>;
	/** The rows as cells, parsed from their text when first needed. */
	readonly rows: Array<Row | undefined>;
};

export function emptyScreen(width: number): Screen {
	return {width, texts: [], rows: []};
}

/** The screen once these lines are painted; rows are parsed into cells only when compared. */
export function screenOf(lines: readonly string[], width: number): Screen {
	return {width, texts: [...lines], rows: []};
}

function rowAt(screen: Screen, index: number): Row {
	let row = screen.rows[index];
	if (row === undefined) {
		const text = screen.texts[index];
		row = text === undefined ? blankRow(screen.width) : parseRow(text, screen.width);
		screen.rows[index] = row;
	}

	return row;
}

/** Unchanged cells between two changed runs that are cheaper to rewrite than to jump over. */
const mergeGap = 5;

/** Where the terminal's cursor is (0-based); -1 where that is not known. */
export type Position = {readonly row: number; readonly col: number};

export const unknownPosition: Position = {row: -1, col: -1};

/** The terminal's pen: its attributes, where the cursor is, and the scroll region if known. */
type Pen = {style: string; row: number; col: number; readonly region?: Region};

function moveTo(pen: Pen, row: number, col: number): string {
	const sequence = cursorMove(pen, row, col);
	pen.row = row;
	pen.col = col;
	return sequence;
}

function isBlank(row: Row, index: number): boolean {
	return row.chars[index] === ' ' && row.styles[index] === '';
}

/** Where the row's trailing default blanks start. */
function blankTail(row: Row): number {
	let index = row.chars.length;
	while (index > 0 && isBlank(row, index - 1)) {
		index--;
	}

	return index;
}

function differs(previous: Row, next: Row, index: number): boolean {
	return (
		previous.chars[index] !== next.chars[index] || previous.styles[index] !== next.styles[index]
	);
}

/** The changed runs of one row, widened so that no wide character is split. */
function changedRuns(previous: Row, next: Row, width: number): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	for (let index = 0; index < width; index++) {
		if (!differs(previous, next, index)) {
			continue;
		}

		let start = index;
		let end = index;
		while (end + 1 < width && differs(previous, next, end + 1)) {
			end++;
		}

		while (start > 0 && (next.chars[start] === '' || previous.chars[start] === '')) {
			start--;
		}

		while (end + 1 < width && (next.chars[end + 1] === '' || previous.chars[end + 1] === '')) {
			end++;
		}

		const last = runs.at(-1);
		if (last && start - last[1] - 1 <= mergeGap) {
			last[1] = Math.max(last[1], end);
		} else {
			runs.push([start, end]);
		}

		index = end;
	}

	return runs;
}

function writeCells(pen: Pen, row: Row, start: number, end: number): string {
	let out = '';
	for (let index = start; index <= end; index++) {
		const char = row.chars[index]!;
		if (char === '') {
			continue;
		}

		const style = row.styles[index]!;
		out += sgrTransition(pen.style, style) + char;
		pen.style = style;
	}

	return out;
}

/** The runs of one row to write, the last one erasing the row's blank tail where it reaches it. */
function rowRuns(index: number, previous: Row, next: Row): Run[] {
	const width = next.chars.length;
	const tail = blankTail(next);
	const runs: Run[] = [];
	for (const [start, end] of changedRuns(previous, next, width)) {
		if (end >= tail && tail < width) {
			runs.push({row: index, start, end: tail - 1, erase: true});
			break;
		}

		runs.push({row: index, start, end, erase: false});
	}

	return runs;
}

function writeRun(pen: Pen, {row: index, start, end, erase}: Run, row: Row): string {
	let out = moveTo(pen, index, start) + writeCells(pen, row, start, end);
	if (erase) {
		// Erased cells take the background only: with none set, no reset is needed first.
		if (!erasesPlain(pen.style)) {
			out += sgrTransition(pen.style, '');
			pen.style = '';
		}

		pen.col = Math.max(start, end + 1);
		return out + '\u001B[K';
	}

	// After the last column a terminal waits to wrap; where the cursor is then differs.
	pen.col = end + 1 < row.chars.length ? end + 1 : -1;
	return out;
}

/**
 * A row holding a disputed cluster, written in full: erased, then its cells, each after such a
 * cluster placed by its own address. However wide the terminal draws the cluster, no cell of the
 * row is left stale and nothing after it moves.
 */
function rewriteRow(pen: Pen, index: number, row: Row): string {
	const width = row.chars.length;
	let out = moveTo(pen, index, 0) + sgrTransition(pen.style, '') + '\u001B[2K';
	pen.style = '';
	const tail = blankTail(row);
	for (let column = 0; column < tail; column++) {
		const char = row.chars[column]!;
		if (char === '') {
			continue;
		}

		out += sgrTransition(pen.style, row.styles[column]!) + char;
		pen.style = row.styles[column]!;
		if (isCluster(char) && isDisputed(char)) {
			let end = column + 1;
			while (end < width && row.chars[end] === '') {
				end++;
			}

			out += end < tail ? `\u001B[${end + 1}G` : '';
		}
	}

	// After the last column a terminal waits to wrap; after a disputed cluster it is not known.
	const last = row.chars[tail - 1];
	pen.col = tail < width && !(last && isCluster(last) && isDisputed(last)) ? tail : -1;
	return out;
}

/** The bytes that turn `previous` into `next` (both as wide as the terminal). */
export function paintDiff(previous: Screen, next: Screen, from?: Position): string {
	return paint(previous, next, from).bytes;
}

/** Rows that hold sequences we do not model, or a disputed cluster: each is written its own way. */
function isSpecial(previous: Row, next: Row): boolean {
	return previous.loose === true || next.loose === true || previous.opaque || next.opaque;
}

/** The changed rows, row by row; rows with a disputed cluster or unknown sequences among them. */
function paintRows(pen: Pen, previous: Screen, next: Screen, changed: number[]): string {
	let out = '';
	for (const index of changed) {
		const nextRow = rowAt(next, index);
		const previousRow = rowAt(previous, index);
		if ((nextRow.loose === true || previousRow.loose === true) && !nextRow.opaque) {
			out += rewriteRow(pen, index, nextRow);
		} else if (nextRow.opaque || previousRow.opaque) {
			// Sequences we do not model: rewrite the whole row as Ink made it.
			out +=
				moveTo(pen, index, 0) +
				sgrTransition(pen.style, '') +
				(next.texts[index] ?? '') +
				'\u001B[m\u001B[K';
			pen.style = '';
			pen.row = -1;
		} else {
			for (const run of rowRuns(index, previousRow, nextRow)) {
				out += writeRun(pen, run, nextRow);
			}
		}
	}

	return out;
}

function writeRuns(pen: Pen, runs: readonly Run[], next: Screen): string {
	let out = '';
	for (const run of runs) {
		out += writeRun(pen, run, rowAt(next, run.row));
	}

	return out;
}

/**
 * The bytes that turn `previous` into `next`, starting with the cursor at `from` (unknown when
 * left out) in the scroll region `region` (unknown when left out), and where the cursor is after
 * them. The changed runs are written in the order that costs the fewest bytes (order.ts).
 */
export function paint(
	previous: Screen,
	next: Screen,
	from: Position = unknownPosition,
	region?: Region,
): {bytes: string; end: Position} {
	const start = (): Pen => ({style: '', row: from.row, col: from.col, region});
	const height = Math.max(previous.texts.length, next.texts.length);
	const changed: number[] = [];
	for (let index = 0; index < height; index++) {
		const text = next.texts[index];
		if (text === undefined || text !== previous.texts[index]) {
			changed.push(index);
		}
	}

	let pen = start();
	let out: string;
	if (changed.some((index) => isSpecial(rowAt(previous, index), rowAt(next, index)))) {
		out = paintRows(pen, previous, next, changed);
	} else {
		const runs = changed.flatMap((index) =>
			rowRuns(index, rowAt(previous, index), rowAt(next, index)),
		);
		out = writeRuns(pen, runs, next);
		const ordered = cheapestOrder(runs, (index) => rowAt(next, index), start());
		if (ordered !== runs) {
			const other = start();
			const bytes = writeRuns(other, ordered, next);
			if (bytes.length < out.length) {
				out = bytes;
				pen = other;
			}
		}
	}

	return {bytes: out + sgrTransition(pen.style, ''), end: {row: pen.row, col: pen.col}};
}

/** A full paint: clear the screen, then draw every row; and where the cursor is after it. */
export function paintAll(next: Screen): {bytes: string; end: Position} {
	const {bytes, end} = paint(emptyScreen(next.width), next, {row: 0, col: 0});
	return {bytes: '\u001B[m\u001B[H\u001B[2J' + bytes, end};
}
