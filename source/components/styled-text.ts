import chalk from 'chalk';
import {closeLink, openLink} from '../state/links.js';
import type {DisplayLine, Segment} from '../state/log-lines.js';
import type {Style} from '../look/theme.js';

/*
A display line as one styled string, the way Ink's <Text> styles its children (same chalk, same
order: dim, colour, background, bold, italic, underline, inverse), so that the whole log can be a
single <Text>. Lines are made once per message and kept, and so is each one's string.
*/

const rgb = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/;
const ansi256 = /^ansi256\(\s?(\d+)\s?\)$/;

/** A named, `#rrggbb`, `ansi256(n)` or `rgb(r, g, b)` colour, as Ink's colorize takes them. */
function colorize(text: string, color: string, type: 'foreground' | 'background'): string {
	const named = chalk as unknown as Record<string, ((text: string) => string) | undefined>;
	if (color in chalk) {
		const method = type === 'foreground' ? color : `bg${color[0]!.toUpperCase()}${color.slice(1)}`;
		return named[method]?.(text) ?? text;
	}

	if (color.startsWith('#')) {
		return type === 'foreground' ? chalk.hex(color)(text) : chalk.bgHex(color)(text);
	}

	const indexed = ansi256.exec(color);
	if (indexed) {
		const value = Number(indexed[1]);
		return type === 'foreground' ? chalk.ansi256(value)(text) : chalk.bgAnsi256(value)(text);
	}

	const triple = rgb.exec(color);
	if (triple) {
		const [red, green, blue] = [1, 2, 3].map((index) => Number(triple[index]));
		return type === 'foreground'
			? chalk.rgb(red!, green!, blue!)(text)
			: chalk.bgRgb(red!, green!, blue!)(text);
	}

	return text;
}

/** `text` in `style`. */
export function styled(text: string, style: Style | undefined): string {
	if (!style || text.length === 0) {
		return text;
	}

	let result = text;
	if (style.dimColor) {
		result = chalk.dim(result);
	}

	if (style.color) {
		result = colorize(result, style.color, 'foreground');
	}

	if (style.backgroundColor) {
		result = colorize(result, style.backgroundColor, 'background');
	}

	if (style.bold) {
		result = chalk.bold(result);
	}

	if (style.italic) {
		result = chalk.italic(result);
	}

	if (style.underline) {
		result = chalk.underline(result);
	}

	if (style.inverse) {
		result = chalk.inverse(result);
	}

	return result;
}

const texts = new WeakMap<DisplayLine, string>();

/**
 * A segment in its style, inside OSC 8 when it is (part of) a link: the renderer reads the link
 * as an attribute of the cells (render/cells.ts), as it reads the colours.
 */
function styledSegment(segment: Segment): string {
	const text = styled(segment.text, segment.style);
	return segment.link && text.length > 0 ? `${openLink(segment.link)}${text}${closeLink}` : text;
}

/** The line's segments, each in its style, as one string. */
export function styledText(line: DisplayLine): string {
	let text = texts.get(line);
	if (text === undefined) {
		text = line.segments.map((segment) => styledSegment(segment)).join('');
		texts.set(line, text);
	}

	return text;
}
