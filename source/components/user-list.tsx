import {Box, Text} from 'ink';
import type {Labels} from '../i18n.js';
import type {User} from '../protocol/types.js';
import {theme} from '../theme.js';
import {textWidth, truncate} from '../state/wrap.js';

export type UserListProps = {
	readonly users: readonly User[];
	readonly count: number;
	readonly userId: string;
	readonly width: number;
	readonly height: number;
	readonly labels: Labels;
};

/** Own entry first, then by name. */
export function sortUsers(users: readonly User[], userId: string): User[] {
	return [...users].sort(
		(a, b) =>
			Number(b.userId === userId) - Number(a.userId === userId) ||
			a.username.localeCompare(b.username, undefined, {sensitivity: 'base'}),
	);
}

/** The panel of who is online, titled "Online (N)", the user's own entry marked. */
export function UserList({users, count, userId, width, height, labels}: UserListProps) {
	const inner = width - 2;
	const rows = height - 1;
	const sorted = sortUsers(users, userId);
	const shown = sorted.length > rows ? sorted.slice(0, rows - 1) : sorted;
	const hidden = sorted.length - shown.length;
	return (
		<Box
			borderDimColor
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="single"
			borderTop={false}
			borderRight={false}
			borderBottom={false}
			paddingLeft={1}
			overflow="hidden"
		>
			<Text wrap="truncate-end" {...theme.panelTitle}>
				{truncate(`${labels.online} (${count})`, inner)}
			</Text>
			{shown.map((user) => {
				const own = user.userId === userId;
				const marker = own ? ` (${labels.me})` : '';
				return (
					<Text key={user.userId} wrap="truncate-end">
						<Text {...theme.name(user.username, own)}>
							{truncate(user.username, inner - textWidth(marker))}
						</Text>
						{own ? <Text {...theme.ownMarker}>{marker}</Text> : null}
					</Text>
				);
			})}
			{hidden > 0 ? <Text {...theme.hint}>{truncate(`+${hidden}`, inner)}</Text> : null}
		</Box>
	);
}
