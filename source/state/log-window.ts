import type {DisplayLine, LogItem} from './log-lines.js';

/*
Which lines of the log are on screen, as a pure value. At the bottom the view follows new
messages. Anywhere else it is anchored on an item (a message) by its key: the window's top row is
`offset` lines below the start of that item (above it when negative). Older pages prepended above
and new messages appended below do not move the anchor, so nothing on screen jumps; when the
anchored item is gone (dropped from memory, a pending line confirmed) the view falls back to the
first item at or after its time.
*/

export type LogView =
	| {readonly kind: 'bottom'}
	| {
			readonly kind: 'anchored';
			readonly key: string;
			readonly time: number;
			readonly offset: number;
	  };

export const bottomView: LogView = {kind: 'bottom'};

export type LogLayout = {
	readonly items: readonly LogItem[];
	/** Rows of the window. */
	readonly height: number;
	/** The display lines of an item (cached by the caller). */
	readonly linesOf: (item: LogItem) => readonly DisplayLine[];
	/** False while the server has newer messages than the last one loaded: the end is not live. */
	readonly endIsLive?: boolean;
	/**
	 * Rows the window has at the bottom, when it differs from `height` (a line shown only while
	 * scrolled up, such as "N new ↓"): a view whose rest fits these rows is at the bottom.
	 */
	readonly bottomHeight?: number;
};

export type Position = {readonly index: number; readonly line: number};

export type LogWindow = {
	readonly lines: readonly DisplayLine[];
	/** The window's top row, undefined for an empty log. */
	readonly top: Position | undefined;
	/** The first item is (partly) on screen: time to load older messages. */
	readonly firstVisible: boolean;
	/** The last line of the log is on screen. */
	readonly lastVisible: boolean;
	/** Index of the last item (partly) on screen. */
	readonly bottomIndex: number;
};

const keyIndexes = new WeakMap<readonly LogItem[], Map<string, number>>();

function indexOfKey(items: readonly LogItem[], key: string): number | undefined {
	let indexes = keyIndexes.get(items);
	if (!indexes) {
		indexes = new Map(items.map((item, index) => [item.key, index]));
		keyIndexes.set(items, indexes);
	}

	return indexes.get(key);
}

function anchorIndex(items: readonly LogItem[], view: LogView & {kind: 'anchored'}): number {
	const byKey = indexOfKey(items, view.key);
	if (byKey !== undefined) {
		return byKey;
	}

	const byTime = items.findIndex((item) => item.kind !== 'edge' && item.time >= view.time);
	return byTime === -1 ? items.length - 1 : byTime;
}

const countOf = (layout: LogLayout, index: number) =>
	Math.max(1, layout.linesOf(layout.items[index]!).length);

/** `by` lines down (up when negative) from `from`, clamped to the first and the last line. */
export function move(layout: LogLayout, from: Position, by: number): Position {
	let {index, line} = from;
	let left = Math.abs(by);
	const last = layout.items.length - 1;
	if (by < 0) {
		while (left > 0) {
			if (line >= left) {
				line -= left;
				break;
			}

			left -= line + 1;
			if (index === 0) {
				line = 0;
				break;
			}

			index--;
			line = countOf(layout, index) - 1;
		}
	} else {
		while (left > 0) {
			const count = countOf(layout, index);
			if (line + left < count) {
				line += left;
				break;
			}

			left -= count - line;
			if (index === last) {
				line = count - 1;
				break;
			}

			index++;
			line = 0;
		}
	}

	return {index, line};
}

/** Lines from `from` to the end, counting no further than `max`. */
function linesFrom(layout: LogLayout, from: Position, max: number): number {
	let count = countOf(layout, from.index) - from.line;
	for (let index = from.index + 1; index < layout.items.length && count < max; index++) {
		count += countOf(layout, index);
	}

	return count;
}

/** The top row of the window that shows the last `height` lines. */
function bottomTop(layout: LogLayout): Position {
	const last = layout.items.length - 1;
	return move(layout, {index: last, line: countOf(layout, last) - 1}, -(layout.height - 1));
}

/** The window's top row for a view; an anchored view never leaves empty rows below the log. */
export function topOf(view: LogView, layout: LogLayout): Position | undefined {
	if (layout.items.length === 0) {
		return undefined;
	}

	if (view.kind === 'bottom') {
		return bottomTop(layout);
	}

	const top = move(layout, {index: anchorIndex(layout.items, view), line: 0}, view.offset);
	return linesFrom(layout, top, layout.height) < layout.height ? bottomTop(layout) : top;
}

/**
 * The view whose top row is `top`: anchored on the item there (on the first message when the top
 * is the history edge above it, which older pages replace), or the bottom when the rest of the
 * log fits the window.
 */
export function viewAt(layout: LogLayout, top: Position): LogView {
	const bottomHeight = layout.bottomHeight ?? layout.height;
	if (layout.endIsLive !== false && linesFrom(layout, top, bottomHeight + 1) <= bottomHeight) {
		return bottomView;
	}

	const {items} = layout;
	const item = items[top.index]!;
	if (item.kind === 'edge' && top.index + 1 < items.length) {
		const next = items[top.index + 1]!;
		return {
			kind: 'anchored',
			key: next.key,
			time: next.time,
			offset: top.line - countOf(layout, top.index),
		};
	}

	return {kind: 'anchored', key: item.key, time: item.time, offset: top.line};
}

/** Scroll by `lines` (negative: up, toward older). Reaching the bottom follows again. */
export function scrollView(view: LogView, layout: LogLayout, lines: number): LogView {
	const top = topOf(view, layout);
	if (top === undefined || (view.kind === 'bottom' && lines >= 0)) {
		return view;
	}

	return viewAt(layout, move(layout, top, lines));
}

/** The very top of what is loaded. */
export function topView(layout: LogLayout): LogView {
	return layout.items.length === 0 ? bottomView : viewAt(layout, {index: 0, line: 0});
}

/**
 * The view from the item `key` on: that item on the top row, or the bottom when everything from
 * it on fits the window (the unread marker's place when the chat opens).
 */
export function viewFrom(layout: LogLayout, key: string): LogView {
	const index = indexOfKey(layout.items, key);
	return index === undefined ? bottomView : viewAt(layout, {index, line: 0});
}

/** The item `key` on screen, a third of the window down, for a search match. */
export function viewOnItem(layout: LogLayout, key: string): LogView {
	const index = indexOfKey(layout.items, key);
	if (index === undefined) {
		return bottomView;
	}

	return viewAt(layout, move(layout, {index, line: 0}, -Math.floor(layout.height / 3)));
}

/** The lines on screen for a view, and where the window sits in the log. */
export function viewWindow(view: LogView, layout: LogLayout): LogWindow {
	const top = topOf(view, layout);
	if (top === undefined) {
		return {lines: [], top, firstVisible: true, lastVisible: true, bottomIndex: -1};
	}

	const lines: DisplayLine[] = [];
	let {index} = top;
	let from = top.line;
	for (; index < layout.items.length && lines.length < layout.height; index++) {
		const itemLines = layout.linesOf(layout.items[index]!);
		lines.push(...itemLines.slice(from, from + layout.height - lines.length));
		from = 0;
	}

	return {
		lines,
		top,
		firstVisible: top.index === 0,
		lastVisible: linesFrom(layout, top, layout.height + 1) <= layout.height,
		bottomIndex: index - 1,
	};
}
