import stringWidth, {graphemes} from '../text/width.js';

export {graphemes} from '../text/width.js';

/*
Display width and wrapping by terminal cells, not by UTF-16 units: 张伟 is four cells, 👍🏽 two,
a combining accent none. Words wrap at spaces; wide (CJK) characters may break anywhere except
before closing punctuation (Chinese line-breaking rules: no line starts with 。，、！？ or a closing
bracket; the character before goes down with it); a word longer than a line is cut hard.
*/

/** Punctuation that may not start a line (禁则: 行首禁则字符). */
const noLineStart = new Set('。，、！？；：）」』》〉】〕｝］〗〙〛”’・…‥ー々〜～％，．,.!?;:)]}');
const mayNotStart = (grapheme: string) => noLineStart.has(grapheme);

/**
 * Where to cut a line with no break left before `closing` (a mark that may not start the next):
 * before the character that the mark and the marks before it follow, when there is one.
 */
function hardBreak(line: readonly string[], closing: boolean): number {
	let at = line.length;
	if (closing) {
		at--;
		while (at > 0 && mayNotStart(line[at]!)) {
			at--;
		}
	}

	return at > 0 ? at : line.length;
}

const printableAscii = /^[\u0020-\u007E]*$/;

/** Cells one grapheme takes; printable ASCII on the fast path. */
export function graphemeWidth(grapheme: string): number {
	if (grapheme.length === 1) {
		const code = grapheme.codePointAt(0)!;
		if (code >= 0x20 && code < 0x7f) {
			return 1;
		}
	}

	return stringWidth(grapheme);
}

export function textWidth(text: string): number {
	return stringWidth(text);
}

/** Cut `text` to at most `width` cells, with an ellipsis (`…`, or `...` in ASCII) when cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (textWidth(text) <= width) {
		return text;
	}

	// No room even for the ellipsis.
	if (width <= 0) {
		return '';
	}

	// A wide ellipsis (`...`) shrinks to one character where it would leave no text.
	const mark = textWidth(ellipsis) < width ? ellipsis : ellipsis.slice(0, 1);

	const room = width - textWidth(mark);
	let result = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		const cells = graphemeWidth(grapheme);
		if (used + cells > room) {
			break;
		}

		result += grapheme;
		used += cells;
	}

	return `${result}${mark}`;
}

/**
 * Cut `text` to at most `width` cells as `truncate` does, but after a whole word where one ends in
 * the second half of the room, so that a shortened message does not end mid-word. Text without
 * spaces there (Chinese) is cut between characters.
 */
export function truncateWords(text: string, width: number, ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	if (cut === text || width <= 0) {
		return cut;
	}

	const mark = cut.endsWith(ellipsis) ? ellipsis : ellipsis.slice(0, 1);
	const kept = cut.slice(0, cut.length - mark.length);
	const space = kept.lastIndexOf(' ');
	if (space === -1 || textWidth(kept.slice(0, space)) < width / 2) {
		return cut;
	}

	// After the word, without the punctuation that led on to what was cut (`could not send:`).
	return `${kept.slice(0, space).replace(/[\s,;:(\u2013\u2014-]+$/, '')}${mark}`;
}

/** Pad with spaces to exactly `width` cells (cutting first when longer). */
export function padEnd(text: string, width: number, ellipsis = '…'): string {
	const cut = truncate(text, width, ellipsis);
	return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/**
 * Wrap to lines of at most `firstWidth` cells for the first line and `restWidth` for the others.
 * Newlines in the text start new lines.
 */
export function wrapText(text: string, firstWidth: number, restWidth = firstWidth): string[] {
	const lines: string[] = [];
	const limit = () => Math.max(1, lines.length === 0 ? firstWidth : restWidth);

	for (const paragraph of text.split('\n')) {
		// Most lines of a chat are short ASCII: they fit as they are.
		if (paragraph.length <= limit() && printableAscii.test(paragraph)) {
			lines.push(paragraph.trimEnd());
			continue;
		}

		wrapParagraph(paragraph, lines, limit);
	}

	return lines;
}

/**
 * Wrap one paragraph onto `lines`, each at most `limit()` cells (which depends on how many lines
 * there are): at spaces, around wide characters, never right before a closing mark, and hard
 * inside a word longer than a line.
 */
function wrapParagraph(paragraph: string, lines: string[], limit: () => number): void {
	let line: string[] = [];
	let widths: number[] = [];
	let used = 0;
	// Index in `line` where a break may go (after a space, or around a wide character), and the
	// one before it, for when a closing mark forbids the newest.
	let breakAt = 0;
	let priorBreak = 0;
	const setBreak = (at: number) => {
		if (at !== breakAt) {
			priorBreak = breakAt;
			breakAt = at;
		}
	};

	const flush = (count: number) => {
		lines.push(line.slice(0, count).join('').trimEnd());
		line = line.slice(count);
		widths = widths.slice(count);
		while (line[0] === ' ') {
			line.shift();
			widths.shift();
		}

		used = widths.reduce((sum, cells) => sum + cells, 0);
		breakAt = 0;
		priorBreak = 0;
		// What is left (one unbroken word) may not fit a narrower next line: cut it hard.
		if (used > limit()) {
			let count = 0;
			let cells = 0;
			while (count < widths.length && cells + widths[count]! <= limit()) {
				cells += widths[count]!;
				count++;
			}

			flush(Math.max(1, count));
		}
	};

	for (const grapheme of graphemes(paragraph)) {
		const cells = graphemeWidth(grapheme);
		if (grapheme === ' ' && used + cells > limit()) {
			flush(line.length);
			continue;
		}

		const closing = mayNotStart(grapheme);
		// A wide character may start a line: the break before it is there when it overflows.
		if (cells >= 2 && line.length > 0 && !closing) {
			setBreak(line.length);
		}

		// A closing mark may not: no break right before it.
		if (closing && breakAt === line.length) {
			breakAt = priorBreak;
		}

		while (used + cells > limit() && line.length > 0) {
			flush(breakAt > 0 ? breakAt : hardBreak(line, closing));
		}

		line.push(grapheme);
		widths.push(cells);
		used += cells;
		if (grapheme === ' ' || cells >= 2) {
			setBreak(line.length);
		}
	}

	lines.push(line.join('').trimEnd());
}
