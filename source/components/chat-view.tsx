import {Box} from 'ink';
import {useFresh} from '../hooks/use-fresh.js';
import {fill, type Labels, type Lang} from '../look/i18n.js';
import type {ChatState} from '../state/chat-state.js';
import type {LineState} from '../state/line-editor.js';
import type {DisplayLine} from '../state/log-lines.js';
import type {Roster} from '../state/roster.js';
import type {ScreenState} from '../state/screen-state.js';
import {BottomLine} from './bottom-line.js';
import type {ChatLayout} from './chat-layout.js';
import {ChatPanes} from './chat-panes.js';
import {useDisplay} from './display-context.js';
import {StatusBar} from './status-bar.js';

export type ChatViewProps = {
	readonly layout: ChatLayout;
	readonly columns: number;
	readonly screen: ScreenState;
	readonly state: ChatState;
	/** The log's lines in view, and the search's matches (see useChatLog). */
	readonly log: {readonly lines: readonly DisplayLine[]; readonly matches: readonly string[]};
	readonly roster: Roster;
	/** The line being edited: the input line's, or the search prompt's. */
	readonly line: LineState;
	/** While the terminal is in the background: the messages that came meanwhile. */
	readonly awayUnread: number;
	readonly server: string;
	readonly insecure: boolean;
	readonly labels: Labels;
	readonly lang: Lang;
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

/** What the chat screen shows: the panes, the status bar, and the input line. */
export function ChatView(props: ChatViewProps) {
	const {layout, columns, screen, state, labels} = props;
	const display = useDisplay();
	// An error in the status bar fades after a while; the log keeps it.
	const errorKey =
		state.lastError === undefined ? undefined : `${state.nextLocalId}:${state.lastError}`;
	const errorFresh = useFresh(errorKey, statusFadeMs);
	const status = statusNote(errorFresh ? state : {...state, lastError: undefined}, labels, {
		showPanel: layout.showPanel,
		insecure: props.insecure,
		separator: display.glyphs.text(' · '),
		away: props.awayUnread,
	});
	return (
		<Box flexDirection="column" width={columns} height={layout.height}>
			<ChatPanes
				layout={layout}
				columns={columns}
				screen={screen}
				state={state}
				lines={props.log.lines}
				matches={props.log.matches}
				roster={props.roster}
				server={props.server}
				labels={labels}
				lang={props.lang}
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
				line={props.line}
				width={columns}
				labels={labels}
				inputFocused={layout.focus === 'input'}
			/>
		</Box>
	);
}
