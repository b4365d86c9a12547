import {fill, type Labels} from '../look/i18n.js';
import type {TimeFormat} from '../look/display.js';
import type {Glyphs} from '../look/glyphs.js';
import type {Style, Theme} from '../look/theme.js';
import {maxMessageLines, needsQuotes} from './display-rules.js';
import {highlightText, mentionFinder, type Finder} from './highlight.js';
import type {LogItem} from './log-items.js';
import {findLinks, linkRanges, withLinks, type Link} from './links.js';
import {padEnd, textWidth, truncate, wrapText} from './wrap.js';

export {
	buildLogItems,
	edgeItem,
	withUnreadMarker,
	type HistoryEdge,
	type LogItem,
} from './log-items.js';

/*
The log as display lines: every item (message, notice, pending line, date separator) is turned
into lines of styled segments no wider than the pane. Pure, and cached per item and width, so a
frame only formats what it has not seen.
*/

export type Segment = {
	readonly text: string;
	readonly style?: Style;
	/** A web link the segment is (part of): drawn as an OSC 8 hyperlink, underlined. */
	readonly link?: Link;
};
export type DisplayLine = {readonly key: string; readonly segments: readonly Segment[]};

export type FormatContext = {
	readonly userId: string;
	readonly username: string;
	readonly labels: Labels;
	readonly showTime: boolean;
	/** HH:MM (the default) or HH:MM:SS. */
	readonly timeFormat?: TimeFormat;
	readonly theme: Theme;
	readonly glyphs: Glyphs;
	/** Web links in messages become terminal hyperlinks (off: `--no-links`, TERM=dumb/linux). */
	readonly links?: boolean;
};

/** Longest name shown in the log, in cells. */
const nameCells = 16;

const two = (value: number) => String(value).padStart(2, '0');

export function formatClock(time: number, seconds = false): string {
	const date = new Date(time);
	const clock = `${two(date.getHours())}:${two(date.getMinutes())}`;
	return seconds ? `${clock}:${two(date.getSeconds())}` : clock;
}

export function formatDate(time: number, lang: 'en' | 'zh'): string {
	const date = new Date(time);
	if (lang === 'zh') {
		return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
	}

	return date.toLocaleDateString('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
	});
}

/**
 * Lay `head` segments, then `body` wrapped after them with continuation lines indented; what
 * `mark` matches in the body (a mention of the user) is styled, and with `links` its web links
 * are links.
 */
function layout(
	key: string,
	head: Segment[],
	body: {
		readonly text: string;
		readonly style?: Style;
		readonly mark?: Finder;
		readonly links?: boolean;
	},
	{width, context}: {readonly width: number; readonly context: FormatContext},
) {
	const {theme, glyphs} = context;
	const {style: bodyStyle, mark} = body;
	const headWidth = cellsOf(head);
	const indent = headWidth <= width / 2 ? headWidth : 2;
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

const linkStyle: Style = {underline: true};

const cellsOf = (segments: readonly Segment[]) =>
	segments.reduce((sum, segment) => sum + textWidth(segment.text), 0);

function timeSegment(time: number, context: FormatContext): Segment[] {
	return context.showTime
		? [
				{
					text: `${formatClock(time, context.timeFormat === 'HH:MM:SS')} `,
					style: context.theme.time,
				},
			]
		: [];
}

/**
 * A name cut to at most `nameCells`, and shorter in a narrow pane: the head (time, name and
 * marks, `otherCells` without the name) takes at most two thirds of the width, so it never
 * overflows the line and the text keeps room beside it.
 */
function fitName(name: string, width: number, otherCells: number, ellipsis: string): string {
	const cells = Math.max(1, Math.min(nameCells, Math.floor((width * 2) / 3) - otherCells));
	return truncate(name, cells, ellipsis);
}

/** The time, the name, the own marker, and the gap before the text, for a line `width` wide. */
function nameSegments(
	name: string,
	own: boolean,
	context: FormatContext,
	line: {readonly time: Segment[]; readonly width: number},
): Segment[] {
	const marker = own ? ` (${context.labels.me})` : '';
	const {theme, glyphs} = context;
	const otherCells = cellsOf(line.time) + textWidth(marker) + 2;
	const shown = fitName(name, line.width, otherCells, glyphs.ellipsis);
	const segments: Segment[] = [...line.time, {text: shown, style: theme.name(name, own)}];
	if (own) {
		segments.push({text: marker, style: theme.ownMarker});
	}

	segments.push({text: '  '});
	return segments;
}

/** ` text ` between rules, as wide as `width`. */
function centered(text: string, width: number, glyphs: Glyphs): string {
	const label = ` ${truncate(text, Math.max(1, width - 2), glyphs.ellipsis)} `;
	const side = Math.max(0, Math.floor((width - textWidth(label)) / 2));
	const rule = glyphs.text('─').repeat(side);
	return padEnd(`${rule}${label}${rule}`, width, glyphs.ellipsis);
}

/** A message's lines: a system notice, a `/me` action, or a name and the text. */
function messageLines(
	item: Extract<LogItem, {kind: 'message'}>,
	width: number,
	context: FormatContext,
): DisplayLine[] {
	const {message} = item;
	const {theme, glyphs} = context;
	if (message.type === 'system') {
		const head = [
			...timeSegment(message.time, context),
			{text: `-!- ${context.labels.system}: `, style: theme.systemMarker},
		];
		return layout(
			item.key,
			head,
			{text: message.content, style: theme.systemText},
			{width, context},
		);
	}

	const own = message.senderId !== undefined && message.senderId === context.userId;
	// A name that was empty (or nothing but control characters) shows as unknown too.
	const sender =
		message.sender === undefined || message.sender.length === 0
			? context.labels.unknownSender
			: message.sender;
	const name = needsQuotes(sender, context.labels.system) ? glyphs.text(`“${sender}”`) : sender;
	const action = actionText(message.content);
	if (action !== undefined) {
		const time = timeSegment(message.time, context);
		const actionHead = [
			...time,
			{text: '* '},
			{
				text: fitName(name, width, cellsOf(time) + 3, glyphs.ellipsis),
				style: theme.name(name, own),
			},
			{text: ' '},
		];
		const mark = own ? undefined : mentionFinder(context.username);
		return layout(
			item.key,
			actionHead,
			{text: action, style: theme.action, mark, links: context.links},
			{width, context},
		);
	}

	const head = nameSegments(name, own, context, {
		time: timeSegment(message.time, context),
		width,
	});
	const mark = own ? undefined : mentionFinder(context.username);
	return layout(
		item.key,
		head,
		{text: message.content, mark, links: context.links},
		{width, context},
	);
}

export function formatItem(
	item: LogItem,
	width: number,
	context: FormatContext,
	lang: 'en' | 'zh',
): DisplayLine[] {
	const {theme, glyphs} = context;
	switch (item.kind) {
		case 'edge': {
			const {labels} = context;
			const text =
				item.edge === 'start'
					? labels.historyStart
					: item.edge === 'failed'
						? labels.olderFailed
						: labels.loadingOlder;
			return [
				{key: item.key, segments: [{text: centered(text, width, glyphs), style: theme.hint}]},
			];
		}

		case 'unread': {
			const label = fill(context.labels.unreadMarker, {n: item.count});
			return [
				{key: item.key, segments: [{text: centered(label, width, glyphs), style: theme.unread}]},
			];
		}

		case 'date': {
			const label = formatDate(item.time, lang);
			return [
				{
					key: item.key,
					segments: [{text: centered(label, width, glyphs), style: theme.dateSeparator}],
				},
			];
		}

		case 'message': {
			return messageLines(item, width, context);
		}

		case 'notice': {
			const {notice} = item;
			const error = notice.level === 'error';
			const head = [
				...timeSegment(notice.time, context),
				{text: '-!- ', style: error ? theme.errorMarker : theme.infoMarker},
			];
			const style = error ? theme.errorText : undefined;
			return layout(item.key, head, {text: notice.text, style}, {width, context});
		}

		case 'pending': {
			const {line} = item;
			const {labels} = context;
			const marker =
				line.status === 'failed'
					? labels.failed
					: line.status === 'queued'
						? labels.queued
						: labels.sending;
			const head = nameSegments(context.username, true, context, {
				time: timeSegment(line.createdAt, context),
				width,
			});
			const style = line.status === 'failed' ? theme.failed : theme.pending;
			return layout(
				item.key,
				head,
				{text: `${line.content}  (${marker})`, style},
				{width, context},
			);
		}
	}
}

/** The action of a `/me <action>` line, the convention other clients show as it is. */
export function actionText(content: string): string | undefined {
	return content.startsWith('/me ') ? content.slice(4) : undefined;
}

/** Formatted lines by item: weak, so that items gone from the log take their lines with them. */
export type LineCache = WeakMap<LogItem, readonly DisplayLine[]>;
