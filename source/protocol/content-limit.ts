import {sanitize} from './sanitize.js';

/*
How long a line is, counted as the reference server counts it (server/validation.ts): in code
points, "characters as a person counts them", so an emoji or a CJK character outside the BMP is
one, not two UTF-16 units. What is counted is what would go on the wire: the line after the
cleaning every sender applies (sanitize: escape sequences and controls removed, a tab as four
spaces, CR as a newline). Nobody trims a line before sending it, so its spaces count too, as
they do on the server.
*/

/** The reference server's limit (`maxContentLength` in server/validation.ts). */
export const defaultMaxLength = 2000;

/**
 * The highest limit that can be set: a sender keeps at most 8,000 UTF-16 units of a line
 * (`limits.contentLength`), and 4,000 characters never pass that, whatever they are.
 */
export const maxLengthCeiling = 4000;

/** Code points (as `[...text].length`), counted without spreading the string into an array. */
export function characterCount(text: string): number {
	let count = 0;
	for (let index = 0; index < text.length; count++) {
		// A surrogate pair reads as one code point past U+FFFF; a lone half counts as one.
		index += text.codePointAt(index)! > 0xff_ff ? 2 : 1;
	}

	return count;
}

export type TooLong = {readonly length: number; readonly max: number};

/**
 * A line over `max` characters as it goes out: how long it is; else undefined. The chat, line
 * mode and the SDK clean a line before sending it (`cleaned`, the default); the one-shot `send`
 * and `broadcast` post it as it is.
 */
export function overLimit(line: string, max: number, cleaned = true): TooLong | undefined {
	// Quick no: a code point takes at least one UTF-16 unit, and cleaning grows only a tab.
	if (line.length <= max && !(cleaned && line.includes('\t'))) {
		return undefined;
	}

	const length = characterCount(cleaned ? sanitize(line, {multiline: true}).text : line);
	return length > max ? {length, max} : undefined;
}

/** A line refused before it was sent: it is longer than the server takes. */
export class MessageTooLongError extends RangeError {
	override readonly name = 'MessageTooLongError';
	/** Characters in the line (code points, after cleaning). */
	readonly characters: number;
	readonly max: number;

	constructor(message: string, {length, max}: TooLong) {
		super(message);
		this.characters = length;
		this.max = max;
	}
}
