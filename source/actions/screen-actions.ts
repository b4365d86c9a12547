import type {RefObject} from 'react';
import type {Labels} from '../look/i18n.js';
import type {Command, EditCommand} from '../keys/keymap.js';
import type {Lang} from '../cli/options.js';
import type {Completion} from '../state/completion.js';
import type {InputHistory} from '../state/input-history.js';
import type {LogLayout} from '../state/log-window.js';
import type {Roster} from '../state/roster.js';
import type {ScreenAction, ScreenState} from '../state/screen-state.js';
import type {Chat} from '../hooks/use-chat.js';
import type {LineEditor} from '../hooks/use-line-editor.js';
import {inputActions} from './input-actions.js';
import {logActions} from './log-actions.js';
import {userListActions} from './user-list-actions.js';

/** Every command but line editing has a handler here; one that returns false declines the key. */
export type ScreenCommand = Exclude<Command, EditCommand>;
type Handler = () => boolean | void;

export type ScreenActionsOptions = {
	readonly chat: Chat;
	readonly labels: Labels;
	readonly readScreen: () => ScreenState;
	readonly dispatchScreen: (action: ScreenAction) => void;
	readonly editor: LineEditor;
	readonly searchEditor: LineEditor;
	/** The log as laid out on screen now, for scrolling. */
	readonly layout: LogLayout;
	/** Lines PgUp/PgDn move. */
	readonly page: number;
	/** Online users in the order the list shows them. */
	readonly roster: Roster;
	/** Rows of names the user list shows: its PgUp/PgDn move by this many. */
	readonly userPage: number;
	readonly panelShown: boolean;
	/** How far the help overlay scrolls, and its page. */
	readonly help: {readonly maxScroll: number; readonly page: number};
	readonly onRedraw?: () => void;
	/** The longest line sent, in characters: a longer one stays in the input with a notice. */
	readonly maxLength: number;
	/** The language of notices and slash-command errors. */
	readonly lang: Lang;
};

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
