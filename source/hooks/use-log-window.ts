import {useMemo, useRef} from 'react';
import type {Lang} from '../look/i18n.js';
import {highlightLines, matchesOf, searchPattern} from '../state/highlight.js';
import {
	formatItem,
	type DisplayLine,
	type FormatContext,
	type LineCache,
	type LogItem,
} from '../state/log-lines.js';
import {viewWindow, type LogLayout, type LogView, type LogWindow} from '../state/log-window.js';

export type LogWindowOptions = {
	readonly items: readonly LogItem[];
	readonly width: number;
	readonly height: number;
	readonly context: FormatContext;
	readonly lang: Lang;
	readonly view: LogView;
	readonly endIsLive: boolean;
	/** Rows the window has at the bottom, when it differs from `height`. */
	readonly bottomHeight?: number;
	/** Search matches to highlight: the query, the keys of the matching items, the current one. */
	readonly search?: {
		readonly query: string;
		readonly matches: ReadonlySet<string>;
		readonly current: string | undefined;
	};
};

const itemKeyOf = (line: DisplayLine) => line.key.replace(/#\d+$/, '');

/**
 * The log's layout (for scrolling) and the window on screen. Items are formatted only when they
 * come into view, once per width and way of formatting.
 */
export function useLogWindow(options: LogWindowOptions): {
	layout: LogLayout;
	window: LogWindow;
	lines: readonly DisplayLine[];
} {
	const {items, width, height, context, lang, view, endIsLive, search, bottomHeight} = options;
	const cache = useRef<{width: number; lang: Lang; context?: FormatContext; lines: LineCache}>({
		width: 0,
		lang,
		lines: new WeakMap(),
	});
	// Lines are kept per width, language and context (user, labels, theme, glyphs: a new context
	// object is a new way of formatting).
	const {current} = cache;
	if (current.width !== width || current.lang !== lang || current.context !== context) {
		cache.current = {width, lang, context, lines: new WeakMap()};
	}

	const {lines: cached} = cache.current;
	const layout = useMemo<LogLayout>(
		() => ({
			items,
			height: Math.max(1, height),
			bottomHeight: Math.max(1, bottomHeight ?? height),
			endIsLive,
			linesOf(item) {
				let lines = cached.get(item);
				if (!lines) {
					lines = formatItem(item, width, context, lang);
					cached.set(item, lines);
				}

				return lines;
			},
		}),
		[items, height, bottomHeight, endIsLive, cached, width, context, lang],
	);
	const window = useMemo(() => viewWindow(view, layout), [view, layout]);
	const lines = useMemo(() => {
		const pattern = search ? searchPattern(search.query) : undefined;
		if (!search || !pattern) {
			return window.lines;
		}

		const find = matchesOf(pattern);
		return window.lines.map((line) => {
			const key = itemKeyOf(line);
			if (!search.matches.has(key)) {
				return line;
			}

			const {theme} = context;
			const style = key === search.current ? theme.searchCurrent : theme.searchMatch;
			return highlightLines([line], find, style)[0]!;
		});
	}, [window, search, context]);
	return {layout, window, lines};
}
