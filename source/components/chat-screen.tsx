import {Box} from 'ink';
import {useBell} from '../hooks/use-bell.js';
import type {Chat} from '../hooks/use-chat.js';
import {useLineEditor} from '../hooks/use-line-editor.js';
import {useRoster} from '../hooks/use-roster.js';
import {useNotify} from '../hooks/use-notify.js';
import {useReadPosition, useReadTracking} from '../hooks/use-read-position.js';
import {useTerminalFocus} from '../hooks/use-terminal-focus.js';
import {useChatLog} from '../hooks/use-chat-log.js';
import {useFresh} from '../hooks/use-fresh.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useSyncReducer} from '../hooks/use-sync-reducer.js';
import {fill, type Labels} from '../look/i18n.js';
import type {Lang} from '../cli/options.js';
import {defaultMaxLength} from '../protocol/content-limit.js';
import type {ChatState} from '../state/chat-state.js';
import {initialScreenState, screenReducer} from '../state/screen-state.js';
import {useDisplay} from './display-context.js';
import {BottomLine} from './bottom-line.js';
import {chatLayout} from './chat-layout.js';
import {ChatPanes} from './chat-panes.js';
import {helpMaxScroll, helpRows} from './help-overlay.js';
import {StatusBar} from './status-bar.js';
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

/** How long an error stays in the status bar. */
const statusFadeMs = 6000;

/**
 * The status bar's note: a warning while TLS certificates are not checked (--insecure), lines
 * not sent, the newest error, or a hint.
 */
function statusNote(
	state: ChatState,
	labels: Labels,
	options: {showPanel: boolean; insecure: boolean; separator: string; away: number},
) {
	const {showPanel, insecure, separator, away} = options;
	const failed = state.pending.filter((pending) => pending.status === 'failed').length;
	const note =
		failed > 0
			? `${failed} ${labels.failed}${separator}${labels.retryHint}`
			: (state.lastError ?? (showPanel ? undefined : labels.panelHint));
	// While the terminal is in the background: what came meanwhile.
	const unread = away > 0 ? fill(labels.unreadMarker, {n: away}) : undefined;
	return {
		note:
			[insecure ? labels.insecure : undefined, unread, note].filter(Boolean).join(separator) ||
			undefined,
		isError: insecure || state.lastError !== undefined || failed > 0,
	};
}

/**
 * The chat screen: the log, the user list, the status bar and the input line, for the chat it is
 * given (its state and what can be done with it; IO is the giver's, see app.tsx).
 */
export function ChatScreen(props: ChatScreenProps) {
	const {chat, columns, rows, lang, labels} = props;
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
	// An error in the status bar fades after a while; the log keeps it.
	const errorKey =
		state.lastError === undefined ? undefined : `${state.nextLocalId}:${state.lastError}`;
	const errorFresh = useFresh(errorKey, statusFadeMs);
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
	useBell(state.mentionCount, screen.bell, props.onBell, props.now);
	useNotify({
		state,
		focused: terminalFocused,
		enabled: props.notify ?? true,
		write: props.onNotify,
	});
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

	const status = statusNote(errorFresh ? state : {...state, lastError: undefined}, labels, {
		showPanel: layout.showPanel,
		insecure: props.insecure === true,
		separator: display.glyphs.text(' · '),
		away: read.awayUnread,
	});
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<ChatPanes
				layout={layout}
				columns={columns}
				screen={screen}
				state={state}
				lines={log.lines}
				matches={log.matches}
				roster={roster}
				server={props.server}
				labels={labels}
				lang={lang}
			/>
			<StatusBar
				server={props.server}
				connection={state.connection}
				rttMs={state.rttMs}
				username={state.me.username}
				width={columns}
				labels={labels}
				note={status.note}
				noteIsError={status.isError}
			/>
			<BottomLine
				screen={screen}
				unsent={state.pending.length}
				line={screen.prompting ? searchEditor.line : editor.line}
				width={columns}
				labels={labels}
				inputFocused={layout.focus === 'input'}
			/>
		</Box>
	);
}
