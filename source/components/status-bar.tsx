import {Box, Text} from 'ink';
import {useCountdown} from '../hooks/use-countdown.js';
import type {Labels} from '../i18n.js';
import type {ConnectionState} from '../protocol/socket-client.js';
import {padEnd, textWidth, truncate} from '../state/wrap.js';
import {theme, type Style} from '../theme.js';

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
	rttMs: number | undefined,
	secondsLeft: number | undefined,
	labels: Labels,
): {text: string; style: Style} {
	switch (connection.status) {
		case 'connecting': {
			return {text: `◌ ${labels.connecting}…`, style: theme.statusWarn};
		}

		case 'online': {
			const rtt = rttMs === undefined ? '' : ` ${rttMs} ms`;
			return {text: `● ${labels.statusOnline}${rtt}`, style: theme.statusOnline};
		}

		case 'reconnecting': {
			const wait = secondsLeft === undefined ? '' : `, ${labels.retryIn} ${secondsLeft} s`;
			return {
				text: `◌ ${labels.reconnecting} (${labels.attempt} ${connection.attempt}${wait})`,
				style: theme.statusWarn,
			};
		}

		case 'offline': {
			return {text: `○ ${labels.offline}`, style: theme.statusError};
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
	const state = connectionLabel(connection, rttMs, secondsLeft, labels);
	const host = server.replace(/^https?:\/\//, '');
	const left = ` ${truncate(host, Math.max(8, Math.floor(width / 4)))} │ `;
	const middle = ` │ ${truncate(username, 20)} `;
	const used = textWidth(left) + textWidth(state.text) + textWidth(middle);
	const rest = Math.max(0, width - used);
	const noteText = note
		? padEnd(` ${truncate(note, Math.max(0, rest - 2))}`, rest)
		: ' '.repeat(rest);
	return (
		<Box width={width} height={1} overflow="hidden">
			<Text wrap="truncate-end" {...theme.statusBar}>
				{left}
				<Text {...state.style}>{state.text}</Text>
				{middle}
				<Text {...(noteIsError ? theme.statusError : {})}>{noteText}</Text>
			</Text>
		</Box>
	);
}
