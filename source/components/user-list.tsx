import {Box, Text} from 'ink';
import {memo} from 'react';
import {fill, groupDigits, type Labels} from '../look/i18n.js';
import type {User} from '../protocol/types.js';
import {needsQuotes} from '../state/display-rules.js';
import {textWidth, truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';

export type UserListProps = {
	/** Who is online, in the panel's order (see state/roster.ts): own entry first, then by name. */
	readonly users: readonly User[];
	readonly count: number;
	readonly userId: string;
	/**
	 * The name this session joined with. One account open twice shows as two entries of one
	 * userId: the one under this name is marked "(me)", the others "(also me)".
	 */
	readonly username?: string;
	readonly width: number;
	readonly height: number;
	readonly labels: Labels;
	/** The list has the focus: its title is marked and the selection shows. */
	readonly focused?: boolean;
	/** Index of the selected user, in `users`. */
	readonly selected?: number;
};

/** Rows of names a panel of `height` shows when the list does not fit: the title and the position take two. */
export const userRows = (height: number) => Math.max(1, height - 2);

/** The first user shown: the selection stays in view, near the middle. */
function firstShown(total: number, rows: number, selected: number | undefined): number {
	if (selected === undefined) {
		return 0;
	}

	return Math.max(0, Math.min(selected - Math.floor(rows / 2), total - rows));
}

function UserRow(props: {
	readonly user: User;
	readonly own: boolean;
	/** Our account, but another session of it (another name). */
	readonly elsewhere: boolean;
	readonly selected: boolean;
	readonly inner: number;
	readonly labels: Labels;
}) {
	const {user, own, elsewhere, selected, inner, labels} = props;
	const {theme, glyphs} = useDisplay();
	const marker = own ? ` (${elsewhere ? labels.meElsewhere : labels.me})` : '';
	// Marked in text as well as in colour: NO_COLOR terminals show no inverse.
	const pointer = selected ? `${glyphs.text('▸')} ` : '';
	return (
		<Text wrap="truncate-end" {...(selected ? theme.selected : {})}>
			{pointer}
			<Text {...theme.name(user.username, own)}>
				{truncate(
					// Quoted where it could pass for the own marker or the system.
					needsQuotes(user.username, labels.system)
						? glyphs.text(`\u201C${user.username}\u201D`)
						: user.username,
					inner - textWidth(marker) - textWidth(pointer),
					glyphs.ellipsis,
				)}
			</Text>
			{own ? <Text {...theme.ownMarker}>{marker}</Text> : null}
		</Text>
	);
}

/**
 * The panel of who is online, titled "Online (N)", the user's own entry marked. With the focus
 * the title reads "▸ Online (N)" and the selected user is highlighted. Only the rows on screen
 * are drawn; when the list does not fit, its last row says where they are ("1,203–1,230 of
 * 5,001").
 */
function UserListPanel({
	users,
	count,
	userId,
	username,
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
	const fits = users.length <= height - 1;
	const rows = fits ? users.length : userRows(height);
	const selection = focused && selected !== undefined ? selected : undefined;
	const from = fits ? 0 : firstShown(users.length, rows, selection);
	const shown = users.slice(from, from + rows);
	const position = glyphs.text(
		fill(labels.listPosition, {
			from: groupDigits(from + 1),
			to: groupDigits(from + shown.length),
			total: groupDigits(users.length),
		}),
	);
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
				{truncate(
					`${focused ? pointerMark : ''}${labels.online} (${groupDigits(count)})`,
					inner,
					ellipsis,
				)}
			</Text>
			{shown.map((user, index) => (
				<UserRow
					key={`${user.userId}\u0000${user.username}`}
					user={user}
					own={user.userId === userId}
					elsewhere={user.userId === userId && username !== undefined && user.username !== username}
					selected={selection === from + index}
					inner={inner}
					labels={labels}
				/>
			))}
			{fits ? null : <Text {...theme.hint}>{truncate(position, inner, ellipsis)}</Text>}
		</Box>
	);
}

/** Memoized: a keystroke in the input line does not draw the panel again. */
export const UserList = memo(UserListPanel);
