import type {Labels} from '../i18n.js';
import {theme, type Style} from '../theme.js';
import {impersonatesSystem, maxMessageLines} from './display-rules.js';
import type {Notice, PendingLine} from './chat-state.js';
import {highlightText, mentionPattern} from './highlight.js';
import type {StoredMessage} from './merge.js';
import {padEnd, textWidth, truncate, wrapText} from './wrap.js';

/*
The log as display lines: every item (message, notice, pending line, date separator) is turned
into lines of styled segments no wider than the pane. Pure, and cached per item and width, so a
frame only formats what it has not seen.
*/

export type Segment = {readonly text: string; readonly style?: Style};
export type DisplayLine = {readonly key: string; readonly segments: readonly Segment[]};

export type LogItem =
	| {
			readonly kind: 'message';
			readonly key: string;
			readonly time: number;
			readonly message: StoredMessage;
	  }
	| {readonly kind: 'notice'; readonly key: string; readonly time: number; readonly notice: Notice}
	| {
			readonly kind: 'pending';
			readonly key: string;
			readonly time: number;
			readonly line: PendingLine;
	  }
	| {readonly kind: 'date'; readonly key: string; readonly time: number}
	| {
			readonly kind: 'edge';
			readonly key: string;
			readonly time: number;
			readonly edge: HistoryEdge;
	  };

/** What lies above the oldest message loaded: more (loading), nothing, or a failed load. */
export type HistoryEdge = 'loading' | 'start' | 'failed';

export type FormatContext = {
	readonly userId: string;
	readonly username: string;
	readonly labels: Labels;
	readonly showTime: boolean;
};

/** Longest name shown in the log, in cells. */
const nameCells = 16;

const dayOf = (time: number) => {
	const date = new Date(time);
	return date.getFullYear() * 10_000 + date.getMonth() * 100 + date.getDate();
};

/** The line above the oldest message loaded: "loading…", "beginning of history". */
export const edgeItem = (edge: HistoryEdge, firstTime = 0): LogItem => ({
	kind: 'edge',
	key: `edge:${edge}`,
	time: firstTime,
	edge,
});

/** Messages and notices by time, pending lines last, a date separator where the day changes. */
export function buildLogItems(
	messages: readonly StoredMessage[],
	notices: readonly Notice[],
	pending: readonly PendingLine[],
	clearedBefore = 0,
): LogItem[] {
	const items: LogItem[] = [];
	let day: number | undefined;
	const push = (item: LogItem) => {
		const itemDay = dayOf(item.time);
		if (day !== undefined && itemDay !== day) {
			items.push({kind: 'date', key: `date:${itemDay}`, time: item.time});
		}

		day = itemDay;
		items.push(item);
	};

	let n = 0;
	for (const message of messages) {
		if (message.seq < clearedBefore) {
			continue;
		}

		while (n < notices.length && notices[n]!.time < message.time) {
			const notice = notices[n++]!;
			push({kind: 'notice', key: `notice:${notice.id}`, time: notice.time, notice});
		}

		push({kind: 'message', key: message.key, time: message.time, message});
	}

	for (const notice of notices.slice(n)) {
		push({kind: 'notice', key: `notice:${notice.id}`, time: notice.time, notice});
	}

	for (const line of pending) {
		push({
			kind: 'pending',
			key: `pending:${line.localId}:${line.status}`,
			time: line.createdAt,
			line,
		});
	}

	return items;
}

const two = (value: number) => String(value).padStart(2, '0');

export function formatClock(time: number): string {
	const date = new Date(time);
	return `${two(date.getHours())}:${two(date.getMinutes())}`;
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
 * `mark` matches in the body (a mention of the user) is styled.
 */
function layout(
	key: string,
	head: Segment[],
	body: {readonly text: string; readonly style?: Style; readonly mark?: RegExp},
	width: number,
) {
	const {style: bodyStyle, mark} = body;
	const headWidth = cellsOf(head);
	const indent = headWidth <= width / 2 ? headWidth : 2;
	const all = wrapText(body.text, Math.max(1, width - headWidth), Math.max(1, width - indent));
	// A message never takes more than `maxMessageLines` rows: a flood of newlines cannot push
	// everything else off the screen.
	const hidden = all.length > maxMessageLines ? all.length - (maxMessageLines - 1) : 0;
	const wrapped = hidden > 0 ? all.slice(0, maxMessageLines - 1) : all;
	const lines = wrapped.map((text, index): DisplayLine => {
		const styled = mark
			? highlightText(text, mark, theme.mention, bodyStyle)
			: [{text, style: bodyStyle}];
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
					text: truncate(`… (${hidden} more lines)`, Math.max(1, width - indent)),
					style: theme.hint,
				},
			],
		});
	}

	return lines;
}

const cellsOf = (segments: readonly Segment[]) =>
	segments.reduce((sum, segment) => sum + textWidth(segment.text), 0);

function timeSegment(time: number, context: FormatContext): Segment[] {
	return context.showTime ? [{text: `${formatClock(time)} `, style: theme.time}] : [];
}

/**
 * A name cut to at most `nameCells`, and shorter in a narrow pane: the head (time, name and
 * marks, `otherCells` without the name) takes at most two thirds of the width, so it never
 * overflows the line and the text keeps room beside it.
 */
function fitName(name: string, width: number, otherCells: number): string {
	return truncate(name, Math.max(1, Math.min(nameCells, Math.floor((width * 2) / 3) - otherCells)));
}

/** The time, the name, the own marker, and the gap before the text, for a line `width` wide. */
function nameSegments(
	name: string,
	own: boolean,
	context: FormatContext,
	line: {readonly time: Segment[]; readonly width: number},
): Segment[] {
	const marker = own ? ` (${context.labels.me})` : '';
	const shown = fitName(name, line.width, cellsOf(line.time) + textWidth(marker) + 2);
	const segments: Segment[] = [...line.time, {text: shown, style: theme.name(name, own)}];
	if (own) {
		segments.push({text: marker, style: theme.ownMarker});
	}

	segments.push({text: '  '});
	return segments;
}

/** ` text ` between rules, as wide as `width`. */
function centered(text: string, width: number): string {
	const label = ` ${truncate(text, Math.max(1, width - 2))} `;
	const side = Math.max(0, Math.floor((width - textWidth(label)) / 2));
	return padEnd(`${'─'.repeat(side)}${label}${'─'.repeat(side)}`, width);
}

export function formatItem(
	item: LogItem,
	width: number,
	context: FormatContext,
	lang: 'en' | 'zh',
): DisplayLine[] {
	switch (item.kind) {
		case 'edge': {
			const {labels} = context;
			const text =
				item.edge === 'start'
					? labels.historyStart
					: item.edge === 'failed'
						? labels.olderFailed
						: labels.loadingOlder;
			return [{key: item.key, segments: [{text: centered(text, width), style: theme.hint}]}];
		}

		case 'date': {
			const label = formatDate(item.time, lang);
			return [
				{key: item.key, segments: [{text: centered(label, width), style: theme.dateSeparator}]},
			];
		}

		case 'message': {
			const {message} = item;
			if (message.type === 'system') {
				const head = [
					...timeSegment(message.time, context),
					{text: `-!- ${context.labels.system}: `, style: theme.systemMarker},
				];
				return layout(item.key, head, {text: message.content, style: theme.systemText}, width);
			}

			const own = message.senderId !== undefined && message.senderId === context.userId;
			// A name that was empty (or nothing but control characters) shows as unknown too.
			const sender =
				message.sender === undefined || message.sender.length === 0
					? context.labels.unknownSender
					: message.sender;
			const name = impersonatesSystem(sender, context.labels.system) ? `“${sender}”` : sender;
			const action = actionText(message.content);
			if (action !== undefined) {
				const time = timeSegment(message.time, context);
				const actionHead = [
					...time,
					{text: '* '},
					{text: fitName(name, width, cellsOf(time) + 3), style: theme.name(name, own)},
					{text: ' '},
				];
				const mark = own ? undefined : mentionPattern(context.username);
				return layout(item.key, actionHead, {text: action, style: theme.action, mark}, width);
			}

			const head = nameSegments(name, own, context, {
				time: timeSegment(message.time, context),
				width,
			});
			const mark = own ? undefined : mentionPattern(context.username);
			return layout(item.key, head, {text: message.content, mark}, width);
		}

		case 'notice': {
			const {notice} = item;
			const error = notice.level === 'error';
			const head = [
				...timeSegment(notice.time, context),
				{text: '-!- ', style: error ? theme.errorMarker : theme.infoMarker},
			];
			const style = error ? theme.errorText : undefined;
			return layout(item.key, head, {text: notice.text, style}, width);
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
			return layout(item.key, head, {text: `${line.content}  (${marker})`, style}, width);
		}
	}
}

/** The action of a `/me <action>` line, the convention other clients show as it is. */
export function actionText(content: string): string | undefined {
	return content.startsWith('/me ') ? content.slice(4) : undefined;
}

export type LineCache = Map<string, readonly DisplayLine[]>;
