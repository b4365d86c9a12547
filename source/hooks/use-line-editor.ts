import {useCallback, useRef, useState} from 'react';
import {commandIn, type EditCommand} from '../keys/keymap.js';
import type {Key} from '../keys/decode.js';
import {editLine, emptyLine, type LineCommand, type LineState} from '../state/line-editor.js';

/** The editing commands of the keymap, as line-editor commands. */
export const lineCommands: Record<EditCommand, LineCommand> = {
	'input.left': {type: 'left'},
	'input.right': {type: 'right'},
	'input.wordLeft': {type: 'word-left'},
	'input.wordRight': {type: 'word-right'},
	'input.home': {type: 'home'},
	'input.end': {type: 'end'},
	'input.backspace': {type: 'backspace'},
	'input.delete': {type: 'delete'},
	'input.deleteWord': {type: 'delete-word-back'},
	'input.clear': {type: 'clear'},
	'input.killToEnd': {type: 'kill-to-end'},
};

export type LineEditor = {
	readonly line: LineState;
	/** The line as of now, even before React has rendered the last change. */
	readonly read: () => LineState;
	readonly apply: (command: LineCommand) => void;
	/** Typing, a paste or an editing key: applies it and returns true; any other key: false. */
	readonly handleKey: (key: Key) => boolean;
};

/**
 * An input line's state, readable at once after a change: one input event can carry text and
 * Enter together, and Enter must see the text typed just before it.
 */
export function useLineEditor(): LineEditor {
	const latest = useRef(emptyLine);
	const [line, setLine] = useState(emptyLine);
	const apply = useCallback((command: LineCommand) => {
		latest.current = editLine(latest.current, command);
		setLine(latest.current);
	}, []);
	const read = useCallback(() => latest.current, []);
	const handleKey = useCallback(
		(key: Key) => {
			if (key.kind === 'text') {
				apply({type: 'insert', text: key.text});
				return true;
			}

			if (key.kind === 'paste') {
				// A multi-line paste becomes one line: never one message per pasted line.
				apply({type: 'insert', text: key.text.replaceAll(/\s*[\r\n]+\s*/g, ' ').trim()});
				return true;
			}

			const command = commandIn('edit', key);
			const edit = command === undefined ? undefined : lineCommands[command as EditCommand];
			if (edit) {
				apply(edit);
				return true;
			}

			return false;
		},
		[apply],
	);
	return {line, read, apply, handleKey};
}
