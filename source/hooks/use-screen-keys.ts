import {useApp} from 'ink';
import {useRef} from 'react';
import {commandIn} from '../keys/keymap.js';
import type {Completion} from '../state/completion.js';
import {emptyHistory} from '../state/input-history.js';
import type {Key} from '../keys/decode.js';
import {focusShown, scopesFor, type ScreenState} from '../state/screen-state.js';
import {
	screenActions,
	type ScreenActionsOptions,
	type ScreenCommand,
} from '../actions/screen-actions.js';
import {useKeys} from './use-keys.js';

export type ScreenKeysOptions = ScreenActionsOptions & {readonly active: boolean};

/**
 * The chat screen's keys: each is looked up in the binding table in the scopes of the focused
 * pane (see `scopesFor`) and runs its command (see screen-actions.ts), or edits the line.
 */
export function useScreenKeys(options: ScreenKeysOptions): void {
	const {readScreen, dispatchScreen, editor, searchEditor} = options;
	const {exit} = useApp();
	const history = useRef(emptyHistory);
	const completion = useRef<Completion | undefined>(undefined);
	const {handlers, typeAhead} = screenActions({...options, exit, history, completion});
	const focusInput = () => {
		dispatchScreen({type: 'focused', focus: 'input'});
	};

	const focusOf = (screen: ScreenState) => focusShown(screen, options.panelShown);

	const onKey = (key: Key) => {
		const screen = readScreen();
		if (screen.confirmingQuit) {
			// Anything but y (or a second Ctrl-C) keeps the chat open.
			const yes = key.kind === 'text' && key.text.toLowerCase() === 'y';
			if (yes || commandIn('app', key) === 'app.quit') {
				exit();
			}

			dispatchScreen({type: 'quit-cancelled'});
			return;
		}

		const scopes = scopesFor(screen, focusOf(screen));
		if (key.kind === 'text' && !scopes.includes('edit') && [...key.text].length > 1) {
			// Typed fast where no line is edited: one character at a time (n, N, then text).
			for (const character of key.text) {
				onKey({kind: 'text', text: character});
			}

			return;
		}

		for (const scope of scopes) {
			if (scope === 'edit') {
				if ((screen.prompting ? searchEditor : editor).handleKey(key)) {
					return;
				}

				continue;
			}

			const command = commandIn(scope, key) as ScreenCommand | undefined;
			if (command !== undefined && handlers[command]() !== false) {
				return;
			}
		}

		unbound(screen, key);
	};

	/** A key no binding took. */
	const unbound = (screen: ScreenState, key: Key) => {
		if (screen.help ?? screen.prompting) {
			return;
		}

		// Letters typed in the user list find a name there (one at a time, see above).
		if (key.kind === 'text' && focusOf(screen) === 'users') {
			typeAhead(key.text);
			return;
		}

		// Typing in the log (or pasting in the user list) goes to the input line.
		if (key.kind === 'text' || key.kind === 'paste') {
			focusInput();
			editor.handleKey(key);
		}
	};

	useKeys(onKey, options.active);
}
