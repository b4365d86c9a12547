// Every cell of the screen: its character, width, colours and attributes.

// @xterm/headless is CommonJS without named-export hints: Node's ESM loader only offers a default import.
import type {IBufferCell, Terminal} from '@xterm/headless';
import {ansi16, background, cols, foreground, rows} from './settings.js';

// ---- Reading the cells -------------------------------------------------------------------------

export type Cell = {
	readonly chars: string;
	readonly width: number;
	readonly fg: string;
	readonly bg: string | undefined;
	readonly bold: boolean;
	readonly italic: boolean;
	readonly underline: boolean;
	readonly strike: boolean;
};

export const hex = (rgb: number) => `#${rgb.toString(16).padStart(6, '0')}`;

export function mix(one: string, other: string): string {
	const channels = (colour: string) =>
		[1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
	const [a, b] = [channels(one), channels(other)];
	const [r, g, bl] = a.map((value, index) => Math.round((value + b[index]!) / 2));
	return hex(r! * 0x1_00_00 + g! * 0x1_00 + bl!);
}

export function palette(index: number): string {
	if (index < 16) {
		return ansi16[index]!;
	}

	if (index >= 232) {
		const level = 8 + (index - 232) * 10;
		return hex(level * 0x01_01_01);
	}

	const steps = [0, 95, 135, 175, 215, 255];
	const cube = index - 16;
	const [r, g, b] = [Math.floor(cube / 36), Math.floor(cube / 6) % 6, cube % 6].map(
		(step) => steps[step]!,
	);
	return hex(r! * 0x1_00_00 + g! * 0x1_00 + b!);
}

export function colour(cell: IBufferCell, which: 'fg' | 'bg'): string | undefined {
	const [isRgb, isPalette, value] =
		which === 'fg'
			? [cell.isFgRGB(), cell.isFgPalette(), cell.getFgColor()]
			: [cell.isBgRGB(), cell.isBgPalette(), cell.getBgColor()];
	if (isRgb) {
		return hex(value);
	}

	if (isPalette) {
		// Bold text in one of the first eight colours is drawn bright, as xterm.js does.
		return palette(which === 'fg' && cell.isBold() && value < 8 ? value + 8 : value);
	}

	return undefined;
}

export function readCells(term: Terminal): Cell[][] {
	const buffer = term.buffer.active;
	const scratch = buffer.getNullCell();
	return Array.from({length: rows}, (_, y) => {
		const line = buffer.getLine(buffer.viewportY + y);
		return Array.from({length: cols}, (_, x): Cell => {
			const cell = line?.getCell(x, scratch);
			if (!cell) {
				return {...blank};
			}

			let fg = colour(cell, 'fg') ?? foreground;
			let bg = colour(cell, 'bg');
			if (cell.isInverse()) {
				[fg, bg] = [bg ?? background, fg];
			}

			if (cell.isDim()) {
				// Half way to the background, as a colour rather than an opacity, so that box lines
				// that overlap where cells meet stay even.
				fg = mix(fg, bg ?? background);
			}

			return {
				chars: cell.isInvisible() ? '' : cell.getChars(),
				width: cell.getWidth(),
				fg,
				bg,
				bold: cell.isBold() !== 0,
				italic: cell.isItalic() !== 0,
				underline: cell.isUnderline() !== 0,
				strike: cell.isStrikethrough() !== 0,
			};
		});
	});
}

export const blank: Cell = {
	chars: '',
	width: 1,
	fg: foreground,
	bg: undefined,
	bold: false,
	italic: false,
	underline: false,
	strike: false,
};
