import {fnv1a} from '../text/hash.js';

/*
Colours in one place, as small style functions. Only the 16 ANSI colours, so every theme works on
any terminal: `dark` for a dark background, `light` for a light one (no yellow, white or bright
text on the background), and `mono` under NO_COLOR, which keeps bold, underline, inverse and dim
(they are not colour) so the focus, mentions, search matches and pending lines still stand out.
*/

export type Style = {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly inverse?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
};

export type ThemeName = 'dark' | 'light';

const darkNames = [
	'cyan',
	'green',
	'yellow',
	'blue',
	'magenta',
	'red',
	'cyanBright',
	'greenBright',
	'yellowBright',
	'blueBright',
	'magentaBright',
	'redBright',
] as const;

/** Readable on white: no yellow, no bright colours (they are pale on most light palettes). */
const lightNames = ['blue', 'magenta', 'red', 'green', 'cyan'] as const;

/** A stable index per name (FNV-1a hash), the same in every run and on every machine. */
const nameHash = (name: string) => fnv1a(name);

/** A stable colour per name, from the dark theme's palette. */
export const nameColor = (name: string, palette: readonly string[] = darkNames): string =>
	palette[nameHash(name) % palette.length]!;

export type Theme = {
	readonly time: Style;
	readonly name: (name: string, own: boolean) => Style;
	readonly ownMarker: Style;
	readonly systemMarker: Style;
	readonly systemText: Style;
	readonly errorMarker: Style;
	readonly errorText: Style;
	readonly infoMarker: Style;
	readonly pending: Style;
	readonly action: Style;
	readonly failed: Style;
	readonly dateSeparator: Style;
	/** The line above the first message not read before: "── 5 unread ──". */
	readonly unread: Style;
	readonly mention: Style;
	readonly searchMatch: Style;
	readonly searchCurrent: Style;
	/** The marker of the focused pane. */
	readonly focused: Style;
	readonly selected: Style;
	readonly newBelow: Style;
	readonly error: Style;
	readonly panelTitle: Style;
	readonly statusBar: Style;
	readonly statusOnline: Style;
	readonly statusWarn: Style;
	readonly statusError: Style;
	readonly prompt: Style;
	readonly hint: Style;
	/** The border of the box that says the server cannot be reached. */
	readonly alertBorder: string | undefined;
};

export const darkTheme: Theme = {
	time: {dimColor: true},
	name: (name, own) => ({color: nameColor(name), bold: own}),
	ownMarker: {dimColor: true},
	systemMarker: {color: 'yellow', bold: true},
	systemText: {color: 'yellow'},
	errorMarker: {color: 'red', bold: true},
	errorText: {color: 'red'},
	infoMarker: {color: 'cyan', bold: true},
	pending: {dimColor: true},
	action: {italic: true},
	failed: {color: 'red'},
	dateSeparator: {dimColor: true},
	unread: {color: 'red', bold: true},
	mention: {color: 'black', backgroundColor: 'yellow'},
	searchMatch: {color: 'black', backgroundColor: 'cyan'},
	searchCurrent: {color: 'black', backgroundColor: 'greenBright', bold: true},
	focused: {color: 'black', backgroundColor: 'cyan', bold: true},
	selected: {inverse: true},
	newBelow: {color: 'yellow', bold: true},
	error: {color: 'red'},
	panelTitle: {bold: true},
	statusBar: {inverse: true},
	statusOnline: {color: 'green'},
	statusWarn: {color: 'yellow'},
	statusError: {color: 'red'},
	prompt: {color: 'cyan', bold: true},
	hint: {dimColor: true},
	alertBorder: 'red',
};

/**
 * For a light background. Text on the background is dark (blue, magenta, red, green); the
 * inverse status bar takes colours that white text reads on.
 */
export const lightTheme: Theme = {
	...darkTheme,
	name: (name, own) => ({color: nameColor(name, lightNames), bold: own}),
	systemMarker: {color: 'magenta', bold: true},
	systemText: {color: 'magenta'},
	infoMarker: {color: 'blue', bold: true},
	searchCurrent: {color: 'black', backgroundColor: 'green', bold: true},
	newBelow: {color: 'blue', bold: true},
	statusOnline: {color: 'blue'},
	statusWarn: {color: 'magenta'},
	prompt: {color: 'blue', bold: true},
};

/** NO_COLOR: no colour at all; what colour told apart is told by bold, underline and inverse. */
export const monoTheme: Theme = {
	time: {dimColor: true},
	name: (_name, own) => ({bold: own}),
	ownMarker: {dimColor: true},
	systemMarker: {bold: true},
	systemText: {},
	errorMarker: {bold: true},
	errorText: {bold: true},
	infoMarker: {bold: true},
	pending: {dimColor: true, italic: true},
	action: {italic: true},
	failed: {bold: true},
	dateSeparator: {dimColor: true},
	unread: {bold: true},
	mention: {bold: true, underline: true},
	searchMatch: {underline: true},
	searchCurrent: {inverse: true, bold: true},
	focused: {inverse: true, bold: true},
	selected: {inverse: true},
	newBelow: {bold: true},
	error: {bold: true},
	panelTitle: {bold: true},
	statusBar: {inverse: true},
	statusOnline: {},
	statusWarn: {bold: true},
	statusError: {bold: true},
	prompt: {bold: true},
	hint: {dimColor: true},
	alertBorder: undefined,
};

/** The theme to draw with: the named one, or `mono` when colour is off. */
export const themeFor = (name: ThemeName, color: boolean): Theme =>
	color ? (name === 'light' ? lightTheme : darkTheme) : monoTheme;

/**
 * NO_COLOR (any value but empty, as no-color.org says) turns colour off. It wins over
 * FORCE_COLOR, which chalk (in Ink) reads for whether to style at all: FORCE_COLOR=0 drops even
 * bold and inverse; 1 to 3 style output that is not a terminal.
 */
export const colorEnabled = (environment: NodeJS.ProcessEnv): boolean =>
	environment.NO_COLOR === undefined || environment.NO_COLOR === '';

/**
 * The theme a terminal's COLORFGBG ("15;0": white on black) suggests: light when the background
 * is white or light grey (7 or 15), else dark; undefined when the variable is missing or odd.
 */
export function themeFromColorFgBg(value: string | undefined): ThemeName | undefined {
	const background = value?.split(';').at(-1);
	if (background === undefined || !/^\d{1,3}$/.test(background)) {
		return undefined;
	}

	return ['7', '15'].includes(background) ? 'light' : 'dark';
}
