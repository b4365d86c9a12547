import {Box, Text, useCursor, type DOMElement} from 'ink';
import {useLayoutEffect, useRef, useState, type RefObject} from 'react';
import {type LineState, viewLine} from '../state/line-editor.js';
import {textWidth, truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';

export type InputLineProps = {
	readonly line: LineState;
	readonly width: number;
	readonly prompt?: string;
	readonly placeholder?: string;
	readonly focused?: boolean;
};

type Place = {readonly x: number; readonly y: number};

/** Where an element sits on the screen, from the last layout. */
function placeOf(element: DOMElement): Place {
	let x = 0;
	let y = 0;
	for (let node: DOMElement | undefined = element; node; node = node.parentNode) {
		x += node.yogaNode?.getComputedLeft() ?? 0;
		y += node.yogaNode?.getComputedTop() ?? 0;
	}

	return {x, y};
}

/**
 * Where the line sits on the screen. Known once it is laid out: the first frame, and the first
 * after it moves (a resize), are followed at once by one that knows.
 */
// A ref React fills in: null until then, as React has it.
// eslint-disable-next-line @typescript-eslint/no-restricted-types
type ElementRef = RefObject<DOMElement | null>;

export function usePlace(): [ElementRef, Place | undefined] {
	// eslint-disable-next-line @typescript-eslint/no-restricted-types
	const ref = useRef<DOMElement | null>(null);
	const [place, setPlace] = useState<Place>();
	// Layout effects run once Ink has laid the frame out; on every frame, as the line may move with
	// its parents. It sets state only when the place changed, so it settles at once.
	// eslint-disable-next-line react-hooks/exhaustive-deps
	useLayoutEffect(() => {
		const now = ref.current ? placeOf(ref.current) : undefined;
		if (now && (now.x !== place?.x || now.y !== place.y)) {
			setPlace(now);
		}
	});
	return [ref, place];
}

/** The column of the insertion point within the line (the prompt's first cell is 0). */
export function cursorColumn({
	line,
	width,
	prompt = '> ',
	placeholder,
}: Omit<InputLineProps, 'focused'>): number {
	const promptWidth = textWidth(prompt);
	const view = viewLine(line, Math.max(1, width - promptWidth));
	const offset = line.value.length === 0 && placeholder ? 0 : textWidth(view.before);
	return Math.min(width - 1, promptWidth + offset);
}

/**
 * The one-line input: a prompt, then the text scrolled to keep the insertion point in view. While
 * it has the focus the terminal's own cursor sits at the insertion point (input methods open their
 * window there, screen readers follow it); otherwise the cursor is hidden.
 */
export function InputLine({
	line,
	width,
	prompt = '> ',
	placeholder,
	focused = true,
}: InputLineProps) {
	const {theme, glyphs} = useDisplay();
	const [ref, place] = usePlace();
	const {setCursorPosition} = useCursor();
	const room = Math.max(1, width - textWidth(prompt));
	const view = viewLine(line, room);
	const showPlaceholder = line.value.length === 0 && Boolean(placeholder);
	const column = cursorColumn({line, width, prompt, placeholder});
	setCursorPosition(focused && place ? {x: place.x + column, y: place.y} : undefined);
	return (
		<Box ref={ref} width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end">
				<Text {...(focused ? theme.prompt : theme.hint)}>{prompt}</Text>
				{showPlaceholder ? (
					<Text {...theme.hint}>{truncate(placeholder ?? '', room, glyphs.ellipsis)}</Text>
				) : (
					<>
						{view.before}
						{view.atCursor}
						{view.after}
					</>
				)}
			</Text>
		</Box>
	);
}
