/**
 * A sliding-window limit: at most `messages` events in any `perMs` milliseconds.
 * Keeps the times of the last `messages` accepted events in a ring.
 */
export class RateLimiter {
	readonly #times: number[] = [];
	#next = 0;

	constructor(
		private readonly messages: number,
		private readonly perMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** Records an event and says whether it is within the limit. Refused events are not recorded. */
	tryTake(): boolean {
		const now = this.now();
		if (this.#times.length < this.messages) {
			this.#times.push(now);
			return true;
		}

		const oldest = this.#times[this.#next]!;
		if (now - oldest < this.perMs) {
			return false;
		}

		this.#times[this.#next] = now;
		this.#next = (this.#next + 1) % this.messages;
		return true;
	}
}
