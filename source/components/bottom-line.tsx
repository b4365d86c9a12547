import {Text} from 'ink';
import type {Labels} from '../look/i18n.js';
import type {LineState} from '../state/line-editor.js';
import type {ScreenState} from '../state/screen-state.js';
import {useDisplay} from './display-context.js';
import {InputLine} from './input-line.js';

/** The input line, the search prompt in its place, or the question before quitting. */
export function BottomLine(props: {
	readonly screen: ScreenState;
	readonly unsent: number;
	readonly line: LineState;
	readonly width: number;
	readonly labels: Labels;
	readonly inputFocused: boolean;
}) {
	const {screen, labels} = props;
	const {theme} = useDisplay();
	const focused = props.inputFocused && screen.help === undefined;
	if (screen.confirmingQuit) {
		return (
			<Text wrap="truncate-end" {...theme.statusWarn}>
				{props.unsent} {labels.unsentQuit}
			</Text>
		);
	}

	return screen.prompting ? (
		<InputLine line={props.line} width={props.width} prompt={labels.searchPrompt} />
	) : (
		<InputLine
			line={props.line}
			width={props.width}
			placeholder={labels.placeholder}
			focused={focused}
		/>
	);
}
