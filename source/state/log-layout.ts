import type {Glyphs} from '../look/glyphs.js';
import type {Style, Theme} from '../look/theme.js';
import {maxMessageLines} from './display-rules.js';
import {highlightText, type Finder} from './highlight.js';
import {findLinks, linkRanges, withLinks, type Link} from './links.js';
import {padEnd, textWidth, truncate, wrapText} from './wrap.js';

/*
How one log item becomes lines: a head (time, name column) and a body wrapped beside it, each
continuation line indented to where the body started, so that text reads in one column.
*/

export type Segment = {
	readonly text: string;
	readonly style?: Style;
	/** A web link the segment is (part of): drawn as an OSC 8 hyperlink, underlined. */
	readonly link?: Link;
};
export type DisplayLine = {readonly key: string; readonly segments: readonly Segment[]};

export type Body = {
	readonly text: string;
	readonly style?: Style;
	/** What to mark in the text (a mention of the user). */
	readonly mark?: Finder;
	/** Web links in the text become links. */
	readonly links?: boolean;
};

export const cellsOf = (segments: readonly Segment[]) =>
	segments.reduce((sum, segment) => sum + textWidth(segment.text), 0);

const linkStyle: Style = {underline: true};

/**
 * Lay `head` segments, then `body` wrapped after them with continuation lines indented by
 * `indent` cells (the text column; by default the head's width, or 2 where the head takes more
 * than half the line). What `mark` matches in the body is styled, and with `links` its web
 * links are links.
 */
export function layout(
	key: string,
	head: readonly Segment[],
	body: Body,
	look: {
		readonly width: number;
		readonly theme: Theme;
		readonly glyphs: Glyphs;
		readonly indent?: number;
	},
): DisplayLine[] {
	const {width, theme, glyphs} = look;
	const {style: bodyStyle, mark} = body;
	const headWidth = cellsOf(head);
	const wanted = look.indent ?? headWidth;
	const indent = wanted <= width / 2 ? wanted : 2;
	const all = wrapText(body.text, Math.max(1, width - headWidth), Math.max(1, width - indent));
	// A message never takes more than `maxMessageLines` rows: a flood of newlines cannot push
	// everything else off the screen.
	const hidden = all.length > maxMessageLines ? all.length - (maxMessageLines - 1) : 0;
	const wrapped = hidden > 0 ? all.slice(0, maxMessageLines - 1) : all;
	const found = body.links ? findLinks(body.text) : [];
	const ranges = found.length > 0 ? linkRanges(wrapped, body.text, found, key) : undefined;
	const lines = wrapped.map((text, index): DisplayLine => {
		const marked = mark
			? highlightText(text, mark, theme.mention, bodyStyle)
			: [{text, style: bodyStyle}];
		const styled = ranges ? withLinks<Style>(marked, ranges[index]!, linkStyle) : marked;
		return {
			key: `${key}#${index}`,
			segments: index === 0 ? [...head, ...styled] : [{text: ' '.repeat(indent)}, ...styled],
		};
	});
	if (hidden > 0) {
		lines.push({
			key: `${key}#more`,
			segments: [
				{text: ' '.repeat(indent)},
				{
					text: truncate(
						glyphs.text(`… (${hidden} more lines)`),
						Math.max(1, width - indent),
						glyphs.ellipsis,
					),
					style: theme.hint,
				},
			],
		});
	}

	return lines;
}

/** ` text ` between rules, as wide as `width`. */
export function centered(text: string, width: number, glyphs: Glyphs): string {
	const label = ` ${truncate(text, Math.max(1, width - 2), glyphs.ellipsis)} `;
	const side = Math.max(0, Math.floor((width - textWidth(label)) / 2));
	const rule = glyphs.text('─').repeat(side);
	return padEnd(`${rule}${label}${rule}`, width, glyphs.ellipsis);
}
