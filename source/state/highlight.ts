import type {Style} from '../look/theme.js';
import type {Link} from './links.js';

/*
Finding text in display lines and styling it, pure: mentions of the user's name and search
matches. A match is styled within one segment; one cut by wrapping shows in part.
*/

export type Segment = {readonly text: string; readonly style?: Style; readonly link?: Link};
export type StyledLine = {readonly key: string; readonly segments: readonly Segment[]};

/** Only the syntax characters: in the u and v modes escaping any other one is an error. */
const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\/]/g, String.raw`\$&`);

/** Where a text has something to style: each match's start and text. */
export type Match = {readonly index: number; readonly text: string};
export type Finder = (text: string) => Match[];

/** Every match of `pattern` (a global one). */
export function matchesOf(pattern: RegExp): Finder {
	return (text) => {
		// matchAll starts where the pattern's lastIndex says: always from the start.
		pattern.lastIndex = 0;
		return [...text.matchAll(pattern)]
			.filter((match) => match[0].length > 0)
			.map((match) => ({index: match.index, text: match[0]}));
	};
}

/*
A letter or digit joins a word; CJK text has no spaces, so its characters do not. Unicode's classes
are compiled only for a character outside ASCII: a pattern with them takes milliseconds to compile,
and a case-insensitive one with them takes milliseconds on every first use, at start-up.
*/
let unicodeClasses: {word: RegExp; cjk: RegExp} | undefined;
function isWordCharacter(character: string | undefined): boolean {
	if (character === undefined) {
		return false;
	}

	if (character.codePointAt(0)! < 0x80) {
		return /^\w$/.test(character);
	}

	unicodeClasses ??= {
		word: /^[\p{L}\p{N}_]$/u,
		cjk: /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]$/u,
	};
	return unicodeClasses.word.test(character) && !unicodeClasses.cjk.test(character);
}

/** The code point that ends just before `index`, if any. */
function codePointBefore(text: string, index: number): string | undefined {
	if (index === 0) {
		return undefined;
	}

	const pair = index >= 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(text.slice(index - 2, index));
	return text.slice(pair ? index - 2 : index - 1, index);
}

/** The code point that starts at `index`, if any. */
function codePointAt(text: string, index: number): string | undefined {
	const code = text.codePointAt(index);
	return code === undefined ? undefined : String.fromCodePoint(code);
}

const mentionFinders = new Map<string, Finder | undefined>();

/**
 * `@name` or `name` as a whole word, any case. Undefined for a blank name. A name that starts
 * or ends with a CJK character needs no word boundary on that side. The name is found as typed,
 * and its edges are checked here rather than by lookarounds in the pattern, which would need
 * Unicode's classes case-insensitively (see above).
 */
export function mentionFinder(name: string): Finder | undefined {
	if (mentionFinders.has(name)) {
		return mentionFinders.get(name);
	}

	const trimmed = name.trim();
	let finder: Finder | undefined;
	if (trimmed.length > 0) {
		const characters = [...trimmed];
		const checkBefore = isWordCharacter(characters[0]);
		const checkAfter = isWordCharacter(characters.at(-1));
		const pattern = new RegExp(`@?${escapeRegExp(trimmed)}`, 'giu');
		finder = (text) => {
			const found: Match[] = [];
			pattern.lastIndex = 0;
			for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
				const {index} = match;
				const end = index + match[0].length;
				const before = codePointBefore(text, index);
				if (
					(checkBefore && (before === '@' || isWordCharacter(before))) ||
					(checkAfter && isWordCharacter(codePointAt(text, end)))
				) {
					// Not here; a match may yet start inside this one.
					pattern.lastIndex = index + codePointAt(text, index)!.length;
					continue;
				}

				found.push({index, text: match[0]});
			}

			return found;
		};
	}

	if (mentionFinders.size > 100) {
		mentionFinders.clear();
	}

	mentionFinders.set(name, finder);
	return finder;
}

export function mentions(content: string, name: string): boolean {
	const find = mentionFinder(name);
	return find !== undefined && find(content).length > 0;
}

/** Every occurrence of `query`, any case; undefined for an empty query. */
export function searchPattern(query: string): RegExp | undefined {
	return query.length === 0 ? undefined : new RegExp(escapeRegExp(query), 'giu');
}

/** `text` cut into segments, the parts `find` finds in `style` over `base`. */
export function highlightText(text: string, find: Finder, style: Style, base?: Style): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	for (const match of find(text)) {
		if (match.index > at) {
			segments.push({text: text.slice(at, match.index), style: base});
		}

		segments.push({text: match.text, style: {...base, ...style}});
		at = match.index + match.text.length;
	}

	if (at === 0) {
		return [{text, style: base}];
	}

	if (at < text.length) {
		segments.push({text: text.slice(at), style: base});
	}

	return segments;
}

/** Lines with every match `find` finds styled; a line without a match is returned as it was. */
export function highlightLines<Line extends StyledLine>(
	lines: readonly Line[],
	find: Finder,
	style: Style,
): Line[] {
	return lines.map((line) => {
		const segments = line.segments.flatMap((segment) => {
			const pieces = highlightText(segment.text, find, style, segment.style);
			// A match inside a link stays in the link.
			return segment.link ? pieces.map((piece) => ({...piece, link: segment.link})) : pieces;
		});
		return segments.length === line.segments.length ? line : {...line, segments};
	});
}
