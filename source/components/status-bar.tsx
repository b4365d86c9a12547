import {Box, Text} from 'ink';
import {defaultDisplay, type Display} from '../look/display.js';
import {useCountdown} from '../hooks/use-countdown.js';
import {fill, type Labels} from '../look/i18n.js';
import type {ConnectionState} from '../protocol/socket-client.js';
import {padEnd, textWidth, truncate, truncateWords} from '../state/wrap.js';
import type {Style} from '../look/theme.js';
import {useDisplay} from './display-context.js';

export type StatusBarProps = {
	readonly server: string;
	readonly connection: ConnectionState;
	readonly rttMs: number | undefined;
	readonly username: string;
	readonly width: number;
	readonly labels: Labels;
	/** Right-aligned extra text: a warning or the newest error. */
	readonly note?: string;
	readonly noteIsError?: boolean;
};

export function connectionLabel(
	connection: ConnectionState,
	timing: {readonly rttMs?: number; readonly secondsLeft?: number},
	labels: Labels,
	{theme, glyphs}: Display = defaultDisplay,
): {text: string; style: Style} {
	const {rttMs, secondsLeft} = timing;
	const mark = glyphs.text;
	switch (connection.status) {
		case 'connecting': {
			return {text: mark(`◌ ${labels.connecting}…`), style: theme.statusWarn};
		}

		case 'online': {
			const rtt = rttMs === undefined ? '' : ` ${rttMs} ms`;
			return {text: mark(`● ${labels.statusOnline}${rtt}`), style: theme.statusOnline};
		}

		case 'reconnecting': {
			const text =
				secondsLeft === undefined
					? fill(labels.reconnectingTry, {n: connection.attempt})
					: fill(labels.reconnectingWait, {n: connection.attempt, s: secondsLeft});
			return {
				text: mark(`◌ ${text}`),
				style: theme.statusWarn,
			};
		}

		case 'offline': {
			return {text: mark(`○ ${labels.offline}`), style: theme.statusError};
		}
	}
}

/** One line: server, connection state with round-trip time, the user's name, then a note. */
export function StatusBar({
	server,
	connection,
	rttMs,
	username,
	width,
	labels,
	note,
	noteIsError,
}: StatusBarProps) {
	const secondsLeft = useCountdown(
		connection.status === 'reconnecting' ? connection.retryAt : undefined,
	);
	const display = useDisplay();
	const {theme, glyphs} = display;
	const {ellipsis} = glyphs;
	const state = connectionLabel(connection, {rttMs, secondsLeft}, labels, display);
	const host = server.replace(/^https?:\/\//, '');
	const separator = ` ${glyphs.text('│')} `;
	// The connection state first, then the name, then the server; what does not fit is cut or
	// left out, so the bar never runs past the terminal's edge.
	const stateText = truncate(state.text, Math.max(1, width - 2), ellipsis);
	let room = width - 2 - textWidth(stateText);
	// Room kept for the note (a warning, an error), unless the name would get too little.
	const noteRoom = note ? Math.min(textWidth(note) + 2, 24) : 0;
	const nameFor = (reserve: number) =>
		Math.min(textWidth(username), 20, room - textWidth(separator) - reserve);
	let nameCells = nameFor(noteRoom) >= 8 ? nameFor(noteRoom) : nameFor(0);
	room -= nameCells >= 3 ? textWidth(separator) + nameCells : 0;
	const hostCells = Math.min(
		textWidth(host),
		Math.max(8, Math.floor(width / 4)),
		room - textWidth(separator) - noteRoom,
	);
	const hostText = hostCells >= 4 ? `${truncate(host, hostCells, ellipsis)}${separator}` : '';
	room -= textWidth(hostText);
	// A long name (a Chinese one is two cells a character) takes the room nothing else uses.
	if (nameCells >= 3 && nameCells < textWidth(username)) {
		const grow = Math.max(0, Math.min(textWidth(username) - nameCells, room - noteRoom));
		nameCells += grow;
		room -= grow;
	}

	const name = nameCells >= 3 ? `${separator}${truncate(username, nameCells, ellipsis)}` : '';
	const left = ` ${hostText}`;
	const middle = `${name} `;
	const rest = Math.max(0, room);
	// A note cut to a few cells says nothing: it shows when at least a word of it fits. A long one
	// is cut after a whole word; errors are in the log in full.
	const noteText =
		note && rest >= 8
			? padEnd(` ${truncateWords(note, rest - 2, ellipsis)}`, rest, ellipsis)
			: ' '.repeat(rest);
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end" {...theme.statusBar}>
				{left}
				<Text {...state.style}>{stateText}</Text>
				{middle}
				<Text {...(noteIsError ? theme.statusError : {})}>{noteText}</Text>
			</Text>
		</Box>
	);
}
