/* eslint-disable no-bitwise -- subsets of runs are bit sets */
import type {Row} from './cells.js';
import {cursorMove, type Cursor} from './moves.js';
import {erasesPlain, sgrTransition} from './sgr.js';

/*
The order to write a frame's changed runs in. Between two runs the terminal is told where to go
and, unless the pen already has it, the next run's first style: row by row, a new message at the
bottom of the log costs a cursor address and a style change for each of the user panel's rows,
and the styles alternate (bold title, cyan names, a dim marker, then a dim time stamp). Written in
the cheapest order instead, runs that start in the style the last one ended in follow it, and
short relative moves join runs that lie near each other. The runs do not overlap and each sets
every cell it covers, so any order leaves the same screen; only the bytes differ.

For a few runs the cheapest order is found exactly (Held-Karp, over the subsets of runs); a big
frame is written row by row, where the order matters little against its size.
*/

/** Changed cells of one row, start to end; `erase`: then the rest of the row is erased (EL). */
export type Run = {
	readonly row: number;
	readonly start: number;
	readonly end: number;
	readonly erase: boolean;
};

/** The pen before a run: its style, and where the cursor is. */
export type PenState = Cursor & {readonly style: string};

/** At most this many runs are ordered: 2^n subsets, n² steps each. */
export const maxOrderedRuns = 10;

/** What a run needs on entry and leaves behind. */
type Shape = {
	/** The style of its first cell; undefined for a run that only erases. */
	readonly first: string | undefined;
	readonly after: PenState;
};

function shapeOf(
	{row: index, start, end, erase}: Run,
	row: Row,
	region: PenState['region'],
): Shape {
	let first: string | undefined;
	let last = '';
	for (let column = start; column <= end; column++) {
		if (row.chars[column] !== '') {
			first ??= row.styles[column];
			last = row.styles[column]!;
		}
	}

	const style = erase && !erasesPlain(last) ? '' : last;
	const col = erase ? Math.max(start, end + 1) : end + 1 < row.chars.length ? end + 1 : -1;
	return {first, after: {style, row: index, col, region}};
}

/** The bytes of getting from `pen` to the start of a run, in its first style. */
function entryCost(pen: PenState, run: Run, {first}: Shape): number {
	const style =
		first === undefined ? (erasesPlain(pen.style) ? 0 : 3) : sgrTransition(pen.style, first).length;
	return cursorMove(pen, run.row, run.start).length + style;
}

/** The runs in the order that costs the fewest bytes between them (ties: as given). */
export function cheapestOrder(runs: readonly Run[], rowOf: (index: number) => Row, pen: PenState) {
	const count = runs.length;
	if (count < 2 || count > maxOrderedRuns) {
		return runs;
	}

	const shapes = runs.map((run) => shapeOf(run, rowOf(run.row), pen.region));
	const between = runs.map((_, from) =>
		runs.map((run, to) => entryCost(shapes[from]!.after, run, shapes[to]!)),
	);
	const full = (1 << count) - 1;
	// cost[set * count + last]: the fewest bytes writing the runs in `set`, `last` the last one.
	const cost = new Float64Array((full + 1) * count).fill(Number.POSITIVE_INFINITY);
	const previous = new Int8Array((full + 1) * count).fill(-1);
	for (const [index, run] of runs.entries()) {
		cost[(1 << index) * count + index] = entryCost(pen, run, shapes[index]!);
	}

	for (let set = 1; set <= full; set++) {
		for (let last = 0; last < count; last++) {
			const here = cost[set * count + last]!;
			if (here === Number.POSITIVE_INFINITY) {
				continue;
			}

			for (let next = 0; next < count; next++) {
				const bit = 1 << next;
				if ((set & bit) === 0 && here + between[last]![next]! < cost[(set | bit) * count + next]!) {
					cost[(set | bit) * count + next] = here + between[last]![next]!;
					previous[(set | bit) * count + next] = last;
				}
			}
		}
	}

	let last = 0;
	for (let index = 1; index < count; index++) {
		if (cost[full * count + index]! < cost[full * count + last]!) {
			last = index;
		}
	}

	const order: Run[] = [];
	for (let set = full; last !== -1;) {
		order.unshift(runs[last]!);
		const before = previous[set * count + last]!;
		set &= ~(1 << last);
		last = before;
	}

	return order;
}
