import {Box, Text, useApp} from 'ink';
import {useRef, useState} from 'react';
import {useKeys} from '../hooks/use-keys.js';
import type {Labels} from '../i18n.js';
import {commandFor} from '../keymap.js';
import {editLine, emptyLine, type LineCommand} from '../state/line-editor.js';
import {theme} from '../theme.js';
import {InputLine} from './input-line.js';

export type NamePromptProps = {
	readonly defaultName: string;
	readonly labels: Labels;
	readonly width: number;
	readonly height: number;
	readonly server: string;
	readonly onSubmit: (name: string) => void;
};

const edits: Record<string, LineCommand> = {
	'input.left': {type: 'left'},
	'input.right': {type: 'right'},
	'input.home': {type: 'home'},
	'input.end': {type: 'end'},
	'input.backspace': {type: 'backspace'},
	'input.delete': {type: 'delete'},
	'input.deleteWord': {type: 'delete-word-back'},
	'input.clear': {type: 'clear'},
	'input.killToEnd': {type: 'kill-to-end'},
};

/**
 * Asks for a username before joining; an empty answer takes the default, as in the guide. It
 * reads keys through the same decoder as the chat, so a fast typist or a paste loses nothing.
 */
export function NamePrompt({
	defaultName,
	labels,
	width,
	height,
	server,
	onSubmit,
}: NamePromptProps) {
	const {exit} = useApp();
	const latest = useRef(emptyLine);
	const [line, setLine] = useState(emptyLine);
	const boxWidth = Math.min(width, 60);

	useKeys((key) => {
		const update = (command: LineCommand) => {
			latest.current = editLine(latest.current, command);
			setLine(latest.current);
		};

		if (key.kind !== 'key') {
			// A name is one line: a pasted newline becomes a space.
			update({type: 'insert', text: key.text.replaceAll(/\s+/g, ' ')});
			return;
		}

		const command = commandFor(key);
		if (command === 'input.submit') {
			onSubmit(latest.current.value.trim() || defaultName);
		} else if (
			command === 'app.quit' ||
			(command === 'app.quitIfEmpty' && latest.current.value === '')
		) {
			exit();
		} else if (command && edits[command]) {
			update(edits[command]);
		}
	});

	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			justifyContent="center"
			alignItems="center"
		>
			<Box flexDirection="column" borderStyle="round" paddingX={2} width={boxWidth}>
				<Text bold>chat-tui</Text>
				<Text {...theme.hint} wrap="truncate-end">
					{server}
				</Text>
				<Text> </Text>
				<Text>{labels.namePrompt}:</Text>
				<InputLine line={line} width={boxWidth - 6} placeholder={defaultName} />
				<Text {...theme.hint} wrap="truncate-end">
					{labels.nameHint} “{defaultName}”
				</Text>
			</Box>
		</Box>
	);
}
