// The cells drawn as an SVG on an exact grid.

import type {Cell} from './cells.js';
import {emojiSvg} from './fonts.js';
import {
	background,
	baseline,
	cellHeight,
	cellWidth,
	cjkStroke,
	cols,
	fontSize,
	foreground,
	padding,
	rows,
} from './settings.js';

// ---- Drawing -----------------------------------------------------------------------------------

export const escapeXml = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Light box-drawing characters, drawn as lines that meet across cells: which arms leave the centre. */
export const boxArms: Record<string, string> = {
	'─': 'lr',
	'│': 'ud',
	'┌': 'rd',
	'┐': 'ld',
	'└': 'ur',
	'┘': 'ul',
	'├': 'udr',
	'┤': 'udl',
	'┬': 'lrd',
	'┴': 'lru',
	'┼': 'udlr',
};
/** Rounded corners: [dx, dy] of the two arms. */
export const roundCorners: Record<string, [number, number]> = {
	'╭': [1, 1],
	'╮': [-1, 1],
	'╰': [1, -1],
	'╯': [-1, -1],
};

export function boxPath(chars: string, x: number, y: number): string | undefined {
	const cx = x + cellWidth / 2;
	const cy = y + cellHeight / 2;
	const arms = boxArms[chars];
	if (arms) {
		const ends: Record<string, string> = {
			l: `M${cx} ${cy}H${x}`,
			r: `M${cx} ${cy}H${x + cellWidth}`,
			u: `M${cx} ${cy}V${y}`,
			d: `M${cx} ${cy}V${y + cellHeight}`,
		};
		// The centre is drawn once with a square cap so that corners are closed.
		return [...arms].map((arm) => ends[arm]).join('');
	}

	const corner = roundCorners[chars];
	if (corner) {
		const [dx, dy] = corner;
		const radius = cellWidth / 2;
		const sweep = dx === dy ? 1 : 0;
		return (
			`M${dx > 0 ? x + cellWidth : x} ${cy}H${cx + dx * radius}` +
			`A${radius} ${radius} 0 0 ${1 - sweep} ${cx} ${cy + dy * radius}V${dy > 0 ? y + cellHeight : y}`
		);
	}

	return undefined;
}

type Layers = {backgrounds: string[]; lines: string[]; texts: string[]; images: string[]};

/** Runs of one background colour in a row. */
function drawBackgrounds(line: Cell[], y: number, backgrounds: string[]) {
	for (let column = 0; column < cols;) {
		const {bg} = line[column]!;
		let end = column + 1;
		while (end < cols && line[end]!.bg === bg) {
			end++;
		}

		if (bg !== undefined) {
			backgrounds.push(
				`<rect x="${padding + column * cellWidth}" y="${y}" width="${(end - column) * cellWidth}" height="${cellHeight}" fill="${bg}"/>`,
			);
		}

		column = end;
	}
}

/** A row's characters: runs of narrow characters in one style share a <text> with a position for each. */
async function drawCharacters(line: Cell[], y: number, {lines, texts, images}: Layers) {
	let run: {cell: Cell; xs: number[]; chars: string[]} | undefined;
	const flush = () => {
		if (run) {
			texts.push(textElement(run.cell, {xs: run.xs, y: y + baseline, chars: run.chars.join('')}));
			run = undefined;
		}
	};

	for (const [column, cell] of line.entries()) {
		const x = padding + column * cellWidth;
		if (cell.width === 0 || cell.chars === '' || cell.chars === ' ') {
			flush();
			continue;
		}

		const box = boxPath(cell.chars, x, y);
		if (box) {
			flush();
			lines.push(`<path d="${box}" stroke="${cell.fg}"/>`);
			continue;
		}

		const emoji = await emojiSvg(cell.chars);
		if (emoji) {
			flush();
			const size = Math.min(cell.width * cellWidth, cellHeight) - 2;
			const left = x + (cell.width * cellWidth - size) / 2;
			const top = y + (cellHeight - size) / 2;
			images.push(
				emoji.replace('<svg ', `<svg x="${left}" y="${top}" width="${size}" height="${size}" `),
			);
			continue;
		}

		if (cell.width === 2 || [...cell.chars].length > 1) {
			// Wide (CJK) and combined characters: centred in their cells, one element each.
			flush();
			const xs = [x + (cell.width * cellWidth) / 2];
			texts.push(
				textElement(cell, {xs, y: y + baseline, chars: cell.chars, wide: cell.width === 2}),
			);
			continue;
		}

		if (run && !sameStyle(run.cell, cell)) {
			flush();
		}

		run ??= {cell, xs: [], chars: []};
		run.xs.push(x);
		run.chars.push(cell.chars);
	}

	flush();
}

export async function drawSvg(cells: Cell[][], cursor: {x: number; y: number} | undefined) {
	const width = cols * cellWidth + 2 * padding;
	const height = rows * cellHeight + 2 * padding;
	const layers: Layers = {backgrounds: [], lines: [], texts: [], images: []};
	const {backgrounds, lines, texts, images} = layers;
	for (const [row, line] of cells.entries()) {
		const y = padding + row * cellHeight;
		drawBackgrounds(line, y, backgrounds);

		await drawCharacters(line, y, layers);
	}

	const cursorRect = cursor
		? `<rect x="${padding + cursor.x * cellWidth}" y="${padding + cursor.y * cellHeight}" width="${cellWidth}" height="${cellHeight}" fill="${foreground}" opacity="0.7"/>`
		: '';
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<rect width="${width}" height="${height}" rx="8" fill="${background}"/>`,
		...backgrounds,
		cursorRect,
		`<g fill="none" stroke-width="1" stroke-linecap="square">${lines.join('')}</g>`,
		`<g font-family="DejaVu Sans Mono, Noto Sans SC Thin" font-size="${fontSize.toFixed(3)}" xml:space="preserve">`,
		...texts,
		'</g>',
		...images,
		'</svg>',
	].join('\n');
}

export const sameStyle = (a: Cell, b: Cell) =>
	a.fg === b.fg &&
	a.bold === b.bold &&
	a.italic === b.italic &&
	a.underline === b.underline &&
	a.strike === b.strike;

/**
 * One <text>: `xs` has a position for each character, or is the centre of one wide (CJK) or
 * combined character; a wide one is Noto Sans SC, thickened (see `cjkStroke`).
 */
export function textElement(
	cell: Cell,
	{xs, y, chars, wide}: {xs: number[]; y: number; chars: string; wide?: boolean},
): string {
	const attributes = [
		`x="${xs.join(' ')}"`,
		`y="${y.toFixed(2)}"`,
		`fill="${cell.fg}"`,
		wide === undefined ? '' : 'text-anchor="middle"',
		wide ? `stroke="${cell.fg}" stroke-width="${cjkStroke}" stroke-linejoin="round"` : '',
		cell.bold ? 'font-weight="bold"' : '',
		cell.italic ? 'font-style="italic"' : '',
		cell.underline || cell.strike
			? `text-decoration="${[cell.underline ? 'underline' : '', cell.strike ? 'line-through' : ''].join(' ').trim()}"`
			: '',
	].filter(Boolean);
	return `<text ${attributes.join(' ')}>${escapeXml(chars)}</text>`;
}
