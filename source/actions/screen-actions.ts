import type {RefObject} from 'react';
import type {Labels} from '../look/i18n.js';
import type {Command, EditCommand} from '../keys/keymap.js';
import type {Lang} from '../cli/options.js';
import type {User} from '../protocol/types.js';
import {complete, completionNames, type Completion} from '../state/completion.js';
import {recordLine, walkHistory, type InputHistory} from '../state/input-history.js';
import {bottomView, topView, viewOnItem, viewWindow, type LogLayout} from '../state/log-window.js';
import type {Roster} from '../state/roster.js';
import type {ScreenAction, ScreenState} from '../state/screen-state.js';
import {findMatches, stepMatch} from '../state/search.js';
import type {Chat} from '../hooks/use-chat.js';
import type {LineEditor} from '../hooks/use-line-editor.js';
import {commandNames, parseLine, refusedTooLong, runSlashCommand} from './slash-commands.js';
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

/** Newest first: who spoke lately, for name completion. */
const recentSenders = (chat: Chat) =>
	chat.state.messages
		.slice(-300)
		.map((message) => message.sender ?? '')
		.reverse();

/**
 * The handler of every command of the chat screen but line editing, and what letters typed in
 * the user list do.
 */
export function screenActions(context: Context): {
	handlers: Record<ScreenCommand, Handler>;
	typeAhead: (letter: string) => void;
} {
	const {chat, labels, readScreen, dispatchScreen, editor, searchEditor, layout, roster} = context;
	const {exit, history, completion} = context;
	const {liveCount, older, newer, pending} = chat.state;

	const quit = () => {
		if (pending.length > 0 && !readScreen().confirmingQuit) {
			dispatchScreen({type: 'quit-asked'});
		} else {
			exit();
		}
	};

	const toBottom = () => {
		dispatchScreen({type: 'view-set', view: bottomView, liveCount});
		if (newer) {
			chat.loadNewer(true);
		}
	};

	const scroll = (lines: number) => {
		dispatchScreen({type: 'scrolled', lines, layout, liveCount});
		if (lines < 0 && older === 'failed' && viewWindow(readScreen().view, layout).firstVisible) {
			chat.loadOlder();
		}
	};

	const {page} = context;

	const showMatch = (query: string, current: string | undefined) => {
		dispatchScreen({type: 'search-set', search: {query, current}});
		if (current !== undefined) {
			dispatchScreen({type: 'view-set', view: viewOnItem(layout, current), liveCount});
		}
	};

	const search = (query: string) => {
		showMatch(query, findMatches(layout.items, query).at(-1));
	};

	const stepSearch = (direction: 'older' | 'newer') => {
		const current = readScreen().search;
		if (!current) {
			return false;
		}

		const next = stepMatch(findMatches(layout.items, current.query), current.current, direction);
		showMatch(current.query, next);
		return true;
	};

	const submit = () => {
		const {value} = editor.read();
		const parsed = parseLine(value, context.lang);
		if (parsed.kind === 'empty') {
			return;
		}

		if (refusedTooLong(parsed, context)) {
			toBottom();
			return;
		}

		history.current = recordLine(history.current, value);
		editor.apply({type: 'clear'});
		switch (parsed.kind) {
			case 'message': {
				chat.send(parsed.text);
				toBottom();
				break;
			}

			case 'error': {
				chat.notice('error', parsed.text);
				toBottom();
				break;
			}

			case 'command': {
				const {bell} = readScreen();
				const slash = {chat, labels, dispatchScreen, bell, quit, search, toBottom};
				runSlashCommand(parsed.name, parsed.argument, slash);
				break;
			}
		}
	};

	const walk = (direction: 'previous' | 'next') => {
		const result = walkHistory(history.current, direction, editor.read().value);
		if (result) {
			history.current = result.history;
			editor.apply({type: 'set', value: result.line});
		}
	};

	const focusInput = () => {
		dispatchScreen({type: 'focused', focus: 'input'});
	};

	const users = userListActions(context);

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
			focusInput();
		},
		'scroll.pageUp'() {
			scroll(-page);
		},
		'scroll.pageDown'() {
			scroll(page);
		},
		'scroll.lineUp'() {
			scroll(-1);
		},
		'scroll.lineDown'() {
			scroll(1);
		},
		'search.open'() {
			searchEditor.apply({type: 'set', value: readScreen().search?.query ?? ''});
			dispatchScreen({type: 'search-prompted'});
		},
		'panel.toggle'() {
			dispatchScreen({type: 'panel-toggled', shown: !context.panelShown});
		},
		'outbox.retry'() {
			chat.retryFailed();
		},
		'input.submit': submit,
		'input.complete'() {
			const names = completionNames(
				roster.users.map((user) => user.username),
				recentSenders(chat),
				chat.state.me.username,
			);
			const result = complete(editor.read(), names, commandNames, completion.current);
			if (!result) {
				return false;
			}

			completion.current = result.completion;
			editor.apply({type: 'set', value: result.line.value, cursor: result.line.cursor});
			return true;
		},
		'history.previous'() {
			walk('previous');
		},
		'history.next'() {
			walk('next');
		},
		'input.helpIfEmpty'() {
			if (editor.read().value.length > 0) {
				return false;
			}

			dispatchScreen({type: 'help-opened'});
			return true;
		},
		'input.bottomAtEnd'() {
			const line = editor.read();
			if (line.cursor < line.value.length || readScreen().view.kind === 'bottom') {
				return false;
			}

			toBottom();
			return true;
		},
		'app.quitIfEmpty'() {
			if (editor.read().value.length === 0) {
				quit();
			} else {
				editor.apply({type: 'delete'});
			}
		},
		'log.lineUp'() {
			scroll(-1);
		},
		'log.lineDown'() {
			scroll(1);
		},
		'log.top'() {
			dispatchScreen({type: 'view-set', view: topView(layout), liveCount});
		},
		'log.bottom': toBottom,
		'search.next': () => stepSearch('older'),
		'search.previous': () => stepSearch('newer'),
		...users.handlers,
		'search.run'() {
			const query = searchEditor.read().value.trim();
			if (query.length === 0) {
				dispatchScreen({type: 'search-cancelled'});
			} else {
				search(query);
			}
		},
		'search.cancel'() {
			dispatchScreen({type: 'search-cancelled'});
		},
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

	function scrollHelp(lines: number) {
		dispatchScreen({type: 'help-scrolled', lines, max: context.help.maxScroll});
	}

	return {handlers, typeAhead: users.typeAhead};
}
