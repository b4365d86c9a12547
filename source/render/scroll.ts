import type {Screen} from './frame-diff.js';
import type {Region} from './moves.js';

export type {Region} from './moves.js';

/*
When a new message arrives, the log's rows move up while the panel, status bar and input stay.
Rewriting every moved row costs a screenful; a terminal scroll region (DECSTBM) moves them for a
few bytes: set the region, scroll it up (SU). The region stays set (nothing else chat-tui writes
scrolls, and the terminal is told to reset it on the way out), so the next message in the same
region costs the SU alone. Rows in the region that
should not have moved (the user panel shares them) are then repaired by the ordinary diff.
*/

export type Scroll = {
	/** The region's first and last row (0-based), and how many rows it moves up. */
	readonly top: number;
	readonly bottom: number;
	readonly count: number;
};

/** How many changed rows each upward shift explains: a row now at i that was at i + k votes for k. */
function shiftVotes(previous: Screen, next: Screen): Map<number, number> {
	const where = new Map<string, number[]>();
	for (const [index, text] of previous.texts.entries()) {
		if (text !== undefined) {
			where.set(text, [...(where.get(text) ?? []), index]);
		}
	}

	const votes = new Map<number, number>();
	for (const [index, text] of next.texts.entries()) {
		if (text === undefined || text === previous.texts[index]) {
			continue;
		}

		for (const from of where.get(text) ?? []) {
			if (from > index) {
				votes.set(from - index, (votes.get(from - index) ?? 0) + 1);
			}
		}
	}

	return votes;
}

/** The shift most rows vote for (the smallest on a tie), if at least 2 rows agree. */
function likeliestShift(votes: Map<number, number>): number | undefined {
	let count: number | undefined;
	let best = 1;
	for (const [shift, total] of votes) {
		if (total > best || (total === best && count !== undefined && shift < count)) {
			count = shift;
			best = total;
		}
	}

	return count;
}

/** The upward scroll that most changed rows of `next` show against `previous`, if any. */
export function findScroll(previous: Screen, next: Screen): Scroll | undefined {
	if (previous.width !== next.width || previous.texts.length !== next.texts.length) {
		return undefined;
	}

	const count = likeliestShift(shiftVotes(previous, next));
	if (count === undefined) {
		return undefined;
	}

	const moved = next.texts.flatMap((text, index) =>
		text !== undefined && text === previous.texts[index + count] && text !== previous.texts[index]
			? [index]
			: [],
	);
	let top = moved[0]!;
	// Changed rows just above belong to the moving part too (rows the user panel shares, say):
	// moving them with the rest leaves the fewest cells to repair.
	while (top > 0 && next.texts[top - 1] !== previous.texts[top - 1]) {
		top--;
	}

	return {top, bottom: moved.at(-1)! + count, count};
}

/** What the terminal shows after the scroll: the region's rows moved up, blank rows below. */
export function scrolled(screen: Screen, {top, bottom, count}: Scroll): Screen {
	const texts = [...screen.texts];
	const rows = [...screen.rows];
	for (let index = top; index <= bottom; index++) {
		const from = index + count;
		texts[index] = from <= bottom ? screen.texts[from] : undefined;
		// A row without text is blank, as the lines a scroll brings in are.
		rows[index] = from <= bottom ? screen.rows[from] : undefined;
	}

	return {width: screen.width, texts, rows};
}

/**
 * The bytes that make the terminal scroll, given the region it has set (undefined: not known).
 * Setting a region puts the cursor home; SU alone does not move it.
 */
export function scrollSequence({top, bottom, count}: Scroll, current?: Region): string {
	const scrollUp = `\u001B[${count === 1 ? '' : count}S`;
	if (current?.top === top && current.bottom === bottom) {
		return scrollUp;
	}

	return `\u001B[${top === 0 ? '' : top + 1};${bottom + 1}r${scrollUp}`;
}
