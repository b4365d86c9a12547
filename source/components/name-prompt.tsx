import {Box, Text, useApp, useInput} from 'ink';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import type {Labels} from '../i18n.js';
import {theme} from '../theme.js';

export type NamePromptProps = {
	readonly defaultName: string;
	readonly labels: Labels;
	readonly width: number;
	readonly height: number;
	readonly server: string;
	readonly onSubmit: (name: string) => void;
};

/** Asks for a username before joining; an empty answer takes the default, as in the guide. */
export function NamePrompt({
	defaultName,
	labels,
	width,
	height,
	server,
	onSubmit,
}: NamePromptProps) {
	const [value, setValue] = useState('');
	const {exit} = useApp();
	useInput((input, key) => {
		if (key.ctrl && (input === 'c' || (input === 'd' && value.length === 0))) {
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
			<Box flexDirection="column" borderStyle="round" paddingX={2} width={Math.min(width, 60)}>
				<Text bold>chat-tui</Text>
				<Text {...theme.hint} wrap="truncate-end">
					{server}
				</Text>
				<Text> </Text>
				<Text>{labels.namePrompt}:</Text>
				<Box>
					<Text {...theme.prompt}>{'> '}</Text>
					<TextInput
						value={value}
						placeholder={defaultName}
						onChange={setValue}
						onSubmit={(name) => {
							onSubmit(name.trim() || defaultName);
						}}
					/>
				</Box>
				<Text {...theme.hint} wrap="truncate-end">
					{labels.nameHint} “{defaultName}”
				</Text>
			</Box>
		</Box>
	);
}
