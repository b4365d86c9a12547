import {graphemes, graphemeWidth} from './wrap.js';

/*
The input line as a pure value: text, a cursor between graphemes, and the editing commands of a
shell's line (readline's Ctrl-A/E/W/U/K). Rendering picks a horizontal window that keeps the
cursor in view.
*/

export type LineState = {
	readonly value: string;
	/** Cursor position in UTF-16 units, always on a grapheme boundary. */
	readonly cursor: number;
};

export const emptyLine: LineState = {value: '', cursor: 0};

export type LineCommand =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'backspace'}
	| {readonly type: 'delete'}
	| {readonly type: 'left'}
	| {readonly type: 'right'}
	| {readonly type: 'home'}
	| {readonly type: 'end'}
	| {readonly type: 'word-left'}
	| {readonly type: 'word-right'}
	| {readonly type: 'delete-word-back'}
	| {readonly type: 'kill-to-end'}
	| {readonly type: 'clear'}
	| {readonly type: 'set'; readonly value: string; readonly cursor?: number};

/** Grapheme boundaries of `value`, from 0 to its length. */
function boundaries(value: string): number[] {
	const result = [0];
	let at = 0;
	for (const grapheme of graphemes(value)) {
		at += grapheme.length;
		result.push(at);
	}

	return result;
}

function previousBoundary(value: string, cursor: number): number {
	const all = boundaries(value);
	let previous = 0;
	for (const at of all) {
		if (at >= cursor) {
			break;
		}

		previous = at;
	}

	return previous;
}

function nextBoundary(value: string, cursor: number): number {
	return boundaries(value).find((at) => at > cursor) ?? value.length;
}

const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);

function wordStart(value: string, cursor: number): number {
	let at = cursor;
	while (at > 0 && isSpace(value[at - 1])) {
		at--;
	}

	while (at > 0 && !isSpace(value[at - 1])) {
		at--;
	}

	return at;
}

function wordEnd(value: string, cursor: number): number {
	let at = cursor;
	while (at < value.length && isSpace(value[at])) {
		at++;
	}

	while (at < value.length && !isSpace(value[at])) {
		at++;
	}

	return at;
}

export function editLine(state: LineState, command: LineCommand): LineState {
	const {value, cursor} = state;
	switch (command.type) {
		case 'insert': {
			return {
				value: value.slice(0, cursor) + command.text + value.slice(cursor),
				cursor: cursor + command.text.length,
			};
		}

		case 'backspace': {
			const from = previousBoundary(value, cursor);
			return {value: value.slice(0, from) + value.slice(cursor), cursor: from};
		}

		case 'delete': {
			const to = nextBoundary(value, cursor);
			return {value: value.slice(0, cursor) + value.slice(to), cursor};
		}

		case 'left': {
			return {value, cursor: previousBoundary(value, cursor)};
		}

		case 'right': {
			return {value, cursor: nextBoundary(value, cursor)};
		}

		case 'home': {
			return {value, cursor: 0};
		}

		case 'end': {
			return {value, cursor: value.length};
		}

		case 'word-left': {
			return {value, cursor: wordStart(value, cursor)};
		}

		case 'word-right': {
			return {value, cursor: wordEnd(value, cursor)};
		}

		case 'delete-word-back': {
			const from = wordStart(value, cursor);
			return {value: value.slice(0, from) + value.slice(cursor), cursor: from};
		}

		case 'kill-to-end': {
			return {value: value.slice(0, cursor), cursor};
		}

		case 'clear': {
			return emptyLine;
		}

		case 'set': {
			const cursor = Math.max(0, Math.min(command.value.length, command.cursor ?? Infinity));
			return {value: command.value, cursor};
		}
	}
}

export type LineView = {
	/** Text left of the cursor, the grapheme under it (a space at the end), and the rest. */
	readonly before: string;
	readonly atCursor: string;
	readonly after: string;
};

/** The part of the line that fits `width` cells, scrolled so the cursor is visible. */
export function viewLine(state: LineState, width: number): LineView {
	const parts = graphemes(state.value);
	const widths = parts.map((part) => graphemeWidth(part));
	let index = 0;
	for (let at = 0; at < state.cursor && index < parts.length; index++) {
		at += parts[index]!.length;
	}

	const cursorCells = index < parts.length ? widths[index]! : 1;
	const cellsFrom = (from: number) =>
		widths.slice(from, index).reduce((sum, cells) => sum + cells, cursorCells);
	let start = 0;
	if (cellsFrom(0) > width) {
		// Scroll so the cursor sits about three quarters into the view.
		const target = Math.max(cursorCells, width - Math.floor(width / 4));
		start = index;
		let used = cursorCells;
		while (start > 0 && used + widths[start - 1]! <= target) {
			start--;
			used += widths[start]!;
		}
	}

	let used = cellsFrom(start);
	let end = Math.min(index + 1, parts.length);
	while (end < parts.length && used + widths[end]! <= width) {
		used += widths[end]!;
		end++;
	}

	return {
		before: parts.slice(start, index).join(''),
		atCursor: parts[index] ?? ' ',
		after: parts.slice(index + 1, end).join(''),
	};
}
