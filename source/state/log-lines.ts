import {fill, type Labels} from '../look/i18n.js';
import type {TimeFormat} from '../look/display.js';
import type {Glyphs} from '../look/glyphs.js';
import type {Theme} from '../look/theme.js';
import {needsQuotes} from './display-rules.js';
import {mentionFinder} from './highlight.js';
import type {LogItem} from './log-items.js';
import {cellsOf, centered, layout, type DisplayLine, type Segment} from './log-layout.js';
import {columnCells, markerColumn, nameColumn, textColumn} from './nick-column.js';
import {truncate} from './wrap.js';

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

export type {DisplayLine, Segment} from './log-layout.js';

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

/** Longest name an action (`* name waves`) shows, in cells. */
const actionNameCells = 16;

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

/** The time, then the name column (the own marker in it), for a line `width` wide. */
function nameHead(
	name: string,
	own: boolean,
	context: FormatContext,
	line: {readonly time: Segment[]; readonly width: number},
): Segment[] {
	const {theme, glyphs, labels} = context;
	const cells = columnCells(line.width, cellsOf(line.time));
	const marker = own ? {text: ` (${labels.me})`, style: theme.ownMarker} : undefined;
	return [
		...line.time,
		...nameColumn({text: name, style: theme.name(name, own)}, marker, cells, glyphs.ellipsis),
	];
}

/** A line's look: its width, and where its text starts. */
function lineLook(width: number, time: Segment[], context: FormatContext) {
	const timeCells = cellsOf(time);
	const cells = columnCells(width, timeCells);
	return {
		width,
		cells,
		indent: textColumn(timeCells, cells),
		theme: context.theme,
		glyphs: context.glyphs,
	};
}

/** A message's lines: a system notice, a `/me` action, or a name and the text. */
function messageLines(
	item: Extract<LogItem, {kind: 'message'}>,
	width: number,
	context: FormatContext,
): DisplayLine[] {
	const {message} = item;
	const {theme, glyphs} = context;
	const time = timeSegment(message.time, context);
	const look = lineLook(width, time, context);
	if (message.type === 'system') {
		const head = [
			...time,
			...markerColumn('-!-', theme.systemMarker, look.cells),
			{text: `${context.labels.system}: `, style: theme.systemMarker},
		];
		return layout(item.key, head, {text: message.content, style: theme.systemText}, look);
	}

	const own = message.senderId !== undefined && message.senderId === context.userId;
	// A name that was empty (or nothing but control characters) shows as unknown too.
	const sender =
		message.sender === undefined || message.sender.length === 0
			? context.labels.unknownSender
			: message.sender;
	const name = needsQuotes(sender, context.labels.system) ? glyphs.text(`“${sender}”`) : sender;
	const mark = own ? undefined : mentionFinder(context.username);
	const action = actionText(message.content);
	if (action !== undefined) {
		// ` * alice waves`: the star in the column, the name where the text starts.
		const nameCells = Math.max(1, Math.min(actionNameCells, width - look.indent - 2));
		const head = [
			...time,
			...markerColumn('*', undefined, look.cells),
			{text: truncate(name, nameCells, glyphs.ellipsis), style: theme.name(name, own)},
			{text: ' '},
		];
		const body = {text: action, style: theme.action, mark, links: context.links};
		return layout(item.key, head, body, look);
	}

	const head = nameHead(name, own, context, {time, width});
	return layout(item.key, head, {text: message.content, mark, links: context.links}, look);
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
			const time = timeSegment(notice.time, context);
			const look = lineLook(width, time, context);
			const marker = error ? theme.errorMarker : theme.infoMarker;
			const head = [...time, ...markerColumn('-!-', marker, look.cells)];
			const style = error ? theme.errorText : undefined;
			return layout(item.key, head, {text: notice.text, style}, look);
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
			const time = timeSegment(line.createdAt, context);
			const head = nameHead(context.username, true, context, {time, width});
			const style = line.status === 'failed' ? theme.failed : theme.pending;
			const body = {text: `${line.content}  (${marker})`, style};
			return layout(item.key, head, body, lineLook(width, time, context));
		}
	}
}

/** The action of a `/me <action>` line, the convention other clients show as it is. */
export function actionText(content: string): string | undefined {
	return content.startsWith('/me ') ? content.slice(4) : undefined;
}

/** Formatted lines by item: weak, so that items gone from the log take their lines with them. */
export type LineCache = WeakMap<LogItem, readonly DisplayLine[]>;
