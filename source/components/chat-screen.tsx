import {Box, Text} from 'ink';
import {useBell} from '../hooks/use-bell.js';
import {useChat, type ChatConnection} from '../hooks/use-chat.js';
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
import {onlineCount, type ChatState} from '../state/chat-state.js';
import type {LineState} from '../state/line-editor.js';
import {selectedIndex} from '../state/roster.js';
import {
	initialScreenState,
	newBelow,
	screenReducer,
	type ScreenState,
	type Search,
} from '../state/screen-state.js';
import {useDisplay} from './display-context.js';
import {ConnectionProblem} from './connection-problem.js';
import {HelpOverlay, helpMaxScroll, helpRows} from './help-overlay.js';
import {InputLine} from './input-line.js';
import {LogFooter, showsFooter} from './log-footer.js';
import {MessageLog} from './message-log.js';
import {StatusBar} from './status-bar.js';
import {isTooSmall, TooSmall} from './too-small.js';
import {UserList, userRows} from './user-list.js';

export type ChatScreenProps = {
	readonly connection: ChatConnection;
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

/** The panel shows from this width on, unless the user toggled it. */
const panelMinColumns = 60;
const panelWidth = 22;
/** How long an error stays in the status bar. */
const statusFadeMs = 6000;
/** Log lines start with the time from this terminal width on. */
const timeMinColumns = 50;

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

/** Where the search stands, counted from the newest match (the first one a search shows). */
function searchPosition(search: Search, matches: readonly string[]) {
	const at = search.current === undefined ? -1 : matches.indexOf(search.current);
	return {query: search.query, at: at === -1 ? 0 : matches.length - at, total: matches.length};
}

/** The input line, the search prompt in its place, or the question before quitting. */
function BottomLine(props: {
	readonly screen: ScreenState;
	readonly unsent: number;
	readonly line: LineState;
	readonly width: number;
	readonly labels: Labels;
	readonly inputFocused: boolean;
}) {
	const {screen, labels} = props;
	const {theme} = useDisplay();
	const focused = props.inputFocused && screen.help === undefined;
	if (screen.confirmingQuit) {
		return (
			<Text wrap="truncate-end" {...theme.statusWarn}>
				{props.unsent} {labels.unsentQuit}
			</Text>
		);
	}

	return screen.prompting ? (
		<InputLine line={props.line} width={props.width} prompt={labels.searchPrompt} />
	) : (
		<InputLine
			line={props.line}
			width={props.width}
			placeholder={labels.placeholder}
			focused={focused}
		/>
	);
}

export function ChatScreen(props: ChatScreenProps) {
	const {connection, columns, rows, lang, labels} = props;
	const display = useDisplay();
	// Every row of the terminal: the input line is its last (see scripts/ink-patches.js).
	const height = rows;
	const tooSmall = isTooSmall(columns, rows);
	const chat = useChat(connection);
	const {state} = chat;
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

	const showPanel = screen.panel ?? columns >= panelMinColumns;
	const logWidth = showPanel ? columns - panelWidth : columns;
	const paneHeight = height - 2;
	const focus = screen.focus === 'users' && !showPanel ? 'input' : screen.focus;

	const following = screen.view.kind === 'bottom';
	const footerAt = (atBottom: boolean) =>
		showsFooter({focused: focus === 'log', following: atBottom, searching: Boolean(screen.search)});
	const footerShown = footerAt(following);
	const banner =
		state.history.status === 'loading' && state.messages.length === 0
			? labels.loadingHistory
			: undefined;
	// The log's rows: the pane's, less the banner and the footer (at the bottom and now).
	const bodyRows = (footer: boolean) => paneHeight - (footer ? 1 : 0) - (banner ? 1 : 0);
	const {layout, window, lines, matches} = useChatLog({
		chat,
		screen,
		labels,
		lang,
		width: logWidth,
		height: bodyRows(footerShown),
		bottomHeight: bodyRows(footerAt(true)),
		// The time goes first when the terminal is narrow, whatever the panel leaves the log.
		showTime: columns >= timeMinColumns,
		display,
		unread: read.marker,
	});
	const {search} = screen;
	useReadTracking({read, layout, window, liveCount: state.liveCount, dispatchScreen});

	useBell(state.mentionCount, screen.bell, props.onBell, props.now);
	useNotify({
		state,
		focused: terminalFocused,
		enabled: props.notify ?? true,
		write: props.onNotify,
	});

	// Sorted when the list changes, and then only who came and left; never per keystroke.
	const roster = useRoster(state.users, state.me.userId);
	useScreenKeys({
		chat,
		labels,
		lang,
		readScreen,
		dispatchScreen,
		editor,
		searchEditor,
		layout,
		// A page keeps one line of the last one in view, the same size up and down.
		page: Math.max(1, bodyRows(true) - 1),
		roster,
		userPage: userRows(paneHeight),
		panelShown: showPanel,
		help: {maxScroll: helpMaxScroll(paneHeight), page: Math.max(1, helpRows(paneHeight) - 1)},
		onRedraw: props.onRedraw,
		maxLength: props.maxLength ?? defaultMaxLength,
		active: !tooSmall,
	});

	if (tooSmall) {
		// The chat stays connected underneath; only the layout waits for room.
		return <TooSmall columns={columns} rows={rows} height={height} labels={labels} />;
	}

	const status = statusNote(errorFresh ? state : {...state, lastError: undefined}, labels, {
		showPanel,
		insecure: connection.insecure === true,
		separator: display.glyphs.text(' · '),
		away: read.awayUnread,
	});
	const footer = footerShown ? (
		<LogFooter
			width={logWidth}
			labels={labels}
			focused={focus === 'log'}
			following={following}
			newCount={newBelow(screen, state.liveCount)}
			loadingNewer={state.newer?.status === 'loading'}
			search={search ? searchPosition(search, matches) : undefined}
		/>
	) : undefined;
	return (
		<Box flexDirection="column" width={columns} height={height}>
			<Box flexDirection="row" height={paneHeight}>
				{screen.help ? (
					<HelpOverlay
						width={columns}
						height={paneHeight}
						scroll={screen.help.scroll}
						labels={labels}
						lang={lang}
					/>
				) : !state.everOnline && state.connection.status === 'reconnecting' ? (
					<ConnectionProblem
						server={connection.serverUrl}
						connection={state.connection}
						detail={state.lastError}
						width={logWidth}
						height={paneHeight}
						labels={labels}
					/>
				) : (
					<MessageLog
						lines={lines}
						width={logWidth}
						height={paneHeight}
						banner={banner}
						footer={footer}
					/>
				)}
				{showPanel && !screen.help ? (
					<UserList
						users={roster.users}
						count={onlineCount(state)}
						userId={state.me.userId}
						username={state.me.username}
						width={panelWidth}
						height={paneHeight}
						labels={labels}
						focused={focus === 'users'}
						selected={selectedIndex(roster, {
							index: screen.selectedUser,
							userId: screen.selectedUserId,
						})}
					/>
				) : null}
			</Box>
			<StatusBar
				server={connection.serverUrl}
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
				inputFocused={focus === 'input'}
			/>
		</Box>
	);
}
