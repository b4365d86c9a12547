/*
The characters the UI draws itself (borders, markers, arrows, the ellipsis), in Unicode or in
ASCII. ASCII is for terminals whose locale is not UTF-8 (where those characters come out as
garbage) and for `--ascii`. Message text is never touched: it is the users' own.
*/

/** Ink border styles: rounded boxes, and the user list's left rule. */
export type BorderStyle = 'round' | 'single' | 'classic';

export type Glyphs = {
	readonly ascii: boolean;
	/** Where text was cut. */
	readonly ellipsis: string;
	/** The box around dialogs (name prompt, help, connection problem). */
	readonly box: BorderStyle;
	/** The user list's left rule. */
	readonly rule: BorderStyle;
	/** UI text (labels, key names, markers) as this terminal can show it. */
	readonly text: (text: string) => string;
};

/** Each UI character and what it becomes in ASCII. */
const asciiFor: Record<string, string> = {
	'…': '...',
	'↓': 'v',
	'↑': '^',
	'←': '<-',
	'→': '->',
	'▸': '>',
	'●': '*',
	'◌': '~',
	'○': 'o',
	'│': '|',
	'─': '-',
	'·': '-',
	'⚠': '!',
	'—': '-',
	'–': '-',
	'“': '"',
	'”': '"',
	'×': 'x',
};

const uiCharacters = new RegExp(`[${Object.keys(asciiFor).join('')}]`, 'g');

/** UI text with its Unicode marks, arrows and rules replaced by ASCII ones. */
export const asciiText = (text: string): string =>
	text.replaceAll(uiCharacters, (character) => asciiFor[character] ?? character);

export const unicodeGlyphs: Glyphs = {
	ascii: false,
	ellipsis: '…',
	box: 'round',
	rule: 'single',
	text: (text) => text,
};

export const asciiGlyphs: Glyphs = {
	ascii: true,
	ellipsis: '...',
	box: 'classic',
	rule: 'classic',
	text: asciiText,
};

export const glyphsFor = (ascii: boolean): Glyphs => (ascii ? asciiGlyphs : unicodeGlyphs);

/**
 * Whether the locale's character set is UTF-8, read as the C library does: the first of
 * LC_ALL, LC_CTYPE and LANG that is set and not empty decides. None set means the "C" locale,
 * which is ASCII.
 */
export function localeIsUtf8(environment: NodeJS.ProcessEnv): boolean {
	const locale = [environment.LC_ALL, environment.LC_CTYPE, environment.LANG].find(
		(value) => value !== undefined && value !== '',
	);
	if (locale === undefined) {
		return false;
	}

	// `en_US.UTF-8`, `C.utf8`, `de_DE.UTF-8@euro`; a bare `UTF-8` (macOS sets LC_CTYPE so).
	const charset = /(?:^|\.)([^.@]+)(?:@.*)?$/.exec(locale)?.[1] ?? '';
	return /^utf-?8$/i.test(charset);
}
