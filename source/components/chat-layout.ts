import type {Labels} from '../look/i18n.js';
import type {ChatState} from '../state/chat-state.js';
import {focusShown, type Focus, type ScreenState} from '../state/screen-state.js';
import {showsFooter} from './log-footer.js';

/** The panel shows from this width on, unless the user toggled it. */
const panelMinColumns = 60;
export const panelWidth = 22;
/** Log lines start with the time from this terminal width on. */
const timeMinColumns = 50;

export type ChatLayout = {
	/** Every row of the terminal: the input line is its last (see patches/ink+6.8.0.patch). */
	readonly height: number;
	readonly showPanel: boolean;
	readonly logWidth: number;
	/** The rows of the log and the panel: all but the status bar and the input line. */
	readonly paneHeight: number;
	/** The focused pane; the user list's focus goes to the input line while it is hidden. */
	readonly focus: Focus;
	/** The view follows new messages (it is at the bottom). */
	readonly following: boolean;
	readonly footerShown: boolean;
	/** "Loading history…" above the log while the first page is on its way. */
	readonly banner: string | undefined;
	/** The log's rows now, and at the bottom (where the footer may not show). */
	readonly bodyRows: number;
	readonly bottomRows: number;
	/** The log's page: one line of the last one stays in view, the same size up and down. */
	readonly page: number;
	/** Whether log lines start with the time. */
	readonly showTime: boolean;
};

/**
 * Where the chat screen's parts go in a terminal of `columns` × `rows`: every row of it, the input
 * line the last (see patches/ink+6.8.0.patch). Pure.
 */
export function chatLayout({
	columns,
	rows,
	screen,
	state,
	labels,
}: {
	readonly columns: number;
	readonly rows: number;
	readonly screen: ScreenState;
	readonly state: ChatState;
	readonly labels: Labels;
}): ChatLayout {
	const showPanel = screen.panel ?? columns >= panelMinColumns;
	const paneHeight = rows - 2;
	const focus = focusShown(screen, showPanel);
	const following = screen.view.kind === 'bottom';
	const footerAt = (atBottom: boolean) =>
		showsFooter({focused: focus === 'log', following: atBottom, searching: Boolean(screen.search)});
	const banner =
		state.history.status === 'loading' && state.messages.length === 0
			? labels.loadingHistory
			: undefined;
	// The log's rows: the pane's, less the banner and the footer.
	const body = (footer: boolean) => paneHeight - (footer ? 1 : 0) - (banner ? 1 : 0);
	return {
		height: rows,
		showPanel,
		logWidth: showPanel ? columns - panelWidth : columns,
		paneHeight,
		focus,
		following,
		footerShown: footerAt(following),
		banner,
		bodyRows: body(footerAt(following)),
		bottomRows: body(footerAt(true)),
		page: Math.max(1, body(true) - 1),
		// The time goes first when the terminal is narrow, whatever the panel leaves the log.
		showTime: columns >= timeMinColumns,
	};
}
