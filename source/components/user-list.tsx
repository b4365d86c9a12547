import {Box, Text} from 'ink';
import type {Labels} from '../i18n.js';
import type {User} from '../protocol/types.js';
import {textWidth, truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';

export type UserListProps = {
	readonly users: readonly User[];
	readonly count: number;
	readonly userId: string;
	readonly width: number;
	readonly height: number;
	readonly labels: Labels;
	/** The list has the focus: its title is marked and the selection shows. */
	readonly focused?: boolean;
	/** Index of the selected user, in the sorted list. */
	readonly selected?: number;
};

/** Own entry first, then by name. */
export function sortUsers(users: readonly User[], userId: string): User[] {
	return [...users].sort(
		(a, b) =>
			Number(b.userId === userId) - Number(a.userId === userId) ||
			a.username.localeCompare(b.username, undefined, {sensitivity: 'base'}),
	);
}

/** The first user shown: the selection stays in view, with a row left for "+N" below. */
function firstShown(total: number, rows: number, selected: number | undefined): number {
	if (total <= rows || selected === undefined) {
		return 0;
	}

	return Math.max(0, Math.min(selected - Math.floor((rows - 1) / 2), total - (rows - 1)));
}

/**
 * The panel of who is online, titled "Online (N)", the user's own entry marked. With the focus
 * the title reads "▸ Online (N)" and the selected user is highlighted.
 */
export function UserList({
	users,
	count,
	userId,
	width,
	height,
	labels,
	focused = false,
	selected,
}: UserListProps) {
	const {theme, glyphs} = useDisplay();
	const {ellipsis} = glyphs;
	const pointerMark = `${glyphs.text('▸')} `;
	const inner = width - 2;
	const rows = height - 1;
	const sorted = sortUsers(users, userId);
	const selection = focused && selected !== undefined ? selected : undefined;
	const from = firstShown(sorted.length, rows, selection);
	const shown = sorted.length > rows ? sorted.slice(from, from + rows - 1) : sorted;
	const hidden = sorted.length - shown.length;
	return (
		<Box
			borderDimColor
			flexDirection="column"
			width={width}
			height={height}
			borderStyle={glyphs.rule}
			borderTop={false}
			borderRight={false}
			borderBottom={false}
			paddingLeft={1}
			overflow="hidden"
		>
			<Text wrap="truncate-end" {...(focused ? theme.focused : theme.panelTitle)}>
				{truncate(`${focused ? pointerMark : ''}${labels.online} (${count})`, inner, ellipsis)}
			</Text>
			{shown.map((user, index) => {
				const own = user.userId === userId;
				const marker = own ? ` (${labels.me})` : '';
				const isSelected = selection === from + index;
				// Marked in text as well as in colour: NO_COLOR terminals show no inverse.
				const pointer = isSelected ? pointerMark : '';
				return (
					<Text
						key={`${user.userId}\u0000${user.username}`}
						wrap="truncate-end"
						{...(isSelected ? theme.selected : {})}
					>
						{pointer}
						<Text {...theme.name(user.username, own)}>
							{truncate(user.username, inner - textWidth(marker) - textWidth(pointer), ellipsis)}
						</Text>
						{own ? <Text {...theme.ownMarker}>{marker}</Text> : null}
					</Text>
				);
			})}
			{hidden > 0 ? <Text {...theme.hint}>{truncate(`+${hidden}`, inner, ellipsis)}</Text> : null}
		</Box>
	);
}
