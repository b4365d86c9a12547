/**
 * One broadcast per room at a bounded rate. The whole user list goes to everyone on each change
 * (5,000 people: 300 KB to each of them), so a burst of joins and leaves is coalesced: the first
 * change after a quiet spell goes out at once, the ones after it at most once per interval, and
 * the last change of a burst always goes out. `send` reads the state when it runs, so what goes
 * out is the newest.
 */
export class BroadcastThrottle {
	#timer: NodeJS.Timeout | undefined;
	#lastSent = Number.NEGATIVE_INFINITY;
	#closed = false;

	constructor(
		private readonly send: () => void,
		private readonly intervalMs = 1000,
	) {}

	/** Something changed: send now, or once the interval since the last send has passed. */
	changed(): void {
		if (this.#timer !== undefined || this.#closed) {
			return;
		}

		const wait = this.#lastSent + this.intervalMs - Date.now();
		if (wait <= 0) {
			this.#sendNow();
			return;
		}

		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.#sendNow();
		}, wait);
	}

	/** Sends nothing more (the server is shutting down). */
	close(): void {
		this.#closed = true;
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}

	#sendNow(): void {
		this.#lastSent = Date.now();
		this.send();
	}
}
