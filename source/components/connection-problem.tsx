import {Box, Text} from 'ink';
import {useCountdown} from '../hooks/use-countdown.js';
import {fill, type Labels} from '../look/i18n.js';
import type {ConnectionState} from '../protocol/socket-client.js';
import {truncate} from '../state/wrap.js';
import {useDisplay} from './display-context.js';

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
	const {theme, glyphs} = useDisplay();
	const boxWidth = Math.min(width, 72);
	// Inside the border and the padding; cut here so the ellipsis is the terminal's kind.
	const inner = Math.max(1, boxWidth - 6);
	const cut = (text: string) => truncate(text, inner, glyphs.ellipsis);
	const retry = fill(labels.retryingIn, {s: seconds ?? 0, n: connection.attempt});
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
				borderStyle={glyphs.box}
				borderColor={theme.alertBorder}
				paddingX={2}
				width={boxWidth}
			>
				<Text bold wrap="truncate-end">
					{cut(`${labels.cannotReach} ${server}`)}
				</Text>
				<Text {...theme.errorText} wrap="wrap">
					{detail ?? connection.reason}
				</Text>
				<Text {...theme.hint} wrap="truncate-end">
					{cut(`${retry}${glyphs.text(' · ')}${labels.quitHint}`)}
				</Text>
			</Box>
		</Box>
	);
}
