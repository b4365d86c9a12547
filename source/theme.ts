/*
Colours in one place, as small style functions. Only the 16 ANSI colours, so the default theme
works on any terminal; Ink (chalk) drops them all under NO_COLOR.
*/

export type Style = {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly inverse?: boolean;
	readonly italic?: boolean;
};

const namePalette = [
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

/** A stable colour per name (FNV-1a hash), the same in every run and on every machine. */
/* eslint-disable no-bitwise */
export function nameColor(name: string): string {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < name.length; index++) {
		hash ^= name.codePointAt(index)!;
		hash = Math.imul(hash, 0x01_00_01_93);
	}

	return namePalette[(hash >>> 0) % namePalette.length]!;
}
/* eslint-enable no-bitwise */

export const theme = {
	time: {dimColor: true} satisfies Style,
	name: (name: string, own: boolean): Style => ({color: nameColor(name), bold: own}),
	ownMarker: {dimColor: true} satisfies Style,
	systemMarker: {color: 'yellow', bold: true} satisfies Style,
	systemText: {color: 'yellow'} satisfies Style,
	errorMarker: {color: 'red', bold: true} satisfies Style,
	errorText: {color: 'red'} satisfies Style,
	infoMarker: {color: 'cyan', bold: true} satisfies Style,
	pending: {dimColor: true} satisfies Style,
	action: {italic: true} satisfies Style,
	failed: {color: 'red'} satisfies Style,
	dateSeparator: {dimColor: true} satisfies Style,
	mention: {color: 'black', backgroundColor: 'yellow'} satisfies Style,
	searchMatch: {color: 'black', backgroundColor: 'cyan'} satisfies Style,
	searchCurrent: {color: 'black', backgroundColor: 'greenBright', bold: true} satisfies Style,
	/** The marker of the focused pane. */
	focused: {color: 'black', backgroundColor: 'cyan', bold: true} satisfies Style,
	selected: {inverse: true} satisfies Style,
	newBelow: {color: 'yellow', bold: true} satisfies Style,
	error: {color: 'red'} satisfies Style,
	panelTitle: {bold: true} satisfies Style,
	border: {dimColor: true} satisfies Style,
	statusBar: {inverse: true} satisfies Style,
	statusOnline: {color: 'green'} satisfies Style,
	statusWarn: {color: 'yellow'} satisfies Style,
	statusError: {color: 'red'} satisfies Style,
	prompt: {color: 'cyan', bold: true} satisfies Style,
	hint: {dimColor: true} satisfies Style,
} as const;
