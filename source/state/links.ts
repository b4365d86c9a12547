import {fnv1a} from '../text/hash.js';

/*
Web links in message text, pure. chat-tui makes the terminal hyperlinks (OSC 8) itself, from text
the sanitizer already cleaned: a server's own OSC 8 never gets through (protocol/sanitize.ts).
A link is an http(s) URL written out in the text, made only of a conservative set of URL
characters (ASCII letters and digits, `-._~:/?#[]@!$&'()*+,;=%`): no control, no ESC, no space,
nothing that could end or break the escape sequence it goes into.
*/

export type Link = {
	/** OSC 8's id= parameter: the rows of one link wrapped over two rows share it. */
	readonly id: string;
	readonly uri: string;
};

/** A link found in a text: where it starts (in UTF-16 units) and the URL. */
export type FoundLink = {readonly index: number; readonly uri: string};

/** Longer URLs stay text: terminals cap what they keep of one (commonly at 2083 bytes). */
export const maxUriLength = 2000;

const candidate = /\bhttps?:\/\/[\w\-.~:/?#[\]@!$&'()*+,;=%]+/gi;
const safeUri = /^https?:\/\/[a-z\d[][\w\-.~:/?#[\]@!$&'()*+,;=%]*$/i;
/** Left off the end of a URL, as a sentence's punctuation or a closing bracket of the prose. */
const trailing = /[.,;:!?'*]+$/;

/** A URL that may go into OSC 8: http(s), with a host, nothing outside the safe set. */
export function isSafeUri(uri: string): boolean {
	return uri.length <= maxUriLength && safeUri.test(uri);
}

/** The URL without the prose around it: trailing punctuation, an unmatched closing bracket. */
function trimUri(uri: string): string {
	let result = uri.replace(trailing, '');
	for (const [open, close] of [
		['(', ')'],
		['[', ']'],
	] as const) {
		while (result.endsWith(close) && result.split(close).length > result.split(open).length) {
			result = result.slice(0, -1).replace(trailing, '');
		}
	}

	return result;
}

/** The links in a text, in order. */
export function findLinks(text: string): FoundLink[] {
	if (!text.includes('://')) {
		return [];
	}

	const found: FoundLink[] = [];
	for (const match of text.matchAll(candidate)) {
		const uri = trimUri(match[0]);
		if (isSafeUri(uri)) {
			found.push({index: match.index, uri});
		}
	}

	return found;
}

/** A short id for OSC 8, from the item's key and the link's place in it. */
export function linkId(key: string, index: number): string {
	return `ct${fnv1a(`${key}\u0000${index}`).toString(36)}`;
}

/** The bytes that open a link, and the ones that close it (OSC 8, ended by ST). */
export const openLink = (link: Link) => `\u001B]8;id=${link.id};${link.uri}\u001B\\`;
export const closeLink = '\u001B]8;;\u001B\\';

/** Where a link lies on one wrapped line, in UTF-16 units of the line. */
export type LinkRange = {readonly start: number; readonly end: number; readonly link: Link};

/**
 * Each wrapped line's link ranges. Wrapping keeps the text's characters in order and only drops
 * spaces and line breaks where it breaks, so each line's characters are found again in the text,
 * and a link cut by a wrap lies on two lines with the same id.
 */
export function linkRanges(
	lines: readonly string[],
	text: string,
	links: readonly FoundLink[],
	key: string,
): LinkRange[][] {
	let at = 0;
	return lines.map((line) => {
		const offsets: number[] = [];
		for (const element of line) {
			while (at < text.length && text[at] !== element) {
				at++;
			}

			offsets.push(at++);
		}

		const ranges: LinkRange[] = [];
		for (const [number, {index: from, uri}] of links.entries()) {
			const to = from + uri.length;
			const start = offsets.findIndex((offset) => offset >= from && offset < to);
			if (start === -1) {
				continue;
			}

			let end = start;
			while (end < offsets.length && offsets[end]! < to) {
				end++;
			}

			ranges.push({start, end, link: {id: linkId(key, number), uri}});
		}

		return ranges;
	});
}

type Piece<Style> = {readonly text: string; readonly style?: Style; readonly link?: Link};

/** Segments cut where links start and end, the parts in a link carrying it, in `linkStyle`. */
export function withLinks<Style extends Record<string, unknown>>(
	segments: ReadonlyArray<Piece<Style>>,
	ranges: readonly LinkRange[],
	linkStyle: Style,
): Array<Piece<Style>> {
	if (ranges.length === 0) {
		return [...segments];
	}

	const result: Array<Piece<Style>> = [];
	let position = 0;
	for (const segment of segments) {
		const end = position + segment.text.length;
		const cuts = new Set([position, end]);
		for (const range of ranges) {
			for (const cut of [range.start, range.end]) {
				if (cut > position && cut < end) {
					cuts.add(cut);
				}
			}
		}

		const points = [...cuts].sort((a, b) => a - b);
		for (let index = 0; index + 1 < points.length; index++) {
			const from = points[index]!;
			const text = segment.text.slice(from - position, points[index + 1]! - position);
			const range = ranges.find((candidate) => candidate.start <= from && from < candidate.end);
			result.push(
				range
					? {text, style: {...segment.style, ...linkStyle}, link: range.link}
					: {...segment, text},
			);
		}

		position = end;
	}

	return result;
}
