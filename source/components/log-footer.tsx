import {Box, Text} from 'ink';
import {fill, type Labels} from '../look/i18n.js';
import {padEnd, textWidth, truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';

export type LogFooterProps = {
	readonly width: number;
	readonly labels: Labels;
	/** The log has the focus: the marker shows. */
	readonly focused: boolean;
	/** The view follows new messages (it is at the bottom). */
	readonly following: boolean;
	/** Live messages that came since the view left the bottom. */
	readonly newCount: number;
	readonly loadingNewer?: boolean;
	readonly search?: {readonly query: string; readonly at: number; readonly total: number};
};

/** Whether the log needs its footer line at all. */
export const showsFooter = (props: {
	readonly focused: boolean;
	readonly following: boolean;
	readonly searching: boolean;
}) => props.focused || !props.following || props.searching;

/**
 * The log's last line: "▸ log" while it has the focus, the search's position, and on the right
 * "N new ↓ (End)" (or "more below") while the view is scrolled up.
 */
export function LogFooter({
	width,
	labels,
	focused,
	following,
	newCount,
	loadingNewer,
	search,
}: LogFooterProps) {
	const {theme, glyphs} = useDisplay();
	const marker = focused ? `${labels.logFocus} ` : '';
	const searchText = search
		? search.total === 0
			? fill(labels.noMatch, {q: search.query})
			: fill(labels.searchStatus, {q: search.query, i: search.at, n: search.total})
		: '';
	const right = loadingNewer
		? labels.newerLoading
		: following
			? ''
			: newCount > 0
				? fill(labels.newMessages, {n: newCount})
				: labels.moreBelow;
	const rightText = right ? ` ${right}` : '';
	const room = Math.max(0, width - textWidth(marker) - textWidth(rightText));
	const middle = padEnd(
		truncate(searchText ? ` ${searchText}` : '', room, glyphs.ellipsis),
		room,
		glyphs.ellipsis,
	);
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end">
				{marker ? <Text {...theme.focused}>{marker}</Text> : null}
				<Text {...(search?.total === 0 ? theme.error : theme.hint)}>{middle}</Text>
				<Text {...(newCount > 0 ? theme.newBelow : theme.hint)}>{rightText}</Text>
			</Text>
		</Box>
	);
}
