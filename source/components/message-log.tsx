import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {DisplayLine} from '../state/log-lines.js';
import {truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';
import {styledText} from './styled-text.js';

export type MessageLogProps = {
	/** The lines on screen, top to bottom (see hooks/use-log-window.ts). */
	readonly lines: readonly DisplayLine[];
	readonly width: number;
	readonly height: number;
	/** A line shown at the top of the pane, e.g. "loading…" while history loads. */
	readonly banner?: string;
	/** A line shown at the bottom of the pane: focus, search, "N new ↓ (End)". */
	readonly footer?: ReactNode;
};

/**
 * The message log: a box of fixed height holding only the lines that fit, the newest at the
 * bottom when there are fewer than the pane holds.
 */
export function MessageLog({lines, width, height, banner, footer}: MessageLogProps) {
	const {theme, glyphs} = useDisplay();
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{banner ? (
				<Text wrap="truncate-end" {...theme.hint}>
					{truncate(banner, width, glyphs.ellipsis)}
				</Text>
			) : null}
			<Box flexDirection="column" flexGrow={1} justifyContent="flex-end" overflow="hidden">
				{/* One text of all the lines, each styled as Ink's <Text> would: a node per line
				costs React, Yoga and Ink far more, most of all in the first frame. */}
				<Text>{lines.map((line) => styledText(line)).join('\n')}</Text>
			</Box>
			{footer}
		</Box>
	);
}
