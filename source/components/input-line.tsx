import {Box, Text} from 'ink';
import {type LineState, viewLine} from '../state/line-editor.js';
import {graphemes, textWidth, truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';

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
	const {theme, glyphs} = useDisplay();
	const room = Math.max(1, width - textWidth(prompt));
	const view = viewLine(line, room);
	const showPlaceholder = line.value.length === 0 && Boolean(placeholder);
	const [placeholderHead = ' ', ...placeholderTail] = graphemes(
		truncate(placeholder ?? '', room, glyphs.ellipsis),
	);
	const placeholderRest = placeholderTail.join('');
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end">
				<Text {...(focused ? theme.prompt : theme.hint)}>{prompt}</Text>
				{showPlaceholder ? (
					// The cursor sits on the placeholder's first character, which is dimmed.
					<>
						<Text inverse={focused} {...theme.hint}>
							{placeholderHead}
						</Text>
						<Text {...theme.hint}>{placeholderRest}</Text>
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
