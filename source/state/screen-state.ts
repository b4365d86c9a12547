import {scopeChains, type Scope} from '../keys/keymap.js';
import {bottomView, scrollView, type LogLayout, type LogView} from './log-window.js';

/*
What the screen shows besides the chat itself, as a pure reducer: which pane has the focus, where
the log is scrolled, the search, the help overlay, the user list's selection, the quit question.
*/

export type Focus = 'input' | 'log' | 'users';

export type Search = {
	readonly query: string;
	/** The key of the match on screen, undefined when nothing matched. */
	readonly current: string | undefined;
};

export type ScreenState = {
	readonly focus: Focus;
	readonly view: LogView;
	/** The chat's `liveCount` when the view left the bottom: what came after is new. */
	readonly leftBottomAt: number | undefined;
	/** The help overlay, scrolled this many lines; undefined when closed. */
	readonly help: {readonly scroll: number} | undefined;
	/** The search prompt is open in place of the input line. */
	readonly prompting: boolean;
	readonly search: Search | undefined;
	/** The user list's selection: who, and where they were (for when they have left). */
	readonly selectedUser: number;
	readonly selectedUserId: string | undefined;
	/** The letters typed in the user list lately (type-ahead), and when the last came. */
	readonly userPrefix: {readonly text: string; readonly at: number} | undefined;
	/** The user's choice to show the user list; undefined: by the terminal's width. */
	readonly panel: boolean | undefined;
	readonly confirmingQuit: boolean;
	/** Whether a mention rings the terminal bell. */
	readonly bell: boolean;
};

export type ScreenAction =
	| {readonly type: 'focus-moved'; readonly by: 1 | -1; readonly panelShown: boolean}
	| {readonly type: 'focused'; readonly focus: Focus}
	| {
			readonly type: 'scrolled';
			readonly lines: number;
			readonly layout: LogLayout;
			readonly liveCount: number;
	  }
	| {readonly type: 'view-set'; readonly view: LogView; readonly liveCount: number}
	| {readonly type: 'help-opened'}
	| {readonly type: 'help-closed'}
	| {readonly type: 'help-scrolled'; readonly lines: number; readonly max: number}
	| {readonly type: 'search-prompted'}
	| {readonly type: 'search-cancelled'}
	| {readonly type: 'search-set'; readonly search: Search | undefined}
	| {readonly type: 'user-selected'; readonly index: number; readonly userId: string | undefined}
	| {
			readonly type: 'user-typed';
			readonly prefix: {readonly text: string; readonly at: number};
			/** The user the letters found; undefined: none, the selection stays. */
			readonly found: {readonly index: number; readonly userId: string} | undefined;
	  }
	| {readonly type: 'panel-toggled'; readonly shown: boolean}
	| {readonly type: 'quit-asked'}
	| {readonly type: 'quit-cancelled'}
	| {readonly type: 'bell-set'; readonly on: boolean}
	| {readonly type: 'cleared'};

export function initialScreenState(bell = true): ScreenState {
	return {
		focus: 'input',
		view: bottomView,
		leftBottomAt: undefined,
		help: undefined,
		prompting: false,
		search: undefined,
		selectedUser: 0,
		selectedUserId: undefined,
		userPrefix: undefined,
		panel: undefined,
		confirmingQuit: false,
		bell,
	};
}

function withView(state: ScreenState, view: LogView, liveCount: number): ScreenState {
	return {
		...state,
		view,
		leftBottomAt: view.kind === 'bottom' ? undefined : (state.leftBottomAt ?? liveCount),
	};
}

const panes: readonly Focus[] = ['input', 'log', 'users'];

type HelpAction = Extract<ScreenAction, {type: `help-${string}`}>;
type SearchAction = Extract<ScreenAction, {type: `search-${string}`}>;

function helpReducer(state: ScreenState, action: HelpAction): ScreenState {
	switch (action.type) {
		case 'help-opened': {
			return {...state, help: {scroll: 0}, prompting: false};
		}

		case 'help-closed': {
			return {...state, help: undefined};
		}

		case 'help-scrolled': {
			if (!state.help) {
				return state;
			}

			const scroll = Math.max(0, Math.min(action.max, state.help.scroll + action.lines));
			return {...state, help: {scroll}};
		}
	}
}

function searchReducer(state: ScreenState, action: SearchAction): ScreenState {
	switch (action.type) {
		case 'search-prompted': {
			return {...state, prompting: true};
		}

		case 'search-cancelled': {
			return {...state, prompting: false};
		}

		case 'search-set': {
			return {
				...state,
				prompting: false,
				search: action.search,
				focus: action.search?.current === undefined ? state.focus : 'log',
			};
		}
	}
}

type UserAction = Extract<ScreenAction, {type: `user-${string}`}>;

function userReducer(state: ScreenState, action: UserAction): ScreenState {
	switch (action.type) {
		case 'user-selected': {
			return {
				...state,
				selectedUser: action.index,
				selectedUserId: action.userId,
				userPrefix: undefined,
			};
		}

		case 'user-typed': {
			return {
				...state,
				selectedUser: action.found?.index ?? state.selectedUser,
				selectedUserId: action.found ? action.found.userId : state.selectedUserId,
				userPrefix: action.prefix,
			};
		}
	}
}

const isUserAction = (action: ScreenAction): action is UserAction =>
	action.type.startsWith('user-');
const isHelpAction = (action: ScreenAction): action is HelpAction =>
	action.type.startsWith('help-');
const isSearchAction = (action: ScreenAction): action is SearchAction =>
	action.type.startsWith('search-');

export function screenReducer(state: ScreenState, action: ScreenAction): ScreenState {
	if (isHelpAction(action)) {
		return helpReducer(state, action);
	}

	if (isSearchAction(action)) {
		return searchReducer(state, action);
	}

	if (isUserAction(action)) {
		return userReducer(state, action);
	}

	switch (action.type) {
		case 'focus-moved': {
			const order = action.panelShown ? panes : panes.filter((pane) => pane !== 'users');
			const at = Math.max(0, order.indexOf(state.focus));
			const focus = order[(at + action.by + order.length) % order.length]!;
			return {...state, focus};
		}

		case 'focused': {
			return {...state, focus: action.focus};
		}

		case 'scrolled': {
			const view = scrollView(state.view, action.layout, action.lines);
			return view === state.view ? state : withView(state, view, action.liveCount);
		}

		case 'view-set': {
			return withView(state, action.view, action.liveCount);
		}

		case 'panel-toggled': {
			return {
				...state,
				panel: action.shown,
				focus: !action.shown && state.focus === 'users' ? 'input' : state.focus,
			};
		}

		case 'quit-asked': {
			return {...state, confirmingQuit: true};
		}

		case 'quit-cancelled': {
			return {...state, confirmingQuit: false};
		}

		case 'bell-set': {
			return {...state, bell: action.on};
		}

		case 'cleared': {
			return {...state, view: bottomView, leftBottomAt: undefined, search: undefined};
		}
	}
}

/** New messages below the view: live messages since it left the bottom. */
export const newBelow = (state: ScreenState, liveCount: number) =>
	state.leftBottomAt === undefined ? 0 : liveCount - state.leftBottomAt;

/** The focused pane: the user list's focus is the input line's while the list is hidden. */
export const focusShown = (state: ScreenState, panelShown: boolean): Focus =>
	state.focus === 'users' && !panelShown ? 'input' : state.focus;

/** Where keys go, in order: the first scope that binds a key (and takes it) wins. */
export function scopesFor(state: ScreenState, focus: Focus = state.focus): readonly Scope[] {
	return scopeChains[state.help ? 'help' : state.prompting ? 'search' : focus];
}
