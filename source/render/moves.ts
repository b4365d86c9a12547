/*
The shortest bytes that take the terminal's cursor from where it is to a cell. An absolute
address (CUP) always works; where the cursor's place is known, a relative move is often shorter:
a carriage return to the first column, CHA along the row, CUF/CUB a few cells, CUU/CUD a few rows.
Each leaves out the parameters that default to 1 (`ESC [ ; 101 H` is row 1, column 101).

CUU and CUD stop at a scroll region's margins when the cursor starts inside the region, in xterm,
xterm.js and tmux alike; so they are used only when the region is known and they cannot meet a
margin: both rows inside it, or both on the same side of it. After the last column a terminal
waits to wrap, and where the cursor is then differs: only absolute columns are used from there.
*/

/** The rows a terminal's scroll region spans (0-based, inclusive). */
export type Region = {readonly top: number; readonly bottom: number};

/** Where the cursor is (0-based); -1 where that is not known, and the scroll region if known. */
export type Cursor = {readonly row: number; readonly col: number; readonly region?: Region};

const csi = (count: number, final: string) => `\u001B[${count === 1 ? '' : count}${final}`;

/** CUP: `ESC [ row ; col H`, each left out where it is 1. */
function address(row: number, col: number): string {
	return `\u001B[${row === 0 ? '' : row + 1}${col === 0 ? '' : `;${col + 1}`}H`;
}

const side = (row: number, {top, bottom}: Region) => (row < top ? -1 : row > bottom ? 1 : 0);

/** Whether CUU or CUD from `from` to `to` cannot stop at a margin on the way. */
function verticalIsSafe(from: number, to: number, region: Region | undefined): boolean {
	return region !== undefined && side(from, region) === side(to, region);
}

/** The shortest move along a row, the cursor's column known or not (-1). */
function along(from: number, to: number): string {
	if (from === to) {
		return '';
	}

	const absolute = to === 0 ? '\r' : csi(to + 1, 'G');
	if (from < 0) {
		return absolute;
	}

	const relative = to > from ? csi(to - from, 'C') : csi(from - to, 'D');
	return relative.length < absolute.length ? relative : absolute;
}

/** The shortest bytes from the cursor to (row, col); '' when it is there already. */
export function cursorMove({row: fromRow, col: fromCol, region}: Cursor, row: number, col: number) {
	if (fromRow === row && fromCol === col) {
		return '';
	}

	let best = address(row, col);
	if (fromRow === row) {
		const sameRow = along(fromCol, col);
		return sameRow.length < best.length ? sameRow : best;
	}

	if (fromRow >= 0 && fromCol >= 0 && verticalIsSafe(fromRow, row, region)) {
		const vertical = row > fromRow ? csi(row - fromRow, 'B') : csi(fromRow - row, 'A');
		const relative = vertical + along(fromCol, col);
		if (relative.length < best.length) {
			best = relative;
		}
	}

	return best;
}
