import {Box, Text} from 'ink';
import {type LineState, viewLine} from '../state/line-editor.js';
import {textWidth} from '../state/wrap.js';
import {theme} from '../theme.js';

export type InputLineProps = {
	readonly line: LineState;
	readonly width: number;
	readonly prompt?: string;
	readonly placeholder?: string;
	readonly focused?: boolean;
};

/** The one-line input: a prompt, the text scrolled to keep the cursor in view, the cursor. */
export function InputLine({
	line,
	width,
	prompt = '> ',
	placeholder,
	focused = true,
}: InputLineProps) {
	const room = Math.max(1, width - textWidth(prompt));
	const view = viewLine(line, room);
	const showPlaceholder = line.value.length === 0 && placeholder !== undefined;
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end">
				<Text {...(focused ? theme.prompt : theme.hint)}>{prompt}</Text>
				{showPlaceholder ? (
					<>
						<Text inverse={focused}> </Text>
						<Text {...theme.hint}>{placeholder.slice(0, Math.max(0, room - 1))}</Text>
					</>
				) : (
					<>
						{view.before}
						<Text inverse={focused}>{view.atCursor}</Text>
						{view.after}
					</>
				)}
			</Text>
		</Box>
	);
}
