import {Box, Text, useApp} from 'ink';
import {useKeys} from '../hooks/use-keys.js';
import type {Labels} from '../look/i18n.js';
import {commandFor} from '../keys/keymap.js';
import {textWidth, truncate, wrapText} from '../state/wrap.js';
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

/**
 * The notice for a terminal this size: the title, the size needed and the size it is, on one
 * line where they fit and wrapped at spaces where not. The size needed always shows: where rows
 * run short the terminal's own size goes first, then the title.
 */
export function tooSmallLines(
	{columns, rows, height}: Omit<TooSmallProps, 'labels'>,
	labels: Labels,
	text: (value: string) => string = (value) => value,
): {title: string[]; body: string[]} {
	const size = text(`${columns}×${rows}`);
	const need = `${labels.needAtLeast} ${text(`${minimumSize.columns}×${minimumSize.rows}`)}`;
	const oneLine = `${size}: ${need}`;
	const wrap = (line: string) =>
		wrapText(line, Math.max(1, columns)).map((part) => truncate(part, columns));
	const title = wrap(labels.tooSmall);
	const room = Math.max(1, height);
	if (textWidth(oneLine) <= columns) {
		return room > 1 ? {title, body: [oneLine]} : {title: [], body: [oneLine]};
	}

	const needLines = wrap(need);
	const sizeLines = wrap(size);
	if (title.length + needLines.length + sizeLines.length <= room) {
		return {title, body: [...needLines, ...sizeLines]};
	}

	return title.length + needLines.length <= room
		? {title, body: needLines}
		: {title: [], body: needLines.slice(0, room)};
}

/** Shown instead of a broken layout when the terminal is below the minimum size. */
export function TooSmall({columns, rows, height, labels}: TooSmallProps) {
	const {exit} = useApp();
	const {glyphs} = useDisplay();
	useKeys((key) => {
		if (commandFor(key) === 'app.quit') {
			exit();
		}
	});
	const {title, body} = tooSmallLines({columns, rows, height}, labels, (value) =>
		glyphs.text(value),
	);
	return (
		<Box flexDirection="column" width={columns} height={Math.max(1, height)} overflow="hidden">
			{title.map((line) => (
				<Text key={`title ${line}`} bold wrap="truncate-end">
					{line}
				</Text>
			))}
			{body.map((line) => (
				<Text key={`body ${line}`} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
