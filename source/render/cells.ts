import stringWidth, {graphemes} from '../text/width.js';
import {applySgr, withLink} from './sgr.js';

/*
One row of a frame as terminal cells: what each cell shows and with which attributes (SGR, and the
OSC 8 link the cell is part of, see sgr.ts). A wide
character fills its cell and leaves '' in the next one, as a terminal does. Rows are always the
terminal's width: Ink leaves out trailing blanks, which are default-styled spaces here.
*/

export type Row = {
	readonly chars: string[];
	readonly styles: string[];
	/** Whether the line held escape sequences other than SGR: then only a whole rewrite is safe. */
	readonly opaque: boolean;
};

const widths = new Map<string, number>();

function widthOf(grapheme: string): number {
	let width = widths.get(grapheme);
	if (width === undefined) {
		width = stringWidth(grapheme);
		if (widths.size < 10_000) {
			widths.set(grapheme, width);
		}
	}

	return width;
}

// SGR, OSC 8 (a link: printable parameters and URI, ended by BEL or ST), any other escape, text.
const sgrOrText =
	/\u001B\[([\d;:]*)m|\u001B]8;([\u0020-\u003A\u003C-\u007E]*);([\u0021-\u007E]*?)(?:\u0007|\u001B\\)|\u001B[^]?|[^\u001B]+/g;

const printableAscii = /^[\u0020-\u007E]*$/;

export function blankRow(width: number): Row {
	return {
		chars: Array.from({length: width}, () => ' '),
		styles: Array.from({length: width}, () => ''),
		opaque: false,
	};
}

/** The cells a line fills, at most `limit` columns of them; no padding. */
export function lineCells(line: string, limit = Number.POSITIVE_INFINITY): Row {
	const chars: string[] = [];
	const styles: string[] = [];
	let sgr = '';
	let link = '';
	let style = '';
	let opaque = false;
	for (const match of line.matchAll(sgrOrText)) {
		const [token, parameters, linkParameters, uri] = match;
		if (parameters !== undefined) {
			sgr = applySgr(sgr, parameters);
			style = withLink(sgr, link);
			continue;
		}

		if (linkParameters !== undefined) {
			link = uri ? `${linkParameters};${uri}` : '';
			style = withLink(sgr, link);
			continue;
		}

		if (token.startsWith('\u001B')) {
			opaque = true;
			continue;
		}

		if (printableAscii.test(token)) {
			// The common case, without grapheme segmentation: one cell per character.
			for (const char of token.slice(0, Math.max(0, limit - chars.length))) {
				chars.push(char);
				styles.push(style);
			}

			continue;
		}

		for (const segment of graphemes(token)) {
			const cellWidth = widthOf(segment);
			if (cellWidth === 0 || chars.length + cellWidth > limit) {
				continue;
			}

			chars.push(segment);
			styles.push(style);
			for (let extra = 1; extra < cellWidth; extra++) {
				chars.push('');
				styles.push(style);
			}
		}
	}

	return {chars, styles, opaque};
}

/** Rows whose cells are already known (source/render/output.ts made them) in the last two frames. */
let knownRows: ReadonlyMap<string, Row> = new Map();
let knownBefore: ReadonlyMap<string, Row> = new Map();

export function rememberRows(rows: ReadonlyMap<string, Row>): void {
	knownBefore = knownRows;
	knownRows = rows;
}

export function parseRow(line: string, width: number): Row {
	const known = knownRows.get(line) ?? knownBefore.get(line);
	if (known?.chars.length === width) {
		return known;
	}

	const {chars, styles, opaque} = lineCells(line, width);
	while (chars.length < width) {
		chars.push(' ');
		styles.push('');
	}

	return {chars, styles, opaque};
}
