import {Box, Text, useApp} from 'ink';
import {useKeys} from '../hooks/use-keys.js';
import type {Labels} from '../i18n.js';
import {commandFor} from '../keymap.js';
import {useDisplay} from './display-context.js';

export const minimumSize = {columns: 40, rows: 10} as const;

export const isTooSmall = (columns: number, rows: number) =>
	columns < minimumSize.columns || rows < minimumSize.rows;

export type TooSmallProps = {
	readonly columns: number;
	readonly rows: number;
	readonly height: number;
	readonly labels: Labels;
};

/** Shown instead of a broken layout when the terminal is below the minimum size. */
export function TooSmall({columns, rows, height, labels}: TooSmallProps) {
	const {exit} = useApp();
	const {glyphs} = useDisplay();
	useKeys((key) => {
		if (commandFor(key) === 'app.quit') {
			exit();
		}
	});
	return (
		<Box flexDirection="column" width={columns} height={Math.max(1, height)} overflow="hidden">
			<Text bold wrap="truncate-end">
				{labels.tooSmall}
			</Text>
			<Text wrap="truncate-end">
				{glyphs.text(
					`${columns}×${rows}: ${labels.needAtLeast} ${minimumSize.columns}×${minimumSize.rows}`,
				)}
			</Text>
		</Box>
	);
}
