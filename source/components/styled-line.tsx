import {Text} from 'ink';
import {memo} from 'react';
import type {DisplayLine} from '../state/log-lines.js';

/**
 * One display line: its segments in their styles, never wrapped by Ink (it already fits). Lines
 * are made once per message and kept, so a line already on screen is not rendered again.
 */
function Line({line}: {readonly line: DisplayLine}) {
	return (
		<Text wrap="truncate-end">
			{line.segments.map((segment, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} {...segment.style}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}

export const StyledLine = memo(Line);
