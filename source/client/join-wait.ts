import type {ConnectionState} from '../protocol/socket-client.js';
import type {ChatClientEvents} from './client-options.js';

/**
 * `connect` did not join: within its timeout (the client keeps trying until `close()`), or, with
 * `retry: false`, at the first failure (the client is closed, so a script can exit).
 */
export class ChatConnectError extends Error {
	override readonly name = 'ChatConnectError';
}

/** What a connect waits on: the client's events, and what it knows of its last failure. */
type Joinable = {
	readonly url: string;
	on<Name extends keyof ChatClientEvents>(name: Name, listener: ChatClientEvents[Name]): () => void;
	close(): void;
};

/**
 * Settles at the next join, or rejects with a ChatConnectError after `timeoutMs` (`Infinity`:
 * never); with `retry` false, at the first refused or lost attempt too, and closes the client.
 */
export async function untilJoined(
	client: Joinable,
	options: {
		readonly timeoutMs: number;
		readonly retry: boolean;
		/** Why the last attempt failed, for the time-out's message. */
		readonly lastProblem: () => string;
		readonly closed: () => boolean;
	},
): Promise<void> {
	const {timeoutMs, retry} = options;
	return new Promise<void>((resolve, reject) => {
		const stop: Array<() => void> = [];
		const finish = (error?: Error) => {
			clearTimeout(timer);
			for (const off of stop) {
				off();
			}

			if (error) {
				if (!retry) {
					client.close();
				}

				reject(error);
			} else {
				resolve();
			}
		};

		const timer = Number.isFinite(timeoutMs)
			? setTimeout(() => {
					const why = options.lastProblem() ? `: ${options.lastProblem()}` : '';
					finish(
						new ChatConnectError(
							`cannot connect to ${client.url} within ${timeoutMs / 1000} s${why}`,
						),
					);
				}, timeoutMs)
			: undefined;
		stop.push(
			client.on('joined', () => {
				finish();
			}),
			client.on('state', (state: ConnectionState) => {
				if (!retry && state.status === 'reconnecting') {
					finish(new ChatConnectError(`cannot connect to ${client.url}: ${state.reason}`));
				} else if (state.status === 'offline' && options.closed()) {
					finish(new ChatConnectError('the client was closed before it could join'));
				}
			}),
		);
	});
}
