import {Text} from 'ink';
import type {DisplayLine} from '../state/log-lines.js';

/** One display line: its segments in their styles, never wrapped by Ink (it already fits). */
export function StyledLine({line}: {readonly line: DisplayLine}) {
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
