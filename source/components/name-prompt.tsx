import {Box, Text, useApp} from 'ink';
import type {Labels} from '../look/i18n.js';
import type {Key} from '../keys/decode.js';
import {commandFor} from '../keys/keymap.js';
import {truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';
import {TextField} from './text-field.js';

export type NamePromptProps = {
	readonly defaultName: string;
	readonly labels: Labels;
	readonly width: number;
	readonly height: number;
	readonly server: string;
	readonly onSubmit: (name: string) => void;
};

/**
 * Asks for a username before joining; an empty answer takes the default, as in the guide. The field
 * is ink-text-input, given its keys by the chat's decoder and line editor (text-field.tsx), so a
 * fast typist or a paste loses nothing and every editing key works.
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
	const {theme, glyphs} = useDisplay();
	const boxWidth = Math.min(width, 60);
	// Inside the border and the padding; cut here so the ellipsis is the terminal's kind.
	const cut = (text: string) => truncate(text, Math.max(1, boxWidth - 6), glyphs.ellipsis);

	const onKey = (key: Key, name: string) => {
		const command = commandFor(key);
		if (command === 'app.quit' || (command === 'app.quitIfEmpty' && name === '')) {
			exit();
		}
	};

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
				<TextField
					width={boxWidth - 6}
					placeholder={defaultName}
					onSubmit={(name) => {
						onSubmit(name.trim() || defaultName);
					}}
					onKey={onKey}
				/>
				<Text {...theme.hint} wrap="truncate-end">
					{cut(`${labels.nameHint} ${glyphs.text(`“${defaultName}”`)}`)}
				</Text>
			</Box>
		</Box>
	);
}
