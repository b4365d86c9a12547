import {Box, Text} from 'ink';
import {useCountdown} from '../hooks/use-countdown.js';
import type {Labels} from '../i18n.js';
import type {ConnectionState} from '../protocol/socket-client.js';
import {theme} from '../theme.js';

export type ConnectionProblemProps = {
	readonly server: string;
	readonly connection: Extract<ConnectionState, {status: 'reconnecting'}>;
	readonly width: number;
	readonly height: number;
	readonly labels: Labels;
	/** A more telling error than the socket's, such as the REST call's. */
	readonly detail?: string;
};

/** Shown in place of the log while the server has never been reached: what, why, and when next. */
export function ConnectionProblem({
	server,
	connection,
	width,
	height,
	labels,
	detail,
}: ConnectionProblemProps) {
	const seconds = useCountdown(connection.retryAt);
	return (
		<Box
			width={width}
			height={height}
			flexDirection="column"
			justifyContent="center"
			alignItems="center"
		>
			<Box
				flexDirection="column"
				borderStyle="round"
				borderColor="red"
				paddingX={2}
				width={Math.min(width, 72)}
			>
				<Text bold wrap="truncate-end">
					{labels.cannotReach} {server}
				</Text>
				<Text {...theme.errorText} wrap="wrap">
					{detail ?? connection.reason}
				</Text>
				<Text {...theme.hint} wrap="truncate-end">
					{labels.retryingIn} {seconds ?? 0} s ({labels.attempt} {connection.attempt}) ·{' '}
					{labels.quitHint}
				</Text>
			</Box>
		</Box>
	);
}
