import {Box, Text, useApp} from 'ink';
import {useKeys} from '../hooks/use-keys.js';
import type {Labels} from '../look/i18n.js';
import {commandFor} from '../keys/keymap.js';
import {useLineEditor} from '../hooks/use-line-editor.js';
import {truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';
import {InputLine} from './input-line.js';

export type NamePromptProps = {
	readonly defaultName: string;
	readonly labels: Labels;
	readonly width: number;
	readonly height: number;
	readonly server: string;
	readonly onSubmit: (name: string) => void;
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
	const editor = useLineEditor();
	const {theme, glyphs} = useDisplay();
	const boxWidth = Math.min(width, 60);
	// Inside the border and the padding; cut here so the ellipsis is the terminal's kind.
	const cut = (text: string) => truncate(text, Math.max(1, boxWidth - 6), glyphs.ellipsis);

	useKeys((key) => {
		if (editor.handleKey(key)) {
			return;
		}

		const command = commandFor(key);
		const name = editor.read().value;
		if (command === 'input.submit') {
			onSubmit(name.trim() || defaultName);
		} else if (command === 'app.quit' || (command === 'app.quitIfEmpty' && name === '')) {
			exit();
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
			<Box flexDirection="column" borderStyle={glyphs.box} paddingX={2} width={boxWidth}>
				<Text bold>chat-tui</Text>
				<Text {...theme.hint} wrap="truncate-end">
					{cut(server)}
				</Text>
				<Text> </Text>
				<Text>{labels.namePrompt}:</Text>
				<InputLine line={editor.line} width={boxWidth - 6} placeholder={defaultName} />
				<Text {...theme.hint} wrap="truncate-end">
					{cut(`${labels.nameHint} ${glyphs.text(`“${defaultName}”`)}`)}
				</Text>
			</Box>
		</Box>
	);
}
