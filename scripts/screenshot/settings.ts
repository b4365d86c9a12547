// What the screenshot looks like: its size, the cell grid, the font metrics and the colours.

import {fileURLToPath} from 'node:url';

export const cols = 100;
export const rows = 24;
export const name = 'ada';
export const output = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
export const waitMs = 20_000;
export const settleMs = 750;

/** The picture: a cell is 9×18 at zoom 1, drawn at zoom 2 so it stays sharp on dense screens. */
export const cellWidth = 9;
export const cellHeight = 18;
export const padding = 14;
export const zoom = 2;
/** DejaVu Sans Mono advances 1233/2048 em: this size makes one advance exactly one cell. */
export const fontSize = (cellWidth * 2048) / 1233;
/** Ascent 1901/2048 em, descent 483/2048 em, centred in the cell. */
export const baseline =
	(cellHeight - (fontSize * (1901 + 483)) / 2048) / 2 + (fontSize * 1901) / 2048;
/** Noto Sans SC comes as a variable font, which resvg draws at its default, Thin: a stroke brings it to about DejaVu's weight. */
export const cjkStroke = 0.6;
export const background = '#1d1f21';
export const foreground = '#d8d8d8';
/** xterm.js's default 16 colours. */
export const ansi16 = [
	'#2e3436',
	'#cc0000',
	'#4e9a06',
	'#c4a000',
	'#3465a4',
	'#75507b',
	'#06989a',
	'#d3d7cf',
	'#555753',
	'#ef2929',
	'#8ae234',
	'#fce94f',
	'#729fcf',
	'#ad7fa8',
	'#34e2e2',
	'#eeeeec',
];

export class ScreenshotError extends Error {}
