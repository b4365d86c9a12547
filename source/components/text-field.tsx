import {EventEmitter} from 'node:events';
import {Box, StdinContext, Text, useCursor, useStdin} from 'ink';
import TextInput from 'ink-text-input';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {Key} from '../keys/decode.js';
import {commandFor} from '../keys/keymap.js';
import {useKeys} from '../hooks/use-keys.js';
import {useLineEditor} from '../hooks/use-line-editor.js';
import type {LineState} from '../state/line-editor.js';
import {textWidth} from '../state/wrap.js';
import {useDisplay} from './display-context.js';
import {usePlace} from './input-line.js';

/*
A plain text field: ink-text-input, given its keys by chat-tui's decoder. ink-text-input reads
Ink's input events itself, one handler per render, so keys that arrive in one read (a name and
Enter typed ahead, a fast typist over SSH) met a stale handler, a bracketed paste came in with its
markers, and it knows only typing, Backspace, ← → and Enter. Here the keys go through the chat's
decoder and line editor first (every editing key of the README, the config's key overrides,
pastes), and ink-text-input is given, one event per render, the keys of its own that turn its
line into the editor's: a Home is as many ←, a Ctrl-W as many Backspaces.
*/

/** ink-text-input's keys, as Ink's input events. */
const keys = {left: '\u001B[D', right: '\u001B[C', backspace: '\u007F', enter: '\r'};

/** ink-text-input's keys that turn the line `from` into `to`. */
export function keysBetween(from: LineState, to: LineState): string[] {
	let start = 0;
	while (
		start < from.value.length &&
		start < to.value.length &&
		from.value[start] === to.value[start]
	) {
		start++;
	}

	let end = 0;
	while (
		end < from.value.length - start &&
		end < to.value.length - start &&
		from.value.at(-1 - end) === to.value.at(-1 - end)
	) {
		end++;
	}

	const events: string[] = [];
	const move = (at: number, target: number) => {
		const key = target < at ? keys.left : keys.right;
		for (let step = 0; step < Math.abs(target - at); step++) {
			events.push(key);
		}
	};

	if (start + end === from.value.length && start + end === to.value.length) {
		move(from.cursor, to.cursor);
		return events;
	}

	// Replace what lies between the common start and end: from its end, erase, then type.
	const removedEnd = from.value.length - end;
	move(from.cursor, removedEnd);
	for (let at = removedEnd; at > start; at--) {
		events.push(keys.backspace);
	}

	const inserted = to.value.slice(start, to.value.length - end);
	if (inserted !== '') {
		events.push(inserted);
	}

	move(start + inserted.length, to.cursor);
	return events;
}

export type TextFieldProps = {
	readonly width: number;
	readonly placeholder?: string;
	readonly prompt?: string;
	/** Enter, with the field's text. */
	readonly onSubmit: (value: string) => void;
	/** Any key the field does not take (neither typing, nor editing, nor Enter). */
	readonly onKey?: (key: Key, value: string) => void;
};

export function TextField({width, placeholder, prompt = '> ', onSubmit, onKey}: TextFieldProps) {
	const stdin = useStdin();
	const {theme} = useDisplay();
	const editor = useLineEditor();
	const [value, setValue] = useState('');
	const [ref, place] = usePlace();
	const {setCursorPosition} = useCursor();

	// The field's own input events, one per render: its handler is bound anew after each. Ink's
	// stdin context carries an EventEmitter, and ink-text-input listens to one.
	// eslint-disable-next-line unicorn/prefer-event-target
	const events = useMemo(() => new EventEmitter(), []);
	const fieldStdin = useMemo(() => ({...stdin, internal_eventEmitter: events}), [stdin, events]);
	const queue = useRef<string[]>([]);
	const waiting = useRef(false);
	const [given, setGiven] = useState(0);
	const pump = useCallback(() => {
		if (waiting.current || queue.current.length === 0) {
			return;
		}

		waiting.current = true;
		events.emit('input', queue.current.shift());
		// A render, after which (its effects run child first) the next event meets the new handler.
		setGiven((count) => count + 1);
	}, [events]);
	useEffect(() => {
		waiting.current = false;
		pump();
	}, [given, pump]);

	useKeys((key) => {
		const before = editor.read();
		if (editor.handleKey(key)) {
			queue.current.push(...keysBetween(before, editor.read()));
		} else if (commandFor(key) === 'input.submit') {
			queue.current.push(keys.enter);
		} else {
			onKey?.(key, before.value);
		}

		pump();
	});

	// The terminal's cursor where ink-text-input draws its own, while the line fits on one row:
	// input methods open their window there, screen readers follow it.
	const line = editor.read();
	const column = textWidth(prompt) + textWidth(line.value.slice(0, line.cursor));
	setCursorPosition(place && column < width ? {x: place.x + column, y: place.y} : undefined);

	return (
		<Box ref={ref} width={width}>
			<Text {...theme.prompt}>{prompt}</Text>
			<StdinContext.Provider value={fieldStdin}>
				<TextInput
					value={value}
					placeholder={placeholder}
					onChange={setValue}
					onSubmit={onSubmit}
				/>
			</StdinContext.Provider>
		</Box>
	);
}
