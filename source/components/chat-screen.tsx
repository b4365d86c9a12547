import type {Chat} from '../hooks/use-chat.js';
import {useLineEditor} from '../hooks/use-line-editor.js';
import {useMentionAlerts} from '../hooks/use-mention-alerts.js';
import {useRoster} from '../hooks/use-roster.js';
import {useReadPosition, useReadTracking} from '../hooks/use-read-position.js';
import {useTerminalFocus} from '../hooks/use-terminal-focus.js';
import {useChatLog} from '../hooks/use-chat-log.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {type Labels, type Lang} from '../look/i18n.js';
import {defaultMaxLength} from '../protocol/content-limit.js';
import {initialScreenState, screenReducer} from '../state/screen-state.js';
import {useDisplay} from './display-context.js';
import {chatLayout} from './chat-layout.js';
import {ChatView} from './chat-view.js';
import {helpMaxScroll, helpRows} from './help-overlay.js';
import {isTooSmall, TooSmall} from './too-small.js';
import {userRows} from './user-list.js';

export type ChatScreenProps = {
	/** The chat: its state and what can be done with it (app.tsx gives the live one, see useChat). */
	readonly chat: Chat;
	/** The server's address, for the status bar. */
	readonly server: string;
	/** TLS certificates are not checked (--insecure): the status bar warns. */
	readonly insecure?: boolean;
	readonly columns: number;
	readonly rows: number;
	readonly lang: Lang;
	readonly labels: Labels;
	/** Clear the terminal and paint everything again (Ctrl-L). */
	readonly onRedraw?: () => void;
	/** Whether a mention rings the bell at start (/bell switches it); default on. */
	readonly bell?: boolean;
	/** Ring the bell; default: BEL to the terminal. */
	readonly onBell?: () => void;
	/** The longest line sent, in characters; default the reference server's 2,000. */
	readonly maxLength?: number;
	/** The clock the bell's rate limit reads; default Date.now. */
	readonly now?: () => number;
	/** Whether a mention raises a desktop notification while the terminal is in the background. */
	readonly notify?: boolean;
	/** Write a notification's bytes; default: to the terminal. */
	readonly onNotify?: (bytes: string) => void;
	/** Where the read position is kept (asked after the first frame); none: not kept. */
	readonly readFile?: () => string;
};

/**
 * The chat screen: the log, the user list, the status bar and the input line, for the chat it is
 * given (its state and what can be done with it; IO is the giver's, see app.tsx).
 */
export function ChatScreen(props: ChatScreenProps) {
	const {chat, columns, rows, lang, labels, onBell, now, notify, onNotify} = props;
	const {state} = chat;
	const display = useDisplay();
	const tooSmall = isTooSmall(columns, rows);
	const [screen, dispatchScreen, readScreen] = useSyncReducer(screenReducer, () =>
		initialScreenState(props.bell),
	);
	const terminalFocused = useTerminalFocus();
	const read = useReadPosition({file: props.readFile, state, focused: terminalFocused});
	const editor = useLineEditor();
	const searchEditor = useLineEditor();
	const layout = chatLayout({columns, rows, screen, state, labels});
	const log = useChatLog({
		chat,
		screen,
		labels,
		lang,
		width: layout.logWidth,
		height: layout.bodyRows,
		bottomHeight: layout.bottomRows,
		showTime: layout.showTime,
		display,
		unread: read.marker,
	});
	useReadTracking({
		read,
		layout: log.layout,
		window: log.window,
		liveCount: state.liveCount,
		dispatchScreen,
	});
	const alerts = {onBell, now, notify, onNotify};
	useMentionAlerts(state, {focused: terminalFocused, bell: screen.bell}, alerts);
	// Sorted when the list changes, and then only who came and left; never per keystroke.
	const roster = useRoster(state.users, state.me.userId);
	const {paneHeight} = layout;
	useScreenKeys({
		chat,
		labels,
		lang,
		readScreen,
		dispatchScreen,
		editor,
		searchEditor,
		layout: log.layout,
		page: layout.page,
		roster,
		userPage: userRows(paneHeight),
		panelShown: layout.showPanel,
		help: {maxScroll: helpMaxScroll(paneHeight), page: Math.max(1, helpRows(paneHeight) - 1)},
		onRedraw: props.onRedraw,
		maxLength: props.maxLength ?? defaultMaxLength,
		active: !tooSmall,
	});

	if (tooSmall) {
		// The chat stays connected underneath; only the layout waits for room.
		return <TooSmall columns={columns} rows={rows} height={rows} labels={labels} />;
	}

	return (
		<ChatView
			layout={layout}
			columns={columns}
			screen={screen}
			state={state}
			log={log}
			roster={roster}
			line={screen.prompting ? searchEditor.line : editor.line}
			awayUnread={read.awayUnread}
			server={props.server}
			insecure={props.insecure === true}
			labels={labels}
			lang={lang}
		/>
	);
}
