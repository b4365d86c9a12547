// `npm run screenshot`: run the built `chat-tui --demo` in a real pseudo-terminal, wait until the
// chat shows its history, the bot and the bot's answer to us, read every cell (character, colours,
// bold, inverse, width) through @xterm/headless, and draw the cells as an SVG on an exact grid,
// rendered to docs/screenshot.png by resvg. Fonts and emoji come from npm packages (DejaVu Sans
// Mono, Noto Sans SC, Twemoji), so the picture is the same on any machine after `npm install`.
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {spawn, type IPty} from 'node-pty';
// @xterm/headless is CommonJS without named-export hints: Node's ESM loader only offers a default import.
import xtermHeadless, {type IBufferCell, type IUnicodeVersionProvider} from '@xterm/headless';
import type * as ResvgModule from '@resvg/resvg-js';
import stringWidth from 'string-width';
import {logLines, onlinePattern, panelLines, statusRow} from '../test/helpers/chat-terminal.js';
import {cliPath, terminalEnv} from '../test/helpers/terminal.js';

const {Terminal} = xtermHeadless;
const require = createRequire(import.meta.url);

const cols = 100;
const rows = 24;
const name = 'ada';
const output = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const waitMs = 20_000;
const settleMs = 750;

/** The picture: a cell is 9×18 at zoom 1, drawn at zoom 2 so it stays sharp on dense screens. */
const cellWidth = 9;
const cellHeight = 18;
const padding = 14;
const zoom = 2;
/** DejaVu Sans Mono advances 1233/2048 em: this size makes one advance exactly one cell. */
const fontSize = (cellWidth * 2048) / 1233;
/** Ascent 1901/2048 em, descent 483/2048 em, centred in the cell. */
const baseline = (cellHeight - (fontSize * (1901 + 483)) / 2048) / 2 + (fontSize * 1901) / 2048;
/** Noto Sans SC comes as a variable font, which resvg draws at its default, Thin: a stroke brings it to about DejaVu's weight. */
const cjkStroke = 0.6;
const background = '#1d1f21';
const foreground = '#d8d8d8';
/** xterm.js's default 16 colours. */
const ansi16 = [
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

class ScreenshotError extends Error {}

// ---- The pseudo-terminal -----------------------------------------------------------------------

/**
 * Widths as chat-tui counts them (string-width, per code point), with emoji modifiers, ZWJ
 * sequences, variation selectors and combining marks joined onto the cell before them, as a
 * terminal with current Unicode tables shows them. xterm.js's own tables (Unicode 6, or 11 with
 * its addon) give 🚀 one cell or 👍🏽 four.
 */
const joinAfterZwj = 1;
/* eslint-disable no-bitwise -- xterm.js packs a character's properties into one number */
const property = (state: number, width: number, join: boolean) =>
	((state & 0xff_ff_ff) << 3) | ((width & 3) << 1) | (join ? 1 : 0);

const chatTuiWidths: IUnicodeVersionProvider = {
	version: 'chat-tui',
	wcwidth(codepoint) {
		return Math.min(2, stringWidth(String.fromCodePoint(codepoint))) as 0 | 1 | 2;
	},
	charProperties(codepoint, preceding) {
		const precedingWidth = (preceding >> 1) & 3;
		const afterZwj = preceding >> 3 === joinAfterZwj;
		const joins =
			preceding !== 0 &&
			precedingWidth > 0 &&
			(afterZwj ||
				codepoint === 0x20_0d ||
				(codepoint >= 0xfe_00 && codepoint <= 0xfe_0f) ||
				(codepoint >= 0x1_f3_fb && codepoint <= 0x1_f3_ff) ||
				(codepoint >= 0xe_00_20 && codepoint <= 0xe_00_7f) ||
				this.wcwidth(codepoint) === 0);
		if (joins) {
			return property(codepoint === 0x20_0d ? joinAfterZwj : 0, precedingWidth, true);
		}

		return property(0, this.wcwidth(codepoint), false);
	},
};
/* eslint-enable no-bitwise */

type Session = {
	readonly pty: IPty;
	readonly term: InstanceType<typeof Terminal>;
	exited: boolean;
	exitCode: number | undefined;
	cursorVisible: boolean;
	/** Resolves once everything written so far has been parsed. */
	parsed(): Promise<void>;
	screen(): string[];
};

function startDemo(configHome: string): Session {
	const term = new Terminal({cols, rows, allowProposedApi: true});
	term.unicode.register(chatTuiWidths);
	term.unicode.activeVersion = chatTuiWidths.version;
	const pty = spawn(process.execPath, [cliPath, '--demo', '--name', name], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: path.dirname(configHome),
		env: terminalEnv({
			XDG_CONFIG_HOME: configHome,
			LANG: 'en_US.UTF-8',
			LC_ALL: undefined,
			LC_MESSAGES: undefined,
			NO_COLOR: undefined,
		}),
	});
	let pending = Promise.resolve();
	let carry = '';
	const session: Session = {
		pty,
		term,
		exited: false,
		exitCode: undefined,
		cursorVisible: true,
		parsed: async () => pending,
		screen() {
			const buffer = term.buffer.active;
			return Array.from(
				{length: rows},
				(_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
			);
		},
	};
	pty.onData((data) => {
		// The cursor's visibility (DECTCEM) is not in xterm's public API: follow it in the stream.
		const text = carry + data;
		for (const match of text.matchAll(/\u001B\[\?([\d;]*)([hl])/g)) {
			if (match[1]!.split(';').includes('25')) {
				session.cursorVisible = match[2] === 'h';
			}
		}

		carry = /\u001B(?:\[(?:\?[\d;]*)?)?$/.exec(text)?.[0] ?? '';
		pending = new Promise((resolve) => {
			term.write(data, resolve);
		});
	});
	pty.onExit(({exitCode}) => {
		session.exited = true;
		session.exitCode = exitCode;
	});
	return session;
}

const sleep = async (ms: number) =>
	new Promise<void>((resolve) => {
		setTimeout(resolve, ms);
	});

async function waitFor(
	session: Session,
	label: string,
	predicate: (screen: string[]) => boolean,
): Promise<void> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		await session.parsed();
		const screen = session.screen();
		if (predicate(screen)) {
			return;
		}

		if (session.exited) {
			throw new ScreenshotError(
				`chat-tui --demo exited (code ${session.exitCode}) while waiting for ${label}\n${screen.join('\n')}`,
			);
		}

		if (Date.now() > deadline) {
			throw new ScreenshotError(
				`timed out after ${waitMs / 1000} s waiting for ${label}; the screen:\n${screen.join('\n')}`,
			);
		}

		await sleep(50);
	}
}

/** Resolves once the screen (characters and attributes) has not changed for `settleMs`. */
async function waitForStillness(session: Session): Promise<void> {
	const deadline = Date.now() + waitMs;
	let last = '';
	let since = Date.now();
	for (;;) {
		await session.parsed();
		const now = JSON.stringify([readCells(session.term), session.cursorVisible]);
		if (now !== last) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= settleMs) {
			return;
		}

		if (Date.now() > deadline) {
			throw new ScreenshotError(`the screen kept changing for ${waitMs / 1000} s`);
		}

		await sleep(50);
	}
}

async function stopDemo(session: Session): Promise<void> {
	if (!session.exited) {
		session.pty.write('/quit\r');
	}

	for (const signal of [undefined, 'SIGTERM', 'SIGKILL']) {
		if (signal && !session.exited) {
			session.pty.kill(signal);
		}

		const deadline = Date.now() + 2000;
		while (!session.exited && Date.now() < deadline) {
			await sleep(50);
		}
	}
}

// ---- Reading the cells -------------------------------------------------------------------------

type Cell = {
	readonly chars: string;
	readonly width: number;
	readonly fg: string;
	readonly bg: string | undefined;
	readonly bold: boolean;
	readonly italic: boolean;
	readonly underline: boolean;
	readonly strike: boolean;
};

const hex = (rgb: number) => `#${rgb.toString(16).padStart(6, '0')}`;

function mix(one: string, other: string): string {
	const channels = (colour: string) =>
		[1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
	const [a, b] = [channels(one), channels(other)];
	const [r, g, bl] = a.map((value, index) => Math.round((value + b[index]!) / 2));
	return hex(r! * 0x1_00_00 + g! * 0x1_00 + bl!);
}

function palette(index: number): string {
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

function colour(cell: IBufferCell, which: 'fg' | 'bg'): string | undefined {
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

function readCells(term: InstanceType<typeof Terminal>): Cell[][] {
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

const blank: Cell = {
	chars: '',
	width: 1,
	fg: foreground,
	bg: undefined,
	bold: false,
	italic: false,
	underline: false,
	strike: false,
};

// ---- Fonts and emoji ---------------------------------------------------------------------------

function packageFile(specifier: string, packageName: string): string {
	try {
		return require.resolve(specifier);
	} catch {
		throw new ScreenshotError(`cannot find ${packageName} (a devDependency): run \`npm install\``);
	}
}

/** CJK subsets of Noto Sans SC that hold a character on the screen. */
async function cjkSubsets(text: string): Promise<string[]> {
	const root = path.dirname(
		packageFile('@fontsource-variable/noto-sans-sc/LICENSE', '@fontsource-variable/noto-sans-sc'),
	);
	const directory = path.join(root, 'files');
	const ranges = JSON.parse(await readFile(path.join(root, 'unicode.json'), 'utf8')) as Record<
		string,
		string
	>;
	const wanted = [...new Set(text)]
		.map((char) => char.codePointAt(0)!)
		.filter((codepoint) => codepoint > 0x2f_ff);
	const files: string[] = [];
	for (const [key, list] of Object.entries(ranges)) {
		const covered = list.split(',').map((range) => {
			const [from, to] = range.replace('U+', '').split('-');
			return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)] as const;
		});
		if (
			wanted.some((codepoint) => covered.some(([from, to]) => codepoint >= from && codepoint <= to))
		) {
			files.push(
				path.join(directory, `noto-sans-sc-${key.replaceAll(/[[\]]/g, '')}-wght-normal.woff2`),
			);
		}
	}

	return files;
}

/** WOFF2 → TTF files in `directory` (resvg reads TrueType and OpenType only). */
async function writeFonts(directory: string, text: string): Promise<string[]> {
	const {decompress} = require(packageFile('wawoff2', 'wawoff2')) as {
		decompress(data: Uint8Array): Promise<Uint8Array>;
	};
	const dejavu = ['400-normal', '700-normal', '400-italic', '700-italic'].map((style) =>
		packageFile(
			`@fontsource/dejavu-mono/files/dejavu-mono-latin-${style}.woff2`,
			'@fontsource/dejavu-mono',
		),
	);
	const targets: string[] = [];
	// One at a time: wawoff2's decoder is not re-entrant.
	for (const source of [...dejavu, ...(await cjkSubsets(text))]) {
		const target = path.join(directory, `${path.basename(source, '.woff2')}.ttf`);
		await writeFile(target, await decompress(await readFile(source)));
		targets.push(target);
	}

	return targets;
}

const emojiPattern = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/** The Twemoji SVG for a cell, or undefined: then the cell is drawn as text. */
async function emojiSvg(chars: string): Promise<string | undefined> {
	if (!emojiPattern.test(chars)) {
		return undefined;
	}

	const directory = path.dirname(packageFile('@twemoji/svg/package.json', '@twemoji/svg'));
	const points = [...chars].map((char) => char.codePointAt(0)!.toString(16));
	// Twemoji names drop U+FE0F except inside ZWJ sequences.
	const names = [points.filter((point) => point !== 'fe0f').join('-'), points.join('-')];
	for (const file of names.map((name) => path.join(directory, `${name}.svg`))) {
		if (existsSync(file)) {
			return readFile(file, 'utf8');
		}
	}

	return undefined;
}

// ---- Drawing -----------------------------------------------------------------------------------

const escapeXml = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Light box-drawing characters, drawn as lines that meet across cells: which arms leave the centre. */
const boxArms: Record<string, string> = {
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
const roundCorners: Record<string, [number, number]> = {
	'╭': [1, 1],
	'╮': [-1, 1],
	'╰': [1, -1],
	'╯': [-1, -1],
};

function boxPath(chars: string, x: number, y: number): string | undefined {
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

async function drawSvg(cells: Cell[][], cursor: {x: number; y: number} | undefined) {
	const width = cols * cellWidth + 2 * padding;
	const height = rows * cellHeight + 2 * padding;
	const backgrounds: string[] = [];
	const lines: string[] = [];
	const texts: string[] = [];
	const images: string[] = [];
	for (const [row, line] of cells.entries()) {
		const y = padding + row * cellHeight;
		// Runs of one background colour.
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

		// Runs of narrow characters in one style share a <text> with a position for each character.
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
				texts.push(
					textElement(cell, {
						xs: [x + (cell.width * cellWidth) / 2],
						y: y + baseline,
						chars: cell.chars,
						wide: cell.width === 2,
					}),
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

const sameStyle = (a: Cell, b: Cell) =>
	a.fg === b.fg &&
	a.bold === b.bold &&
	a.italic === b.italic &&
	a.underline === b.underline &&
	a.strike === b.strike;

/**
 * One <text>: `xs` has a position for each character, or is the centre of one wide (CJK) or
 * combined character; a wide one is Noto Sans SC, thickened (see `cjkStroke`).
 */
function textElement(
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

// ---- Main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
	if (!existsSync(cliPath)) {
		throw new ScreenshotError(`${cliPath} is missing: run \`npm run build\` first`);
	}

	const {Resvg} = await import('@resvg/resvg-js').catch((): typeof ResvgModule => {
		throw new ScreenshotError('cannot load @resvg/resvg-js (a devDependency): run `npm install`');
	});

	const work = await mkdtemp(path.join(os.tmpdir(), 'chat-tui-screenshot-'));
	const configHome = path.join(work, 'config');
	await mkdir(configHome);
	let session: Session | undefined;
	const interrupt = () => {
		session?.pty.kill('SIGTERM');
		void rm(work, {recursive: true, force: true}).finally(() => process.exit(130));
	};

	process.once('SIGINT', interrupt);
	process.once('SIGTERM', interrupt);
	try {
		session = startDemo(configHome);
		const demo = session;
		await waitFor(demo, 'the status bar to say online', (screen) =>
			onlinePattern.test(statusRow(screen)),
		);
		await waitFor(demo, 'the seeded history', (screen) =>
			logLines(screen).some((line) => line.includes('是的，下午三点开始')),
		);
		await waitFor(demo, "the bot's greeting", (screen) =>
			logLines(screen).some((line) => line.includes('Hello everyone! I am chatbot')),
		);
		await waitFor(
			demo,
			'the bot and us in the user list',
			(screen) =>
				panelLines(screen)?.some((line) => line.includes('chatbot')) === true &&
				panelLines(screen)?.some((line) => line.includes(name)) === true,
		);
		demo.pty.write('hi @chatbot\r');
		await waitFor(demo, "the bot's answer", (screen) =>
			logLines(screen).some((line) => line.includes(`chatbot  @${name} `)),
		);
		await waitForStillness(demo);

		const cells = readCells(demo.term);
		const buffer = demo.term.buffer.active;
		const cursor = demo.cursorVisible ? {x: buffer.cursorX, y: buffer.cursorY} : undefined;
		const text = demo.screen().join('');
		await stopDemo(demo);
		if (demo.exitCode !== 0) {
			throw new ScreenshotError(`chat-tui --demo exited with code ${demo.exitCode} after /quit`);
		}

		const fontFiles = await writeFonts(work, text);
		const svg = await drawSvg(cells, cursor);
		const png = new Resvg(svg, {
			fitTo: {mode: 'zoom', value: zoom},
			font: {loadSystemFonts: false, fontFiles, defaultFontFamily: 'DejaVu Sans Mono'},
		})
			.render()
			.asPng();
		await mkdir(path.dirname(output), {recursive: true});
		await writeFile(output, png);
		if (process.env.SCREENSHOT_SVG) {
			await writeFile(process.env.SCREENSHOT_SVG, svg);
		}

		const {size} = await stat(output);
		console.log(
			`wrote ${path.relative(process.cwd(), output)}: ${(size / 1024).toFixed(0)} KiB, ${cols}×${rows} cells`,
		);
	} finally {
		if (session) {
			await stopDemo(session);
		}

		await rm(work, {recursive: true, force: true});
	}
}

try {
	await main();
	process.exit(0);
} catch (error) {
	const message = error instanceof ScreenshotError ? error.message : (error as Error).stack;
	console.error(`screenshot: ${message}`);
	process.exit(1);
}
