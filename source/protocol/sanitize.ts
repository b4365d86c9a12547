import type {SafeText} from './types.js';

/*
Remote text is untrusted. A chat client that passes escape sequences through lets anyone in the
room move the cursor, fake other people's lines, set the window title, write the clipboard
(OSC 52) or plant links (OSC 8). This is the one place where remote text becomes `SafeText`.

Removed: every escape sequence (CSI, OSC, DCS, SOS, PM, APC, and two-byte ESC sequences) in its
7-bit (ESC-introduced) and 8-bit (C1) forms; C0 controls but newline (a tab becomes spaces, CR
and CRLF become a newline); DEL; C1 controls U+0080-U+009F; bidirectional embeddings, overrides,
isolates and marks; zero-width characters that break width arithmetic.
The reference server (source/server/validation.ts) cleans what it stores and relays with these
same rules, keeping tabs: other clients may show them as they like.
A sequence cut off by the end of the string is removed up to the end: its introducer alone is
enough to know that the rest is not text.
*/

// String terminators: BEL, ESC \, or 8-bit ST (U+009C).
const stringSequence =
	/(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[\s\S]*?(?:\u0007|\u001B\\|\u009C|$)/g;
// CSI: ESC [ or 8-bit CSI (U+009B), parameter bytes, intermediate bytes, one final byte.
const controlSequence = /(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?/g;
// Any other ESC sequence: ESC, intermediate bytes, one final byte (ESC 7, ESC c, ESC ( B, ...).
const escapeSequence = /\u001B[\u0020-\u002F]*[\u0030-\u007E]?/g;
// Whatever control is left: C0 but newline (and tab, when tabs are kept), DEL, C1.
const controlCharacter = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const controlCharacterButTab = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidi embeddings/overrides (U+202A-U+202E), isolates (U+2066-U+2069), marks (U+200E, U+200F,
// U+061C), and zero-width characters that are not part of emoji sequences (ZWJ U+200D stays).
const invisible =
	/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060-\u2064\uFEFF\uFFF9-\uFFFB]/g;
const lineBreak = /\r\n?|[\u2028\u2029\u0085]/g;
// Every character that starts something above: a text without one is clean as it is (most are,
// and a user list of 5,000 names is 10,000 texts each time it comes).
const anyUnsafe =
	/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060-\u2064\uFEFF\uFFF9-\uFFFB]/;

export type SanitizeOptions = {
	/** Keep newlines (message content) or fold them into spaces (names, ids, one-line errors). */
	readonly multiline?: boolean;
	/** Characters kept; the rest is cut. */
	readonly maxLength?: number;
	/** Keep tabs as they are instead of turning each into four spaces (the server's choice). */
	readonly keepTabs?: boolean;
};

export type Sanitized = {
	readonly text: SafeText;
	/** How many characters were cut off by `maxLength`. */
	readonly cut: number;
};

/** `end`, or one less when `end` would split a surrogate pair. */
function pairSafeEnd(text: string, end: number): number {
	// At the high half of a pair, codePointAt reads the whole pair: a code point past U+FFFF.
	const code = text.codePointAt(end - 1) ?? 0;
	return code > 0xff_ff ? end - 1 : end;
}

/** Every escape sequence, control and invisible character out; newlines kept or folded. */
function clean(raw: string, multiline: boolean, keepTabs: boolean): string {
	let text = raw
		.replaceAll(lineBreak, '\n')
		.replaceAll(stringSequence, '')
		.replaceAll(controlSequence, '')
		.replaceAll(escapeSequence, '');
	text = keepTabs
		? text.replaceAll(controlCharacterButTab, '')
		: text.replaceAll('\t', '    ').replaceAll(controlCharacter, '');
	text = text.replaceAll(invisible, '');
	return multiline ? text : text.replaceAll('\n', ' ');
}

export function sanitize(raw: string, options: SanitizeOptions = {}): Sanitized {
	const {multiline = false, maxLength = Number.POSITIVE_INFINITY, keepTabs = false} = options;
	// Cutting first bounds the work on a huge payload; the cut count is what the user lost.
	let cut = 0;
	let text = raw;
	if (text.length > maxLength * 2 + 64) {
		const end = pairSafeEnd(text, maxLength * 2 + 64);
		cut = text.length - end;
		text = text.slice(0, end);
	}

	if (anyUnsafe.test(text)) {
		text = clean(text, multiline, keepTabs);
	}

	if (text.length > maxLength) {
		const end = pairSafeEnd(text, maxLength);
		cut += text.length - end;
		text = text.slice(0, end);
	}

	return {text: text as SafeText, cut};
}

/** One-line sanitized text, e.g. a name or an error message from a server. */
export function sanitizeText(raw: string, maxLength?: number): SafeText {
	return sanitize(raw, {maxLength}).text;
}

/** Text we wrote ourselves (labels, our own input) needs no cleaning, but typing it says so. */
export function trusted(text: string): SafeText {
	return text as SafeText;
}
