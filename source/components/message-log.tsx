import {Box, Text} from 'ink';
import {useMemo, useRef} from 'react';
import type {Lang} from '../options.js';
import {type FormatContext, type LineCache, type LogItem, windowLines} from '../state/log-lines.js';
import {theme} from '../theme.js';
import {StyledLine} from './styled-line.js';

export type MessageLogProps = {
	readonly items: readonly LogItem[];
	readonly width: number;
	readonly height: number;
	/** Lines scrolled up from the bottom; 0 follows new messages. */
	readonly scrollOffset: number;
	readonly context: FormatContext;
	readonly lang: Lang;
	/** A line shown at the top of the pane, e.g. "loading…" while history loads. */
	readonly banner?: string;
};

/**
 * The message log, windowed by hand: only the lines that fit are formatted and drawn, in a box
 * of fixed height, so a long history costs nothing per frame.
 */
export function MessageLog({
	items,
	width,
	height,
	scrollOffset,
	context,
	lang,
	banner,
}: MessageLogProps) {
	// Formatted lines per item, valid for one width and one way of formatting.
	const cache = useRef<{signature: string; lines: LineCache}>({signature: '', lines: new Map()});
	const signature = `${width}|${context.userId}|${context.username}|${context.showTime}|${lang}`;
	if (cache.current.signature !== signature) {
		cache.current = {signature, lines: new Map()};
	}

	const bodyHeight = banner ? height - 1 : height;
	const {lines} = useMemo(
		() =>
			windowLines(items, {
				width,
				height: bodyHeight,
				offset: scrollOffset,
				context,
				lang,
				cache: cache.current.lines,
			}),
		[items, width, bodyHeight, scrollOffset, context, lang],
	);

	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{banner ? (
				<Text wrap="truncate-end" {...theme.hint}>
					{banner}
				</Text>
			) : null}
			<Box flexDirection="column" flexGrow={1} justifyContent="flex-end">
				{lines.map((line) => (
					<StyledLine key={line.key} line={line} />
				))}
			</Box>
		</Box>
	);
}
