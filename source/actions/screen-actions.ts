import type {RefObject} from 'react';
import type {Command, EditCommand} from '../keys/keymap.js';
import type {Completion} from '../state/completion.js';
import type {InputHistory} from '../state/input-history.js';
import {inputActions} from './input-actions.js';
import {logActions} from './log-actions.js';
import {userListActions} from './user-list-actions.js';
import type {ScreenActionsOptions} from './screen-actions-options.js';

/** Every command but line editing has a handler here; one that returns false declines the key. */
export type ScreenCommand = Exclude<Command, EditCommand>;
type Handler = () => boolean | void;

export type {ScreenActionsOptions} from './screen-actions-options.js';

type Context = ScreenActionsOptions & {
	readonly exit: () => void;
	readonly history: RefObject<InputHistory>;
	readonly completion: RefObject<Completion | undefined>;
};

/**
 * The handler of every command of the chat screen but line editing, and what letters typed in
 * the user list do: the screen's own keys here, the log's, the input line's and the user list's
 * in their files.
 */
export function screenActions(context: Context): {
	handlers: Record<ScreenCommand, Handler>;
	typeAhead: (letter: string) => void;
} {
	const {chat, readScreen, dispatchScreen, editor, exit} = context;

	const quit = () => {
		if (chat.state.pending.length > 0 && !readScreen().confirmingQuit) {
			dispatchScreen({type: 'quit-asked'});
		} else {
			exit();
		}
	};

	const log = logActions(context);
	const input = inputActions({...context, quit, toBottom: log.toBottom, search: log.search});
	const users = userListActions(context);
	const scrollHelp = (lines: number) => {
		dispatchScreen({type: 'help-scrolled', lines, max: context.help.maxScroll});
	};

	const handlers: Record<ScreenCommand, Handler> = {
		// Ctrl-C with a draft clears it first (as a shell does); on an empty line it quits.
		'app.quit'() {
			if (editor.read().value !== '' && !readScreen().prompting) {
				editor.apply({type: 'clear'});
				return;
			}

			quit();
		},
		'app.redraw'() {
			context.onRedraw?.();
		},
		'help.open'() {
			dispatchScreen({type: 'help-opened'});
		},
		'focus.next'() {
			dispatchScreen({type: 'focus-moved', by: 1, panelShown: context.panelShown});
		},
		'focus.previous'() {
			dispatchScreen({type: 'focus-moved', by: -1, panelShown: context.panelShown});
		},
		'focus.input'() {
			dispatchScreen({type: 'search-set', search: undefined});
			dispatchScreen({type: 'focused', focus: 'input'});
		},
		'panel.toggle'() {
			dispatchScreen({type: 'panel-toggled', shown: !context.panelShown});
		},
		'outbox.retry'() {
			chat.retryFailed();
		},
		...log.handlers,
		...input.handlers,
		...users.handlers,
		'help.close'() {
			dispatchScreen({type: 'help-closed'});
		},
		'help.lineUp'() {
			scrollHelp(-1);
		},
		'help.lineDown'() {
			scrollHelp(1);
		},
		'help.pageUp'() {
			scrollHelp(-context.help.page);
		},
		'help.pageDown'() {
			scrollHelp(context.help.page);
		},
	};

	return {handlers, typeAhead: users.typeAhead};
}
