/** A fixed-capacity ring of the most recent items: push is O(1), the oldest fall out. */
export class HistoryBuffer<T> {
	readonly #items: T[] = [];
	#start = 0;

	constructor(readonly capacity: number) {
		if (!Number.isSafeInteger(capacity) || capacity < 1) {
			throw new RangeError('capacity must be a positive integer');
		}
	}

	get size(): number {
		return this.#items.length;
	}

	push(item: T): void {
		if (this.#items.length < this.capacity) {
			this.#items.push(item);
			return;
		}

		this.#items[this.#start] = item;
		this.#start = (this.#start + 1) % this.capacity;
	}

	/** Items `from` (inclusive) to `to` (exclusive), oldest first, like Array#slice with non-negative bounds. */
	slice(from: number, to: number): T[] {
		const end = Math.min(Math.max(to, 0), this.size);
		const result: T[] = [];
		for (let index = Math.max(from, 0); index < end; index++) {
			result.push(this.#items[(this.#start + index) % this.#items.length]!);
		}

		return result;
	}
}
