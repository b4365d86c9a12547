import type {Style} from '../look/theme.js';
import type {Segment} from './log-layout.js';
import {textWidth, truncate} from './wrap.js';

/*
The nick column, as irssi and WeeChat draw it: every sender's name right-aligned in a column of
fixed width, so that message text starts at the same column for everyone. A longer name is cut
with the terminal's ellipsis. Markers that stand in for a name (`-!-` for notices, `*` for
actions) end one cell short of the text, as in irssi: `-!- bob joined`, `* alice waves`.
*/

/** The column's width in cells: a name (with its own marker) longer than this is cut. */
export const nickColumnCells = 12;

/** Cells between the column and the text. */
const gapCells = 2;

/** Fewest cells a name keeps beside the own marker; below it the marker is left out. */
const fewestNameCells = 3;

/**
 * The column's width in a line `width` wide with `timeCells` before it: at most
 * `nickColumnCells`, and narrower in a narrow pane, so that the time, the column and the gap
 * take at most half the line. The text keeps room, and its wrapped lines indent under it.
 */
export function columnCells(width: number, timeCells: number): number {
	return Math.max(1, Math.min(nickColumnCells, Math.floor(width / 2) - timeCells - gapCells));
}

/** Where the text starts: after the time, the column and the gap. */
export const textColumn = (timeCells: number, cells: number) => timeCells + cells + gapCells;

/**
 * A name right-aligned in `cells`, with its own marker (` (me)`) after it when there is room,
 * then the gap before the text.
 */
export function nameColumn(
	name: {readonly text: string; readonly style: Style},
	marker: {readonly text: string; readonly style: Style} | undefined,
	cells: number,
	ellipsis: string,
): Segment[] {
	const markerCells = marker ? textWidth(marker.text) : 0;
	const withMarker = marker !== undefined && cells - markerCells >= fewestNameCells;
	const room = withMarker ? cells - markerCells : cells;
	const shown = truncate(name.text, room, ellipsis);
	const padding = Math.max(0, room - textWidth(shown));
	const segments: Segment[] = [];
	if (padding > 0) {
		segments.push({text: ' '.repeat(padding)});
	}

	segments.push({text: shown, style: name.style});
	if (withMarker) {
		segments.push({text: marker.text, style: marker.style});
	}

	segments.push({text: ' '.repeat(gapCells)});
	return segments;
}

/** A marker (`-!-`, `*`) in the column, ending one cell before the text, and that cell. */
export function markerColumn(marker: string, style: Style | undefined, cells: number): Segment[] {
	const padding = Math.max(0, cells + gapCells - 1 - textWidth(marker));
	return [
		...(padding > 0 ? [{text: ' '.repeat(padding)}] : []),
		{text: marker, style},
		{text: ' '},
	];
}
