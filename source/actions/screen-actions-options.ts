import {type Labels, type Lang} from '../look/i18n.js';
import type {LogLayout} from '../state/log-window.js';
import type {Roster} from '../state/roster.js';
import type {ScreenAction, ScreenState} from '../state/screen-state.js';
import type {Chat} from '../hooks/use-chat.js';
import type {LineEditor} from '../hooks/use-line-editor.js';

/** What the screen's actions are given: the chat, the screen's state and its layout now. */
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
