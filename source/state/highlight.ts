import type {Style} from '../theme.js';

/*
Finding text in display lines and styling it, pure: mentions of the user's name and search
matches. A match is styled within one segment; one cut by wrapping shows in part.
*/

export type Segment = {readonly text: string; readonly style?: Style};
export type StyledLine = {readonly key: string; readonly segments: readonly Segment[]};

/** Only the syntax characters: in the u and v modes escaping any other one is an error. */
const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\/]/g, String.raw`\$&`);

/** A letter or digit that joins a word; CJK text has no spaces, so its characters do not. */
const wordCharacter = String.raw`[[\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]]`;
const isWordCharacter = (character: string) => new RegExp(wordCharacter, 'v').test(character);

const mentionPatterns = new Map<string, RegExp | undefined>();

/**
 * `@name` or `name` as a whole word, any case. Undefined for a blank name. A name that starts
 * or ends with a CJK character needs no word boundary on that side.
 */
export function mentionPattern(name: string): RegExp | undefined {
	if (mentionPatterns.has(name)) {
		return mentionPatterns.get(name);
	}

	const trimmed = name.trim();
	let pattern: RegExp | undefined;
	if (trimmed.length > 0) {
		const characters = [...trimmed];
		const before = isWordCharacter(characters[0]!) ? `(?<!${wordCharacter}|@)` : '';
		const after = isWordCharacter(characters.at(-1)!) ? `(?!${wordCharacter})` : '';
		pattern = new RegExp(`${before}@?${escapeRegExp(trimmed)}${after}`, 'giv');
	}

	if (mentionPatterns.size > 100) {
		mentionPatterns.clear();
	}

	mentionPatterns.set(name, pattern);
	return pattern;
}

export function mentions(content: string, name: string): boolean {
	const pattern = mentionPattern(name);
	if (!pattern) {
		return false;
	}

	// The pattern is shared and global: `test` moves its lastIndex, which matchAll would copy.
	pattern.lastIndex = 0;
	const found = pattern.test(content);
	pattern.lastIndex = 0;
	return found;
}

/** Every occurrence of `query`, any case; undefined for an empty query. */
export function searchPattern(query: string): RegExp | undefined {
	return query.length === 0 ? undefined : new RegExp(escapeRegExp(query), 'giu');
}

/** `text` cut into segments, the parts `pattern` matches in `style` over `base`. */
export function highlightText(
	text: string,
	pattern: RegExp,
	style: Style,
	base?: Style,
): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	// matchAll starts where the pattern's lastIndex says: always from the start.
	pattern.lastIndex = 0;
	for (const match of text.matchAll(pattern)) {
		if (match[0].length === 0) {
			continue;
		}

		if (match.index > at) {
			segments.push({text: text.slice(at, match.index), style: base});
		}

		segments.push({text: match[0], style: {...base, ...style}});
		at = match.index + match[0].length;
	}

	if (at === 0) {
		return [{text, style: base}];
	}

	if (at < text.length) {
		segments.push({text: text.slice(at), style: base});
	}

	return segments;
}

/** Lines with every match of `pattern` styled; a line without a match is returned as it was. */
export function highlightLines<Line extends StyledLine>(
	lines: readonly Line[],
	pattern: RegExp,
	style: Style,
): Line[] {
	return lines.map((line) => {
		const segments = line.segments.flatMap((segment) =>
			highlightText(segment.text, pattern, style, segment.style),
		);
		return segments.length === line.segments.length ? line : {...line, segments};
	});
}
