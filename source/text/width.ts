import stripAnsi from 'strip-ansi';
import realStringWidth from 'string-width';
import {encodedRuns} from './width-table.js';
import {measuresAsUnicode, terminalWidth} from './cluster-widths.js';

/*
Display width in terminal cells, as string-width computes it, without its start-up cost. string-width
compiles Unicode regexes (the RGI emoji set alone takes about 30 ms) and loads ICU's grapheme rules
(about 20 ms) the first time it sees anything but ASCII. Most text (CJK, accents, box drawing,
bullets) is made of code points that are graphemes on their own: for those a table says the width
(width-table.ts, made by scripts/width-table.ts from string-width itself). Only text with a code point
that can join its neighbours (marks, emoji sequences, jamo, flags) goes to string-width.

The bundle gives this module to every dependency that asks for string-width, so Ink's layout, its
wrapping and our own renderer all measure alike: and all as this terminal does, where it was found
to measure an emoji cluster otherwise (cluster-widths.ts).
*/

/** A code point that may join its neighbours into one grapheme. */
const joins = 3;

const runStarts: number[] = [];
const runClasses: number[] = [];
{
	let start = 0;
	for (const run of encodedRuns.split(',')) {
		start += Number.parseInt(run.slice(0, -1), 36);
		runStarts.push(start);
		runClasses.push(Number(run.at(-1)));
	}
}

/** 0, 1 or 2 cells, or 3 when the code point may join its neighbours (exported for the tests). */
export function widthClass(codePoint: number): number {
	let low = 0;
	let high = runStarts.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (runStarts[middle]! <= codePoint) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return runClasses[low]!;
}

const printableAscii = /^[\u0020-\u007E]*$/;

/** The cells `text` takes, or undefined when one of its code points may join another. */
function simpleWidth(text: string): number | undefined {
	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.codePointAt(index)!;
		if (code > 0xff_ff) {
			index++;
		}

		const kind = code >= 0x20 && code < 0x7f ? 1 : widthClass(code);
		if (kind === joins) {
			return undefined;
		}

		width += kind;
	}

	return width;
}

export type WidthOptions = {
	readonly ambiguousIsNarrow?: boolean;
	readonly countAnsiEscapeCodes?: boolean;
};

export default function stringWidth(input: string, options?: WidthOptions): number {
	if (typeof input !== 'string' || input.length === 0) {
		return 0;
	}

	if (options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) {
		return realStringWidth(input, options);
	}

	if (printableAscii.test(input)) {
		return input.length;
	}

	const text = input.includes('\u001B') || input.includes('\u009B') ? stripAnsi(input) : input;
	return simpleWidth(text) ?? clusteredWidth(text);
}

/** The width of text with clusters in it, each measured as this terminal does. */
function clusteredWidth(text: string): number {
	if (measuresAsUnicode()) {
		return realStringWidth(text);
	}

	let width = 0;
	for (const cluster of graphemes(text)) {
		width +=
			simpleWidth(cluster) ??
			terminalWidth(cluster, (part) => realStringWidth(part)) ??
			realStringWidth(cluster);
	}

	return width;
}

let segmenter: Intl.Segmenter | undefined;

/** The graphemes of `text`: its code points when none of them joins another. */
export function graphemes(text: string): string[] {
	if (printableAscii.test(text) || simpleWidth(text) !== undefined) {
		return [...text];
	}

	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), (part) => part.segment);
}
