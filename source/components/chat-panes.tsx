import {Box} from 'ink';
import {type Labels, type Lang} from '../look/i18n.js';
import {onlineCount, type ChatState} from '../state/chat-state.js';
import type {DisplayLine} from '../state/log-lines.js';
import {selectedIndex, type Roster} from '../state/roster.js';
import {newBelow, type ScreenState, type Search} from '../state/screen-state.js';
import {panelWidth, type ChatLayout} from './chat-layout.js';
import {ConnectionProblem} from './connection-problem.js';
import {HelpOverlay} from './help-overlay.js';
import {LogFooter} from './log-footer.js';
import {MessageLog} from './message-log.js';
import {UserList} from './user-list.js';

export type ChatPanesProps = {
	readonly layout: ChatLayout;
	readonly columns: number;
	readonly screen: ScreenState;
	readonly state: ChatState;
	/** The log's lines in view, and the search's matches (see useChatLog). */
	readonly lines: readonly DisplayLine[];
	readonly matches: readonly string[];
	readonly roster: Roster;
	readonly server: string;
	readonly labels: Labels;
	readonly lang: Lang;
};

/** Where the search stands, counted from the newest match (the first one a search shows). */
function searchPosition(search: Search, matches: readonly string[]) {
	const at = search.current === undefined ? -1 : matches.indexOf(search.current);
	return {query: search.query, at: at === -1 ? 0 : matches.length - at, total: matches.length};
}

/**
 * The screen above the status bar: the help, the reason the first connection fails, or the log
 * with its footer; and the user list beside them when it shows.
 */
export function ChatPanes(props: ChatPanesProps) {
	const {layout, screen, state, labels} = props;
	const {logWidth, paneHeight, focus} = layout;
	const {search} = screen;
	const footer = layout.footerShown ? (
		<LogFooter
			width={logWidth}
			labels={labels}
			focused={focus === 'log'}
			following={layout.following}
			newCount={newBelow(screen, state.liveCount)}
			loadingNewer={state.newer?.status === 'loading'}
			search={search ? searchPosition(search, props.matches) : undefined}
		/>
	) : undefined;
	return (
		<Box flexDirection="row" height={paneHeight}>
			{screen.help ? (
				<HelpOverlay
					width={props.columns}
					height={paneHeight}
					scroll={screen.help.scroll}
					labels={labels}
					lang={props.lang}
				/>
			) : !state.everOnline && state.connection.status === 'reconnecting' ? (
				<ConnectionProblem
					server={props.server}
					connection={state.connection}
					detail={state.lastError}
					width={logWidth}
					height={paneHeight}
					labels={labels}
				/>
			) : (
				<MessageLog
					lines={props.lines}
					width={logWidth}
					height={paneHeight}
					banner={layout.banner}
					footer={footer}
				/>
			)}
			{layout.showPanel && !screen.help ? (
				<UserList
					users={props.roster.users}
					count={onlineCount(state)}
					userId={state.me.userId}
					username={state.me.username}
					width={panelWidth}
					height={paneHeight}
					labels={labels}
					focused={focus === 'users'}
					selected={selectedIndex(props.roster, {
						index: screen.selectedUser,
						userId: screen.selectedUserId,
					})}
				/>
			) : null}
		</Box>
	);
}
