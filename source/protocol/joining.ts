import type {Message} from './types.js';

/**
 * A join the server has not answered yet. The socket tells the join once a ping sent after it
 * is answered (`done` at the pong), or after `timeoutMs` from a server that does not answer, or
 * as the connection ends; the messages that came meanwhile are held and handed on right after
 * it, in the order they came. `cancel` drops it unanswered (the socket is closed).
 */
export class Joining {
	private readonly held: Message[] = [];
	private readonly timer: NodeJS.Timeout;
	private settled = false;

	constructor(
		private readonly onDone: (held: readonly Message[]) => void,
		timeoutMs: number,
	) {
		this.timer = setTimeout(() => {
			this.done();
		}, timeoutMs);
	}

	hold(message: Message): void {
		this.held.push(message);
	}

	done(): void {
		if (!this.settled) {
			this.cancel();
			this.onDone(this.held);
		}
	}

	cancel(): void {
		this.settled = true;
		clearTimeout(this.timer);
	}
}
